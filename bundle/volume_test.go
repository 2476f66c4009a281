package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeNoisyPNG writes an opaque PNG that does not compress, about 3×w×h
// bytes: it goes into the dossier byte for byte.
func writeNoisyPNG(t *testing.T, path string, w, h int, seed uint64) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(seed, 11))
	for i := 0; i < len(img.Pix); i += 4 {
		v := r.Uint32()
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(v), uint8(v>>8), uint8(v>>16), 255
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBuildVolumes(t *testing.T) {
	const limit = 700_000
	dir := writeCase(t, 2)
	for i := range 5 {
		writeNoisyPNG(t, filepath.Join(dir, "截图", fmt.Sprintf("聊天 %d.png", i+1)), 320, 260, uint64(i+1))
	}
	out := filepath.Join(t.TempDir(), "out.bundle")
	res, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: out, Now: testNow, VolumeSize: limit})
	if err != nil {
		t.Fatal(err)
	}
	// manifest.json on disk says what the result says.
	raw, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	vols := m.Dossier.Volumes
	if len(vols) < 2 || len(m.Dossier.Pages) != len(vols) {
		t.Fatalf("dossier volumes %v, pages %v: want several", vols, m.Dossier.Pages)
	}
	tagmanifest, err := os.ReadFile(filepath.Join(out, "tagmanifest-sha256.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vols {
		if v != VolumeName(i+1) {
			t.Errorf("volume %d is named %q, want %q", i+1, v, VolumeName(i+1))
		}
		st, err := os.Stat(filepath.Join(out, v))
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() > limit {
			t.Errorf("%s is %d bytes, over --volume-size %d", v, st.Size(), limit)
		}
		if !strings.Contains(string(tagmanifest), "  "+v+"\n") {
			t.Errorf("tagmanifest-sha256.txt does not list %s", v)
		}
		pdfinfo := exec.Command("pdfinfo", filepath.Join(out, v))
		if b, err := pdfinfo.Output(); err == nil && !strings.Contains(strings.Join(strings.Fields(string(b)), " "), fmt.Sprintf("Pages: %d ", m.Dossier.Pages[i])) {
			t.Errorf("%s: manifest.json says %d pages, pdfinfo:\n%s", v, m.Dossier.Pages[i], b)
		}
	}
	if _, err := os.Stat(filepath.Join(out, VolumeName(len(vols)+1))); err == nil {
		t.Errorf("%s exists but manifest.json does not list it", VolumeName(len(vols)+1))
	}
	prev := 1
	for _, it := range m.Items {
		if it.Volume < prev || it.Volume > len(vols) || it.Pages[0] < 1 || it.Pages[1] < it.Pages[0] || it.Pages[1] > m.Dossier.Pages[it.Volume-1] {
			t.Errorf("exhibit %d: volume %d pages %v (volumes %v)", it.Exhibit, it.Volume, it.Pages, m.Dossier.Pages)
		}
		prev = it.Volume
	}
	if res.Dossier != filepath.Join(out, "dossier.pdf") {
		t.Errorf("Result.Dossier = %s, want volume 1", res.Dossier)
	}
	for _, mf := range []string{"manifest-sha256.txt", "tagmanifest-sha256.txt"} {
		cmd := exec.Command("sha256sum", "--strict", "-c", mf)
		cmd.Dir = out
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c %s: %v\n%s", mf, err, b)
		}
	}
	r, err := Verify(out)
	if err != nil || !r.OK {
		t.Fatalf("verify: %v %+v", err, r)
	}

	// Editing a later volume is caught.
	p := filepath.Join(out, vols[len(vols)-1])
	b, _ := os.ReadFile(p)
	b[len(b)/2] ^= 1
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if r, err := Verify(out); err != nil || r.OK {
		t.Errorf("verify of a bundle with an edited %s: %v, ok %v", vols[len(vols)-1], err, r != nil && r.OK)
	}

	// The default is one volume for this case.
	one, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(t.TempDir(), "one"), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if v := one.Manifest.Dossier.Volumes; len(v) != 1 || v[0] != "dossier.pdf" {
		t.Errorf("default volume size: volumes %v", v)
	}
}
