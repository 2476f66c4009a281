package main

import (
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/casebundle/casebundle/internal/samplegen"
)

// fileTime is the modification time of every generated file, so that the
// builds of a rerun give the same bytes.
var fileTime = time.Date(2025, 11, 3, 6, 5, 0, 0, time.UTC)

// shotSet is one kind of generated screenshot.
type shotSet struct {
	name string // as on the command line, and in the cache folder's name
	what string // what the screenshots show
	draw func(i, w, h int) image.Image
}

// The screenshot sets. Real phone screenshots of a chat or a payment page
// are 300 KB to 1.5 MB at 1170×2532, because they hold photos (pictures
// sent in the chat, a wallpaper); 400k and 1m are like them. flat is the
// old set of flat colours and text (about 70 KB), kept to compare with
// figures measured on it.
var (
	set400k = shotSet{"400k", "chat with a photo sent in it", func(i, w, h int) image.Image { return samplegen.PhotoScreenshot(i, w, h, false) }}
	set1m   = shotSet{"1m", "chat with a photo, on a photo wallpaper", func(i, w, h int) image.Image { return samplegen.PhotoScreenshot(i, w, h, true) }}
	setFlat = shotSet{"flat", "chat of flat colours and text only", samplegen.NumberedScreenshot}
)

// screenshot returns the path of the cached screenshot i (w×h) of set,
// writing it when missing. Screenshots live once under dir/png-WxH-SET and
// are linked into the case folders.
func screenshot(dir string, set shotSet, i, w, h int) (string, error) {
	folder := fmt.Sprintf("png-%dx%d", w, h)
	if set.name != setFlat.name {
		folder += "-" + set.name
	}
	p := filepath.Join(dir, folder, fmt.Sprintf("%05d.png", i))
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	data, err := samplegen.EncodePNG(set.draw(i, w, h))
	if err != nil {
		return "", err
	}
	if err := writeAtomic(p, data); err != nil {
		return "", err
	}
	return p, nil
}

// writeAtomic writes a cached input so that an interrupted run leaves no
// partial file under its final name.
func writeAtomic(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chtimes(tmp.Name(), fileTime, fileTime); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// screenshotCase fills folder with the screenshots first..first+n-1 (as
// hard links to the cache, or copies where links fail) and returns their
// paths in order. The folder is complete once it exists.
func screenshotCase(dir string, set shotSet, folder string, first, n, w, h int) ([]string, error) {
	paths := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				paths[i], errs[i] = screenshot(dir, set, first+i, w, h)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	names := make([]string, n)
	for i := range n {
		names[i] = filepath.Join(folder, fmt.Sprintf("截图%05d.png", first+i))
	}
	if _, err := os.Stat(folder); err == nil {
		return names, nil
	}
	tmp := folder + ".tmp"
	os.RemoveAll(tmp)
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, err
	}
	for i, src := range paths {
		dst := filepath.Join(tmp, filepath.Base(names[i]))
		if err := os.Link(src, dst); err != nil {
			if err := copyFile(src, dst); err != nil {
				return nil, err
			}
		}
	}
	if err := os.Rename(tmp, folder); err != nil {
		return nil, err
	}
	return names, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(dst, fileTime, fileTime)
}

func sizeOf(paths ...string) int64 {
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

// caseFolder is the case folder of n screenshots of set.
func caseFolder(dir string, set shotSet, n int) string {
	if set.name == setFlat.name {
		return filepath.Join(dir, fmt.Sprintf("case-%d", n))
	}
	return filepath.Join(dir, fmt.Sprintf("case-%s-%d", set.name, n))
}

// benchShots builds n phone screenshots of set and, when installed, runs
// img2pdf on the same files.
func benchShots(cfg config, set shotSet, n int, out io.Writer) error {
	w, h := samplegen.IPhoneWidth, samplegen.IPhoneHeight
	folder := caseFolder(cfg.dir, set, n)
	files, err := screenshotCase(cfg.dir, set, folder, 1, n, w, h)
	if err != nil {
		return fmt.Errorf("generate screenshots: %w", err)
	}
	input := sizeOf(files...)
	fmt.Fprintf(out, "== %d screenshots %d×%d, set %s: %s, %.0f KB per file on average (%s in all; generated into %s)\n",
		n, w, h, set.name, set.what, float64(input)/float64(n)/1000, mib(input), cfg.dir)
	if err := readAll(files...); err != nil {
		return err
	}
	bundleDir := filepath.Join(cfg.dir, "runs", fmt.Sprintf("build-%s-%d.bundle", set.name, n))
	clean := func() error { return os.RemoveAll(bundleDir) }
	b, err := measure(cfg.runs, clean, []int{0, 1}, cfg.bin, "build", folder, "-o", bundleDir, "--time", buildTime, "--ocr", "off")
	if err != nil {
		return err
	}
	// The dossier may be split into volumes: dossier.pdf, dossier-2.pdf, …
	volumes, _ := filepath.Glob(filepath.Join(bundleDir, "dossier*.pdf"))
	dossier := sizeOf(volumes...)

	var t table
	t.add("command", "wall", "CPU (user+sys)", "peak RSS", "output", "output/input")
	t.add(fmt.Sprintf("casebundle build (%d files, %s)", n, mib(input)), secs(b.wall), secs(b.cpu), mib(b.rss), fmt.Sprintf("%s dossier (%d PDFs)", mib(dossier), len(volumes)), ratio(float64(dossier), float64(input)))
	var ip measurement
	haveImg2pdf := false
	if cfg.img2pdf {
		if img2pdf, err := exec.LookPath("img2pdf"); err == nil {
			pdf := filepath.Join(cfg.dir, "runs", fmt.Sprintf("img2pdf-%s-%d.pdf", set.name, n))
			args := append([]string{"-o", pdf}, files...)
			ip, err = measure(cfg.runs, func() error { return os.RemoveAll(pdf) }, []int{0}, img2pdf, args...)
			if err != nil {
				return err
			}
			haveImg2pdf = true
			size := sizeOf(pdf)
			t.add("img2pdf", secs(ip.wall), secs(ip.cpu), mib(ip.rss), mib(size)+" pdf", ratio(float64(size), float64(input)))
		} else {
			t.add("img2pdf", "not installed", "-", "-", "-", "-")
		}
	}
	t.print(out)
	fmt.Fprintln(out)
	if haveImg2pdf {
		goal := 0.35
		if set.name == set400k.name {
			goal = 0.30
		}
		r := b.wall.Seconds() / ip.wall.Seconds()
		rc := b.cpu.Seconds() / ip.cpu.Seconds()
		fmt.Fprintf(out, "build wall / img2pdf wall  %.2f×  (goal ≤ %.2f×: %s)\n", r, goal, verdict(r <= goal))
		fmt.Fprintf(out, "build CPU / img2pdf CPU    %.2f×  (goal ≤ %.2f×: %s; steadier than wall time on a shared machine)\n", rc, goal, verdict(rc <= goal))
	}
	rb := float64(dossier) / float64(input)
	fmt.Fprintf(out, "dossier / input bytes      %.3f×  (goal ≤ 1.05×: %s)\n", rb, verdict(rb <= 1.05))
	fmt.Fprintf(out, "build peak RSS             %s  (goal ≤ 200 MB: %s)\n\n", mib(b.rss), verdict(b.rss <= 200_000_000))
	return nil
}
