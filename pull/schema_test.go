package pull

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/loader/fastlyapi"
	"github.com/chainlint/chainlint/schema"
)

// TestBundleLoadsWhole pins the pulled bundle's structs to the schema the
// export loader reads: a bundle with every field set, written as the
// command writes it (JSON and YAML), loads without a problem and with
// every value in place. A field renamed on one side fails here.
func TestBundleLoadsWhole(t *testing.T) {
	obj := func(kind *schema.Object, kv ...any) *Object {
		fields := map[string]any{}
		for i := 0; i < len(kv); i += 2 {
			fields[kv[i].(string)] = kv[i+1]
		}
		return NewObject(kind, fields)
	}
	b := &Bundle{
		Services: []*Service{{
			ID: "svc1", Name: "www", Type: "vcl",
			ActiveVersion: &Version{
				Number:  7,
				Domains: []*Object{obj(schema.Domain, "name", "www.example.com", "comment", "main")},
				Backends: []*Object{obj(schema.Backend, "name", "origin", "address", "origin.example.com", "port", 443, "override_host", "host.example.com",
					"use_ssl", true, "ssl_cert_hostname", "cert.example.com", "ssl_sni_hostname", "sni.example.com", "shield", "iad-va-us", "request_condition", "is api")},
				Snippets:   []*Object{obj(schema.Snippet, "name", "auth", "type", "recv", "priority", 50, "dynamic", true, "content", "set req.http.x = \"1\";")},
				VCLs:       []*Object{obj(schema.VCL, "name", "main", "main", true, "content", "sub vcl_recv {\n#FASTLY recv\n}\n")},
				Conditions: []*Object{obj(schema.Condition, "name", "is api", "statement", `req.url ~ "^/api/"`, "type", "REQUEST", "priority", 10)},
				Headers: []*Object{obj(schema.Header, "name", "host", "type", "request", "action", "set", "dst", "http.Host", "src", `"api.example.com"`,
					"request_condition", "is api", "ignore_if_set", true, "priority", 20)},
				RequestSettings: []*Object{obj(schema.RequestSetting, "name", "rs", "default_host", "d.example.com", "action", "pass", "request_condition", "is api")},
			},
			ResourceLinks: []*Object{obj(schema.Link, "name", "edge-config", "resource_id", "cfg1", "resource_type", "config")},
		}},
		Stores: []*Store{{ID: "cfg1", Name: "edge-config", Type: "config-store"}},
	}
	want := []string{
		"service svc1 www vcl 7",
		"domain www.example.com",
		"backend origin origin.example.com 443 host.example.com true cert.example.com sni.example.com iad-va-us is api",
		"snippet auth recv 50 set req.http.x = \"1\";",
		"vcl main true sub vcl_recv {\n#FASTLY recv\n}\n",
		"condition is api req.url ~ \"^/api/\" REQUEST 10",
		"header host request set http.Host \"api.example.com\" is api true 20",
		"request setting rs d.example.com pass is api",
		"link edge-config cfg1 config",
		"store cfg1 edge-config config-store",
	}
	for _, format := range []string{"json", "yaml"} {
		var data []byte
		var err error
		if format == "json" {
			data, err = json.MarshalIndent(b, "", "  ")
		} else {
			data, err = yaml.Marshal(b)
		}
		if err != nil {
			t.Fatal(err)
		}
		g := graph.NewGraph()
		if !fastlyapi.Load(g, "pulled."+format, data, true) {
			t.Fatalf("%s: not read as an export", format)
		}
		g.Finish()
		for _, p := range g.Problems {
			t.Errorf("%s: %s", format, p.Message)
		}
		var got []string
		for _, s := range g.Services {
			got = append(got, fmt.Sprintf("service %s %s %s %d", s.ID.Value, s.Name.Value, s.Platform, s.Version))
			for _, d := range s.Domains {
				got = append(got, "domain "+d.Name.Value)
			}
			for _, be := range s.Backends {
				got = append(got, fmt.Sprintf("backend %s %s %d %s %v %s %s %s %s", be.Name.Value, be.Address.Value, be.Port.Value,
					be.OverrideHost.Value, be.UseSSL.Value, be.SSLCertHostname.Value, be.SSLSNIHostname.Value, be.Shield.Value, be.RequestCondition.Value))
			}
			for _, sn := range s.Snippets {
				got = append(got, fmt.Sprintf("snippet %s %s %d %s", sn.Name.Value, sn.Type.Value, sn.Priority.Value, sn.Content.Value))
			}
			for _, v := range s.VCLs {
				got = append(got, fmt.Sprintf("vcl %s %v %s", v.Name.Value, v.Main.Value, v.Content.Value))
			}
			for _, c := range s.Conditions() {
				got = append(got, fmt.Sprintf("condition %s %s %s %d", c.Name.Value, c.Statement.Value, c.Type.Value, c.Priority.Value))
			}
			for _, h := range s.Headers() {
				got = append(got, fmt.Sprintf("header %s %s %s %s %s %s %v %d", h.Name.Value, h.Type.Value, h.Action.Value, h.Dst.Value,
					h.Src.Value, h.RequestCondition.Value, h.IgnoreIfSet.Value, h.Priority.Value))
			}
			for _, r := range s.RequestSettings() {
				got = append(got, fmt.Sprintf("request setting %s %s %s %s", r.Name.Value, r.DefaultHost.Value, r.Action.Value, r.RequestCondition.Value))
			}
			for _, l := range s.Links {
				got = append(got, fmt.Sprintf("link %s %s %s", l.Name.Value, l.ResourceID.Value, l.ResourceType.Value))
			}
		}
		for _, st := range g.Stores {
			got = append(got, fmt.Sprintf("store %s %s %s", st.ID.Value, st.Name.Value, st.Type))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +loaded):\n%s", format, diff)
		}
	}
}

// TestPullKnowsSchema: pull reads every API field of every object in the
// schema (package schema) from an API answer, and writes it (JSON and
// YAML) under the list the export loader reads, with the value's type.
func TestPullKnowsSchema(t *testing.T) {
	lists := map[string]bool{"resource_links": true}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[Version]()) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		lists[name] = true
	}
	for _, kind := range schema.Objects {
		kind.Resolve()
		answer := map[string]any{"id": "ignored", "created_at": "2026-01-01"}
		for _, f := range kind.Fields {
			if f.API == "" {
				continue
			}
			switch f.Kind {
			case schema.Int:
				answer[f.API] = "12" // the API spells some numbers as strings
			case schema.Bool:
				answer[f.API] = "1"
			default:
				answer[f.API] = "v-" + f.API
			}
		}
		raw, _ := json.Marshal(answer)
		o, err := decodeObject(kind, raw)
		if err != nil {
			t.Fatalf("%s: %v", kind.Name, err)
		}
		js, _ := json.Marshal(o)
		ys, _ := yaml.Marshal(o)
		for _, f := range kind.Fields {
			if f.API == "" {
				continue
			}
			want := map[schema.Kind]string{schema.Int: `"` + f.API + `":12`, schema.Bool: `"` + f.API + `":true`, schema.String: `"` + f.API + `":"v-` + f.API + `"`}[f.Kind]
			if !strings.Contains(string(js), want) {
				t.Errorf("%s: JSON %s lacks %s", kind.Name, js, want)
			}
			if !strings.Contains(string(ys), f.API+":") {
				t.Errorf("%s: YAML lacks %s:\n%s", kind.Name, f.API, ys)
			}
		}
		if strings.Contains(string(js), "created_at") || strings.Contains(string(js), "ignored") {
			t.Errorf("%s: wrote a field the schema does not name: %s", kind.Name, js)
		}
		if !lists[kind.List] {
			t.Errorf("%s: pull writes no %q list", kind.Name, kind.List)
		}
	}
	if _, err := decodeObject(schema.Backend, []byte(`{"name": "b", "port": "many"}`)); err == nil {
		t.Error("a port that is no number was read")
	}
}
