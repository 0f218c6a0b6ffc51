//go:build !unix

package publish

// lock is a no-op where flock(2) is missing: concurrent builds into one
// output are not detected there.
type lock struct{}

func acquire(string) (*lock, error) { return &lock{}, nil }

func (*lock) release() {}
