//go:build !unix

package bundle

import "os"

func openNoFollow(path string) (*os.File, error) { return os.Open(path) }
