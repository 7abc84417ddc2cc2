package main

// ref is a page of Fastly's (or Terraform's) documentation a rule relies on.
type ref struct{ title, url string }

var (
	refChaining   = ref{"Service chaining", "https://www.fastly.com/documentation/guides/concepts/service-chaining/"}
	refShielding  = ref{"Shielding", "https://www.fastly.com/documentation/guides/concepts/shielding/"}
	refBackendAPI = ref{"Backend (API reference): override_host, ssl_cert_hostname, shield", "https://www.fastly.com/documentation/reference/api/services/backend/"}
)

// references lists, per rule, the documentation its page links.
var references = map[string][]ref{
	"chain-loop":                  {refChaining},
	"missing-host-override":       {refChaining, refBackendAPI},
	"host-override-mismatch":      {refChaining, refBackendAPI},
	"external-chain":              {refChaining},
	"too-many-hops":               {refChaining},
	"too-many-services":           {refChaining},
	"long-chain":                  {refChaining},
	"shield-pop-mismatch":         {refShielding, refChaining},
	"multiple-shields":            {refShielding, refChaining},
	"unknown-shield-pop":          {refShielding},
	"compute-shield":              {refShielding},
	"compute-to-vcl-without-pass": {refChaining},
	"vcl-to-compute-bypass":       {refChaining},
	"tls-hostname-mismatch":       {refBackendAPI},
}
