package samplegen

import (
	"bytes"
	"image"
	_ "image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/disintegration/imaging"
	"github.com/rwcarlsen/goexif/exif"
	"gopkg.in/yaml.v3"
)

// democaseDir is the committed demo case, relative to this package.
const democaseDir = "../../testdata/democase"

const regenerateHint = `the demo case generator and testdata/democase have drifted.
If the change to the generator is intended, regenerate from the repository root:

	rm -rf testdata/democase && go run ./internal/samplegen/cmd/gensample -o testdata/democase

and commit internal/samplegen and testdata/democase together.`

var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

// generatedDemo writes the demo case once per test binary into a temporary
// folder (removed by TestMain) and returns it.
func generatedDemo(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		demoDir, demoErr = os.MkdirTemp("", "democase-")
		if demoErr == nil {
			demoErr = WriteDemoCase(demoDir)
		}
	})
	if demoErr != nil {
		t.Fatalf("WriteDemoCase: %v", demoErr)
	}
	return demoDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// readTree returns every regular file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	return files
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestDemoCaseMatchesTestdata regenerates the demo case and compares it
// byte for byte with the committed copy.
func TestDemoCaseMatchesTestdata(t *testing.T) {
	want := readTree(t, generatedDemo(t))
	got := readTree(t, democaseDir)
	drift := false
	for _, p := range sortedKeys(want) {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("testdata/democase/%s is missing", p)
			drift = true
		case !bytes.Equal(g, want[p]):
			t.Errorf("testdata/democase/%s differs from the generator's output (%d bytes committed, %d generated)", p, len(g), len(want[p]))
			drift = true
		}
	}
	for _, p := range sortedKeys(got) {
		if _, ok := want[p]; !ok {
			t.Errorf("testdata/democase/%s is not made by the generator", p)
			drift = true
		}
	}
	if drift {
		t.Log(regenerateHint)
	}
}

func TestDemoCaseFiles(t *testing.T) {
	files := readTree(t, generatedDemo(t))
	wantPaths := []string{
		"case.yaml",
		"exports/与张三的聊天记录.csv",
		"exports/微信支付交易明细证明.pdf",
		"exports/微信支付账单(20251101-20251104).xlsx",
		"notes/情况说明.txt",
		"photos/IMG_20251103_142001.jpg",
		"photos/IMG_20251104_093012.jpg",
		"photos/IMG_4821.HEIC",
		"screens/收款人信息.png",
		"screens/聊天记录 1.png",
		"screens/聊天记录 2.png",
		"screens/转账成功.png",
		"录音/与张三通话 2025-11-03 14-31.m4a",
	}
	if got := sortedKeys(files); strings.Join(got, "\n") != strings.Join(wantPaths, "\n") {
		t.Fatalf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantPaths, "\n"))
	}
	total := 0
	for p, b := range files {
		total += len(b)
		if strings.HasSuffix(p, ".png") {
			if depth, ct := pngHeader(t, b); depth != 8 || ct != 2 {
				t.Errorf("%s: bit depth %d colour type %d, want 8-bit RGB", p, depth, ct)
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width != DemoWidth || cfg.Height != DemoHeight {
				t.Errorf("%s: %dx%d (%v), want %dx%d", p, cfg.Width, cfg.Height, err, DemoWidth, DemoHeight)
			}
			if len(b) > 150<<10 {
				t.Errorf("%s: %d bytes, want < 150 KB", p, len(b))
			}
		}
	}
	if b := files["录音/与张三通话 2025-11-03 14-31.m4a"]; len(b) > 100<<10 || !bytes.Equal(b[4:8], []byte("ftyp")) {
		t.Errorf("the call recording: %d bytes, want an M4A under 100 KB", len(b))
	}
	if b := files["photos/IMG_4821.HEIC"]; len(b) > 100<<10 || !bytes.Equal(b[4:12], []byte("ftypheic")) {
		t.Errorf("the iPhone photo: %d bytes, want a HEIC under 100 KB", len(b))
	}
	if total > 1<<20 {
		t.Errorf("demo case is %d bytes, want under 1 MB", total)
	}
	note := files["notes/情况说明.txt"]
	if !utf8.Valid(note) || bytes.HasPrefix(note, []byte("\xEF\xBB\xBF")) || bytes.Contains(note, []byte("\r")) {
		t.Error("notes/情况说明.txt: want UTF-8 without BOM, LF line ends")
	}
}

// caseFile mirrors the case.yaml schema (docs/design.md#caseyaml), so that decoding
// with KnownFields fails on any key the schema does not have.
type caseFile struct {
	Title         string `yaml:"title"`
	Purpose       string `yaml:"purpose"`
	Lang          string `yaml:"lang"`
	Platform      string `yaml:"platform"`
	ComplaintType string `yaml:"complaint_type"`
	Claimant      party  `yaml:"claimant"`
	Respondent    party  `yaml:"respondent"`
	Narrative     string `yaml:"narrative"`
	Transactions  []struct {
		ID           string    `yaml:"id"`
		Time         time.Time `yaml:"time"`
		Amount       string    `yaml:"amount"`
		Direction    string    `yaml:"direction"`
		Counterparty string    `yaml:"counterparty"`
		Disputed     bool      `yaml:"disputed"`
	} `yaml:"transactions"`
	Items map[string]struct {
		Title  string `yaml:"title"`
		Proves string `yaml:"proves"`
		Source string `yaml:"source"`
	} `yaml:"items"`
}

type party struct {
	Name     string `yaml:"name"`
	IDNumber string `yaml:"id_number"`
	Phone    string `yaml:"phone"`
	WechatID string `yaml:"wechat_id"`
	Account  string `yaml:"account"`
}

func TestDemoCaseYAML(t *testing.T) {
	dir := generatedDemo(t)
	raw, err := os.ReadFile(filepath.Join(dir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	var c caseFile
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("case.yaml: %v", err)
	}
	for name, pair := range map[string][2]string{
		"title":                {c.Title, "微信转错账追回"},
		"purpose":              {c.Purpose, "civil"},
		"lang":                 {c.Lang, "zh"},
		"platform":             {c.Platform, "wechat"},
		"complaint_type":       {c.ComplaintType, "wrong_transfer"},
		"claimant.name":        {c.Claimant.Name, "李明"},
		"respondent.name":      {c.Respondent.Name, "张三"},
		"respondent.wechat_id": {c.Respondent.WechatID, demoWechatID},
		"respondent.phone":     {c.Respondent.Phone, demoPhone},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s = %q, want %q", name, pair[0], pair[1])
		}
	}
	if c.Claimant.Phone == "" {
		t.Error("claimant.phone is empty")
	}
	if paras := strings.Split(strings.TrimSpace(c.Narrative), "\n\n"); len(paras) < 3 {
		t.Errorf("narrative has %d paragraphs, want several", len(paras))
	}
	for _, s := range []string{"5000", demoTxnID, "张珊", "2025年11月3日14时05分"} {
		if !strings.Contains(c.Narrative, s) {
			t.Errorf("narrative does not mention %q", s)
		}
	}
	if len(c.Transactions) != 1 {
		t.Fatalf("%d transactions, want 1", len(c.Transactions))
	}
	tx := c.Transactions[0]
	wantTime := time.Date(2025, 11, 3, 14, 5, 0, 0, time.FixedZone("", 8*3600))
	if tx.ID != demoTxnID || !tx.Time.Equal(wantTime) || tx.Amount != "5000.00" ||
		tx.Direction != "out" || tx.Counterparty != "张三" || !tx.Disputed {
		t.Errorf("transaction = %+v", tx)
	}
	if _, off := tx.Time.Zone(); off != 8*3600 {
		t.Errorf("transaction time zone offset %d, want +08:00", off)
	}
	// Every evidence file has a note, and every note names a file.
	files := readTree(t, dir)
	delete(files, "case.yaml")
	for _, p := range sortedKeys(files) {
		it, ok := c.Items[p]
		if !ok {
			t.Errorf("items: no note for %s", p)
			continue
		}
		if it.Title == "" || it.Proves == "" || it.Source == "" {
			t.Errorf("items[%s] = %+v, want title, proves and source", p, it)
		}
	}
	for p := range c.Items {
		if _, ok := files[p]; !ok {
			t.Errorf("items: %s names no file", p)
		}
	}
}

func TestDemoCasePhotos(t *testing.T) {
	dir := generatedDemo(t)
	type want struct {
		date, offset string
		orientation  int
		gps          bool
		uprightW     int
	}
	for name, w := range map[string]want{
		"IMG_20251104_093012.jpg": {"2025:11:04 09:30:12", "+08:00", 6, true, photoShort},
		"IMG_20251103_142001.jpg": {"2025:11:03 14:20:01", "", 1, false, photoLong},
	} {
		b, err := os.ReadFile(filepath.Join(dir, "photos", name))
		if err != nil {
			t.Fatal(err)
		}
		x, err := exif.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		get := func(f exif.FieldName) string {
			tag, err := x.Get(f)
			if err != nil {
				return ""
			}
			s, _ := tag.StringVal()
			return s
		}
		if got := get(exif.DateTimeOriginal); got != w.date {
			t.Errorf("%s: DateTimeOriginal %q, want %q", name, got, w.date)
		}
		if got := get(exif.OffsetTimeOriginal); got != w.offset {
			t.Errorf("%s: OffsetTimeOriginal %q, want %q", name, got, w.offset)
		}
		if get(exif.Make) != "Xiaomi" || get(exif.Model) != "Redmi Note 12" {
			t.Errorf("%s: camera %q %q, want Xiaomi Redmi Note 12", name, get(exif.Make), get(exif.Model))
		}
		if tag, err := x.Get(exif.Orientation); err != nil {
			t.Errorf("%s: no Orientation", name)
		} else if o, _ := tag.Int(0); o != w.orientation {
			t.Errorf("%s: Orientation %d, want %d", name, o, w.orientation)
		}
		lat, lon, err := x.LatLong()
		if w.gps != (err == nil) {
			t.Errorf("%s: GPS %v, %v (%v), want present=%t", name, lat, lon, err, w.gps)
		}
		if w.gps && (lat < 30.7 || lat > 31.9 || lon < 120.8 || lon > 122.2) {
			t.Errorf("%s: GPS %v, %v is not in Shanghai", name, lat, lon)
		}
		// Stored sideways for orientation 6; upright after applying it.
		raw, err := imaging.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		shown, err := imaging.Decode(bytes.NewReader(b), imaging.AutoOrientation(true))
		if err != nil {
			t.Fatal(err)
		}
		if raw.Bounds().Dx() != photoLong {
			t.Errorf("%s: stored %v, want a landscape frame as the sensor records it", name, raw.Bounds())
		}
		if shown.Bounds().Dx() != w.uprightW {
			t.Errorf("%s: upright %v, want width %d", name, shown.Bounds(), w.uprightW)
		}
	}
	// The rotated photo, turned upright, is the drawing itself.
	b, err := os.ReadFile(filepath.Join(dir, "photos", "IMG_20251104_093012.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	shown, err := imaging.Decode(bytes.NewReader(b), imaging.AutoOrientation(true))
	if err != nil {
		t.Fatal(err)
	}
	upright := StatementPhoto()
	if d := meanDiff(shown, upright); d > 4 {
		t.Errorf("statement photo turned upright differs from the drawing by %.1f per channel", d)
	}
	if d := meanDiff(shown, imaging.Rotate180(upright)); d < 20 {
		t.Errorf("statement photo also matches its upside-down drawing (%.1f): the test cannot tell", d)
	}
}
