// Package estate generates synthetic Fastly estates for benchmarks and
// scale tests: services with several domains and backends, VCL and
// Compute, chains of one to four services (a few longer, a few looping),
// shields, snippets and custom VCL, 0–50 resource links, stores, and a few
// faults of most rules sprinkled in. The same estate is written as an
// export bundle or as a Terraform module with its VCL files. Output is
// deterministic for a seed.
package estate

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"

	"gopkg.in/yaml.v3"
)

// Options shape an estate.
type Options struct {
	Services int
	Seed     uint64
	// HeavyVCL gives every VCL service a large custom main VCL (HeavyVCL,
	// about 10 KB) instead of the short one a service in eight uploads: an
	// estate whose cost is the VCL model's, not the parsers'.
	HeavyVCL bool
}

// model is the estate before it is written in a format.
type model struct {
	services []*service
	stores   []store
}

type service struct {
	idx      int
	name     string
	compute  bool
	domains  []string
	backends []backend
	snippets []snippet
	vcl      string // custom main VCL ("" for none)
	links    []link
}

type backend struct {
	name, address, override, shield, certHost string
	port                                      int
	ssl                                       bool
}

type snippet struct{ name, typ, content string }

type link struct{ name, storeID, typ string }

type store struct{ id, name, typ string }

var shields = []string{"amsterdam-nl", "frankfurt-de", "iad-va-us", "lax-ca-us", "tyo-tokyo-jp"}

// customVCL is the custom VCL one VCL service in eight uploads: Fastly's
// boilerplate with its macros, a pass for account pages, and a custom
// cache key.
const customVCL = `sub vcl_recv {
#FASTLY recv
  if (req.method != "HEAD" && req.method != "GET" && req.method != "FASTLYPURGE") {
    return(pass);
  }
  if (req.url.path ~ "^/(account|cart|checkout)") {
    return(pass);
  }
  set req.http.X-Service = "%d";
  return(lookup);
}

sub vcl_hash {
#FASTLY hash
  set req.hash += req.url;
  set req.hash += req.http.host;
  return(hash);
}

sub vcl_miss {
#FASTLY miss
  return(fetch);
}

sub vcl_pass {
#FASTLY pass
  return(pass);
}

sub vcl_fetch {
#FASTLY fetch
  if (beresp.status >= 500 && beresp.status < 600) {
    set beresp.ttl = 1s;
  }
  return(deliver);
}

sub vcl_deliver {
#FASTLY deliver
  unset resp.http.X-Service;
  return(deliver);
}
`

// signSnippet signs a request to the next service with a key from an edge
// dictionary; authSnippet is the next service's check.
const signSnippet = "set bereq.http.X-Edge-Auth = digest.hmac_sha256(table.lookup(chain_keys, \"edge\"), bereq.url);\n"

const authSnippet = "if (!digest.secure_is_equal(req.http.X-Edge-Auth, digest.hmac_sha256(table.lookup(chain_keys, \"edge\"), req.url))) {\n  error 403;\n}\n"

const recvSnippet = "if (req.url ~ \"^/api/\") {\n  set req.http.X-API = \"1\";\n}\n"

// HeavyVCL is the custom main VCL of service i in a heavy estate
// (Options.HeavyVCL), about 10 KB: the boilerplate, a vcl_recv of 84
// conditional header sets (a header compared with a literal and the path
// with a regular expression: routing tables as large estates write them),
// and vcl_miss and vcl_pass setting the Host of the request to the first
// backend. The text depends on i alone, so estates stay deterministic.
func HeavyVCL(i int, host string) string {
	var b strings.Builder
	b.WriteString("sub vcl_recv {\n#FASTLY recv\n")
	for k := 0; k < 84; k++ {
		fmt.Fprintf(&b, "  if (req.http.X-Route-%d == \"r%d-%d\" && req.url.path ~ \"^/s%d/section-%d/(item|list)/\") {\n", k%12, i, k, i, k)
		fmt.Fprintf(&b, "    set req.http.X-Target-%d = \"t%d-%d\";\n  }\n", k%7, i, k)
	}
	b.WriteString("  return(lookup);\n}\n\n")
	for _, sub := range []string{"miss", "pass"} {
		fmt.Fprintf(&b, "sub vcl_%s {\n#FASTLY %s\n  set bereq.http.host = %q;\n  return(%s);\n}\n\n", sub, sub, host, map[string]string{"miss": "fetch", "pass": "pass"}[sub])
	}
	b.WriteString("sub vcl_fetch {\n#FASTLY fetch\n  return(deliver);\n}\n\nsub vcl_deliver {\n#FASTLY deliver\n  return(deliver);\n}\n")
	return b.String()
}

// build makes the estate's model.
func build(o Options) *model {
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	m := &model{}
	nStores := max(1, o.Services/10)
	for i := 0; i < nStores; i++ {
		typ := []string{"kv-store", "config-store", "secret-store"}[i%3]
		m.stores = append(m.stores, store{id: fmt.Sprintf("st%06d", i), name: fmt.Sprintf("store_%d", i), typ: typ})
	}
	domain := func(i, d int) string { return fmt.Sprintf("d%d.s%d.example.com", d, i) }
	for i := 0; i < o.Services; {
		// Most chains are one or two services, as Fastly's chaining guide
		// advises; one in thirty has three, and a few are long.
		length := 1 + r.IntN(2)
		switch {
		case r.IntN(40) == 0:
			length = 5 + r.IntN(4)
		case r.IntN(30) == 0:
			length = 3
		}
		loops := r.IntN(100) == 0 // and a few loops
		start := i
		// A chain shields at one POP; one backend in ten picks another
		// (shield-pop-mismatch when it is on the chain's path).
		chainShield := shields[r.IntN(len(shields))]
		for k := 0; k < length && i < o.Services; k, i = k+1, i+1 {
			s := &service{idx: i, name: fmt.Sprintf("service-%d", i), compute: r.IntN(4) == 0}
			for d := 0; d < 1+r.IntN(3); d++ {
				s.domains = append(s.domains, domain(i, d))
			}
			last := k == length-1 || i == o.Services-1
			if !last || loops && i > start {
				target := i + 1
				if last {
					target = start
				}
				be := backend{name: "next", address: domain(target, 0), port: 443, ssl: true, certHost: domain(target, 0)}
				if r.IntN(50) != 0 { // one in fifty forgets the override
					be.override = domain(target, 0)
				}
				if r.IntN(60) == 0 {
					be.certHost = domain(i, 0) // tls-hostname-mismatch
				}
				s.backends = append(s.backends, be)
			}
			for o := 0; o < 1+r.IntN(2); o++ {
				be := backend{name: fmt.Sprintf("origin%d", o), address: fmt.Sprintf("origin%d.s%d.example.net", o, i), port: 443, ssl: true}
				// Shielding is a VCL feature: one Compute service in a
				// hundred sets one anyway (compute-shield).
				if !s.compute && r.IntN(5) == 0 || s.compute && r.IntN(100) == 0 {
					be.shield = chainShield
					if r.IntN(10) == 0 {
						be.shield = shields[r.IntN(len(shields))]
					}
					if r.IntN(30) == 0 {
						be.shield = strings.TrimSuffix(be.shield, be.shield[len(be.shield)-3:]) // unknown-shield-pop
					}
				}
				s.backends = append(s.backends, be)
			}
			if !s.compute {
				s.snippets = append(s.snippets, snippet{"recv", "recv", recvSnippet})
				// A VCL service chained behind a VCL service checks a
				// header that service signs, nine times in ten (the tenth
				// is unprotected-chained-service).
				if k > 0 && !m.services[len(m.services)-1].compute && r.IntN(10) != 0 {
					caller := m.services[len(m.services)-1]
					caller.snippets = append(caller.snippets, snippet{"sign-miss", "miss", signSnippet}, snippet{"sign-pass", "pass", signSnippet})
					s.snippets = append(s.snippets, snippet{"auth", "recv", authSnippet})
				}
				if r.IntN(8) == 0 {
					s.vcl = fmt.Sprintf(customVCL, i)
				}
				if o.HeavyVCL {
					s.vcl = HeavyVCL(i, s.backends[0].address)
				}
				// One chained service in ten sets the next service's Host in
				// VCL snippets rather than with override_host.
				if len(s.backends) > 0 && s.backends[0].name == "next" && s.backends[0].override != "" && r.IntN(10) == 0 {
					host := s.backends[0].override
					s.backends[0].override = ""
					set := fmt.Sprintf("if (req.backend == F_next) {\n  set bereq.http.host = %q;\n}\n", host)
					s.snippets = append(s.snippets, snippet{"host-miss", "miss", set}, snippet{"host-pass", "pass", set})
				}
			}
			// Stores are linked to Compute services; one VCL service in
			// a hundred links one anyway (store-platform).
			nLinks := r.IntN(8)
			if r.IntN(100) == 0 {
				nLinks = 40 + r.IntN(12) // up to 51: too-many-links now and then
			}
			if !s.compute {
				nLinks = 0
				if r.IntN(100) == 0 {
					nLinks = 1
				}
			}
			for l := 0; l < nLinks; l++ {
				st := m.stores[r.IntN(len(m.stores))]
				name := fmt.Sprintf("%s_%d", st.name, l)
				if st.typ == "config-store" && r.IntN(40) == 0 {
					name = fmt.Sprintf("%s-%d", st.name, l) // invalid-link-name
				}
				s.links = append(s.links, link{name: name, storeID: st.id, typ: st.typ})
			}
			m.services = append(m.services, s)
		}
	}
	if len(m.services) > 20 { // one duplicate domain
		m.services[7].domains = append(m.services[7].domains, m.services[3].domains[0])
	}
	return m
}

// YAMLBundle returns the export bundle in YAML, as yaml.v3 writes it
// (maps with sorted keys, sequences indented under their key).
func YAMLBundle(o Options) []byte {
	var v any
	if err := json.Unmarshal(Bundle(o), &v); err != nil {
		panic(err) // Bundle writes valid JSON
	}
	y, err := yaml.Marshal(v)
	if err != nil {
		panic(err)
	}
	return y
}

// Bundle returns an estate as a Fastly export bundle (JSON).
func Bundle(o Options) []byte {
	m := build(o)
	type jbackend struct {
		Name            string `json:"name"`
		Address         string `json:"address"`
		Port            int    `json:"port"`
		OverrideHost    string `json:"override_host,omitempty"`
		UseSSL          bool   `json:"use_ssl"`
		SSLCertHostname string `json:"ssl_cert_hostname,omitempty"`
		Shield          string `json:"shield,omitempty"`
	}
	type jservice struct {
		ID            string              `json:"id"`
		Name          string              `json:"name"`
		Type          string              `json:"type"`
		ActiveVersion map[string]any      `json:"active_version"`
		ResourceLinks []map[string]string `json:"resource_links,omitempty"`
	}
	var out struct {
		Services []jservice          `json:"services"`
		Stores   []map[string]string `json:"stores"`
	}
	for _, st := range m.stores {
		out.Stores = append(out.Stores, map[string]string{"id": st.id, "name": st.name, "type": st.typ})
	}
	for _, s := range m.services {
		js := jservice{ID: fmt.Sprintf("svc%06d", s.idx), Name: s.name, Type: "vcl"}
		if s.compute {
			js.Type = "wasm"
		}
		var domains []map[string]string
		for _, d := range s.domains {
			domains = append(domains, map[string]string{"name": d})
		}
		var backends []jbackend
		for _, b := range s.backends {
			backends = append(backends, jbackend{b.name, b.address, b.port, b.override, b.ssl, b.certHost, b.shield})
		}
		v := map[string]any{"number": 1 + s.idx%40, "domains": domains, "backends": backends}
		var snippets []map[string]any
		for _, sn := range s.snippets {
			snippets = append(snippets, map[string]any{"name": sn.name, "type": sn.typ, "priority": 100, "content": sn.content})
		}
		if snippets != nil {
			v["snippets"] = snippets
		}
		if s.vcl != "" {
			v["vcls"] = []map[string]any{{"name": "main", "main": true, "content": s.vcl}}
		}
		js.ActiveVersion = v
		for _, l := range s.links {
			js.ResourceLinks = append(js.ResourceLinks, map[string]string{"name": l.name, "resource_id": l.storeID, "resource_type": l.typ})
		}
		out.Services = append(out.Services, js)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		panic(err) // cannot happen: plain values
	}
	return b
}

// Terraform returns an estate as a Terraform module: main.tf, and the
// custom VCL files it reads with file(), by path relative to the module.
func Terraform(o Options) (mainTF []byte, vclFiles map[string][]byte) {
	m := build(o)
	var b strings.Builder
	vclFiles = map[string][]byte{}
	b.WriteString("variable \"zone\" {\n  default = \"example.com\"\n}\n\nlocals {\n  origin_port = 443\n}\n\n")
	storeRes := map[string]string{}
	for i, st := range m.stores {
		res := map[string]string{"kv-store": "fastly_kvstore", "config-store": "fastly_configstore", "secret-store": "fastly_secretstore"}[st.typ]
		storeRes[st.id] = fmt.Sprintf("%s.store_%d", res, i)
		fmt.Fprintf(&b, "resource %q \"store_%d\" {\n  name = %q\n}\n\n", res, i, st.name)
	}
	host := func(h string) string { return strings.Replace(h, ".example.com", ".${var.zone}", 1) }
	for _, s := range m.services {
		typ := "fastly_service_vcl"
		if s.compute {
			typ = "fastly_service_compute"
		}
		fmt.Fprintf(&b, "resource %q \"s%d\" {\n  name = %q\n\n", typ, s.idx, s.name)
		for _, d := range s.domains {
			fmt.Fprintf(&b, "  domain {\n    name = \"%s\"\n  }\n\n", host(d))
		}
		for _, be := range s.backends {
			fmt.Fprintf(&b, "  backend {\n    name    = %q\n    address = \"%s\"\n    port    = local.origin_port\n    use_ssl = %v\n", be.name, host(be.address), be.ssl)
			if be.override != "" {
				fmt.Fprintf(&b, "    override_host = \"%s\"\n", host(be.override))
			}
			if be.certHost != "" {
				fmt.Fprintf(&b, "    ssl_cert_hostname = \"%s\"\n", host(be.certHost))
			}
			if be.shield != "" {
				fmt.Fprintf(&b, "    shield = %q\n", be.shield)
			}
			b.WriteString("  }\n\n")
		}
		for _, sn := range s.snippets {
			fmt.Fprintf(&b, "  snippet {\n    name    = %q\n    type    = %q\n    content = <<-EOT\n", sn.name, sn.typ)
			for _, line := range strings.Split(strings.TrimSuffix(sn.content, "\n"), "\n") {
				b.WriteString("      " + line + "\n")
			}
			b.WriteString("    EOT\n  }\n\n")
		}
		if s.vcl != "" {
			path := fmt.Sprintf("vcl/s%d.vcl", s.idx)
			vclFiles[path] = []byte(s.vcl)
			fmt.Fprintf(&b, "  vcl {\n    name    = \"main\"\n    main    = true\n    content = file(\"${path.module}/%s\")\n  }\n\n", path)
		}
		if s.compute {
			for _, l := range s.links {
				fmt.Fprintf(&b, "  resource_link {\n    name        = %q\n    resource_id = %s.id\n  }\n\n", l.name, storeRes[l.storeID])
			}
		}
		b.WriteString("}\n\n")
	}
	return []byte(b.String()), vclFiles
}
