//go:build unix

package safefile

import (
	"io/fs"
	"syscall"
)

// Links is how many hard links a file has (1 where the system does not
// say).
func Links(st fs.FileInfo) int {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return int(sys.Nlink)
	}
	return 1
}

// ownerOf returns a file's owner and group (-1 where the system does not
// say).
func ownerOf(st fs.FileInfo) (owner, group int) {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return int(sys.Uid), int(sys.Gid)
	}
	return -1, 0
}
