package main

import (
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/internal/synth/estate"
)

// htmlReport lints the bundled examples with --format html and returns the
// page and the JSON report of the same run.
func htmlReport(t *testing.T) (page string, report jsonReport) {
	t.Helper()
	page, _, status := runBinary(t, "../..", "--format", "html", "testdata/examples")
	if status != 1 {
		t.Fatalf("status %d, want 1", status)
	}
	out, _, _ := runBinary(t, "../..", "--format", "json", "testdata/examples")
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	return page, report
}

type jsonReport struct {
	Diagnostics []struct {
		Rule, Message, Service string
	} `json:"diagnostics"`
}

// fetching matches what would make a browser fetch something: a script,
// style sheet, image, font or frame from elsewhere.
var fetching = regexp.MustCompile(`(?i)<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|<iframe|@import|url\(\s*['"]?(https?:|//)`)

// TestHTMLSelfContained: the page needs nothing but itself, and holds every
// finding and every service.
func TestHTMLSelfContained(t *testing.T) {
	page, report := htmlReport(t)
	if m := fetching.FindString(page); m != "" {
		t.Errorf("the page would fetch something: %q", m)
	}
	for _, d := range report.Diagnostics {
		if !strings.Contains(page, html.EscapeString(d.Message)) {
			t.Errorf("finding missing from the page: %s", d.Message)
		}
	}
	decoded := html.UnescapeString(page) // Graphviz writes - as &#45;
	for _, name := range []string{"api-gateway", "legacy-api", "www", "chained-service", "shop", "images"} {
		if !strings.Contains(decoded, ">"+name+"<") {
			t.Errorf("service %s missing from the page", name)
		}
	}
}

// TestHTMLInChromium loads the page in headless Chromium (Debian's
// chromium package; .ci/run installs it) and checks the DOM as the browser
// built it: every finding and service is there, and the page's script ran
// its #selftest (it clicks the first finding, which highlights the
// finding's service and path, and the first service, which lists its
// backends). A screenshot is kept as the test's artefact, in
// $CHAINLINT_ARTIFACTS (default: the system's temporary directory).
func TestHTMLInChromium(t *testing.T) {
	t.Parallel() // a process each, independent: the two cores share them
	browser := findBrowser(t)
	page, report := htmlReport(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		args = append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + filepath.Join(dir, "profile")}, args...)
		cmd := exec.Command(browser, args...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", browser, err)
		}
		return string(out)
	}
	dom := run("--dump-dom", "file://"+file+"#selftest")
	// A DOM serialises text with &, < and > escaped, quotes as they are.
	text := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	for _, d := range report.Diagnostics {
		if !strings.Contains(dom, text.Replace(d.Message)) {
			t.Errorf("the rendered page lacks the finding: %s", d.Message)
		}
	}
	m := regexp.MustCompile(`data-selftest="done ([^"]*)"`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the page's script did not run its self-test; <body> is:\n%.600s", dom[max(0, strings.Index(dom, "<body")):])
	}
	// The first finding is chain-loop at api-gateway (s0): the loop's two
	// services are highlighted.
	if m[1] != "s0 s1" {
		t.Errorf("clicking the loop finding highlighted %q, want the loop's services \"s0 s1\"", m[1])
	}
	if !strings.Contains(dom, `data-panel="s0"`) || !strings.Contains(dom, "<strong>api-gateway</strong>") || !strings.Contains(dom, "legacy-api.example.com") {
		t.Errorf("clicking a service did not list its backends with their Host")
	}
	if !strings.Contains(dom, `class="edge error hl"`) {
		t.Errorf("no edge highlighted")
	}
	artifacts := os.Getenv("CHAINLINT_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(os.TempDir(), "chainlint-artifacts")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(artifacts, "html-report.png")
	run("--window-size=1300,1100", "--screenshot="+shot, "file://"+file+"#selftest")
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 10000 {
		t.Errorf("no screenshot at %s (%v)", shot, err)
	}
	t.Logf("screenshot: %s", shot)
}

// findBrowser finds headless Chromium, or skips (fails under CI).
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; .ci/run installs Debian's chromium package")
	}
	t.Skip("chromium is not installed (apt-get install chromium)")
	return ""
}

// TestHTMLGraphLegible renders the report's graph in headless Chromium and
// measures it as drawn (the page's #measure script): no label outside the
// picture or cut by its box, no two labels overlapping, no label over
// another node; on the bundled example (two backends between one pair of
// services) and on a 40-service synthetic estate. Screenshots are kept as
// artefacts, in $CHAINLINT_ARTIFACTS.
func TestHTMLGraphLegible(t *testing.T) {
	t.Parallel() // a process each, independent: the two cores share them
	browser := findBrowser(t)
	synthetic := t.TempDir()
	if err := estate.Write(synthetic, map[string][]byte{"estate.json": estate.Bundle(estate.Options{Services: 40, Seed: 3})}); err != nil {
		t.Fatal(err)
	}
	artifacts := os.Getenv("CHAINLINT_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(os.TempDir(), "chainlint-artifacts")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, dir, path string }{
		{"example", "../..", "testdata/examples"},
		{"synthetic-40", synthetic, "."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, _, _ := runBinary(t, tc.dir, "--format", "html", tc.path)
			if !strings.Contains(page, `<svg class="dot"`) {
				t.Fatal("the graph was not laid out by Graphviz")
			}
			dir := t.TempDir()
			file := filepath.Join(dir, "report.html")
			if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking", "--no-first-run", "--user-data-dir=" + filepath.Join(dir, "profile")}
			out, err := exec.Command(browser, append(args, "--window-size=1600,1200", "--dump-dom", "file://"+file+"#measure")...).Output()
			if err != nil {
				t.Fatalf("%s: %v", browser, err)
			}
			m := regexp.MustCompile(`data-measure="([^"]*)"`).FindStringSubmatch(string(out))
			if m == nil {
				t.Fatal("the page's #measure script did not run")
			}
			if !strings.HasPrefix(m[1], "ok ") {
				t.Errorf("the graph is not legible: %s", html.UnescapeString(m[1]))
			}
			shot := filepath.Join(artifacts, "html-graph-"+tc.name+".png")
			if err := exec.Command(browser, append(args, "--window-size=1600,1200", "--screenshot="+shot, "file://"+file)...).Run(); err != nil {
				t.Errorf("screenshot: %v", err)
			}
			t.Logf("%s; screenshot: %s", m[1], shot)
		})
	}
}

// TestHTMLMarksModuleInstances: of two services of one name (a module
// instantiated twice), the report marks the node of the one a finding is
// about, and its finding's row points at that node (keyed by the label,
// the last of the two was marked).
func TestHTMLMarksModuleInstances(t *testing.T) {
	page, _, status := runBinary(t, "../..", "--format", "html", "chainview/testdata/module-twice")
	if status != 1 {
		t.Fatalf("status %d, want 1", status)
	}
	graphJSON, _, _ := runBinary(t, "../..", "graph", "--format", "json", "chainview/testdata/module-twice")
	var g struct {
		Services []struct {
			ID, Name string
			Backends []struct{ Address string }
		}
	}
	if err := json.Unmarshal([]byte(graphJSON), &g); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{} // Frontend's backend address → node
	for _, s := range g.Services {
		if s.Name == "Frontend" && len(s.Backends) == 1 {
			ids[s.Backends[0].Address] = s.ID
		}
	}
	production, staging := ids["api-a.example.com"], ids["api-b.example.com"]
	if staging == "" || production == "" {
		t.Fatalf("Frontend nodes %v", ids)
	}
	marked := regexp.MustCompile(`class="node service sev&#45;error" data-id="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(marked) != 1 || marked[0][1] != production {
		t.Errorf("nodes marked as errors %v, want production's %s alone", marked, production)
	}
	if !strings.Contains(page, `data-service="`+production+`"`) || strings.Contains(page, `data-service="`+staging+`"`) {
		t.Errorf("the finding's row does not point at production's node %s", production)
	}
}
