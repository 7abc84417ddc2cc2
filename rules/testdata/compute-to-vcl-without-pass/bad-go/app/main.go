package main

import (
	"context"

	"github.com/fastly/compute-sdk-go/fsthttp"
)

func main() {
	fsthttp.ServeFunc(func(ctx context.Context, w fsthttp.ResponseWriter, r *fsthttp.Request) {
		resp, err := r.Send(ctx, "vcl")
		if err != nil {
			w.WriteHeader(fsthttp.StatusBadGateway)
			return
		}
		w.WriteHeader(resp.StatusCode)
	})
}
