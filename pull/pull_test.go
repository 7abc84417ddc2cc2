package pull

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chainlint/chainlint/internal/fakefastly"
)

func pullFrom(t *testing.T, fake *fakefastly.Server, token string, slept *[]time.Duration) (*Bundle, error) {
	t.Helper()
	return Pull(context.Background(), Options{
		Endpoint: fake.URL, Token: token, All: true,
		Sleep: func(_ context.Context, d time.Duration) error { *slept = append(*slept, d); return nil },
	})
}

func TestPullAll(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	var slept []time.Duration
	b, err := pullFrom(t, fake, fakefastly.Token, &slept)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Services) != 3 || b.Services[0].ID != "2dnwZTdPkhVYvAbSbd2Tb3" {
		t.Fatalf("services (sorted by ID, both pages): %+v", b.Services)
	}
	www := b.Services[2]
	if www.ActiveVersion == nil || www.ActiveVersion.Number != 7 || www.Version != nil {
		t.Errorf("www's active version: %+v", www)
	}
	var dyn *Object
	for _, s := range www.ActiveVersion.Snippets {
		if s.Get("dynamic") == true {
			dyn = s
		}
	}
	if dyn == nil || !strings.Contains(dyn.Str("content"), "Next-Gen WAF") || dyn.Get("priority") != 9000 {
		t.Errorf("dynamic snippet content not fetched: %+v", dyn)
	}
	if app := b.Services[1]; len(app.ResourceLinks) != 2 || app.ResourceLinks[0].Str("name") != "edge-config" {
		t.Errorf("resource links: %+v", app.ResourceLinks)
	}
	if len(b.Stores) != 3 || b.Stores[0].Type != "config-store" || b.Stores[1].ID != "kvCarts01" || b.Stores[2].ID != "kvSessions01" {
		t.Errorf("stores (bare array, and a cursor over two pages): %+v", b.Stores)
	}
	if len(slept) != 0 {
		t.Errorf("slept %v without a reason", slept)
	}
}

func TestPullRetries(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	fake.Fail429["/service"] = true
	fake.Fail503["/service/6jJ4vVzqXkYbDmQ1cF0Aa/details"] = true
	var slept []time.Duration
	if _, err := pullFrom(t, fake, fakefastly.Token, &slept); err != nil {
		t.Fatal(err)
	}
	if len(slept) != 2 || slept[0] != 2*time.Second || slept[1] != 500*time.Millisecond {
		t.Errorf("waits %v: want Retry-After's 2s, then the first backoff", slept)
	}
	if n := fake.Count("/service/6jJ4vVzqXkYbDmQ1cF0Aa/details"); n != 2 {
		t.Errorf("details requested %d times, want 2", n)
	}
}

func TestPullGivesUp(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	const path = "/service/SU1Z0isxPaozGVKXdv0eY/details"
	fake.Fail503[path] = true
	_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, ServiceIDs: []string{"SU1Z0isxPaozGVKXdv0eY"}, MaxRetries: 2,
		Sleep: func(context.Context, time.Duration) error {
			fake.Fail503[path] = true // fail again: the API stays down
			return nil
		}})
	var api *APIError
	if !errors.As(err, &api) || !strings.Contains(err.Error(), "HTTP 503 after 3 attempts") {
		t.Errorf("err = %v", err)
	}
}

func TestPullBadToken(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	var slept []time.Duration
	_, err := pullFrom(t, fake, "wrong", &slept)
	var auth *AuthError
	if !errors.As(err, &auth) || auth.Status != 401 || !strings.Contains(err.Error(), "missing or invalid") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Error("the error prints the token")
	}
}

func TestPullTruncated(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	fake.Truncate["/service/2dnwZTdPkhVYvAbSbd2Tb3/details"] = true
	var slept []time.Duration
	_, err := pullFrom(t, fake, fakefastly.Token, &slept)
	var api *APIError
	if !errors.As(err, &api) || !strings.Contains(err.Error(), "not the JSON expected") {
		t.Fatalf("err = %v", err)
	}
}

func TestPullDeterministic(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	var slept []time.Duration
	a, _ := pullFrom(t, fake, fakefastly.Token, &slept)
	b, _ := pullFrom(t, fake, fakefastly.Token, &slept)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("two pulls of an unchanged account differ")
	}
}

func TestPullVersion(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	b, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, ServiceIDs: []string{"SU1Z0isxPaozGVKXdv0eY"}, Version: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	if s := b.Services[0]; s.ActiveVersion != nil || s.Version == nil || s.Version.Number != 8 {
		t.Errorf("latest: %+v", s)
	}
	if _, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true, Version: "newest"}); err == nil {
		t.Error("a bad --version was accepted")
	}
}
