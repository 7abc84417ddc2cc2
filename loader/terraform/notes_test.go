package terraform

import "testing"

func TestInstancesLabel(t *testing.T) {
	n := func(addr, root string) instanceNote { return instanceNote{addr: addr, root: root} }
	for _, c := range []struct {
		notes []instanceNote
		want  string
	}{
		{[]instanceNote{n("fastly_service_vcl.www", "")}, "fastly_service_vcl.www"},
		{[]instanceNote{n("module.a.x", "prod")}, "module.a.x in root module prod"},
		{[]instanceNote{n("module.a.x", "prod"), n("module.b.x", "prod")},
			"module.a.x and 1 more instance of the block (module.b.x) in root module prod"},
		{[]instanceNote{n("module.a.x", "prod"), n("module.a.x", "staging")},
			"module.a.x in root module prod and 1 more instance of the block (module.a.x in root module staging)"},
		{[]instanceNote{n("module.a[0].x", "r"), n("module.a[1].x", "r"), n("module.a[2].x", "r"), n("module.a[3].x", "r"), n("module.a[4].x", "r")},
			"module.a[0].x and 4 more instances of the block (module.a[1].x, module.a[2].x, module.a[3].x, …) in root module r"},
	} {
		if got := instancesLabel(c.notes); got != c.want {
			t.Errorf("instancesLabel(%v)\n got %s\nwant %s", c.notes, got, c.want)
		}
	}
}
