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
	b := &Bundle{
		Services: []*Service{{
			ID: "svc1", Name: "www", Type: "vcl",
			ActiveVersion: &Version{
				Number:  7,
				Domains: []*Domain{{Name: "www.example.com", Comment: "main"}},
				Backends: []*Backend{{Name: "origin", Address: "origin.example.com", Port: 443, OverrideHost: "host.example.com",
					UseSSL: true, SSLCertHostname: "cert.example.com", SSLSNIHostname: "sni.example.com", Shield: "iad-va-us", RequestCondition: "is api"}},
				Snippets:   []*Snippet{{Name: "auth", Type: "recv", Priority: 50, Dynamic: true, Content: "set req.http.x = \"1\";"}},
				VCLs:       []*VCL{{Name: "main", Main: true, Content: "sub vcl_recv {\n#FASTLY recv\n}\n"}},
				Conditions: []*Condition{{Name: "is api", Statement: `req.url ~ "^/api/"`, Type: "REQUEST", Priority: 10}},
				Headers: []*Header{{Name: "host", Type: "request", Action: "set", Dst: "http.Host", Src: `"api.example.com"`,
					RequestCondition: "is api", IgnoreIfSet: true, Priority: 20}},
				RequestSettings: []*RequestSetting{{Name: "rs", DefaultHost: "d.example.com", Action: "pass", RequestCondition: "is api"}},
			},
			ResourceLinks: []*Link{{Name: "edge-config", ResourceID: "cfg1", ResourceType: "config"}},
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
			for _, c := range s.Conditions {
				got = append(got, fmt.Sprintf("condition %s %s %s %d", c.Name.Value, c.Statement.Value, c.Type.Value, c.Priority.Value))
			}
			for _, h := range s.Headers {
				got = append(got, fmt.Sprintf("header %s %s %s %s %s %s %v %d", h.Name.Value, h.Type.Value, h.Action.Value, h.Dst.Value,
					h.Src.Value, h.RequestCondition.Value, h.IgnoreIfSet.Value, h.Priority.Value))
			}
			for _, r := range s.RequestSettings {
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

// TestStructsKnowSchema: what pull writes carries every API field of
// every object in the schema (package schema), under the list the export
// loader reads it from, and nothing the schema does not name but the two
// fields kept for people reading the bundle (a domain's comment, whether
// a snippet is dynamic).
func TestStructsKnowSchema(t *testing.T) {
	structs := map[*schema.Object]reflect.Type{
		schema.Domain: reflect.TypeFor[Domain](), schema.Backend: reflect.TypeFor[Backend](), schema.Snippet: reflect.TypeFor[Snippet](),
		schema.Condition: reflect.TypeFor[Condition](), schema.Header: reflect.TypeFor[Header](),
		schema.RequestSetting: reflect.TypeFor[RequestSetting](), schema.VCL: reflect.TypeFor[VCL](), schema.Link: reflect.TypeFor[Link](),
	}
	extra := map[string]bool{"domain comment": true, "snippet dynamic": true}
	tags := func(typ reflect.Type) map[string]reflect.Type {
		out := map[string]reflect.Type{}
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			out[name] = typ.Field(i).Type
		}
		return out
	}
	lists := tags(reflect.TypeFor[Version]())
	for k, v := range tags(reflect.TypeFor[Service]()) {
		lists[k] = v
	}
	for _, o := range schema.Objects {
		typ := structs[o]
		if typ == nil {
			t.Errorf("no struct of pull writes %s objects", o.Name)
			continue
		}
		if lt := lists[o.List]; lt != reflect.SliceOf(reflect.PointerTo(typ)) {
			t.Errorf("%s: pull writes no %q list of %s (found %v)", o.Name, o.List, typ, lt)
		}
		have := tags(typ)
		for _, f := range o.Fields {
			if f.API != "" && have[f.API] == nil {
				t.Errorf("%s: pull's %s writes no %q", o.Name, typ.Name(), f.API)
			}
			delete(have, f.API)
		}
		for name := range have {
			if !extra[o.Name+" "+name] {
				t.Errorf("%s: pull's %s writes %q, which the schema does not name", o.Name, typ.Name(), name)
			}
		}
	}
	if len(structs) != len(schema.Objects) {
		t.Errorf("%d structs for %d schema objects", len(structs), len(schema.Objects))
	}
}
