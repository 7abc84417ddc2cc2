// Package synth generates synthetic Fastly estates for benchmarks and
// scale tests: services with several domains and backends, VCL and
// Compute, chains of one to four services, shields, resource links and
// stores. Output is deterministic for a seed.
package synth

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Options shape an estate.
type Options struct {
	Services int
	Seed     uint64
}

type (
	bundle struct {
		Services []service `json:"services"`
		Stores   []store   `json:"stores"`
	}
	service struct {
		ID            string  `json:"id"`
		Name          string  `json:"name"`
		Type          string  `json:"type"`
		ActiveVersion version `json:"active_version"`
		ResourceLinks []link  `json:"resource_links,omitempty"`
	}
	version struct {
		Number   int       `json:"number"`
		Domains  []domain  `json:"domains"`
		Backends []backend `json:"backends"`
		Snippets []snippet `json:"snippets,omitempty"`
	}
	domain struct {
		Name string `json:"name"`
	}
	backend struct {
		Name            string `json:"name"`
		Address         string `json:"address"`
		Port            int    `json:"port"`
		OverrideHost    string `json:"override_host,omitempty"`
		UseSSL          bool   `json:"use_ssl"`
		SSLCertHostname string `json:"ssl_cert_hostname,omitempty"`
		Shield          string `json:"shield,omitempty"`
	}
	snippet struct {
		Name     string `json:"name"`
		Type     string `json:"type"`
		Priority int    `json:"priority"`
		Content  string `json:"content"`
	}
	link struct {
		Name         string `json:"name"`
		ResourceID   string `json:"resource_id"`
		ResourceType string `json:"resource_type"`
	}
	store struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Type string `json:"type"`
	}
)

var shields = []string{"amsterdam-nl", "frankfurt-de", "iad-va-us", "lax-ca-us", "tyo-tokyo-jp"}

// Bundle returns an estate as a Fastly export bundle (JSON).
func Bundle(o Options) []byte {
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	var b bundle
	nStores := max(1, o.Services/10)
	for i := 0; i < nStores; i++ {
		typ := []string{"kv-store", "config-store", "secret-store"}[i%3]
		b.Stores = append(b.Stores, store{ID: fmt.Sprintf("st%06d", i), Name: fmt.Sprintf("store_%d", i), Type: typ})
	}
	for i := 0; i < o.Services; {
		// A chain of one to four services: i → i+1 → … → origin.
		length := 1 + r.IntN(4)
		for k := 0; k < length && i < o.Services; k, i = k+1, i+1 {
			s := service{
				ID:   fmt.Sprintf("svc%06d", i),
				Name: fmt.Sprintf("service-%d", i),
				Type: "vcl",
			}
			if r.IntN(4) == 0 {
				s.Type = "wasm"
			}
			s.ActiveVersion.Number = 1 + r.IntN(40)
			for d := 0; d < 1+r.IntN(3); d++ {
				s.ActiveVersion.Domains = append(s.ActiveVersion.Domains, domain{Name: fmt.Sprintf("d%d.s%d.example.com", d, i)})
			}
			last := k == length-1 || i == o.Services-1
			if !last {
				next := fmt.Sprintf("d0.s%d.example.com", i+1)
				be := backend{Name: "next", Address: next, Port: 443, UseSSL: true, SSLCertHostname: next}
				if r.IntN(50) != 0 { // one in fifty forgets the override
					be.OverrideHost = next
				}
				s.ActiveVersion.Backends = append(s.ActiveVersion.Backends, be)
			}
			for o := 0; o < 1+r.IntN(2); o++ {
				be := backend{Name: fmt.Sprintf("origin%d", o), Address: fmt.Sprintf("origin%d.s%d.example.net", o, i), Port: 443, UseSSL: true}
				if s.Type == "vcl" && r.IntN(5) == 0 {
					be.Shield = shields[r.IntN(len(shields))]
				}
				s.ActiveVersion.Backends = append(s.ActiveVersion.Backends, be)
			}
			if s.Type == "vcl" {
				s.ActiveVersion.Snippets = append(s.ActiveVersion.Snippets, snippet{
					Name: "recv", Type: "recv", Priority: 100,
					Content: "if (req.url ~ \"^/api/\") {\n  set req.http.X-API = \"1\";\n}\n",
				})
			}
			for l := 0; l < r.IntN(8); l++ {
				st := b.Stores[r.IntN(len(b.Stores))]
				s.ResourceLinks = append(s.ResourceLinks, link{Name: fmt.Sprintf("%s_%d", st.Name, l), ResourceID: st.ID, ResourceType: st.Type})
			}
			b.Services = append(b.Services, s)
		}
	}
	out, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		panic(err) // cannot happen: plain structs
	}
	return out
}

// Terraform returns an estate as one Terraform module: a main.tf with a
// fastly_service_vcl or fastly_service_compute resource per service and
// the stores, chains referring to the next service's domain.
func Terraform(o Options) []byte {
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	b.WriteString("variable \"zone\" {\n  default = \"example.com\"\n}\n\nlocals {\n  origin_port = 443\n}\n\n")
	nStores := max(1, o.Services/10)
	for i := 0; i < nStores; i++ {
		fmt.Fprintf(&b, "resource \"fastly_kvstore\" \"store_%d\" {\n  name = \"store_%d\"\n}\n\n", i, i)
	}
	for i := 0; i < o.Services; {
		length := 1 + r.IntN(4)
		for k := 0; k < length && i < o.Services; k, i = k+1, i+1 {
			typ := "fastly_service_vcl"
			if r.IntN(4) == 0 {
				typ = "fastly_service_compute"
			}
			fmt.Fprintf(&b, "resource %q \"s%d\" {\n  name = \"service-%d\"\n\n", typ, i, i)
			for d := 0; d < 1+r.IntN(3); d++ {
				fmt.Fprintf(&b, "  domain {\n    name = \"d%d.s%d.${var.zone}\"\n  }\n\n", d, i)
			}
			if k < length-1 && i < o.Services-1 {
				override := ""
				if r.IntN(50) != 0 {
					override = fmt.Sprintf("\n    override_host = \"d0.s%d.${var.zone}\"", i+1)
				}
				fmt.Fprintf(&b, "  backend {\n    name    = \"next\"\n    address = \"d0.s%d.${var.zone}\"\n    port    = local.origin_port\n    use_ssl = true%s\n  }\n\n", i+1, override)
			}
			fmt.Fprintf(&b, "  backend {\n    name    = \"origin\"\n    address = \"origin.s%d.example.net\"\n    port    = local.origin_port\n  }\n", i)
			if typ == "fastly_service_vcl" {
				b.WriteString("\n  snippet {\n    name    = \"recv\"\n    type    = \"recv\"\n    content = <<-EOT\n      if (req.url ~ \"^/api/\") {\n        set req.http.X-API = \"1\";\n      }\n    EOT\n  }\n")
			} else {
				for l := 0; l < r.IntN(4); l++ {
					st := r.IntN(nStores)
					fmt.Fprintf(&b, "\n  resource_link {\n    name        = \"store_%d_%d\"\n    resource_id = fastly_kvstore.store_%d.id\n  }\n", st, l, st)
				}
			}
			b.WriteString("}\n\n")
		}
	}
	return []byte(b.String())
}
