// Package fakefastly is an in-process fake of the Fastly API endpoints
// chainlint pull reads, answering in the API's documented shapes, with
// switches for the failures a client must survive. Tests only: it listens
// on loopback through net/http/httptest.
package fakefastly

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Token is the API token the fake accepts.
const Token = "test-token-do-not-print"

// Server is the fake API.
type Server struct {
	*httptest.Server
	mu sync.Mutex
	// Fail429 and Fail503 make the next request to a path answer 429 (with
	// Retry-After: 2) or 503 once; Truncate cuts the answer for a path.
	Fail429  map[string]bool
	Fail503  map[string]bool
	Truncate map[string]bool
	// Requests counts requests by path.
	Requests map[string]int
	// Handle, when it has a path, answers that path instead of the fake's
	// own answer (after the count): tests use it for hostile servers.
	Handle map[string]http.HandlerFunc
}

// New starts a fake with three services across two pages: www chains to
// chained-service without a host override (a finding), chained-service
// reaches the origin, and app is a Compute service with resource links.
func New() *Server {
	s := &Server{Fail429: map[string]bool{}, Fail503: map[string]bool{}, Truncate: map[string]bool{}, Requests: map[string]int{}, Handle: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

var services = map[string]string{
	"SU1Z0isxPaozGVKXdv0eY": `{"id": "SU1Z0isxPaozGVKXdv0eY", "name": "www", "type": "vcl", "customer_id": "c1",
 "active_version": {"number": 7, "active": true,
  "domains": [{"name": "www.example.com", "comment": ""}],
  "backends": [{"name": "chained", "address": "chained-service.example.com", "port": 443, "use_ssl": true, "override_host": null,
                "ssl_cert_hostname": "chained-service.example.com", "shield": null, "weight": 100}],
  "snippets": [{"id": "dyn1", "name": "ngwaf_config_miss", "type": "miss", "priority": "9000", "dynamic": "1"},
               {"id": "s2", "name": "headers", "type": "recv", "priority": "100", "dynamic": "0", "content": "set req.http.X-Edge = \"1\";\n"}],
  "vcls": []},
 "version": {"number": 8, "active": false, "domains": [], "backends": [], "snippets": [], "vcls": []}}`,
	"2dnwZTdPkhVYvAbSbd2Tb3": `{"id": "2dnwZTdPkhVYvAbSbd2Tb3", "name": "chained-service", "type": "vcl",
 "active_version": {"number": 3, "domains": [{"name": "chained-service.example.com"}],
  "backends": [{"name": "aws_elb", "address": "aws-elb-2.example.com", "port": 443, "use_ssl": true, "override_host": "aws-elb-2.example.com"}],
  "snippets": [], "vcls": [{"name": "main", "main": true, "content": "sub vcl_recv {\n#FASTLY recv\n}\n"}]}}`,
	"6jJ4vVzqXkYbDmQ1cF0Aa": `{"id": "6jJ4vVzqXkYbDmQ1cF0Aa", "name": "app", "type": "wasm",
 "active_version": {"number": 12, "domains": [{"name": "app.example.com"}], "backends": [], "snippets": [], "vcls": []}}`,
}

var links = map[string]string{
	"SU1Z0isxPaozGVKXdv0eY":  `[]`,
	"2dnwZTdPkhVYvAbSbd2Tb3": `[]`,
	"6jJ4vVzqXkYbDmQ1cF0Aa": `[{"id": "l1", "name": "sessions", "resource_id": "kvSessions01", "resource_type": "kv-store", "service_id": "6jJ4vVzqXkYbDmQ1cF0Aa", "version": 12},
 {"id": "l2", "name": "edge-config", "resource_id": "csApiConfig1", "resource_type": "config-store", "service_id": "6jJ4vVzqXkYbDmQ1cF0Aa", "version": 12}]`,
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.Requests[r.URL.Path]++
	fail429, fail503, truncate := s.Fail429[r.URL.Path], s.Fail503[r.URL.Path], s.Truncate[r.URL.Path]
	delete(s.Fail429, r.URL.Path)
	delete(s.Fail503, r.URL.Path)
	handle := s.Handle[r.URL.Path]
	s.mu.Unlock()
	if handle != nil {
		handle(w, r)
		return
	}
	if r.Header.Get("Fastly-Key") != Token {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"msg": "Provided credentials are missing or invalid"}`)
		return
	}
	if fail429 {
		w.Header().Set("Retry-After", "2")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	if fail503 {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	body := s.answer(w, r)
	if body == "" {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"msg": "Record not found"}`)
		return
	}
	if truncate {
		body = body[:len(body)/2]
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, body)
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request) string {
	p := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch {
	case r.URL.Path == "/service":
		if r.URL.Query().Get("page") == "2" {
			return `[{"id": "6jJ4vVzqXkYbDmQ1cF0Aa", "name": "app"}]`
		}
		w.Header().Set("Link", fmt.Sprintf(`<%s/service?page=2&per_page=2>; rel="next"`, s.URL))
		return `[{"id": "SU1Z0isxPaozGVKXdv0eY", "name": "www"}, {"id": "2dnwZTdPkhVYvAbSbd2Tb3", "name": "chained-service"}]`
	case len(p) == 3 && p[0] == "service" && p[2] == "details":
		return services[p[1]]
	case len(p) == 4 && p[0] == "service" && p[2] == "snippet" && p[3] == "dyn1":
		return `{"id": "dyn1", "service_id": "SU1Z0isxPaozGVKXdv0eY", "content": "# managed by Fastly Next-Gen WAF\n"}`
	case len(p) == 5 && p[0] == "service" && p[4] == "resource":
		return links[p[1]]
	case r.URL.Path == "/resources/stores/kv":
		if r.URL.Query().Get("cursor") == "next" {
			return `{"data": [{"id": "kvSessions01", "name": "sessions"}], "meta": {"next_cursor": ""}}`
		}
		return `{"data": [{"id": "kvCarts01", "name": "carts"}], "meta": {"next_cursor": "next"}}`
	case r.URL.Path == "/resources/stores/config":
		return `[{"id": "csApiConfig1", "name": "api_config"}]`
	case r.URL.Path == "/resources/stores/secret":
		return `{"data": [], "meta": {}}`
	}
	return ""
}

// Count returns how many requests a path got.
func (s *Server) Count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Requests[path]
}
