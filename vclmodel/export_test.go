package vclmodel

// SetReleaseHook makes release tell f every value it may release, until
// the returned function is called.
func SetReleaseHook(f func(value string)) (restore func()) {
	releaseHook = f
	return func() { releaseHook = nil }
}
