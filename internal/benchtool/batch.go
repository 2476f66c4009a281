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
	fmt.Fprintf(out, "== batch: %d cases of %d screenshots, -j 1 against -j 2\n", n, batchShots)
	root := filepath.Join(cfg.dir, fmt.Sprintf("batch-%d", n))
	for c := range n {
		folder := filepath.Join(root, fmt.Sprintf("case-%03d", c+1))
		if _, err := screenshotCase(cfg.dir, folder, 1+c*batchShots, batchShots, 1170, 2532); err != nil {
			return fmt.Errorf("generate the batch: %w", err)
		}
	}
	var t table
	t.add("command", "wall", "CPU (user+sys)", "peak RSS")
	var walls []float64
	for _, j := range []string{"1", "2"} {
		dst := filepath.Join(cfg.dir, "runs", "batch-j"+j)
		m, err := measure(cfg.runs, func() error { return os.RemoveAll(dst) }, []int{0}, cfg.bin, "build", "--batch", root, "-o", dst, "-j", j, "--time", buildTime)
		if err != nil {
			return err
		}
		walls = append(walls, m.wall.Seconds())
		t.add("casebundle build --batch -j "+j, secs(m.wall), secs(m.cpu), mib(m.rss))
	}
	t.print(out)
	fmt.Fprintln(out)
	s := walls[0] / walls[1]
	fmt.Fprintf(out, "-j 1 wall / -j 2 wall  %.2f×  (goal ≥ 1.7×: %s)\n\n", s, verdict(s >= 1.7))
	return nil
}
