package pull

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chainlint/chainlint/internal/fakefastly"
)

// The scenarios of a misbehaving or hostile API endpoint: pull must never
// send the token anywhere but the endpoint's origin, never print it, and
// always end within its bounds.

// elsewhere is another origin (another port on loopback) that records
// whether a request carried the token.
func elsewhere(t *testing.T) (*httptest.Server, *atomic.Bool) {
	t.Helper()
	var gotKey atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Fastly-Key") != "" {
			gotKey.Store(true)
		}
		fmt.Fprint(w, `[]`)
	}))
	t.Cleanup(srv.Close)
	return srv, &gotKey
}

func TestPullRefusesRedirectToAnotherOrigin(t *testing.T) {
	other, gotKey := elsewhere(t)
	for name, status := range map[string]int{"302": http.StatusFound, "307": http.StatusTemporaryRedirect, "308": http.StatusPermanentRedirect} {
		t.Run(name, func(t *testing.T) {
			fake := fakefastly.New()
			defer fake.Close()
			fake.Handle["/service"] = func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.URL+"/service?page=1", status)
			}
			_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true})
			var redirect *RedirectError
			if !errors.As(err, &redirect) {
				t.Fatalf("err = %v, want a refused redirect", err)
			}
			if gotKey.Load() {
				t.Fatal("the token was sent to another origin")
			}
			if n := fake.Count("/service"); n != 1 {
				t.Errorf("the refused redirect was retried: %d requests", n)
			}
		})
	}
}

func TestPullFollowsRedirectWithinOrigin(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	fake.Handle["/service/SU1Z0isxPaozGVKXdv0eY/details"] = func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/service/2dnwZTdPkhVYvAbSbd2Tb3/details", http.StatusFound)
	}
	b, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, ServiceIDs: []string{"SU1Z0isxPaozGVKXdv0eY"}})
	if err != nil {
		t.Fatal(err)
	}
	if b.Services[0].Name != "chained-service" {
		t.Errorf("followed to %+v", b.Services[0])
	}
}

func TestSameOrigin(t *testing.T) {
	for _, tc := range []struct {
		to   string
		want bool
	}{
		{"https://api.fastly.com/service", true},
		{"https://API.fastly.com:443/x", true},
		{"http://api.fastly.com/service", false}, // https → http: the token in clear
		{"https://api.fastly.com:8443/service", false},
		{"https://evil.example/service", false},
		{"https://api.fastly.com.evil.example/", false},
	} {
		u := mustParse(t, tc.to)
		if got := sameOrigin(u, mustParse(t, DefaultEndpoint)); got != tc.want {
			t.Errorf("sameOrigin(%s) = %v, want %v", tc.to, got, tc.want)
		}
	}
}

func TestPullTotalTimeout(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	release := make(chan struct{})
	defer close(release)
	fake.Handle["/service"] = func(w http.ResponseWriter, r *http.Request) {
		select { // never answers (until the test ends)
		case <-release:
		case <-r.Context().Done():
		}
	}
	start := time.Now()
	_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true,
		Timeout: 50 * time.Millisecond, TotalTimeout: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "--timeout") {
		t.Fatalf("err = %v, want the total timeout", err)
	}
	// The bound is the total timeout, not attempts × per-request timeout
	// with backoff (which would be about 16 s here).
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestPullCapsRetryAfter(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	fake.Handle["/service"] = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "99999")
		w.WriteHeader(http.StatusTooManyRequests)
	}
	var slept []time.Duration
	_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true, TotalTimeout: time.Hour,
		Sleep: func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }})
	if err == nil {
		t.Fatal("no error from an API that always answers 429")
	}
	for _, d := range slept {
		if d > MaxRetryAfter {
			t.Errorf("waited %s for one Retry-After", d)
		}
	}
	// Under the default 5-minute bound, a wait past it is not started.
	slept = nil
	_, err = Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true, TotalTimeout: 30 * time.Second,
		Sleep: func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }})
	if err == nil || !strings.Contains(err.Error(), "past the --timeout") || len(slept) != 0 {
		t.Errorf("err = %v after waits %v", err, slept)
	}
}

func TestPullEndlessPages(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	fake.Handle["/service"] = func(w http.ResponseWriter, r *http.Request) {
		// Always the same page, always a next link to page 2.
		w.Header().Set("Link", `</service?page=2&per_page=100>; rel="next"`)
		fmt.Fprint(w, `[{"id": "SU1Z0isxPaozGVKXdv0eY"}]`)
	}
	_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true})
	if err == nil || !strings.Contains(err.Error(), "already read") {
		t.Fatalf("err = %v", err)
	}
	if n := fake.Count("/service"); n != 2 {
		t.Errorf("%d pages requested, want 2", n)
	}

	// A link to ever new pages is bounded too.
	fake.Handle["/service"] = func(w http.ResponseWriter, r *http.Request) {
		var page int
		fmt.Sscan(r.URL.Query().Get("page"), &page)
		w.Header().Set("Link", fmt.Sprintf(`</service?page=%d>; rel="next"`, page+1))
		fmt.Fprint(w, `[{"id": "x"}]`)
	}
	_, err = Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true})
	if err == nil || !strings.Contains(err.Error(), "more than") {
		t.Fatalf("err = %v", err)
	}

	fake.Handle["/service"] = nil
	fake.Handle["/resources/stores/kv"] = func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"data": [{"id": "k", "name": "k"}], "meta": {"next_cursor": "same"}}`)
	}
	_, err = Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true})
	if err == nil || !strings.Contains(err.Error(), "repeats") {
		t.Fatalf("err = %v", err)
	}
}

func TestPullBadTokenCharacters(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: "abc\ndef", All: true})
	if !errors.Is(err, ErrBadToken) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "abc") {
		t.Error("the error prints the token")
	}
	if n := fake.Count("/service"); n != 0 {
		t.Errorf("%d requests with a token that cannot be sent", n)
	}
}

func TestPullScrubsEchoedToken(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	fake.Handle["/service"] = func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"msg": "bad key %s", "detail": "%s"}`, r.Header.Get("Fastly-Key"), r.Header.Get("Fastly-Key"))
	}
	_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true})
	if err == nil {
		t.Fatal("no error")
	}
	if strings.Contains(err.Error(), fakefastly.Token) || !strings.Contains(err.Error(), "[token]") {
		t.Errorf("err = %v", err)
	}
	var api *APIError
	if !errors.As(err, &api) {
		t.Errorf("the scrubbed error no longer unwraps to an APIError: %T", err)
	}
	fake.Handle["/service"] = func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"msg": "%s is not a token"}`, r.Header.Get("Fastly-Key"))
	}
	_, err = Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true})
	var auth *AuthError
	if !errors.As(err, &auth) || strings.Contains(err.Error(), fakefastly.Token) {
		t.Errorf("err = %v", err)
	}
}

func TestPullRejectsOddEndpoint(t *testing.T) {
	for _, ep := range []string{"ftp://x", "api.fastly.com", "file:///etc/passwd"} {
		if _, err := Pull(context.Background(), Options{Endpoint: ep, Token: "t", All: true}); err == nil || !strings.Contains(err.Error(), "--endpoint") {
			t.Errorf("%s: err = %v", ep, err)
		}
	}
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestPullDrippingServer: a server that answers a byte at a time is cut
// off by the request timeout, and the whole pull by --timeout.
func TestPullDrippingServer(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	stop := make(chan struct{})
	defer close(stop)
	fake.Handle["/service"] = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		for {
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
				fmt.Fprint(w, " ")
				w.(http.Flusher).Flush()
			}
		}
	}
	start := time.Now()
	_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true,
		Timeout: 100 * time.Millisecond, TotalTimeout: 400 * time.Millisecond})
	if err == nil {
		t.Fatal("no error from a dripping server")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %s", d)
	}
}

// TestPullBoundsTotalRead: what a pull reads is bounded across answers,
// not only per answer.
func TestPullBoundsTotalRead(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	_, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true, MaxTotalRead: 64})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if _, err := Pull(context.Background(), Options{Endpoint: fake.URL, Token: fakefastly.Token, All: true}); err != nil {
		t.Errorf("within the default bound: %v", err)
	}
}

// TestScrubData: a token the API echoed into the data is blotted out
// before the export is written.
func TestScrubData(t *testing.T) {
	data := []byte(`{"content": "set req.http.K = \"` + fakefastly.Token + `\";"}`)
	out := Scrub(data, fakefastly.Token)
	if strings.Contains(string(out), fakefastly.Token) || !strings.Contains(string(out), "[token]") {
		t.Errorf("Scrub = %s", out)
	}
	if got := Scrub([]byte("plain"), fakefastly.Token); string(got) != "plain" {
		t.Errorf("Scrub changed data without the token: %s", got)
	}
}
