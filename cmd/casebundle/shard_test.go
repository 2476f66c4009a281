package main

import (
	"strings"
	"testing"

	"github.com/casebundle/casebundle/bundle"
)

func TestParseShard(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	both := env(map[string]string{"JOB_COMPLETION_INDEX": "2", "SLURM_ARRAY_TASK_ID": "1"})
	tests := []struct {
		in     string
		getenv func(string) string
		want   bundle.Shard
		err    string // a part of the message; "" for none
	}{
		{"", env(nil), bundle.Shard{}, ""},
		{"0/1", env(nil), bundle.Shard{K: 0, N: 1}, ""},
		{"3/4", env(nil), bundle.Shard{K: 3, N: 4}, ""},
		{"007/010", env(nil), bundle.Shard{K: 7, N: 10}, ""},
		{"auto/4", both, bundle.Shard{K: 2, N: 4}, ""}, // Kubernetes first
		{"auto/4", env(map[string]string{"SLURM_ARRAY_TASK_ID": "3"}), bundle.Shard{K: 3, N: 4}, ""},
		{"4/4", env(nil), bundle.Shard{}, "must be 0 to 3"},
		{"0/0", env(nil), bundle.Shard{}, "must be 1 to 100000"},
		{"0/100001", env(nil), bundle.Shard{}, "must be 1 to 100000"},
		{"0/9999999999", env(nil), bundle.Shard{}, "want K/N"},
		{"+1/4", env(nil), bundle.Shard{}, "want K/N"},
		{"1/4/2", env(nil), bundle.Shard{}, "want K/N"},
		{"1/", env(nil), bundle.Shard{}, "want K/N"},
		{"/4", env(nil), bundle.Shard{}, "want K/N"},
		{"1", env(nil), bundle.Shard{}, "want K/N"},
		{"١/٤", env(nil), bundle.Shard{}, "want K/N"}, // Arabic-Indic digits
		{"auto/4", env(nil), bundle.Shard{}, "neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID"},
		{"auto/4", env(map[string]string{"JOB_COMPLETION_INDEX": "-1"}), bundle.Shard{}, `JOB_COMPLETION_INDEX="-1" is not a whole number`},
		{"auto/2", env(map[string]string{"JOB_COMPLETION_INDEX": "2"}), bundle.Shard{}, "(K from JOB_COMPLETION_INDEX)"},
		{"auto/0", both, bundle.Shard{}, "must be 1 to"},
	}
	for _, tt := range tests {
		got, err := parseShard(tt.in, tt.getenv)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("parseShard(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("parseShard(%q) = %v, %v; want an error saying %q", tt.in, got, err, tt.err)
		case tt.err != "":
			var b strings.Builder
			if code := exitCode(err, &b); code != exitUsage || !strings.Contains(b.String(), "\nhint: ") {
				t.Errorf("parseShard(%q): exit %d, %q; want exit 2 with a hint", tt.in, code, b.String())
			}
		}
	}
}
