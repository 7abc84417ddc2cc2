// Package lsp is chainlint's language server (LSP 3.17 over stdio): it
// lints the whole workspace as the command line does — unsaved buffers
// winning over the disk, the config file and ignores honoured — and
// publishes diagnostics for every file that has findings, not only the
// open one, because an edit in one service's file can create or clear a
// finding in another's. It offers suggested fixes as quick fixes and shows
// on hover where a backend's requests go.
//
// The protocol layer is a small JSON-RPC 2.0 implementation over typed
// messages (protocol.go), not a protocol package: the maintained Go LSP
// type packages on the module proxy stop at LSP 3.16 (go.lsp.dev/protocol
// v0.12.0, 2022) or are internal to gopls, and the subset a linter needs —
// lifecycle, text sync, diagnostics, code actions, hover, cancellation —
// is a few hundred lines that stay in step with 3.17.
//
// Analyses run through lint.Run, debounced after edits; a parse cache
// (internal/memo) kept across analyses means that after a one-file edit
// only that file is parsed again.
package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
	"github.com/chainlint/chainlint/routes"
)

// Options tune a server.
type Options struct {
	Version string
	// Debounce is how long after the last edit an analysis starts
	// (default 150 ms).
	Debounce time.Duration
	// Log receives diagnostics about the server itself; nil discards.
	Log io.Writer
}

// Server is one language server session.
type Server struct {
	opts Options
	in   *bufio.Reader
	out  io.Writer
	wmu  sync.Mutex // serialises writes to out

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	roots       []string
	docs        map[string][]byte // open buffers, by path
	timer       *time.Timer
	gen         int // analysis generation: only the newest publishes
	last        *analysis
	published   map[string]bool // URIs with diagnostics published
	cancelled   map[string]bool
	cancelOrder []string // cancelled ids, oldest first (at most maxCancelled)
	memo        *memo.Cache
	analyses    int
	wg          sync.WaitGroup
}

// analysis is the result of one lint run.
type analysis struct {
	res    *lint.Result
	chains *routes.Chains
	byFile map[string][]analyzer.Finding

	colsOnce sync.Once
	cols     *output.Columns // UTF-16 columns of the analysed files
}

// Serve runs a session over in and out until the client sends exit (or
// closes in). It returns nil after shutdown then exit, and an error when
// the session ended without a shutdown.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	return newServer(in, out, opts).run(ctx)
}

func newServer(in io.Reader, out io.Writer, opts Options) *Server {
	if opts.Debounce == 0 {
		opts.Debounce = 150 * time.Millisecond
	}
	return &Server{opts: opts, in: bufio.NewReader(in), out: out, docs: map[string][]byte{},
		published: map[string]bool{}, cancelled: map[string]bool{}, memo: memo.New()}
}

func (s *Server) run(ctx context.Context) error {
	defer s.wg.Wait()
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		body, err := s.read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return errors.New("the client closed the connection without exit")
			}
			s.logf("read: %v", err)
			return err
		}
		var msg message
		if err := json.Unmarshal(body, &msg); err != nil {
			s.reply(nil, nil, &responseError{Code: codeParseError, Message: "invalid JSON: " + err.Error()})
			continue
		}
		if msg.Method == "exit" {
			s.mu.Lock()
			clean := s.shutdown
			if s.timer != nil && s.timer.Stop() {
				s.wg.Done()
			}
			s.mu.Unlock()
			if !clean {
				return errors.New("exit without shutdown")
			}
			return nil
		}
		s.handle(&msg)
	}
}

// maxCancelled bounds the cancellations kept for requests not yet read.
const maxCancelled = 64

// Bounds on what a client may send: a header line must fit the reader's
// buffer, a message has a few header lines, and a body is at most
// maxMessage bytes (a 128 MB document, JSON-escaped, with room to spare).
const (
	maxHeaderLines = 32
	maxMessage     = 320 << 20
)

// read reads one message: headers, a blank line, then Content-Length
// bytes. Headers are read line by line within bounds (textproto read a
// 300 MB header line whole).
func (s *Server) read() ([]byte, error) {
	length := ""
	for lines := 0; ; lines++ {
		if lines > maxHeaderLines {
			return nil, fmt.Errorf("more than %d header lines", maxHeaderLines)
		}
		line, err := s.in.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return nil, fmt.Errorf("a header line over %d bytes", s.in.Size())
		}
		if err != nil {
			return nil, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			break
		}
		if k, v, ok := bytes.Cut(line, []byte(":")); ok && strings.EqualFold(string(bytes.TrimSpace(k)), "Content-Length") {
			length = string(bytes.TrimSpace(v))
		}
	}
	n, err := strconv.Atoi(length)
	if err != nil || n < 0 || n > maxMessage {
		return nil, fmt.Errorf("bad Content-Length %q (a whole number up to %d)", length, maxMessage)
	}
	body := make([]byte, n)
	_, err = io.ReadFull(s.in, body)
	return body, err
}

func (s *Server) write(v any) {
	body, err := json.Marshal(v)
	if err != nil {
		s.logf("marshal: %v", err)
		return
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	fmt.Fprintf(s.out, "Content-Length: %d\r\n\r\n%s", len(body), body)
}

func (s *Server) reply(id *json.RawMessage, result any, rerr *responseError) {
	m := map[string]any{"jsonrpc": "2.0", "id": id}
	if id == nil {
		m["id"] = nil
	}
	if rerr != nil {
		m["error"] = rerr
	} else {
		m["result"] = result
	}
	s.write(m)
}

func (s *Server) notify(method string, params any) {
	s.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "chainlint lsp: "+format+"\n", args...)
	}
}

// handle dispatches one request or notification.
func (s *Server) handle(msg *message) {
	isRequest := msg.ID != nil
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	if isRequest && s.cancelled[string(*msg.ID)] {
		delete(s.cancelled, string(*msg.ID))
		s.mu.Unlock()
		s.reply(msg.ID, nil, &responseError{Code: codeRequestCancelled, Message: "cancelled"})
		return
	}
	s.mu.Unlock()
	switch {
	case msg.Method == "initialize":
		if initialized {
			s.reply(msg.ID, nil, &responseError{Code: codeInvalidRequest, Message: "initialize was already called"})
			return
		}
	case !initialized:
		if isRequest {
			s.reply(msg.ID, nil, &responseError{Code: codeServerNotInitialized, Message: "the server is not initialized: send initialize first"})
		}
		return
	case shutdown && isRequest:
		s.reply(msg.ID, nil, &responseError{Code: codeInvalidRequest, Message: "the server is shutting down"})
		return
	}
	result, rerr := s.dispatch(msg)
	if isRequest {
		s.reply(msg.ID, result, rerr)
	}
}

func (s *Server) dispatch(msg *message) (any, *responseError) {
	bad := func(err error) *responseError {
		return &responseError{Code: codeInvalidParams, Message: err.Error()}
	}
	switch msg.Method {
	case "initialize":
		var p initializeParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, bad(err)
		}
		return s.initialize(p), nil
	case "initialized":
		s.schedule(0)
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "$/cancelRequest":
		// Requests are answered in order, so a cancellation can only be
		// for a request not yet read: keep the last few, never more (a
		// client cancelling answered requests must not grow memory).
		var p cancelParams
		if json.Unmarshal(msg.Params, &p) == nil {
			s.mu.Lock()
			id := string(p.ID)
			if !s.cancelled[id] {
				s.cancelled[id] = true
				s.cancelOrder = append(s.cancelOrder, id)
				if len(s.cancelOrder) > maxCancelled {
					delete(s.cancelled, s.cancelOrder[0])
					s.cancelOrder = s.cancelOrder[1:]
				}
			}
			s.mu.Unlock()
		}
	case "textDocument/didOpen":
		var p didOpenParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, bad(err)
		}
		s.setDoc(p.TextDocument.URI, []byte(p.TextDocument.Text))
	case "textDocument/didChange":
		var p didChangeParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, bad(err)
		}
		s.change(p)
	case "textDocument/didSave":
		var p didSaveParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, bad(err)
		}
		if p.Text != nil {
			s.setDoc(p.TextDocument.URI, []byte(*p.Text))
		} else {
			s.schedule(s.opts.Debounce)
		}
	case "textDocument/didClose":
		var p didCloseParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, bad(err)
		}
		s.mu.Lock()
		delete(s.docs, uriToPath(p.TextDocument.URI))
		s.mu.Unlock()
		s.schedule(s.opts.Debounce) // the file on disk counts again
	case "workspace/didChangeWatchedFiles":
		s.schedule(s.opts.Debounce)
	case "textDocument/codeAction":
		var p codeActionParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, bad(err)
		}
		return s.codeActions(p), nil
	case "textDocument/hover":
		var p textDocumentPositionParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, bad(err)
		}
		return s.hover(p), nil
	default:
		if msg.ID != nil {
			return nil, &responseError{Code: codeMethodNotFound, Message: "method not supported: " + msg.Method}
		}
	}
	return nil, nil
}

func (s *Server) initialize(p initializeParams) initializeResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initialized = true
	for _, f := range p.WorkspaceFolders {
		s.roots = append(s.roots, uriToPath(f.URI))
	}
	if len(s.roots) == 0 && p.RootURI != "" {
		s.roots = []string{uriToPath(p.RootURI)}
	}
	if len(s.roots) == 0 && p.RootPath != "" {
		s.roots = []string{p.RootPath}
	}
	if d := p.InitializationOptions.DebounceMs; d != nil && *d >= 0 && *d <= 60000 {
		s.opts.Debounce = time.Duration(*d) * time.Millisecond
	}
	return initializeResult{
		Capabilities: serverCapabilities{
			TextDocumentSync:   textDocumentSyncOptions{OpenClose: true, Change: 2, Save: saveOptions{IncludeText: true}},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{"quickfix"}},
			HoverProvider:      true,
			Workspace:          workspaceCapabilities{WorkspaceFolders: workspaceFoldersCapabilities{Supported: true}},
		},
		ServerInfo: serverInfo{Name: "chainlint", Version: s.opts.Version},
	}
}

func (s *Server) setDoc(uri string, text []byte) {
	s.mu.Lock()
	s.docs[uriToPath(uri)] = text
	s.mu.Unlock()
	s.schedule(s.opts.Debounce)
}

// change applies incremental (or whole-document) changes to a buffer.
func (s *Server) change(p didChangeParams) {
	path := uriToPath(p.TextDocument.URI)
	s.mu.Lock()
	text, ok := s.docs[path]
	if !ok {
		text, _ = safefile.Read(path, 0)
	}
	s.docs[path] = applyChanges(text, p.ContentChanges)
	s.mu.Unlock()
	s.schedule(s.opts.Debounce)
}

// applyChanges applies a didChange's changes in order: a change without a
// range replaces the whole text; the others go through a chunked buffer
// (textBuffer), so that each costs a chunk, not the document.
func applyChanges(text []byte, changes []contentChange) []byte {
	var buf *textBuffer
	for _, c := range changes {
		if c.Range == nil {
			text, buf = []byte(c.Text), nil
			continue
		}
		if buf == nil {
			buf = newTextBuffer(text)
		}
		start, end := buf.offset(c.Range.Start), buf.offset(c.Range.End)
		if end < start {
			start, end = end, start
		}
		buf.replace(start, end, []byte(c.Text))
	}
	if buf != nil {
		return buf.Bytes()
	}
	return text
}

// schedule starts an analysis after delay, replacing a pending one.
func (s *Server) schedule(delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil && s.timer.Stop() {
		s.wg.Done() // the stopped analysis will never run
	}
	s.gen++
	gen := s.gen
	s.wg.Add(1)
	s.timer = time.AfterFunc(delay, func() {
		defer s.wg.Done()
		s.analyze(gen)
	})
}

// analyze lints the workspace and publishes what changed.
func (s *Server) analyze(gen int) {
	s.mu.Lock()
	if gen != s.gen || s.shutdown {
		s.mu.Unlock()
		return
	}
	roots := append([]string(nil), s.roots...)
	overlay := make(map[string][]byte, len(s.docs))
	for p, t := range s.docs {
		overlay[p] = t
	}
	s.analyses++
	s.mu.Unlock()
	if len(roots) == 0 {
		return
	}
	cfg, _, err := lint.FindConfig(roots[0], "", overlay)
	if err != nil {
		s.logf("config: %v", err)
		cfg = nil
	}
	res, err := lint.Run(lint.Options{Paths: roots, Config: cfg, Overlay: overlay, Memo: s.memo, Version: s.opts.Version})
	s.memo.Sweep()
	if err != nil {
		s.logf("analysis: %v", err)
		return
	}
	a := &analysis{res: res, chains: res.Chains(), byFile: map[string][]analyzer.Finding{}}
	for _, f := range res.Findings {
		a.byFile[f.Pos.Filename] = append(a.byFile[f.Pos.Filename], f)
	}
	s.mu.Lock()
	if gen != s.gen { // a newer edit arrived: its analysis publishes
		s.mu.Unlock()
		return
	}
	s.last = a
	previously := s.published
	s.published = map[string]bool{}
	files := make([]string, 0, len(a.byFile))
	for f := range a.byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	var toPublish []publishDiagnosticsParams
	for _, f := range files {
		uri := pathToURI(f)
		s.published[uri] = true
		toPublish = append(toPublish, publishDiagnosticsParams{URI: uri, Diagnostics: s.diagnostics(a, a.byFile[f])})
	}
	var cleared []string
	for uri := range previously {
		if !s.published[uri] {
			cleared = append(cleared, uri)
		}
	}
	sort.Strings(cleared)
	s.mu.Unlock()
	for _, p := range toPublish {
		s.notify("textDocument/publishDiagnostics", p)
	}
	for _, uri := range cleared {
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

// Analyses reports how many analyses ran (for tests).
func (s *Server) Analyses() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.analyses
}

var severities = map[analyzer.Severity]int{analyzer.SeverityError: 1, analyzer.SeverityWarning: 2, analyzer.SeverityInfo: 3}

// content returns a file of an analysis. The server's loads keep their
// files' content (its cache is persistent, and only a streamed load
// releases a file: graph.Files.Release); one released is read again.
func (s *Server) content(a *analysis, name string) []byte {
	if f := a.res.Graph.Files.Get(name); f != nil {
		if b, err := f.Source(); err == nil {
			return b
		}
	}
	return nil
}

// lspRange converts a finding's span to an LSP range in UTF-16 units.
func (s *Server) lspRange(a *analysis, pos, end token.Position) Range {
	a.colsOnce.Do(func() { a.cols = output.NewColumns(func(name string) []byte { return s.content(a, name) }) })
	r := Range{Start: Position{Line: max(pos.Line-1, 0), Character: a.cols.UTF16(pos) - 1}}
	r.End = r.Start
	if end.Line > 0 {
		r.End = Position{Line: end.Line - 1, Character: a.cols.UTF16(end) - 1}
	}
	return r
}

func (s *Server) diagnostics(a *analysis, fs []analyzer.Finding) []Diagnostic {
	out := make([]Diagnostic, 0, len(fs))
	for _, f := range fs {
		d := Diagnostic{
			Range: s.lspRange(a, f.Pos, f.End), Severity: severities[f.Severity], Code: f.Rule,
			CodeDescription: &codeDescription{Href: f.URL}, Source: "chainlint", Message: f.Message,
		}
		for _, rel := range f.Related {
			d.RelatedInformation = append(d.RelatedInformation, diagnosticRelatedInformation{
				Location: Location{URI: pathToURI(rel.Pos.Filename), Range: s.lspRange(a, rel.Pos, rel.End)}, Message: rel.Message})
		}
		out = append(out, d)
	}
	return out
}

func overlaps(a, b Range) bool {
	before := func(p, q Position) bool { return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character }
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func (s *Server) codeActions(p codeActionParams) []codeAction {
	s.mu.Lock()
	a := s.last
	s.mu.Unlock()
	out := []codeAction{}
	if a == nil {
		return out
	}
	for _, f := range a.byFile[uriToPath(p.TextDocument.URI)] {
		if len(f.Fixes) == 0 {
			continue
		}
		diag := s.diagnostics(a, []analyzer.Finding{f})[0]
		if !overlaps(diag.Range, p.Range) {
			continue
		}
		for i, fx := range f.Fixes {
			edit := &workspaceEdit{Changes: map[string][]textEdit{}}
			for _, e := range fx.Edits() {
				uri := pathToURI(e.Pos.Filename)
				edit.Changes[uri] = append(edit.Changes[uri], textEdit{Range: s.lspRange(a, e.Pos, e.End), NewText: e.NewText})
			}
			out = append(out, codeAction{Title: fx.Message, Kind: "quickfix", Diagnostics: []Diagnostic{diag}, IsPreferred: i == 0, Edit: edit})
		}
	}
	return out
}

// offsetOf converts an LSP position (UTF-16) to a byte offset in text.
func offsetOf(text []byte, p Position) int {
	off := 0
	for line := 0; line < p.Line && off < len(text); off++ {
		if text[off] == '\n' {
			line++
		}
	}
	units := 0
	for off < len(text) && text[off] != '\n' && units < p.Character {
		r, w := utf8.DecodeRune(text[off:])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		off += w
	}
	return min(off, len(text))
}

func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	return filepath.FromSlash(u.Path)
}

func pathToURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// hover shows where a backend's requests go, or what reaches a domain.
func (s *Server) hover(p textDocumentPositionParams) *hover {
	s.mu.Lock()
	a := s.last
	s.mu.Unlock()
	if a == nil {
		return nil
	}
	g := a.res.Graph
	f := g.Files.Get(uriToPath(p.TextDocument.URI))
	if f == nil {
		return nil
	}
	pos := f.Pos(offsetOf(s.content(a, f.Name), p.Position))
	for _, svc := range g.Services {
		for _, b := range svc.Backends {
			if b.Pos <= pos && pos < b.End {
				return &hover{Contents: markupContent{Kind: "markdown", Value: backendHover(a, b)}}
			}
		}
		for _, d := range svc.Domains {
			if d.Pos <= pos && pos < d.End {
				return &hover{Contents: markupContent{Kind: "markdown", Value: domainHover(a, d)}}
			}
		}
	}
	return nil
}

// codeSpan writes a name as a Markdown code span that the name cannot
// close: a fence one backtick longer than any run of backticks in it,
// padded when it starts or ends with one; control characters escaped.
func codeSpan(s string) string {
	s = printable.String(s)
	longest, run := 0, 0
	for _, c := range s {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func backendHover(a *analysis, b *graph.Backend) string {
	c := a.chains
	r := c.RouteOf(b)
	var sb strings.Builder
	fmt.Fprintf(&sb, "**backend %s** of service %s\n\n", codeSpan(b.Name.Value), codeSpan(b.Service.Label()))
	host := "the client's Host"
	if r.Host != "" {
		host = fmt.Sprintf("Host %s (%s)", codeSpan(r.Host), r.HostSource)
	}
	switch {
	case r.Loopback():
		fmt.Fprintf(&sb, "sends %s to Fastly (%s): the request comes back to %s — 503 Loop detected\n", host, codeSpan(r.Address), codeSpan(b.Service.Label()))
	case r.To != nil:
		fmt.Fprintf(&sb, "→ service **%s** with %s\n", codeSpan(r.To.Label()), host)
	case r.ToFastly:
		fmt.Fprintf(&sb, "→ a Fastly service outside the workspace, with %s\n", host)
	default:
		fmt.Fprintf(&sb, "→ origin %s with %s\n", codeSpan(r.Address), host)
	}
	for _, l := range a.res.Profile.Limits {
		lim := l
		best, _ := c.PathMax(func(s *graph.Service, rt *routes.Route) int { return analyzer.LimitCost(lim, s, rt) })
		here := analyzer.LimitCost(lim, b.Service, r)
		rest := 0
		if r.To != nil && c.IsDAGEdge(r) {
			rest = best[c.Index(r.To)]
		}
		name := "hops"
		if l.Name != "all" {
			name = l.Name + " hops"
		}
		fmt.Fprintf(&sb, "\n%s: %d here, up to %d from here to an origin (limit %d)", name, here, here+rest, l.Hops)
	}
	return sb.String()
}

func domainHover(a *analysis, d *graph.Domain) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "**domain %s** of service %s\n", codeSpan(d.Name.Value), codeSpan(d.Service.Label()))
	for _, r := range a.chains.In(d.Service) {
		if r.ToDomain == d && !r.Loopback() {
			fmt.Fprintf(&sb, "\n- reached from service %s (backend %s)", codeSpan(r.From().Label()), codeSpan(r.Backend.Name.Value))
		}
	}
	return sb.String()
}
