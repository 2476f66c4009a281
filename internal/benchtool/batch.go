package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// batchShots is the number of screenshots in each case of the batch.
const batchShots = 4

// benchBatch times build --batch over small cases with -j 1 and -j 2.
func benchBatch(cfg config, out io.Writer) error {
	n := cfg.batchCases
	set := cfg.batchSet
	root := filepath.Join(cfg.dir, fmt.Sprintf("batch-%d", n))
	if set.name != setFlat.name {
		root = filepath.Join(cfg.dir, fmt.Sprintf("batch-%s-%d", set.name, n))
	}
	var input int64
	for c := range n {
		folder := filepath.Join(root, fmt.Sprintf("case-%03d", c+1))
		files, err := screenshotCase(cfg.dir, set, folder, 1+c*batchShots, batchShots, 1170, 2532)
		if err != nil {
			return fmt.Errorf("generate the batch: %w", err)
		}
		input += sizeOf(files...)
	}
	fmt.Fprintf(out, "== batch: %d cases of %d screenshots, set %s (%.0f KB per file on average), -j 1 against -j 2\n",
		n, batchShots, set.name, float64(input)/float64(n*batchShots)/1000)
	var t table
	t.add("command", "wall", "CPU (user+sys)", "peak RSS")
	var walls, cpus []float64
	for _, j := range []string{"1", "2"} {
		dst := filepath.Join(cfg.dir, "runs", "batch-j"+j)
		m, err := measure(cfg.runs, func() error { return os.RemoveAll(dst) }, []int{0}, cfg.bin, "build", "--batch", root, "-o", dst, "-j", j, "--time", buildTime, "--ocr", "off")
		if err != nil {
			return err
		}
		walls = append(walls, m.wall.Seconds())
		cpus = append(cpus, m.cpu.Seconds())
		t.add("casebundle build --batch -j "+j, secs(m.wall), secs(m.cpu), mib(m.rss))
	}
	t.print(out)
	fmt.Fprintln(out)
	s := walls[0] / walls[1]
	fmt.Fprintf(out, "-j 1 wall / -j 2 wall  %.2f×  (goal ≥ 1.8×: %s)\n", s, verdict(s >= 1.8))
	fmt.Fprintf(out, "-j 2 CPU / -j 1 CPU    %.2f×  (what running two at a time costs in CPU; near 1 means -j 2 can reach 2× on idle CPUs)\n\n", cpus[1]/cpus[0])
	return nil
}
