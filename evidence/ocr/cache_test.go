package ocr

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

func blankImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	return img
}

func testPage() *Page {
	return NewPage(Prep{Width: 100, Height: 100, ScaledWidth: 100, ScaledHeight: 100},
		[][]Word{{w("交易单号", 0, 0), w("4200002345202511031234567890", 200, 0)}})
}

func TestCacheRoundTrip(t *testing.T) {
	c, err := OpenCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	info := Info{Engine: "tesseract", Version: "5.3.0", Settings: DefaultSettings()}
	sum := sha256.Sum256([]byte("image"))
	key := c.Key(hex.EncodeToString(sum[:]), info)
	if _, ok := c.Get(key); ok {
		t.Fatal("hit in an empty cache")
	}
	p := testPage()
	if err := c.Put(key, p); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(key)
	if !ok || !reflect.DeepEqual(got, p) {
		t.Fatalf("got %+v, %v", got, ok)
	}
	// Another version or other settings: another key.
	info2 := info
	info2.Version = "5.4.0"
	if c.Key(hex.EncodeToString(sum[:]), info2) == key {
		t.Error("the engine version is not part of the key")
	}
	info3 := info
	info3.Settings.MaxWidth = 1000
	if c.Key(hex.EncodeToString(sum[:]), info3) == key {
		t.Error("the settings are not part of the key")
	}
}

func TestCacheCorruptEntry(t *testing.T) {
	c, _ := OpenCache(t.TempDir())
	key := c.Key("00", Info{})
	if err := c.Put(key, testPage()); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(c.path(key))
	for _, bad := range [][]byte{data[:len(data)/2], []byte("not json"), {}} {
		if err := os.WriteFile(c.path(key), bad, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := c.Get(key); ok {
			t.Errorf("corrupt entry %q… was a hit", bad[:min(len(bad), 10)])
		}
	}
	// An entry filed under another key (a copied file) is a miss too.
	other := c.Key("01", Info{})
	os.MkdirAll(filepath.Dir(c.path(other)), 0o755)
	os.WriteFile(c.path(other), data, 0o644)
	if _, ok := c.Get(other); ok {
		t.Error("an entry for another key was a hit")
	}
}

// TestCacheConcurrent has goroutines write and read one key at once:
// every read is a miss or the whole page, never a torn entry.
func TestCacheConcurrent(t *testing.T) {
	dir := t.TempDir()
	p := testPage()
	key := (&Cache{}).Key("ab", Info{})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := OpenCache(dir) // each its own handle, as two processes
			if err != nil {
				t.Error(err)
				return
			}
			for i := 0; i < 50; i++ {
				if err := c.Put(key, p); err != nil {
					t.Error(err)
					return
				}
				// Once an entry was written, every read finds it whole:
				// a reader never sees a half-written file under its name.
				if got, ok := c.Get(key); !ok || !reflect.DeepEqual(got, p) {
					t.Errorf("read %d after a write: hit=%v, torn or missing entry", i, ok)
					return
				}
			}
		}()
	}
	wg.Wait()
	left, _ := filepath.Glob(filepath.Join(dir, "*", ".tmp-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestPoolUsesCache(t *testing.T) {
	// The fake engine cannot read: a page must come from the cache.
	e, err := Find(fakeTesseract(t, "5.3.0", "eng", "chi_sim"))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := OpenCache(t.TempDir())
	img := blankImage(10, 10)
	img.Set(1, 1, color.Black)
	data := encodePNGForTest(t, img)
	sum := sha256.Sum256(data)
	key := c.Key(hex.EncodeToString(sum[:]), e.Info())
	want := testPage()
	if err := c.Put(key, want); err != nil {
		t.Fatal(err)
	}
	r := NewPool(e, 2, c).ReadData(t.Context(), data)
	if r.Err != nil || !r.Cached || !reflect.DeepEqual(r.Page, want) {
		t.Fatalf("got %+v", r)
	}
}

func TestReadFilesCancelled(t *testing.T) {
	e, err := Find(fakeTesseract(t, "5.3.0", "eng", "chi_sim"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 5; i++ {
		img := blankImage(20, 20)
		img.Set(i, i, color.Black)
		p := filepath.Join(dir, string(rune('a'+i))+".png")
		if err := os.WriteFile(p, encodePNGForTest(t, img), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	paths = append(paths, filepath.Join(dir, "missing.png"))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	res := NewPool(e, 2, nil).ReadFiles(ctx, paths)
	if len(res) != len(paths) {
		t.Fatalf("%d results for %d paths", len(res), len(paths))
	}
	for i, r := range res {
		if r.Err == nil || r.Path != paths[i] {
			t.Errorf("result %d: %+v", i, r)
		}
	}
}

// TestCacheTwoProcesses runs two copies of the test binary that write and
// read one key in a shared directory at once (the helper below).
func TestCacheTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	var cmds []*exec.Cmd
	for i := 0; i < 2; i++ {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestCacheHelperProcess$")
		cmd.Env = append(os.Environ(), "OCR_CACHE_HELPER_DIR="+dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
		t.Cleanup(func() {
			if t.Failed() {
				t.Log(out.String())
			}
		})
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("helper process: %v", err)
		}
	}
	c, _ := OpenCache(dir)
	if got, ok := c.Get(c.Key("ab", Info{})); !ok || !reflect.DeepEqual(got, testPage()) {
		t.Error("the shared entry is not the page")
	}
}

func TestCacheHelperProcess(t *testing.T) {
	dir := os.Getenv("OCR_CACHE_HELPER_DIR")
	if dir == "" {
		t.Skip("helper of TestCacheTwoProcesses")
	}
	c, err := OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	key, p := c.Key("ab", Info{}), testPage()
	for i := 0; i < 200; i++ {
		if err := c.Put(key, p); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get(key); !ok || !reflect.DeepEqual(got, p) {
			t.Fatalf("read %d after a write: hit=%v, torn or missing entry", i, ok)
		}
	}
}
