package pull

import (
	"bytes"
	"encoding/json"
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/schema"
)

// Object is one Fastly object of a service version as pull writes it:
// the API fields the schema (package schema) names for its kind, those
// the API answered (null or absent ones are left out), in the schema's
// order. Reading through the schema is what keeps pull, the export
// loader and the Terraform readers on the same fields: a field added
// there is pulled.
type Object struct {
	Kind   *schema.Object
	Fields []Value
}

// Value is one field of an Object: a string, an int or a bool.
type Value struct {
	Name  string
	Value any
}

// NewObject returns an object of a kind with the given fields, in the
// schema's order (tests and callers that build a bundle by hand).
func NewObject(kind *schema.Object, fields map[string]any) *Object {
	o := &Object{Kind: kind}
	for _, f := range kind.Fields {
		for _, name := range []string{f.API, f.OldAPI} {
			if v, ok := fields[name]; ok && name != "" {
				o.Fields = append(o.Fields, Value{name, v})
				break
			}
		}
	}
	return o
}

// Get returns a field's value, or nil.
func (o *Object) Get(name string) any {
	for _, f := range o.Fields {
		if f.Name == name {
			return f.Value
		}
	}
	return nil
}

// Str returns a string field's value, or "".
func (o *Object) Str(name string) string {
	s, _ := o.Get(name).(string)
	return s
}

// Set sets a field, keeping the schema's order.
func (o *Object) Set(name string, v any) {
	for i, f := range o.Fields {
		if f.Name == name {
			o.Fields[i].Value = v
			return
		}
	}
	fields := map[string]any{name: v}
	for _, f := range o.Fields {
		fields[f.Name] = f.Value
	}
	*o = *NewObject(o.Kind, fields)
}

// MarshalJSON writes the fields as one JSON object, in order.
func (o *Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o.Fields {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f.Name)
		v, err := json.Marshal(f.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalYAML writes the fields as one mapping, in order.
func (o *Object) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range o.Fields {
		var k, v yaml.Node
		if err := k.Encode(f.Name); err != nil {
			return nil, err
		}
		if err := v.Encode(f.Value); err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &k, &v)
	}
	return n, nil
}

// decodeObjects reads a list of API objects of a kind.
func decodeObjects(kind *schema.Object, raws []json.RawMessage) ([]*Object, error) {
	out := []*Object{}
	for _, raw := range raws {
		o, err := decodeObject(kind, raw)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// decodeObject reads one API object of a kind: each schema field by its
// API name (an older name where the current one is not answered), its
// value of the field's kind; the API spells some numbers and booleans as
// strings ("100", "1").
func decodeObject(kind *schema.Object, raw json.RawMessage) (*Object, error) {
	kind.Resolve()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("a %s: %w", kind.Name, err)
	}
	o := &Object{Kind: kind}
	for _, f := range kind.Fields {
		for _, name := range []string{f.API, f.OldAPI} {
			r, ok := m[name]
			if name == "" || !ok || string(r) == "null" {
				continue
			}
			var v any
			switch f.Kind {
			case schema.Int:
				var n flexInt
				if err := n.UnmarshalJSON(r); err != nil {
					return nil, fmt.Errorf("a %s's %s: %w", kind.Name, name, err)
				}
				v = int(n)
			case schema.Bool:
				var b flexBool
				_ = b.UnmarshalJSON(r)
				v = bool(b)
			default:
				var s string
				if err := json.Unmarshal(r, &s); err != nil {
					return nil, fmt.Errorf("a %s's %s: %w", kind.Name, name, err)
				}
				v = s
			}
			o.Fields = append(o.Fields, Value{name, v})
			break
		}
	}
	return o, nil
}
