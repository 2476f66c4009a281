package tz

import (
	"testing"
	"time"
)

func TestShanghai(t *testing.T) {
	got := time.Date(2025, 11, 3, 6, 5, 0, 0, time.UTC).In(Shanghai).Format("2006-01-02 15:04 MST")
	if want := "2025-11-03 14:05 UTC+8"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
