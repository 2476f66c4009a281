package main

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// The exit statuses of every command.
const (
	exitOK    = 0
	exitFound = 1 // the work ran and found a problem: an error finding, a bundle that does not verify
	exitUsage = 2 // wrong usage or unreadable input; also any error that does not say otherwise
)

// exitError is an error that knows its exit status. The errors of package
// bundle (UsageError, CaseError, TSAError) and of this command (cliError)
// implement it; an error that does not is exit 2.
type exitError interface {
	error
	ExitCode() int
}

// hinted is an error that says what the user can do about it, printed on
// the line after the error as "hint: …".
type hinted interface {
	error
	ErrorHint() string
}

// cliError is an error of the command line itself: its arguments, or a
// problem already reported on stdout (msg "").
type cliError struct {
	code int
	msg  string
	hint string
}

func (e *cliError) Error() string     { return e.msg }
func (e *cliError) ExitCode() int     { return e.code }
func (e *cliError) ErrorHint() string { return e.hint }

// usageErr is wrong usage: exit 2 with a hint.
func usageErr(hint, format string, args ...any) error {
	return &cliError{code: exitUsage, msg: fmt.Sprintf(format, args...), hint: hint}
}

// found is exit 1 after the command printed its report; nothing more is
// printed.
func found() error { return &cliError{code: exitFound} }

// exitCode decides, for every command, what is printed on stderr and the
// exit status: "casebundle: error: MESSAGE", then "hint: HINT" when the
// error has one.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	code, msg, hint := exitUsage, err.Error(), ""
	var ee exitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	}
	var he hinted
	if errors.As(err, &he) {
		hint = he.ErrorHint()
	}
	if errors.Is(err, context.Canceled) {
		msg = "interrupted; nothing was left half-written"
	}
	if msg == "" {
		return code
	}
	fmt.Fprintf(stderr, "casebundle: error: %s\n", msg)
	if hint != "" {
		fmt.Fprintf(stderr, "hint: %s\n", hint)
	}
	return code
}
