//go:build !unix

package safefile

import "io/fs"

// Links is how many hard links a file has: 1, as this system's FileInfo
// does not say.
func Links(fs.FileInfo) int { return 1 }

// ownerOf returns -1: this system has no Unix owner to keep.
func ownerOf(fs.FileInfo) (owner, group int) { return -1, 0 }
