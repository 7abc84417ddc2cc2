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

// TestStoreOpens: every SDK form that opens a store by name, as its kind.
func TestStoreOpens(t *testing.T) {
	for _, c := range []struct {
		l        lang
		src      string
		kind, as string
	}{
		{langRust, `let s = KVStore::open("users")?;`, "kv-store", "KVStore::open"},
		{langRust, `let s = ConfigStore::open("settings");`, "config-store", "ConfigStore::open"},
		{langRust, `let s = ConfigStore::try_open("settings")?;`, "config-store", "ConfigStore::try_open"},
		{langRust, `let s = SecretStore::open("keys")?;`, "secret-store", "SecretStore::open"},
		{langRust, `let d = Dictionary::open("settings");`, "dictionary", "Dictionary::open"},
		{langJS, `const s = new ConfigStore("settings");`, "config-store", "new ConfigStore"},
		{langJS, `const d = new Dictionary("settings");`, "dictionary", "new Dictionary"},
		{langGo, `s, err := configstore.Open("settings")`, "config-store", "configstore.Open"},
	} {
		refs, _ := findRefs(tokenize([]byte(c.src), c.l), c.l)
		if len(refs) != 1 || refs[0].kind != c.kind || refs[0].call != c.as {
			t.Errorf("%s: refs %+v, want one %s (%s)", c.src, refs, c.kind, c.as)
		}
	}
}
