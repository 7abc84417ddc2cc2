//go:build !unix

package safefile

// ReadOutside is ReadText where the system offers no anonymous mapping:
// free is nil.
func ReadOutside(path string, limit, least int64) (b []byte, free func(), err error) {
	b, err = ReadText(path, limit)
	return b, nil, err
}
