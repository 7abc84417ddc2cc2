package pull

import (
	"encoding/json"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/schema"
)

// FuzzDecodeObject: any API answer either is refused or decodes into an
// object that writes as JSON and YAML and reads back with the same fields.
func FuzzDecodeObject(f *testing.F) {
	f.Add(`{"name": "b", "address": "a.example.com", "port": "443", "use_ssl": "1", "shield": null}`)
	f.Add(`{"name": "s", "type": "recv", "priority": 10, "dynamic": true, "content": "set req.http.x = \"1\";"}`)
	f.Add(`{"hostname": "old.example.com", "port": 80}`)
	f.Add(`[1, 2]`)
	f.Add(`{"port": "many"}`)
	f.Fuzz(func(t *testing.T, answer string) {
		for _, kind := range schema.Objects {
			o, err := decodeObject(kind, []byte(answer))
			if err != nil {
				continue
			}
			js, err := json.Marshal(o)
			if err != nil {
				t.Fatalf("%s: %v", kind.Name, err)
			}
			back, err := decodeObject(kind, js)
			if err != nil || len(back.Fields) != len(o.Fields) {
				t.Fatalf("%s: %s reads back as %v (%v)", kind.Name, js, back, err)
			}
			if _, err := yaml.Marshal(o); err != nil {
				t.Fatalf("%s: YAML: %v", kind.Name, err)
			}
		}
	})
}
