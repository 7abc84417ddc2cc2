package loader

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/schema"
)

// fieldValue is the value the documents below give a field: distinct per
// field, of the field's type.
func fieldValue(o *schema.Object, f *schema.Field) any {
	switch o.Resolve(); f.Kind {
	case schema.Int:
		return 7 + len(f.API)
	case schema.Bool:
		return true
	}
	return "v-" + strings.ReplaceAll(f.API+f.TF, "_", "-")
}

// forms writes one document holding one object of o with every field its
// format has, in each way chainlint reads Fastly objects.
var forms = map[string]struct {
	format schema.Format
	file   string
	render func(o *schema.Object, fields map[string]any) string
}{
	"export": {schema.API, "estate.json", func(o *schema.Object, fields map[string]any) string {
		b, _ := json.Marshal(map[string]any{"services": []any{map[string]any{"id": "svc1", "name": "s", "type": "vcl",
			"active_version": map[string]any{"number": 1, o.List: []any{fields}}}}})
		return string(b)
	}},
	"show-json": {schema.Terraform, "plan.json", func(o *schema.Object, fields map[string]any) string {
		b, _ := json.Marshal(map[string]any{"format_version": "1.2", "planned_values": map[string]any{"root_module": map[string]any{
			"resources": []any{map[string]any{"address": serviceType(o) + ".s", "mode": "managed", "type": serviceType(o), "name": "s",
				"values": map[string]any{"name": "s", o.Block: []any{fields}}}}}}})
		return string(b)
	}},
	"hcl": {schema.Terraform, "main.tf", func(o *schema.Object, fields map[string]any) string {
		return fmt.Sprintf("resource %q \"s\" {\n  name = \"s\"\n  %s {\n%s  }\n}\n", serviceType(o), o.Block, hclAttrs(fields))
	}},
	"hcl-explicit": {schema.Terraform, "main.tf", func(o *schema.Object, fields map[string]any) string {
		return fmt.Sprintf("resource \"fastly_service_cdn\" \"s\" {\n  name = \"s\"\n}\n\nresource %q \"o\" {\n  service_id = fastly_service_cdn.s.id\n  version = 1\n%s}\n",
			o.Resource, hclAttrs(fields))
	}},
}

// serviceType is the provider's service type that holds o's block: the
// provider has resource_link blocks on Compute services only.
func serviceType(o *schema.Object) string {
	if o == schema.Link {
		return "fastly_service_compute"
	}
	return "fastly_service_vcl"
}

func hclAttrs(fields map[string]any) string {
	var b strings.Builder
	for k, v := range fields {
		b.WriteString("    " + k + " = ")
		if s, ok := v.(string); ok {
			fmt.Fprintf(&b, "%q\n", s)
		} else {
			fmt.Fprintf(&b, "%v\n", v)
		}
	}
	return b.String()
}

// objectsOf returns the objects of o's type the service holds.
func objectsOf(s *graph.Service, o *schema.Object) reflect.Value {
	// The service's own lists, then its rare ones' (graph.ServiceRare).
	for _, v := range []reflect.Value{reflect.ValueOf(s).Elem(), reflect.ValueOf(s.WithRare()).Elem()} {
		for i := range v.NumField() {
			if f := v.Field(i); f.Kind() == reflect.Slice && f.Type().Elem() == reflect.PointerTo(o.Type) {
				return f
			}
		}
	}
	panic("graph.Service holds no " + o.Type.String())
}

// TestEveryReaderKnowsEveryField: a document with every field of a Fastly
// object, in each format (export, show -json, HCL nested block, the next
// provider's explicit resource), loads into the graph with every field in
// place, by the schema's names for that format.
func TestEveryReaderKnowsEveryField(t *testing.T) {
	for _, o := range schema.Objects {
		for form, fm := range forms {
			t.Run(strings.ReplaceAll(o.Name, " ", "-")+"/"+form, func(t *testing.T) {
				fields := map[string]any{}
				for _, f := range o.Fields {
					if n := f.Name(fm.format); n != "" {
						fields[n] = fieldValue(o, f)
					}
				}
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, fm.file), []byte(fm.render(o, fields)), 0o644); err != nil {
					t.Fatal(err)
				}
				g, err := Paths([]string{dir}, Options{})
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range g.Problems {
					t.Errorf("problem: %s", p.Message)
				}
				if len(g.Services) != 1 {
					t.Fatalf("%d services, want 1", len(g.Services))
				}
				list := objectsOf(g.Services[0], o)
				if list.Len() != 1 {
					t.Fatalf("%d %ss, want 1", list.Len(), o.Name)
				}
				obj := list.Index(0).Elem()
				for _, f := range o.Fields {
					if f.Name(fm.format) == "" || f.Go == "" {
						continue // not in this format; or not held by the graph (pull keeps it)
					}
					got := obj.FieldByName(f.Go)
					if text, ok := got.Interface().(graph.Text); ok {
						got = reflect.ValueOf(text.Field)
					}
					if !got.FieldByName("Set").Bool() || !got.FieldByName("Pos").Interface().(interface{ IsValid() bool }).IsValid() {
						t.Errorf("%s (%s): not read", f.Go, f.Name(fm.format))
						continue
					}
					if v := got.FieldByName("Value").Interface(); v != fieldValue(o, f) {
						t.Errorf("%s (%s) = %v, want %v", f.Go, f.Name(fm.format), v, fieldValue(o, f))
					}
				}
			})
		}
	}
}

// TestOldNames: an older name is read where the current one is not
// written (the API's backend hostname; the provider < 1.0's ssl_hostname),
// and a default applies where neither is.
func TestOldNames(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"estate.json": `{"services": [{"id": "a", "name": "a", "type": "vcl", "active_version": {"number": 1,
			"backends": [{"name": "b", "hostname": "old.example.com"}], "snippets": [{"name": "s", "type": "recv", "content": ""}]}}]}`,
		"main.tf": "resource \"fastly_service_vcl\" \"t\" {\n  name = \"t\"\n  backend {\n    name = \"b\"\n    address = \"x.example.com\"\n    ssl_hostname = \"tls.example.com\"\n  }\n  snippet {\n    name = \"s\"\n    type = \"recv\"\n    content = \"\"\n  }\n}\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g, err := Paths([]string{dir}, Options{})
	if err != nil || len(g.Services) != 2 {
		t.Fatalf("err %v, %d services", err, len(g.Services))
	}
	var got []string
	for _, s := range g.Services {
		b, sn := s.Backends[0], s.Snippets[0]
		got = append(got, fmt.Sprintf("%s: address %q cert %q sni %q snippet priority %d (set %v)", s.Name.Value,
			b.Address.Value, b.SSLCertHostname.Value, b.SSLSNIHostname.Value, sn.Priority.Value, sn.Priority.Set))
	}
	want := []string{
		`a: address "old.example.com" cert "" sni "" snippet priority 100 (set false)`,
		`t: address "x.example.com" cert "tls.example.com" sni "tls.example.com" snippet priority 100 (set false)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
