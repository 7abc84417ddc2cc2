package fastlyapi

// SetDropStep sets the least a load gives back at once, for a test; the
// function returned puts it back.
func SetDropStep(n int) (restore func()) {
	was := dropStep
	dropStep = n
	return func() { dropStep = was }
}
