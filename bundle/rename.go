package bundle

import "os"

// renamePortable checks that the destination is free, then renames. A
// concurrent writer could slip in between; Linux uses RENAME_NOREPLACE.
func renamePortable(from, to string) error {
	if _, err := os.Lstat(to); err == nil {
		return os.ErrExist
	}
	return os.Rename(from, to)
}
