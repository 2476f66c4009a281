package templates

import (
	"bytes"
	"fmt"
	"image"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/evidence"
)

// noisyScreenshot is an opaque RGB PNG that does not compress: about
// 3×w×h bytes, embedded in the PDF as it is.
func noisyScreenshot(t testing.TB, w, h int, seed uint64) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(seed, 7))
	for i := 0; i < len(img.Pix); i += 4 {
		v := r.Uint32()
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(v), uint8(v>>8), uint8(v>>16), 255
	}
	return encodePNGBytes(t, img)
}

// volumeDossier is a civil case whose screenshots take about sizes[i]
// kilobytes each.
func volumeDossier(t testing.TB, sizes []int) *Dossier {
	f := newFixture(t)
	for i, kb := range sizes {
		w := 320
		h := kb * 1000 / (3 * w)
		f.add(fmt.Sprintf("截图/聊天%02d.png", i+1), noisyScreenshot(t, w, h, uint64(i+1)), evidence.KindImage, "image/png",
			fmt.Sprintf("聊天截图%d", i+1), "证明被告收到转账后拒不返还", evidence.Meta{Format: "png", Width: w, Height: h, BitDepth: 8})
	}
	return f.finish()
}

// renderVolumes renders into memory and returns each volume's bytes.
func renderVolumes(t *testing.T, d *Dossier, limit int64) ([][]byte, *Layout) {
	t.Helper()
	var bufs []*bytes.Buffer
	lay, err := RenderVolumes(d, limit, func(v int) (io.WriteCloser, error) {
		if v != len(bufs)+1 {
			t.Fatalf("create(%d) after %d volumes", v, len(bufs))
		}
		bufs = append(bufs, &bytes.Buffer{})
		return nopCloser{bufs[v-1]}, nil
	})
	if err != nil {
		t.Fatalf("RenderVolumes: %v", err)
	}
	out := make([][]byte, len(bufs))
	for i, b := range bufs {
		out[i] = b.Bytes()
	}
	if len(lay.Volumes) != len(out) {
		t.Fatalf("Layout.Volumes has %d volumes, %d were written", len(lay.Volumes), len(out))
	}
	return out, lay
}

// pdftotextRaw is the text in content-stream order: a table cell's lines
// stay together.
func pdftotextRaw(t *testing.T, pdf string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	out, err := exec.Command(needTool(t, "pdftotext"), "-raw", "-enc", "UTF-8", "-f", p, "-l", p, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -raw: %v", err)
	}
	return string(out)
}

func TestRenderVolumes(t *testing.T) {
	const limit = 800_000
	d := volumeDossier(t, []int{300, 300, 300, 300, 300, 300})
	vols, lay := renderVolumes(t, d, limit)
	again, lay2 := renderVolumes(t, d, limit)
	if len(vols) < 3 {
		t.Fatalf("%d volumes for six 300 KB screenshots under %d bytes, want at least 3", len(vols), limit)
	}
	for i := range vols {
		if !bytes.Equal(vols[i], again[i]) {
			t.Errorf("volume %d differs between two renderings", i+1)
		}
	}
	if fmt.Sprint(lay) != fmt.Sprint(lay2) {
		t.Errorf("layouts differ: %+v and %+v", lay, lay2)
	}
	dir := t.TempDir()
	files := make([]string, len(vols))
	total := 0
	for i, data := range vols {
		// The rule: no volume is larger than the limit unless it holds a
		// single exhibit that is larger on its own.
		if len(data) > limit {
			t.Errorf("volume %d is %d bytes, over the limit of %d", i+1, len(data), limit)
		}
		files[i] = filepath.Join(dir, fmt.Sprintf("v%d.pdf", i+1))
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(needTool(t, "qpdf"), "--check", files[i]).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check volume %d: %v\n%s", i+1, err, out)
		}
		text := pdftotext(t, files[i], 0, 0)
		if got := strings.Count(text, "\f"); got != lay.Volumes[i] {
			t.Errorf("volume %d: Layout says %d pages, pdftotext sees %d", i+1, lay.Volumes[i], got)
		}
		if want := fmt.Sprintf("第%d卷/共%d卷", i+1, len(vols)); !strings.Contains(flat(text), want) {
			t.Errorf("volume %d lacks %q in its footer", i+1, want)
		}
		if want := fmt.Sprintf("共%d页", lay.Volumes[i]); !strings.Contains(flat(text), want) {
			t.Errorf("volume %d lacks %q: pages are counted per volume", i+1, want)
		}
		total += lay.Volumes[i]
		t.Logf("volume %d: %d bytes, %d pages", i+1, len(data), lay.Volumes[i])
	}
	if lay.Pages != total {
		t.Errorf("Layout.Pages = %d, the volumes hold %d", lay.Pages, total)
	}

	// Volume 1 holds the cover, the index and the checklist.
	v1 := flat(pdftotext(t, files[0], 0, 0))
	for _, s := range []string{"证据材料", "证据目录", "材料清单", "附录哈希清单与核验方法", d.ManifestSHA256} {
		if !strings.Contains(v1, s) {
			t.Errorf("volume 1 lacks %q", s)
		}
	}
	for i := 1; i < len(files); i++ {
		if p1 := pdftotext(t, files[i], 1, 1); !strings.HasPrefix(flat(bodyStart(p1)), "证据") {
			t.Errorf("volume %d does not start with an exhibit:\n%s", i+1, p1)
		}
	}

	// Every exhibit is in the volume and on the pages the Layout gives,
	// in order, never split.
	if len(lay.Placements) != len(d.Exhibits) {
		t.Fatalf("%d placements for %d exhibits", len(lay.Placements), len(d.Exhibits))
	}
	indexPage := findPage(t, files[0], lay.Volumes[0], "序号证据名称")
	index := flat(pdftotextRaw(t, files[0], indexPage))
	prevVol := 1
	for i, p := range lay.Placements {
		ex := d.Exhibits[i]
		if p.Exhibit != ex.Number || p.Volume < prevVol || p.Volume > len(vols) {
			t.Fatalf("placement %d is %+v", i, p)
		}
		prevVol = p.Volume
		page := flat(pdftotext(t, files[p.Volume-1], p.First, p.First))
		if !strings.Contains(page, ex.Item.SHA256) || !strings.Contains(page, "证据"+strconv.Itoa(ex.Number)) {
			t.Errorf("exhibit %d: volume %d page %d lacks its hash or number", ex.Number, p.Volume, p.First)
		}
		if want := fmt.Sprintf("第%d卷第%s页", p.Volume, pageRange(p)); !strings.Contains(index, want) {
			t.Errorf("the index lacks %q for exhibit %d", want, ex.Number)
		}
	}
	if !strings.Contains(index, fmt.Sprintf("本卷宗共%d卷", len(vols))) {
		t.Errorf("the index does not say how many volumes there are")
	}
	if *outFile != "" {
		for i, data := range vols {
			if err := os.WriteFile(strings.TrimSuffix(*outFile, ".pdf")+fmt.Sprintf("-vol%d.pdf", i+1), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}

	// Without a limit, the same dossier is one volume, as renderTo draws it.
	one, lay1 := renderVolumes(t, d, 0)
	whole, _ := render(t, d)
	if len(one) != 1 || !bytes.Equal(one[0], whole) || len(lay1.Volumes) != 1 || lay1.Volumes[0] != lay1.Pages {
		t.Errorf("RenderVolumes without a limit is not one volume: %d volumes, layout %+v", len(one), lay1)
	}
	for _, p := range lay1.Placements {
		if p.Volume != 1 {
			t.Errorf("one volume, but exhibit %d is placed in volume %d", p.Exhibit, p.Volume)
		}
	}
}

// A limit the dossier stays under gives the bytes of one unlimited volume.
func TestRenderVolumesUnderLimitIsUnlimited(t *testing.T) {
	d := smallDossier(t)
	whole, _ := render(t, d)
	vols, lay := renderVolumes(t, d, int64(len(whole))+volumeMargin(int64(len(whole)))+64<<10)
	if len(vols) != 1 || !bytes.Equal(vols[0], whole) {
		t.Fatalf("%d volumes; one volume should be the bytes without a limit", len(vols))
	}
	if lay.Volumes[0] != lay.Pages {
		t.Errorf("layout %+v", lay)
	}
}

// An exhibit larger than the limit gets a volume of its own, and the index
// says so; the build does not fail.
func TestRenderVolumesOversizeExhibit(t *testing.T) {
	const limit = 800_000
	d := volumeDossier(t, []int{200, 1200, 200, 200})
	d.Lang = "en"
	vols, lay := renderVolumes(t, d, limit)
	var big Placement
	for _, p := range lay.Placements {
		if p.Exhibit == 2 {
			big = p
		}
	}
	for _, p := range lay.Placements {
		if p.Exhibit != 2 && p.Volume == big.Volume {
			t.Errorf("exhibit %d shares volume %d with the oversize exhibit 2", p.Exhibit, p.Volume)
		}
	}
	for i, data := range vols {
		if len(data) > limit && i+1 != big.Volume {
			t.Errorf("volume %d is %d bytes, over the limit", i+1, len(data))
		}
		if out, err := exec.Command(needTool(t, "qpdf"), "--check", writeTemp(t, data)).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check volume %d: %v\n%s", i+1, err, out)
		}
	}
	if len(vols[big.Volume-1]) <= limit {
		t.Errorf("the oversize exhibit's volume is %d bytes, not over the limit", len(vols[big.Volume-1]))
	}
	v1 := flat(pdftotext(t, writeTemp(t, vols[0]), 0, 0))
	want := flat(fmt.Sprintf("Volume %d holds exhibit 2 alone", big.Volume))
	if !strings.Contains(v1, want) || !strings.Contains(v1, flat("Volume 1 of "+strconv.Itoa(len(vols)))) {
		t.Errorf("volume 1 lacks %q or its volume footer", want)
	}
}

// When the front matter leaves no room, volume 1 holds no exhibit and
// says where they are.
func TestRenderVolumesNoExhibitInFirst(t *testing.T) {
	d := volumeDossier(t, []int{300, 300})
	vols, lay := renderVolumes(t, d, 200_000)
	if len(vols) != 3 {
		t.Fatalf("%d volumes, want 3 (front matter, then one per exhibit)", len(vols))
	}
	for _, p := range lay.Placements {
		if p.Volume == 1 {
			t.Errorf("exhibit %d is in volume 1", p.Exhibit)
		}
	}
	if v1 := flat(pdftotext(t, writeTemp(t, vols[0]), 0, 0)); !strings.Contains(v1, "本卷不含证据正文") {
		t.Errorf("volume 1 does not say where the exhibits are")
	}
}

// Every route names an exhibit by volume and page when there are several:
// the complaint form and the checklist ("证据1（第1卷第6页）"), the police
// index.
func TestRenderVolumesRoutes(t *testing.T) {
	for _, purpose := range []string{"complaint", "police"} {
		t.Run(purpose, func(t *testing.T) {
			d := volumeDossier(t, []int{300, 300, 300, 300})
			d.Purpose = purpose
			vols, lay := renderVolumes(t, d, 800_000)
			if len(vols) < 2 {
				t.Fatalf("%d volumes", len(vols))
			}
			v1 := writeTemp(t, vols[0])
			if out, err := exec.Command(needTool(t, "qpdf"), "--check", v1).CombinedOutput(); err != nil {
				t.Fatalf("qpdf --check: %v\n%s", err, out)
			}
			text := flat(pdftotext(t, v1, 0, 0))
			for _, p := range lay.Placements[:2] {
				if want := fmt.Sprintf("证据%d（第%d卷第%s页）", p.Exhibit, p.Volume, pageRange(p)); !strings.Contains(text, want) {
					t.Errorf("volume 1 lacks %q", want)
				}
			}
			if !strings.Contains(text, "本卷宗共"+strconv.Itoa(len(vols))+"卷") {
				t.Errorf("the index does not give the number of volumes")
			}
		})
	}
}
