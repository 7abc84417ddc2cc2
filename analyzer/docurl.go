package analyzer

import "strings"

// DocBaseURL is where the rule pages are published, at the main branch;
// a rule's page is DocBaseURL + ID + ".md".
const DocBaseURL = "https://github.com/chainlint/chainlint/blob/main/docs/rules/"

// DocURL returns the URL of a rule's page on the main branch.
func DocURL(id string) string { return DocBaseURL + id + ".md" }

// DocURLFor returns the URL of a rule's page as the given chainlint
// version documents it: a release (1.2.3 or v1.2.3, no pre-release
// suffix) links its tag, so a finding's link says what the binary that
// printed it checks; any other build links the main branch.
func DocURLFor(id, version string) string {
	v := strings.TrimPrefix(version, "v")
	parts := strings.Split(v, ".")
	release := len(parts) == 3
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			release = false
		}
	}
	if !release {
		return DocURL(id)
	}
	return "https://github.com/chainlint/chainlint/blob/v" + v + "/docs/rules/" + id + ".md"
}
