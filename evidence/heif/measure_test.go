package heif

import (
	"image"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gen2brain/heic"
)

// These two tests measure a 12-megapixel decode; they run only when asked:
//
//	HEIF_MAKE12=/tmp/h12 go test -run TestMake12MP ./evidence/heif
//	HEIF_MEASURE=/tmp/h12/grid.heic go test -run TestMeasureDecode -v ./evidence/heif
//
// TestMake12MP writes single.heic (one 4032×3024 HEVC picture, as heif-enc
// makes) and grid.heic (8×6 tiles of 512×512 cropped to 4032×3024, as an
// iPhone writes). Run TestMeasureDecode in a process of its own: it reports
// the peak resident memory of that process.

func TestMake12MP(t *testing.T) {
	dir := os.Getenv("HEIF_MAKE12")
	if dir == "" {
		t.Skip("set HEIF_MAKE12=dir to write 12-megapixel test files")
	}
	needTools(t, "heif-enc", "ffmpeg")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "src.png")
	// A detailed, noisy picture compresses like a photo, not like a flat
	// test card.
	run(t, "ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
		"mandelbrot=size=4096x3072,noise=alls=12:allf=u", "-frames:v", "1", "-y", src)
	run(t, "ffmpeg", "-hide_banner", "-loglevel", "error", "-i", src, "-vf", "crop=4032:3024:0:0", "-q:v", "2", "-y", filepath.Join(dir, "src.jpg"))
	run(t, "heif-enc", "-q", "50", filepath.Join(dir, "src.jpg"), "-o", filepath.Join(dir, "single.heic"))
	f := &bFile{brand: "heic", compat: []string{"mif1", "MiHE", "MiPr", "miaf", "MiHB", "heic"}, primary: 100}
	var ids []uint32
	for row := 0; row < 6; row++ {
		for col := 0; col < 8; col++ {
			n := row*8 + col
			tj := filepath.Join(dir, "tile.jpg")
			th := filepath.Join(dir, "tile.heic")
			run(t, "ffmpeg", "-hide_banner", "-loglevel", "error", "-i", src, "-vf",
				"crop=512:512:"+itoa(col*512)+":"+itoa(row*512), "-q:v", "2", "-y", tj)
			run(t, "heif-enc", "-q", "50", tj, "-o", th)
			data, err := os.ReadFile(th)
			if err != nil {
				t.Fatal(err)
			}
			it := takePictures(t, data)[0].item(uint32(n + 1))
			it.hidden = true
			f.items = append(f.items, it)
			ids = append(ids, uint32(n+1))
		}
	}
	f.items = append(f.items, bItem{id: 100, typ: "grid", idat: true, data: gridData(6, 8, 4032, 3024),
		props: []bProp{ispe(4032, 3024), {"irot", []byte{3}}}})
	f.refs = append(f.refs, bRef{"dimg", 100, ids})
	if err := os.WriteFile(filepath.Join(dir, "grid.heic"), f.bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func maxRSS(t *testing.T) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return ru.Maxrss << 10 // kilobytes on Linux
}

func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestMeasureDecode(t *testing.T) {
	path := os.Getenv("HEIF_MEASURE")
	if path == "" {
		t.Skip("set HEIF_MEASURE=file.heic to measure a decode")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	base := maxRSS(t)
	start := time.Now()
	heic.Init() // compiles the WebAssembly module
	compile := time.Since(start)
	runtime.GC()
	afterInit := maxRSS(t)
	in, err := ProbeBytes(data, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	// Sample the live Go heap (the wasm instance's memory is a Go slice)
	// while decoding.
	var peakHeap uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			peakHeap = max(peakHeap, ms.HeapAlloc)
		}
	}()
	var times []string
	var first []byte
	for i := 0; i < 3; i++ {
		start = time.Now()
		cpu0 := cpuTime(t)
		img, _, err := Decode(data, DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		times = append(times, time.Since(start).Round(time.Millisecond).String()+" (CPU "+(cpuTime(t)-cpu0).Round(time.Millisecond).String()+")")
		pix := pixelsOf(img)
		if pix == nil {
			t.Fatalf("decoded a %T", img)
		}
		if first == nil {
			first = pix
		} else if string(pix) != string(first) {
			t.Errorf("decode %d differs from the first", i+1)
		}
		runtime.GC()
	}
	close(stop)
	<-done
	peak := maxRSS(t)
	t.Logf("peak Go heap in use during a decode %d MiB", peakHeap>>20)
	t.Logf("%s: %d bytes, %d×%d, %d tiles, display %d×%d", path, len(data), in.Width, in.Height, in.Tiles, in.DisplayWidth(), in.DisplayHeight())
	t.Logf("RSS at start %d MiB; after compiling the wasm module %d MiB (compile %v)", base>>20, afterInit>>20, compile.Round(time.Millisecond))
	t.Logf("peak RSS after 3 decodes %d MiB (decode alone +%d MiB); DecodeBytes estimate %d MiB", peak>>20, (peak-afterInit)>>20, in.DecodeBytes(len(data))>>20)
	t.Logf("decode times: %s; the three decodes' pixels identical: %v", strings.Join(times, ", "), !t.Failed())
}

func pixelsOf(img image.Image) []byte {
	switch p := img.(type) {
	case *image.YCbCr:
		return append(append(append([]byte{}, p.Y...), p.Cb...), p.Cr...)
	case *image.Gray:
		return p.Pix
	case *image.NRGBA:
		return p.Pix
	case *image.RGBA:
		return p.Pix
	}
	return nil
}
