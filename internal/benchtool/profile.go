package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"time"

	"github.com/casebundle/casebundle/bundle"
)

// profileBuild builds the case folder in this process under the CPU
// profiler (cpuFile), writes a heap profile at the end (memFile) and an
// execution trace (traceFile), to see where a build's time and memory go
// and when the CPUs idle:
//
//	go tool pprof -top -cum cpu.out
//	go tool trace trace.out
func profileBuild(folder, outDir, cpuFile, memFile, traceFile string, w io.Writer) error {
	dst := filepath.Join(outDir, "profile.bundle")
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	t, err := time.Parse(time.RFC3339, buildTime)
	if err != nil {
		return err
	}
	if cpuFile != "" {
		f, err := os.Create(cpuFile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	if traceFile != "" {
		f, err := os.Create(traceFile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := trace.Start(f); err != nil {
			return err
		}
	}
	start := time.Now()
	_, err = bundle.Build(context.Background(), folder, bundle.Options{Out: dst, Now: t})
	wall := time.Since(start)
	if cpuFile != "" {
		pprof.StopCPUProfile()
	}
	if traceFile != "" {
		trace.Stop()
	}
	if err != nil {
		return err
	}
	if memFile != "" {
		f, err := os.Create(memFile)
		if err != nil {
			return err
		}
		defer f.Close()
		runtime.GC()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "profiled an in-process build of %s in %s: cpu %q, allocations %q, trace %q\n\n", folder, wall.Round(time.Millisecond), cpuFile, memFile, traceFile)
	return nil
}
