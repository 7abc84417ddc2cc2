package rules_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/internal/golden"
)

// estates is the real-world regression corpus: Fastly configuration from
// public repositories, copied with its SOURCE and LICENSE (see
// testdata/realworld/README.md).
const estates = "../testdata/realworld/estates"

// justified holds every error and warning the corpus is allowed to
// produce, keyed "ESTATE FILE:LINE RULE", each with why it is a real
// problem that its authors would have to fix. Anything else of severity
// warning or error fails the test: on configuration written by others,
// chainlint must not cry wolf.
var justified = map[string]string{
	// The interface test's main custom VCL is the single line
	// "# some vcl here": it defines no vcl_recv, so Fastly has nowhere to
	// render the recv snippet "recv_test", which never runs.
	"terraform-provider-fastly-interface tests/interface/main.tf:216 snippet-not-rendered": "the recv snippet never runs",
	// The demo's [setup] means to seed config store product_tiers_rate,
	// but its items sit under [setup.config_stores.service_config.items]:
	// fastly compute deploy creates an empty product_tiers_rate and a
	// second store, service_config, with the tiers, which [local_server]
	// does not have (it has product_tiers_rate). The drift is the typo.
	"fastly-training-demos terms-of-service-rate-limiter/fastly.toml:38 local-setup-drift": "the items are under the wrong store",
}

// runInputs names the estates whose root variables their authors supply at
// run time, not in the repository: there unset-variable says what a run
// without those values cannot check (as terraform plan would ask for
// them), which is no problem in the files, so it is allowed, and only it.
var runInputs = map[string]string{
	// The crates-io and release-distribution modules are terragrunt's:
	// their inputs come as TF_VAR_ variables from terragrunt.hcl files
	// this copy does not hold; docs-rs has its values.
	"simpleinfra": "terragrunt supplies the modules' inputs",
	// The demos ask their user for USER_* values (their READMEs say to
	// set them in terraform.tfvars).
	"fastly-training-demos": "the demos' user supplies USER_* values",
}

// TestRealWorld lints each estate as the CLI would and pins its report in
// the estate's expected.txt (-update rewrites them). No estate may have a
// parse error, and every error or warning must be in justified.
func TestRealWorld(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(estates, "*"))
	if err != nil || len(dirs) < 10 {
		t.Fatalf("want at least 10 estates in %s, found %d (%v)", estates, len(dirs), err)
	}
	seen := map[string]bool{}
	ran := 0
	for _, dir := range dirs {
		name := filepath.Base(dir)
		for _, need := range []string{"SOURCE", "LICENSE"} {
			if _, err := os.Stat(filepath.Join(dir, need)); err != nil {
				t.Errorf("%s: no %s", name, need)
			}
		}
		t.Run(name, func(t *testing.T) {
			ran++
			golden.Check(t, filepath.Join(dir, "expected.txt"), lintDir(t, dir))
			res := lintCase(t, dir)
			if res.Incomplete {
				t.Errorf("the report is incomplete: a parse error in valid input")
			}
			if declared, got := declaredServices(t, dir), len(res.Graph.Services); got < declared {
				t.Errorf("%d services in the report, but the files declare at least %d: some vanished", got, declared)
			}
			for _, f := range res.Findings {
				if f.Severity < analyzer.SeverityWarning {
					continue
				}
				rel, _ := filepath.Rel(dir, f.Pos.Filename)
				key := fmt.Sprintf("%s %s:%d %s", name, filepath.ToSlash(rel), f.Pos.Line, f.Rule)
				seen[key] = true
				if f.Rule == "unset-variable" && runInputs[name] != "" {
					continue
				}
				if justified[key] == "" {
					t.Errorf("unjustified %s: %s (%s); fix chainlint, or justify it in justified", f.Severity, f.Message, key)
				}
			}
		})
	}
	for key := range justified {
		if ran == len(dirs) && !seen[key] {
			t.Errorf("justified %q no longer occurs: remove it", key)
		}
	}
}

// TestTestdataTracked: test data copied from other repositories brings
// their .gitignore files, which can hide the copied files from git (the
// training demos ignore their own fastly.toml): the tests would pass here
// and fail on a fresh clone. Every file under the test data must be
// tracked or at least not ignored.
func TestTestdataTracked(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	out, err := exec.Command("git", "status", "--ignored", "--porcelain", "--", "testdata", "../testdata").Output()
	if err != nil {
		t.Skip("not in a git checkout")
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "!! ") {
			t.Errorf("ignored by a .gitignore, so missing from a fresh clone: %s (git add -f it)", strings.TrimPrefix(line, "!! "))
		}
	}
}

var serviceBlock = regexp.MustCompile(`(?m)^\s*resource\s+"(fastly_service_vcl|fastly_service_v1|fastly_service_compute)"\s+"([^"]+)"`)

// declaredServices counts the services an estate's files declare at the
// least: each Terraform service resource (per directory, type and name;
// override files change one, they declare none) and each Compute project
// whose fastly.toml has a service of its own to join or create.
func declaredServices(t *testing.T, dir string) int {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") {
			return err
		}
		if base := strings.TrimSuffix(filepath.Base(path), ".tf"); base == "override" || strings.HasSuffix(base, "_override") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range serviceBlock.FindAllStringSubmatch(string(src), -1) {
			if !strings.Contains(string(src), "count = 0") && !strings.Contains(string(src), "count      = 0") {
				seen[filepath.Dir(path)+" "+m[1]+" "+m[2]] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return len(seen)
}
