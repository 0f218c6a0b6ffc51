//go:build unix

package projfs

import (
	"os"
	"syscall"
)

// openFlags open without blocking: a named pipe swapped in after the type
// check must not hang the build.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
