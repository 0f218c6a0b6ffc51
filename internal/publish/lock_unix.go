//go:build unix

package publish

import (
	"errors"
	"os"
	"syscall"
)

// lock is an exclusive flock(2) on a file next to the output. The system
// drops it when the process dies, so a killed build never leaves a stale
// lock; release removes the file.
type lock struct {
	f    *os.File
	path string
}

func acquire(path string) (*lock, error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, ErrBusy
			}
			return nil, err
		}
		// The holder before us may have removed the file after we opened
		// it: then our lock is on a file nobody else will find. Try again.
		st, err1 := f.Stat()
		cur, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(st, cur) {
			return &lock{f: f, path: path}, nil
		}
		f.Close()
	}
}

// release removes the lock file, then unlocks: a waiting build that opened
// the old file notices the removal and retries.
func (l *lock) release() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.path)
	l.f.Close()
	l.f = nil
}
