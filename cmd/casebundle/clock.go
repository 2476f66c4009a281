package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// now is the run's one clock: --time (RFC 3339), else SOURCE_DATE_EPOCH,
// else the system clock; always UTC, whole seconds.
func now(flag string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse(time.RFC3339, flag)
		if err != nil {
			return time.Time{}, usageErr("write it like 2025-11-20T10:00:00+08:00", "--time %q is not an RFC 3339 time", flag)
		}
		return t.UTC(), nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return time.Time{}, usageErr("set it to seconds since 1970, e.g. $(date +%s)", "%s", fmt.Sprintf("SOURCE_DATE_EPOCH %q is not a number of seconds", s))
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC().Truncate(time.Second), nil
}
