package main

import (
	"context"

	"github.com/fastly/compute-sdk-go/configstore"
	"github.com/fastly/compute-sdk-go/fsthttp"
	"github.com/fastly/compute-sdk-go/kvstore"
)

const (
	storeName    = "usernames"
	settingsName = "setting"
)

// kvstore.Open("commented") is not a call
var decoy = `kvstore.Open("raw-string")`

func main() {
	fsthttp.ServeFunc(func(ctx context.Context, w fsthttp.ResponseWriter, r *fsthttp.Request) {
		kv, _ := kvstore.Open(storeName)
		cfg, _ := configstore.Open(settingsName)
		resp, _ := r.Send(ctx, "api")
		_, _, _ = kv, cfg, resp
	})
}
