// Package pull reads a Fastly account through the Fastly API and returns
// an export bundle in exactly the schema the fastlyapi loader reads, so
// that `chainlint pull --all --out estate.json && chainlint estate.json`
// works. It reads services (every page), each service's version with
// domains, backends, snippets (and each dynamic snippet's content),
// custom VCL and resource links, and the account's KV, config and secret
// store lists. It never reads secret-store values or private dictionary
// items, and never prints, logs or writes the API token.
package pull

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/schema"
)

// DefaultEndpoint is Fastly's public API.
const DefaultEndpoint = "https://api.fastly.com"

// Options say what to pull and how.
type Options struct {
	Endpoint string
	Token    string
	// MaxTotalRead lowers the bound on what the pull reads in all
	// (0: MaxTotalRead).
	MaxTotalRead int64
	ServiceIDs   []string
	All          bool
	// Version is "active" (default), "latest" or a version number.
	Version string
	Client  *http.Client
	// Timeout bounds each request (default 30 s); TotalTimeout bounds the
	// whole pull, retries and waits included (default 5 min); MaxRetries
	// bounds the retries of one request after a 429 or a 5xx (default 5).
	Timeout      time.Duration
	TotalTimeout time.Duration
	MaxRetries   int
	// Progress, when set, is told what is being read.
	Progress func(done, total int, what string)
	// Sleep waits between retries (tests replace it).
	Sleep func(context.Context, time.Duration) error
}

// ErrBadVersion is a --version that is not active, latest or a number.
var ErrBadVersion = errors.New("--version: want active, latest or a version number")

// ErrBadToken is a token that cannot be sent in an HTTP header (a line
// break or another control character): no retry can make it work.
var ErrBadToken = errors.New("the API token holds a character an HTTP header cannot carry (a line break or another control character); check FASTLY_API_TOKEN or --token-file")

// MaxRetryAfter caps how long one Retry-After answer makes pull wait.
const MaxRetryAfter = 60 * time.Second

// maxPages bounds the pages of one listing, whatever the API's links say.
const maxPages = 1000

// RedirectError is a redirect the client refused because following it
// would send the token to another origin, or in clear.
type RedirectError struct {
	From, To string
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("the API redirected %s to %s, which is not the endpoint's origin (or leaves https); refused, so that the token goes nowhere else", e.From, e.To)
}

// AuthError is a missing, bad or under-scoped token: the API answered 401
// or 403.
type AuthError struct {
	Status int
	Detail string
}

func (e *AuthError) Error() string {
	msg := fmt.Sprintf("the Fastly API refused the token (HTTP %d)", e.Status)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	if e.Status == http.StatusForbidden {
		msg += "; the token needs the global:read scope (read-only access to services and stores)"
	}
	return msg
}

// APIError is an answer the API gave that cannot be used.
type APIError struct {
	Path string
	Err  string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("reading %s from the Fastly API: %s", e.Path, e.Err)
}

// Bundle is the export bundle chainlint reads.
type Bundle struct {
	Services []*Service `json:"services" yaml:"services"`
	Stores   []*Store   `json:"stores" yaml:"stores"`
}

// Service is one service in the loader's schema.
type Service struct {
	ID            string    `json:"id" yaml:"id"`
	Name          string    `json:"name" yaml:"name"`
	Type          string    `json:"type" yaml:"type"`
	ActiveVersion *Version  `json:"active_version,omitempty" yaml:"active_version,omitempty"`
	Version       *Version  `json:"version,omitempty" yaml:"version,omitempty"`
	ResourceLinks []*Object `json:"resource_links" yaml:"resource_links"`
}

// Version is a service version's configuration: its objects as the
// schema names them (Object).
type Version struct {
	Number   int       `json:"number" yaml:"number"`
	Domains  []*Object `json:"domains" yaml:"domains"`
	Backends []*Object `json:"backends" yaml:"backends"`
	Snippets []*Object `json:"snippets" yaml:"snippets"`
	VCLs     []*Object `json:"vcls" yaml:"vcls"`
	// Conditions, Headers and RequestSettings render VCL that decides
	// backends and Host headers (the request-flow model reads them).
	Conditions      []*Object `json:"conditions,omitempty" yaml:"conditions,omitempty"`
	Headers         []*Object `json:"headers,omitempty" yaml:"headers,omitempty"`
	RequestSettings []*Object `json:"request_settings,omitempty" yaml:"request_settings,omitempty"`
}

// lists are the version's lists of objects, by kind.
func (v *Version) lists() map[*schema.Object]*[]*Object {
	return map[*schema.Object]*[]*Object{schema.Domain: &v.Domains, schema.Backend: &v.Backends, schema.Snippet: &v.Snippets,
		schema.VCL: &v.VCLs, schema.Condition: &v.Conditions, schema.Header: &v.Headers, schema.RequestSetting: &v.RequestSettings}
}

// Store is an account store.
type Store struct {
	ID   string `json:"id" yaml:"id"`
	Name string `json:"name" yaml:"name"`
	Type string `json:"type" yaml:"type"`
}

type client struct {
	opts Options
	base *url.URL
	// read counts the bytes of every answer: an account (or an endpoint
	// that answers without end) is bounded in all, not only per answer.
	read int64
}

// MaxTotalRead bounds what one pull reads from the API across all its
// answers (Options.MaxTotalRead, when set, lowers it).
const MaxTotalRead = 1 << 30

// ErrTooLarge is a pull whose answers together pass the bound.
var ErrTooLarge = errors.New("the API's answers pass the bound on what one pull reads in all; pull fewer services at a time (--service ID)")

// Pull reads the account.
func Pull(ctx context.Context, opts Options) (*Bundle, error) {
	if opts.Endpoint == "" {
		opts.Endpoint = DefaultEndpoint
	}
	if opts.Client == nil {
		opts.Client = http.DefaultClient
	}
	if opts.Timeout == 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.TotalTimeout == 0 {
		opts.TotalTimeout = 5 * time.Minute
	}
	if opts.MaxRetries == 0 {
		opts.MaxRetries = 5
	}
	if opts.Sleep == nil {
		opts.Sleep = sleep
	}
	if opts.Version == "" {
		opts.Version = "active"
	}
	if opts.Version != "active" && opts.Version != "latest" {
		if n, err := strconv.Atoi(opts.Version); err != nil || n < 1 {
			return nil, fmt.Errorf("%w, not %q", ErrBadVersion, opts.Version)
		}
	}
	if !validHeaderValue(opts.Token) {
		return nil, ErrBadToken
	}
	base, err := url.Parse(opts.Endpoint)
	if err != nil {
		return nil, fmt.Errorf("--endpoint: %w", err)
	}
	if base.Scheme != "https" && base.Scheme != "http" || base.Host == "" {
		return nil, fmt.Errorf("--endpoint: want an http(s) URL with a host, not %q", opts.Endpoint)
	}
	ctx, cancel := context.WithTimeout(ctx, opts.TotalTimeout)
	defer cancel()
	c := &client{opts: opts, base: base}
	c.opts.Client = confined(opts.Client, base)
	b, err := c.pull(ctx)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
			err = fmt.Errorf("gave up after %s (--timeout): %w", opts.TotalTimeout, err)
		}
		return nil, scrub(err, opts.Token)
	}
	return b, nil
}

// confined returns a copy of hc that follows a redirect only within the
// endpoint's origin (scheme, host and port): Go drops Authorization on a
// redirect to another host but keeps custom headers such as Fastly-Key,
// and would follow https to http.
func confined(hc *http.Client, base *url.URL) *http.Client {
	cp := *hc
	next := hc.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if !sameOrigin(req.URL, base) {
			return &RedirectError{From: via[len(via)-1].URL.Redacted(), To: req.URL.Redacted()}
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &cp
}

func sameOrigin(u, base *url.URL) bool {
	return strings.EqualFold(u.Scheme, base.Scheme) && strings.EqualFold(u.Hostname(), base.Hostname()) && portOf(u) == portOf(base)
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// validHeaderValue reports whether v can be sent as a header value: no
// control characters but tab (RFC 9110, field-value).
func validHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// scrubbed is an error whose text has the token blotted out; errors.As
// still finds the error it wraps.
type scrubbed struct {
	msg string
	err error
}

func (e *scrubbed) Error() string { return e.msg }
func (e *scrubbed) Unwrap() error { return e.err }

// Scrub blots the token out of data about to be written (an export):
// an API that echoes the token (in a snippet, a comment) must not carry it
// into a file.
func Scrub(data []byte, token string) []byte {
	if token == "" || !bytes.Contains(data, []byte(token)) {
		return data
	}
	return bytes.ReplaceAll(data, []byte(token), []byte("[token]"))
}

// scrub blots the token out of an error's text, whatever put it there (a
// server that echoes it in an error body, a URL that carries it).
func scrub(err error, token string) error {
	msg := err.Error()
	if token == "" || !strings.Contains(msg, token) {
		return err
	}
	return &scrubbed{msg: strings.ReplaceAll(msg, token, "[token]"), err: err}
}

func (c *client) pull(ctx context.Context) (*Bundle, error) {
	var err error
	opts := c.opts
	ids := append([]string(nil), opts.ServiceIDs...)
	if opts.All {
		if ids, err = c.serviceIDs(ctx); err != nil {
			return nil, err
		}
	}
	sort.Strings(ids)
	b := &Bundle{Services: []*Service{}, Stores: []*Store{}}
	for i, id := range ids {
		c.progress(i, len(ids), "service "+id)
		s, err := c.service(ctx, id)
		if err != nil {
			return nil, err
		}
		b.Services = append(b.Services, s)
	}
	c.progress(len(ids), len(ids), "stores")
	for _, kind := range []string{"kv", "config", "secret"} {
		stores, err := c.stores(ctx, kind)
		if err != nil {
			return nil, err
		}
		b.Stores = append(b.Stores, stores...)
	}
	sort.Slice(b.Stores, func(i, j int) bool {
		if b.Stores[i].Type != b.Stores[j].Type {
			return b.Stores[i].Type < b.Stores[j].Type
		}
		return b.Stores[i].ID < b.Stores[j].ID
	})
	return b, nil
}

func (c *client) progress(done, total int, what string) {
	if c.opts.Progress != nil {
		c.opts.Progress(done, total, what)
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// get fetches a path and decodes its JSON into v, retrying 429 (after
// Retry-After) and 5xx answers with bounded exponential backoff. It
// returns the response headers.
func (c *client) get(ctx context.Context, path string, query url.Values, v any) (http.Header, error) {
	u := c.base.JoinPath(path)
	u.RawQuery = query.Encode()
	backoff := 500 * time.Millisecond
	for attempt := 0; ; attempt++ {
		hdr, retryAfter, err := c.once(ctx, u.String(), path, v)
		if err == nil {
			return hdr, nil
		}
		if ctx.Err() != nil {
			// The whole pull's time is up (or it was cancelled): no retry.
			return nil, &APIError{Path: path, Err: err.Error()}
		}
		var retry *retryable
		if !errors.As(err, &retry) || attempt >= c.opts.MaxRetries {
			if errors.As(err, &retry) {
				return nil, &APIError{Path: path, Err: fmt.Sprintf("%s after %d attempts", retry.why, attempt+1)}
			}
			return nil, err
		}
		wait := backoff
		if retryAfter > 0 {
			wait = retryAfter
		}
		wait = min(wait, MaxRetryAfter)
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return nil, &APIError{Path: path, Err: fmt.Sprintf("%s; the API asks to wait %s, past the --timeout", retry.why, wait.Round(time.Second))}
		}
		if err := c.opts.Sleep(ctx, wait); err != nil {
			return nil, err
		}
		backoff = min(backoff*2, 16*time.Second)
	}
}

type retryable struct{ why string }

func (r *retryable) Error() string { return r.why }

func (c *client) once(ctx context.Context, u, path string, v any) (http.Header, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Fastly-Key", c.opts.Token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "chainlint-pull")
	resp, err := c.opts.Client.Do(req)
	if err != nil {
		var redirect *RedirectError
		if errors.As(err, &redirect) {
			return nil, 0, redirect
		}
		// The error names the URL, never the token (it is a header).
		return nil, 0, &retryable{why: "request failed: " + err.Error()}
	}
	defer resp.Body.Close()
	total := int64(MaxTotalRead)
	if c.opts.MaxTotalRead > 0 {
		total = c.opts.MaxTotalRead
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, min(256<<20, total-c.read+1)))
	if c.read += int64(len(body)); c.read > total {
		return nil, 0, ErrTooLarge
	}
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return nil, 0, &AuthError{Status: resp.StatusCode, Detail: apiDetail(body)}
	case resp.StatusCode == http.StatusTooManyRequests:
		return nil, retryAfter(resp.Header.Get("Retry-After")), &retryable{why: "rate limited (HTTP 429)"}
	case resp.StatusCode >= 500:
		return nil, 0, &retryable{why: fmt.Sprintf("HTTP %d", resp.StatusCode)}
	case resp.StatusCode != http.StatusOK:
		return nil, 0, &APIError{Path: path, Err: fmt.Sprintf("HTTP %d: %s", resp.StatusCode, apiDetail(body))}
	case err != nil:
		return nil, 0, &retryable{why: "reading the answer: " + err.Error()}
	}
	if err := json.Unmarshal(body, v); err != nil {
		return nil, 0, &APIError{Path: path, Err: "the answer is not the JSON expected: " + err.Error()}
	}
	return resp.Header, 0, nil
}

// apiDetail extracts the API's explanation from an error body.
func apiDetail(body []byte) string {
	var e struct {
		Msg    string `json:"msg"`
		Detail string `json:"detail"`
	}
	if json.Unmarshal(body, &e) == nil {
		// The API's words reach a terminal: escape what could drive it,
		// and keep them short.
		d := printable.String(strings.TrimSpace(strings.Trim(e.Msg+": "+e.Detail, ": ")))
		if len(d) > 500 {
			d = d[:500] + "…"
		}
		return d
	}
	return ""
}

func retryAfter(h string) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(0, time.Until(t))
	}
	return 0
}

var nextLink = regexp.MustCompile(`<([^>]+)>\s*;\s*rel="?next"?`)

// serviceIDs lists the account's services, following Link rel="next".
// A next link that repeats a page, or pages past maxPages, is an error:
// a partial list would hide services, and an endless one would never end.
func (c *client) serviceIDs(ctx context.Context) ([]string, error) {
	var ids []string
	query := url.Values{"page": {"1"}, "per_page": {"100"}}
	seen := map[string]bool{}
	for page := 1; ; page++ {
		if page > maxPages {
			return nil, &APIError{Path: "/service", Err: fmt.Sprintf("more than %d pages of services; stopped", maxPages)}
		}
		seen[query.Encode()] = true
		var list []struct {
			ID string `json:"id"`
		}
		hdr, err := c.get(ctx, "/service", query, &list)
		if err != nil {
			return nil, err
		}
		for _, s := range list {
			ids = append(ids, s.ID)
		}
		m := nextLink.FindStringSubmatch(hdr.Get("Link"))
		if m == nil || len(list) == 0 {
			return ids, nil
		}
		next, err := url.Parse(m[1])
		if err != nil {
			return nil, &APIError{Path: "/service", Err: "a malformed next-page link: " + err.Error()}
		}
		query = next.Query()
		if seen[query.Encode()] {
			return nil, &APIError{Path: "/service", Err: fmt.Sprintf("the next-page link of page %d points to a page already read (%s); stopped", page, query.Encode())}
		}
	}
}

// details is the part of GET /service/{id}/details chainlint reads.
type details struct {
	ID            string          `json:"id"`
	Name          string          `json:"name"`
	Type          string          `json:"type"`
	ActiveVersion *detailsVersion `json:"active_version"`
	Version       *detailsVersion `json:"version"`
}

type detailsVersion struct {
	Number          int               `json:"number"`
	Domains         []json.RawMessage `json:"domains"`
	Backends        []json.RawMessage `json:"backends"`
	Snippets        []json.RawMessage `json:"snippets"`
	VCLs            []json.RawMessage `json:"vcls"`
	Conditions      []json.RawMessage `json:"conditions"`
	Headers         []json.RawMessage `json:"headers"`
	RequestSettings []json.RawMessage `json:"request_settings"`
}

// lists are the answer's lists of objects, by kind.
func (v *detailsVersion) lists() map[*schema.Object]*[]json.RawMessage {
	return map[*schema.Object]*[]json.RawMessage{schema.Domain: &v.Domains, schema.Backend: &v.Backends, schema.Snippet: &v.Snippets,
		schema.VCL: &v.VCLs, schema.Condition: &v.Conditions, schema.Header: &v.Headers, schema.RequestSetting: &v.RequestSettings}
}

// snippetMeta is what pull needs of a snippet beyond the schema's fields:
// its ID, to read a dynamic snippet's content.
type snippetMeta struct {
	ID      string   `json:"id"`
	Dynamic flexBool `json:"dynamic"`
}

// flexInt and flexBool accept the API's numbers and booleans spelt as
// strings too ("100", "1").
type flexInt int

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		return nil
	}
	n, err := strconv.Atoi(s)
	*f = flexInt(n)
	return err
}

type flexBool bool

func (f *flexBool) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	*f = flexBool(s == "1" || s == "true")
	return nil
}

func (c *client) service(ctx context.Context, id string) (*Service, error) {
	var d details
	if _, err := c.get(ctx, "/service/"+url.PathEscape(id)+"/details", nil, &d); err != nil {
		return nil, err
	}
	s := &Service{ID: d.ID, Name: d.Name, Type: d.Type, ResourceLinks: []*Object{}}
	if s.ID == "" {
		s.ID = id
	}
	var v *detailsVersion
	switch c.opts.Version {
	case "active":
		v = d.ActiveVersion
		if v == nil {
			v = d.Version // never activated: the latest is all there is
		}
	case "latest":
		v = d.Version
	default:
		n, _ := strconv.Atoi(c.opts.Version)
		var err error
		if v, err = c.version(ctx, id, n); err != nil {
			return nil, err
		}
	}
	if v == nil {
		return nil, &APIError{Path: "/service/" + id + "/details", Err: "the service has no version to read"}
	}
	path := "/service/" + id + "/details"
	out := &Version{Number: v.Number}
	raws := v.lists()
	for kind, list := range out.lists() {
		objs, err := decodeObjects(kind, *raws[kind])
		if err != nil {
			return nil, &APIError{Path: path, Err: "not the JSON expected: " + err.Error()}
		}
		*list = objs
	}
	for i, sn := range out.Snippets {
		var meta snippetMeta
		_ = json.Unmarshal(v.Snippets[i], &meta)
		if bool(meta.Dynamic) && meta.ID != "" {
			var dyn struct {
				Content string `json:"content"`
			}
			if _, err := c.get(ctx, "/service/"+url.PathEscape(id)+"/snippet/"+url.PathEscape(meta.ID), nil, &dyn); err != nil {
				return nil, err
			}
			sn.Set("content", dyn.Content)
		}
	}
	sortVersion(out)
	if c.opts.Version == "active" && d.ActiveVersion != nil {
		s.ActiveVersion = out
	} else {
		s.Version = out
	}
	var links []json.RawMessage
	linksPath := fmt.Sprintf("/service/%s/version/%d/resource", url.PathEscape(id), v.Number)
	if _, err := c.get(ctx, linksPath, nil, &links); err != nil {
		return nil, err
	}
	var err error
	if s.ResourceLinks, err = decodeObjects(schema.Link, links); err != nil {
		return nil, &APIError{Path: linksPath, Err: "not the JSON expected: " + err.Error()}
	}
	byName(s.ResourceLinks)
	return s, nil
}

// version reads one numbered version through the per-version endpoints.
func (c *client) version(ctx context.Context, id string, n int) (*detailsVersion, error) {
	v := &detailsVersion{Number: n}
	base := fmt.Sprintf("/service/%s/version/%d/", url.PathEscape(id), n)
	for _, part := range []struct {
		path string
		into any
	}{{"domain", &v.Domains}, {"backend", &v.Backends}, {"snippet", &v.Snippets}, {"vcl", &v.VCLs},
		{"condition", &v.Conditions}, {"header", &v.Headers}, {"request_settings", &v.RequestSettings}} {
		if _, err := c.get(ctx, base+part.path, nil, part.into); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// byName sorts objects by name, so that two pulls of an unchanged
// account are the same bytes.
func byName(objs []*Object) {
	sort.SliceStable(objs, func(i, j int) bool { return objs[i].Str("name") < objs[j].Str("name") })
}

func sortVersion(v *Version) {
	for _, list := range v.lists() {
		byName(*list)
	}
}

// stores lists one kind of store, following cursors; the list may come as
// {"data": [...], "meta": {"next_cursor": "…"}} or as a bare array.
func (c *client) stores(ctx context.Context, kind string) ([]*Store, error) {
	typ := map[string]string{"kv": "kv-store", "config": "config-store", "secret": "secret-store"}[kind]
	var out []*Store
	query := url.Values{}
	seen := map[string]bool{}
	for page := 0; ; page++ {
		if page >= maxPages {
			return nil, &APIError{Path: "/resources/stores/" + kind, Err: fmt.Sprintf("more than %d pages of stores; stopped", maxPages)}
		}
		var raw json.RawMessage
		if _, err := c.get(ctx, "/resources/stores/"+kind, query, &raw); err != nil {
			return nil, err
		}
		var items []*Store
		var cursor string
		if len(raw) > 0 && raw[0] == '[' {
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, &APIError{Path: "/resources/stores/" + kind, Err: err.Error()}
			}
		} else {
			var paged struct {
				Data []*Store `json:"data"`
				Meta struct {
					NextCursor string `json:"next_cursor"`
				} `json:"meta"`
			}
			if err := json.Unmarshal(raw, &paged); err != nil {
				return nil, &APIError{Path: "/resources/stores/" + kind, Err: err.Error()}
			}
			items, cursor = paged.Data, paged.Meta.NextCursor
		}
		for _, s := range items {
			out = append(out, &Store{ID: s.ID, Name: s.Name, Type: typ})
		}
		if cursor == "" || len(items) == 0 {
			return out, nil
		}
		if seen[cursor] {
			return nil, &APIError{Path: "/resources/stores/" + kind, Err: fmt.Sprintf("the cursor %q repeats; stopped", cursor)}
		}
		seen[cursor] = true
		query = url.Values{"cursor": {cursor}}
	}
}
