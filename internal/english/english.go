// Package english spells counts in the messages findings and summaries
// print.
package english

import "strconv"

// Plural returns "1 word" or "n words".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
