package main

import "testing"

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"50MB": 50_000_000, "20MiB": 20 << 20, "500KB": 500_000, "500kb": 500_000, "1 GB": 1_000_000_000,
		"123456": 123456, "123456B": 123456, "2GiB": 2 << 30, "64K": 64_000, " 7M ": 7_000_000,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5MB", "12XB", "MB", "1.5MB", "99999999999GB", "5 M B"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}
