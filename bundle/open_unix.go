//go:build unix

package bundle

import (
	"os"
	"syscall"
)

// openNoFollow opens a regular file for reading without following a
// symlink that may have replaced it since the folder was listed, and
// without blocking on a FIFO.
func openNoFollow(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}
