package main

import (
	"context"
	"io"
)

// runBatch builds every direct subfolder of opt.batch as a case.
func runBatch(ctx context.Context, opt buildOptions, out, errOut io.Writer) error {
	return usageErr("build one case folder at a time for now", "--batch is not available in this build")
}
