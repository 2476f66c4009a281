//go:build !linux

package bundle

func renameNoReplace(from, to string) error { return renamePortable(from, to) }
