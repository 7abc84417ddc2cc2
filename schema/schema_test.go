package schema

import (
	"slices"
	"testing"

	"github.com/chainlint/chainlint/graph"
)

// fake is a Source over a map of written values.
type fake struct {
	format Format
	values map[string]any
	asked  []string
}

func (f *fake) Format() Format { return f.format }
func (f *fake) String(name, what string) graph.Field[string] {
	f.asked = append(f.asked, what)
	v, ok := f.values[name].(string)
	return graph.Field[string]{Value: v, Set: ok}
}
func (f *fake) Ref(name, what string) graph.Field[string] { return f.String(name, "ref "+what) }
func (f *fake) Int(name, what string) graph.Field[int] {
	f.asked = append(f.asked, what)
	v, ok := f.values[name].(int)
	return graph.Field[int]{Value: v, Set: ok}
}
func (f *fake) Bool(name, what string) graph.Field[bool] {
	f.asked = append(f.asked, what)
	v, ok := f.values[name].(bool)
	return graph.Field[bool]{Value: v, Set: ok}
}
func (f *fake) Text(name, what string) graph.Text {
	f.asked = append(f.asked, what)
	v, ok := f.values[name].(string)
	return graph.Text{Field: graph.Field[string]{Value: v, Set: ok}}
}

// TestEveryObjectResolves: every field names a graph field of a type Read
// can fill (resolve panics otherwise), and has a name in some format.
func TestEveryObjectResolves(t *testing.T) {
	for _, o := range Objects {
		o.resolve()
		for _, f := range o.Fields {
			if f.API == "" && f.TF == "" {
				t.Errorf("%s.%s has no name in any format", o.Name, f.Go)
			}
		}
		if o.List == "" || o.Block == "" || o.Resource == "" {
			t.Errorf("%s: list %q, block %q, resource %q", o.Name, o.List, o.Block, o.Resource)
		}
	}
}

func TestRead(t *testing.T) {
	// The format's names, its defaults, and what messages call a field.
	src := &fake{format: API, values: map[string]any{"name": "h", "dst": "http.Host", "src": `"x"`, "ignore_if_set": true}}
	var h graph.Header
	Header.Read(src, &h)
	if h.Dst.Value != "http.Host" || h.Src.Value != `"x"` || !h.IgnoreIfSet.Value || h.Priority.Value != graph.DefaultPriorityAPI || h.Priority.Set {
		t.Errorf("API header: %+v", h)
	}
	if !slices.Contains(src.asked, "header dst") {
		t.Errorf("asked %q, want the API's names in messages", src.asked)
	}
	var c graph.Condition
	Condition.Read(&fake{format: Terraform, values: map[string]any{"name": "c", "statement": "true", "priority": 3}}, &c)
	if c.Priority.Value != 3 || !c.Priority.Set {
		t.Errorf("written priority: %+v", c.Priority)
	}
	Condition.Read(&fake{format: Terraform, values: map[string]any{"name": "c"}}, &c)
	if c.Priority.Value != graph.DefaultConditionPriorityTerraform || c.Priority.Set {
		t.Errorf("Terraform default condition priority: %+v", c.Priority)
	}
	// An old name only where the current one is not written.
	var b graph.Backend
	Backend.Read(&fake{format: API, values: map[string]any{"address": "new", "hostname": "old"}}, &b)
	if b.Address.Value != "new" {
		t.Errorf("address %q, want the current name's", b.Address.Value)
	}
	Backend.Read(&fake{format: API, values: map[string]any{"hostname": "old"}}, &b)
	if b.Address.Value != "old" {
		t.Errorf("address %q, want the old name's", b.Address.Value)
	}
	// A field one format lacks is not asked for; a reference is read as one.
	src = &fake{format: Terraform, values: map[string]any{"resource_type": "kv", "resource_id": "fastly_kvstore.x.id"}}
	var l graph.Link
	Link.Read(src, &l)
	if l.ResourceType.Set || l.ResourceID.Value != "fastly_kvstore.x.id" || !slices.Contains(src.asked, "ref resource link resource_id") {
		t.Errorf("Terraform link: %+v, asked %q", l, src.asked)
	}
}

func TestReadWrongType(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Read of a backend into a domain did not panic")
		}
	}()
	Backend.Read(&fake{}, &graph.Domain{})
}

func TestNames(t *testing.T) {
	tf := Names(Terraform)
	for _, n := range []string{"destination", "ssl_hostname", "override_host"} {
		if !slices.Contains(tf, n) {
			t.Errorf("Terraform names lack %q", n)
		}
	}
	if slices.Contains(tf, "dst") || slices.Contains(tf, "resource_type") {
		t.Errorf("Terraform names hold an API-only name: %q", tf)
	}
}

func TestNew(t *testing.T) {
	span := graph.Span{Pos: 3, End: 9}
	h := New[graph.Header](Header, &fake{format: Terraform, values: map[string]any{"destination": "http.Host"}}, span)
	if h.Span != span || h.Dst.Value != "http.Host" || h.Priority.Value != graph.DefaultPriorityTerraform {
		t.Errorf("New: %+v", h)
	}
	defer func() {
		if recover() == nil {
			t.Error("New of a backend as a domain did not panic")
		}
	}()
	New[graph.Domain](Backend, &fake{}, span)
}
