//go:build !unix

package projfs

import "os"

const openFlags = os.O_RDONLY
