package loader

import "testing"

// kindOf names the registry's kind for a file, as loadFile picks it.
func kindOf(path string, content []byte) string {
	for _, k := range kinds {
		if k.match(path, content) {
			return k.name
		}
	}
	return ""
}

// TestKinds pins the input-kind registry: which kind reads a file, first
// match winning, by name and, where the name does not decide, content.
func TestKinds(t *testing.T) {
	plan := []byte(`{"format_version": "1.2", "planned_values": {}}`)
	export := []byte(`{"services": []}`)
	for _, tt := range []struct {
		path    string
		content []byte
		want    string
	}{
		{"main.tf", nil, "terraform"},
		{"main.tf.json", []byte(`{"resource": {}}`), "terraform"},
		{"plan.json", plan, "terraform show -json"},
		{"plan.json", nil, "Fastly API export"}, // by name alone: a candidate, decided once read
		{"estate.json", export, "Fastly API export"},
		{"estate.yaml", []byte("services: []\n"), "Fastly API export"},
		{"estate.yml", []byte("services: []\n"), "Fastly API export"},
		{"main.vcl", nil, "VCL"},
		{"MAIN.VCL", nil, "VCL"},
		{"fastly.toml", nil, "Compute project"},
		{"README.md", nil, ""},
		{"main.go", nil, ""},
		{"Cargo.toml", nil, ""},
	} {
		if got := kindOf(tt.path, tt.content); got != tt.want {
			t.Errorf("%s (%d bytes): kind %q, want %q", tt.path, len(tt.content), got, tt.want)
		}
	}
	// Every kind has a name, and a loader (one step or two, not both)
	// unless Paths loads it apart (Terraform by directory, Compute
	// projects last).
	for _, k := range kinds {
		if k.name == "" || k.match == nil {
			t.Errorf("kind %+v: no name or match", k.name)
		}
		if k.load == nil && k.begin == nil && k.name != "terraform" && k.name != "Compute project" {
			t.Errorf("kind %q has no loader", k.name)
		}
		if k.load != nil && k.begin != nil {
			t.Errorf("kind %q has a loader in one step and in two", k.name)
		}
	}
}
