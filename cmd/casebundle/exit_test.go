package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/casebundle/casebundle/bundle"
)

func TestExitCode(t *testing.T) {
	tsa := &bundle.TSAError{URL: "http://tsa.example", Err: errors.New("connection refused")}
	tests := []struct {
		name   string
		err    error
		code   int
		stderr string
	}{
		{"nil", nil, 0, ""},
		{"found", found(), 1, ""},
		{"usage", usageErr("casebundle check DIR", "check takes one case folder, got %d arguments", 0), 2,
			"casebundle: error: check takes one case folder, got 0 arguments\nhint: casebundle check DIR\n"},
		{"bundle usage", &bundle.UsageError{Msg: "out already exists", Hint: "remove it"}, 2,
			"casebundle: error: out already exists\nhint: remove it\n"},
		{"case.yaml", &bundle.CaseError{Path: "c/case.yaml", Line: 3, Msg: `unknown key "colour"`, Hint: "the keys are …"}, 2,
			"casebundle: error: c/case.yaml:3: unknown key \"colour\"\nhint: the keys are …\n"},
		{"case.yaml without hint", &bundle.CaseError{Path: "c/case.yaml", Msg: "not a regular file"}, 2,
			"casebundle: error: c/case.yaml: not a regular file\n"},
		{"tsa wrapped", fmt.Errorf("%w; no bundle was written", tsa), 1,
			"casebundle: error: time-stamp authority http://tsa.example: connection refused; no bundle was written\nhint: " + tsa.ErrorHint() + "\n"},
		{"interrupt", fmt.Errorf("read a.png: %w", context.Canceled), 2,
			"casebundle: error: interrupted; nothing was left half-written\n"},
		{"plain", errors.New("read case folder x: no such file"), 2,
			"casebundle: error: read case folder x: no such file\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if code := exitCode(tt.err, &b); code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if b.String() != tt.stderr {
				t.Errorf("stderr:\n%q\nwant:\n%q", b.String(), tt.stderr)
			}
		})
	}
}
