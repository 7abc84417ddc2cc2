package pull

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/loader/fastlyapi"
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
