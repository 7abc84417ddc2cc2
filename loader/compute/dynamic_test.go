package compute

import (
	"slices"
	"testing"
)

func TestDynamicBackends(t *testing.T) {
	for _, c := range []struct {
		name     string
		l        lang
		src      string
		want     []string
		computed bool
	}{
		{"rust literal", langRust, `Backend::builder("a", "a.example.com").finish()?;`, []string{"a"}, false},
		{"rust constant", langRust, `const B: &str = "b"; Backend::builder(B, "b.example.com").finish()?;`, []string{"B"}, false},
		{"rust computed", langRust, `Backend::builder(&format!("b{}", n), host).finish()?;`, nil, true},
		{"js literal", langJS, `const o = new Backend({ name: "a", target: "a.example.com" });`, []string{"a"}, false},
		{"js options elsewhere", langJS, `const o = new Backend(opts);`, nil, true},
		{"js name computed", langJS, "const o = new Backend({ name: `b${n}`, target: t });", nil, true},
		{"go literal", langGo, `b, err := fsthttp.RegisterDynamicBackend("a", "a.example.com", opts)`, []string{"a"}, false},
		{"go variable", langGo, `b, err := fsthttp.RegisterDynamicBackend(name, target, opts)`, []string{"name"}, false},
		{"not a registration", langRust, `let b = Backend::from_name("a")?;`, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			toks, computed := dynamicBackends(tokenize([]byte(c.src), c.l), c.l)
			var got []string
			for _, tk := range toks {
				got = append(got, tk.text)
			}
			if !slices.Equal(got, c.want) || computed != c.computed {
				t.Errorf("got %q computed %v, want %q computed %v", got, computed, c.want, c.computed)
			}
		})
	}
}
