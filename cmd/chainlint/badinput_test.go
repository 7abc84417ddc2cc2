package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chainlint/chainlint/internal/lsptest"
)

// badInput is one hostile or broken input.
type badInput struct {
	name string
	// setup writes the input below dir and returns the path to lint.
	setup  func(t *testing.T, dir string) string
	status int    // the CLI's exit status
	want   string // a substring of the CLI's output ("" for none)
	// maxRSS bounds the CLI's peak memory, in MB.
	maxRSS int64
	// noLSP skips the language-server run (the input is too large to be
	// worth twice the time).
	noLSP bool
}

func write(name string, content []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

var validExport = `{"services": [{"name": "www", "type": "vcl", "version": {
  "domains": [{"name": "www.example.com"}],
  "backends": [{"name": "origin", "address": "origin.example.com"}]}}]}`

// millionEdges writes 100,000 services, each chained to the next ten.
func millionEdges(t *testing.T, dir string) string {
	var b bytes.Buffer
	const n = 100000
	b.WriteString(`{"services":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"s%d","type":"vcl","version":{"domains":[{"name":"s%d.t"}],"backends":[`, i, i)
		first := true
		for k := 1; k <= 10 && i+k < n; k++ {
			if !first {
				b.WriteByte(',')
			}
			first = false
			fmt.Fprintf(&b, `{"name":"b%d","address":"s%d.t","override_host":"s%d.t"}`, k, i+k, i+k)
		}
		if first {
			b.WriteString(`{"name":"o","address":"origin.example.com"}`)
		}
		b.WriteString(`]}}`)
	}
	b.WriteString(`]}`)
	return write("million.json", b.Bytes())(t, dir)
}

var badInputs = []badInput{
	{name: "empty file", setup: write("empty.json", nil), status: 3, want: "empty.json:1:1: error: cannot parse JSON: empty document"},
	{name: "binary garbage", setup: write("garbage.json", []byte("\x00\x9f\x92\x96\xff\xfe\x01garbage")), status: 3, want: "garbage.json:1:1: error: cannot parse JSON"},
	{name: "invalid UTF-8 in YAML", setup: write("bad.yaml", []byte("services:\n  - name: \"www\xff\xfe\"\n    version: {}\n")), status: 3, want: "bad.yaml:1:1: error: cannot parse YAML"},
	{name: "invalid UTF-8 in a JSON string", setup: write("bad.json", []byte(strings.Replace(validExport, "www", "w\xffw", 1))), status: 0, want: "no problems in 1 service"},
	{name: "byte-order mark", setup: write("bom.json", append([]byte("\xEF\xBB\xBF"), validExport...)), status: 0, want: "no problems in 1 service"},
	{name: "CRLF line ends", setup: write("crlf.yaml", []byte("services:\r\n  - name: www\r\n    version:\r\n      domains: [{name: www.example.com}]\r\n      backends:\r\n        - name: edge\r\n          address: global.ssl.fastly.net\r\n")),
		status: 1, want: "crlf.yaml:7:20: error: backend \"edge\""},
	{name: "truncated JSON", setup: write("t.json", []byte(validExport[:60])), status: 3, want: "t.json:2:"},
	{name: "truncated YAML", setup: write("t.yaml", []byte("services:\n  - name: www\n    version:\n      backends: [{name: a, address: \"b\n")), status: 3, want: "t.yaml:"},
	{name: "truncated HCL", setup: write("main.tf", []byte("resource \"fastly_service_vcl\" \"www\" {\n  name = \"www\"\n  backend {\n")), status: 3, want: "main.tf:"},
	{name: "truncated VCL", setup: write("main.vcl", []byte("sub vcl_recv {\n  if (req.url ~ \"^/a\") {\n    set req.http.X = \"1\";\n")), status: 3, want: "main.vcl:"},
	{name: "JSON nested 100,000 deep", setup: write("deep.json", []byte(`{"services": `+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"}")), status: 3, want: "nesting deeper than 1000"},
	{name: "YAML nested 100,000 deep", setup: write("deep.yaml", []byte("services: "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"\n")), status: 3, want: "deep.yaml:"},
	{name: "HCL nested 100,000 deep", setup: write("deep.tf", []byte("locals {\n  x = "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"\n}\n")), status: 3, want: "deep.tf:2:1006: error: nesting deeper than 1000 levels"},
	{name: "VCL nested 100,000 deep", setup: write("deep.vcl", []byte("sub vcl_recv {"+strings.Repeat("if (a) {", 100000)+strings.Repeat("}", 100000)+"}")), status: 3, want: "nesting deeper than 500"},
	{name: "YAML alias bomb", setup: write("bomb.yaml", []byte(`a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
services: [*g,*g,*g,*g,*g,*g,*g,*g,*g]
`)), status: 3, want: "alias bomb"},
	{name: "a 200 MB file", setup: func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "huge.json")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(200 << 20); err != nil { // sparse: nothing is written
			t.Fatal(err)
		}
		return p
	}, status: 3, want: "huge.json:1:1: error: file is 200 MB, over chainlint's limit of 128 MB"},
	{name: "directory symlink loop", setup: func(t *testing.T, dir string) string {
		d := filepath.Join(dir, "tree")
		os.MkdirAll(filepath.Join(d, "sub"), 0o755)
		os.WriteFile(filepath.Join(d, "sub", "estate.json"), []byte(validExport), 0o644)
		if err := os.Symlink(d, filepath.Join(d, "sub", "loop")); err != nil {
			t.Fatal(err)
		}
		return d
	}, status: 0, want: "no problems in 1 service from 1 file"},
	{name: "unreadable file", setup: func(t *testing.T, dir string) string {
		// A socket named like an export: it exists, and cannot be read,
		// even by root.
		p := filepath.Join(dir, "estate.json")
		l, err := net.Listen("unix", p)
		if err != nil {
			t.Skip("no unix sockets here:", err)
		}
		t.Cleanup(func() { l.Close() })
		return p
	}, status: 3, want: "estate.json:1:1: error: cannot read file"},
	{name: "a self-including template", setup: func(t *testing.T, dir string) string {
		writeFiles(t, dir, map[string]string{
			"main.tf":  tfService("content = templatefile(\"${path.module}/self.tpl\", {})"),
			"self.tpl": "sub vcl_recv { ${templatefile(\"self.tpl\", {})} }\n",
		})
		return dir
	}, status: 3, want: "cannot recursively call templatefile"},
	{name: "fileexists outside the root", setup: func(t *testing.T, dir string) string {
		root := filepath.Join(dir, "root")
		writeFiles(t, root, map[string]string{"main.tf": tfService(`content = fileexists("/etc/passwd") ? "a" : "b"`)})
		return root
	}, status: 3, want: "is outside the project root"},
	{name: "fileexists on a FIFO", setup: func(t *testing.T, dir string) string {
		writeFiles(t, dir, map[string]string{"main.tf": tfService(`content = fileexists("${path.module}/pipe") ? "a" : "b"`)})
		if err := mkfifo(filepath.Join(dir, "pipe"), 0o600); err != nil {
			t.Skip(err)
		}
		return dir
	}, status: 3, want: "is not a regular file"},
	{name: "fileexists through a link out of the root", setup: func(t *testing.T, dir string) string {
		writeFiles(t, dir, map[string]string{"main.tf": tfService(`content = fileexists("${path.module}/zero") ? "a" : "b"`)})
		if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero")); err != nil {
			t.Fatal(err)
		}
		return dir
	}, status: 3, want: "is outside the project root"},
	{name: "file() of a FIFO", setup: func(t *testing.T, dir string) string {
		writeFiles(t, dir, map[string]string{"main.tf": tfService(`content = file("${path.module}/pipe.vcl")`)})
		if err := mkfifo(filepath.Join(dir, "pipe.vcl"), 0o600); err != nil {
			t.Skip(err)
		}
		return filepath.Join(dir, "main.tf")
	}, status: 3, want: "not a regular file"},
	{name: "an export symlinked to /dev/zero", setup: func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "x.json")
		if err := os.Symlink("/dev/zero", p); err != nil {
			t.Fatal(err)
		}
		return p
	}, status: 3, want: "x.json:1:1: error: cannot read file: not a regular file", noLSP: true},
	{name: "a FIFO named explicitly", setup: func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "estate.json")
		if err := mkfifo(p, 0o600); err != nil {
			t.Skip(err)
		}
		return p
	}, status: 3, want: "estate.json:1:1: error: cannot read file: not a regular file", noLSP: true},
	{name: "a lone CR before the error column", setup: write("cr.json", []byte(`{"services": [{"name": "www", "type": "vcl",`+strings.Repeat(" ", 120)+"\r"+`"comment": "`+strings.Repeat("c", 100)+`", "version": {"domains": "x"}}]}`)),
		status: 3, want: "cr.json:1:"},
	{name: "random bytes named .tf", setup: write("r.tf", randomBytes(4096, 1)), status: 3, want: "r.tf:"},
	{name: "random bytes named .vcl", setup: write("r.vcl", randomBytes(4096, 2)), status: 3, want: "r.vcl:"},
	{name: "a number literal of a hundred million digits", setup: write("main.tf", []byte(strings.Replace(tfService(`content = "${1e99999999}"`), `override_host = "origin.example.com"`, "override_host = \"origin.example.com\"\n    port = 1e99999999", 1))),
		status: 3, want: "main.tf:8:12: error: Number out of range"},
	// A legacy index step (var.m.0) of a number whose decimal form has
	// 33 million digits: looking it up converted it to a string (two
	// minutes for six lines; found by FuzzFastValue).
	{name: "a legacy index of 33 million digits", setup: write("main.tf", []byte("variable \"m\" {\n  default = {}\n}\n"+tfService(`content = "${var.m.3E33333131}"`))),
		status: 3, want: "main.tf:15:23: error: Number out of range"},
	{name: "locals doubling a string 39 times", setup: write("main.tf", []byte(doublingLocals(39)+strings.Replace(tfService(""), `name = "a"`, `name = local.l39`, 1))),
		status: 0, want: "chainlint stopped evaluating local.l23", maxRSS: 256},
	{name: "nested for over range(1000)", setup: write("main.tf", []byte("locals {\n  x = length(flatten([for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]))\n}\n"+strings.Replace(tfService(""), `name = "a"`, `name = "${local.x}"`, 1))),
		status: 0, want: "chainlint stopped evaluating local.x", maxRSS: 256},
	{name: "setproduct of four ranges", setup: write("main.tf", []byte("locals {\n  y = length(setproduct(range(100), range(100), range(100), range(100)))\n}\n"+strings.Replace(tfService(""), `name = "a"`, `name = "${local.y}"`, 1))),
		status: 0, want: "chainlint stopped evaluating local.y", maxRSS: 256},
	{name: "a module calling its own directory", setup: func(t *testing.T, dir string) string {
		writeFiles(t, dir, map[string]string{"main.tf": "module \"me\" {\n  source = \"./\"\n}\n" + tfService("")})
		return dir
	}, status: 3, want: `main.tf:2:12: error: Module cycle: module "me" calls its own directory`},
	{name: "two modules calling each other", setup: func(t *testing.T, dir string) string {
		writeFiles(t, dir, map[string]string{
			"a/main.tf": "module \"b\" {\n  source = \"../b\"\n}\n" + tfService(""),
			"b/main.tf": "module \"a\" {\n  source = \"../a\"\n}\n",
		})
		return filepath.Join(dir, "a")
	}, status: 3, want: `b/main.tf:2:12: error: Module cycle: module "a" calls "../a", which leads back to this module`},
	{name: "a UTF-16 export", setup: write("u16.json", utf16LE(`{"services": [{"name": "www", "type": "vcl", "version": {"domains": [{"name": "www.example.com"}],
  "backends": [{"name": "b", "address": "www.example.com"}]}}]}`)), status: 1, want: "u16.json:2:41: error: backend \"b\" of service \"www\" reaches service \"www\""},
	{name: "count over 10,000", setup: write("main.tf", []byte(strings.NewReplacer(`name = "a"`, "count = 20000\n  name = \"a${count.index}\"", `"a.example.com"`, `"a${count.index}.example.com"`).Replace(tfService("")))),
		status: 0, want: "main.tf:2:11: info: cut short: count = 20000, and chainlint analyses the first 10000 instances of a resource [skipped-input]"},
	{name: "a 20 MB one-line VCL file", setup: func(t *testing.T, dir string) string {
		// Made when the case runs: a table entry's 20 MB would be held by
		// every test of the package.
		return write("big.vcl", []byte("sub vcl_recv { "+strings.Repeat(`set req.http.X-A = "b"; `, 800000)+"}"))(t, dir)
	},
		status: 3, want: "big.vcl:1:1: error: VCL syntax: this VCL is 19200016 bytes, over Fastly's limit of 1048576", maxRSS: 200},
	{name: "1,000,000-edge chain graph", setup: millionEdges, status: 1, want: "passes through 100000 services", maxRSS: 3072, noLSP: true},
}

// doublingLocals declares locals l0 … ln, each twice the one before.
func doublingLocals(n int) string {
	var b strings.Builder
	b.WriteString("locals {\n  l0 = \"ab\"\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  l%d = \"${local.l%d}${local.l%d}\"\n", i, i-1, i-1)
	}
	b.WriteString("}\n")
	return b.String()
}

// utf16LE encodes s as UTF-16LE with a byte-order mark, as PowerShell's
// Out-File writes.
func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// randomBytes returns n reproducible pseudo-random bytes.
func randomBytes(n int, seed uint64) []byte {
	b := make([]byte, n)
	x := seed*0x9E3779B97F4A7C15 + 1
	for i := range b {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		b[i] = byte(x)
	}
	return b
}

// tfService is a VCL service whose main VCL's content attribute is given.
func tfService(content string) string {
	return `resource "fastly_service_vcl" "a" {
  name = "a"
  domain { name = "a.example.com" }
  backend {
    name          = "o"
    address       = "origin.example.com"
    override_host = "origin.example.com"
  }
  vcl {
    name = "main"
    main = true
    ` + content + `
  }
}
`
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBadInputs feeds every bad input to the CLI and to the language
// server: a positioned error (or a correct result), exit status 3 where
// input could not be read, no panic, and peak memory within the row's
// bound (default 512 MB).
func TestBadInputs(t *testing.T) {
	t.Parallel() // a process each, independent: the two cores share them
	for _, tt := range badInputs {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // the helper measures each command's own peak (runPeak)
			if testing.Short() && tt.noLSP {
				t.Skip("large")
			}
			dir := t.TempDir()
			path := tt.setup(t, dir)
			stdout, stderr, status, peak := runPeak(t, dir, path)
			all := stdout + stderr
			if status != tt.status || !strings.Contains(all, tt.want) {
				t.Errorf("status %d (want %d), output lacks %q:\n%.2000s", status, tt.status, tt.want, all)
			}
			if strings.Contains(all, "panic") || strings.Contains(all, "goroutine ") {
				t.Errorf("a panic:\n%.2000s", all)
			}
			bound := tt.maxRSS
			if bound == 0 {
				bound = 512
			}
			if peak > bound {
				t.Errorf("peak memory %d MB over the bound of %d MB", peak, bound)
			}
			if !tt.noLSP {
				lspRun(t, dir)
			}
		})
	}
}

// lspRun starts `chainlint lsp` on dir, waits for its first analysis and
// shuts it down: it must neither crash nor leave the session uncleanly.
func lspRun(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command(binary, "lsp")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	send := func(m map[string]any) { lsptest.Send(stdin, m) }
	msgs := lsptest.Read(stdout, func(body []byte) { t.Errorf("the language server wrote invalid JSON: %s", body) })
	send(map[string]any{"id": 1, "method": "initialize", "params": map[string]any{"rootUri": "file://" + dir}})
	send(map[string]any{"method": "initialized", "params": map[string]any{}})
	deadline := time.After(30 * time.Second)
	// await reads messages until the response to request id.
	await := func(id float64, method string) {
		t.Helper()
		for {
			select {
			case m, ok := <-msgs:
				if !ok {
					t.Fatalf("the language server died:\n%s", stderr.String())
				}
				if m["id"] == id {
					return
				}
			case <-deadline:
				t.Fatalf("no answer to %s", method)
			}
		}
	}
	// Wait for the answer to initialize and a moment for the analysis.
	await(1, "initialize")
	time.Sleep(500 * time.Millisecond)
	send(map[string]any{"id": 2, "method": "shutdown"})
	await(2, "shutdown")
	send(map[string]any{"method": "exit"})
	stdin.Close()
	if err := cmd.Wait(); err != nil || strings.Contains(stderr.String(), "panic") {
		t.Errorf("the language server ended badly: %v\n%s", err, stderr.String())
	}
}

// TestFlagFilesNotRegular: a device or a FIFO given to a flag that names a
// file is refused at once (exit 2), never read.
func TestFlagFilesNotRegular(t *testing.T) {
	dir := writeTree(t, map[string]string{"estate.json": validExport})
	fifo := filepath.Join(dir, "fifo")
	if err := mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	for _, flag := range []string{"--config", "--baseline", "--var-file"} {
		for _, target := range []string{"/dev/zero", fifo} {
			cmd := exec.Command(binary, flag, target, "estate.json")
			cmd.Dir = dir
			_, stderr, status := runCmd(t, cmd)
			if status != 2 || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("%s %s: status %d\n%s", flag, target, status, stderr)
			}
		}
	}
	cmd := exec.Command(binary, "pull", "--all", "--token-file", "/dev/zero")
	if _, stderr, status := runCmd(t, cmd); status != 2 || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("pull --token-file /dev/zero: status %d\n%s", status, stderr)
	}
}
