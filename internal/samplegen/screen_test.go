package samplegen

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"sync"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// raceEnabled is set by race_test.go. Under the race detector every pixel
// write is instrumented and a full-size screen takes seconds (more than
// two minutes for TestScreenshot), so the single-goroutine pixel tests
// draw their screens at testSize: the phone's logical size, 390x844
// points at scale 1, through the same drawing code at a ninth of the
// pixels. The plain run draws them at full size.
var raceEnabled bool

// testSize is w, h unless under -race, where it is the logical size.
func testSize(w, h int) (int, int) {
	if raceEnabled {
		return 390, 844
	}
	return w, h
}

// pngHeader returns the bit depth and colour type from the IHDR of a PNG
// (bytes 24 and 25 of the file).
func pngHeader(t *testing.T, b []byte) (depth, colourType byte) {
	t.Helper()
	if len(b) < 33 || string(b[:8]) != "\x89PNG\r\n\x1a\n" || string(b[12:16]) != "IHDR" {
		t.Fatalf("not a PNG with IHDR first: % x", b[:min(len(b), 33)])
	}
	return b[24], b[25]
}

func TestScreenshot(t *testing.T) {
	kinds := []ScreenKind{TransferReceipt, Chat, PayeeInfo, BillDetail}
	sizes := []struct{ w, h int }{
		{0, 0}, // default, 1170x2532
		{AndroidWidth, AndroidHeight},
	}
	if raceEnabled {
		w, h := testSize(0, 0)
		sizes = sizes[:1]
		sizes[0].w, sizes[0].h = w, h
	}
	for _, k := range kinds {
		for _, sz := range sizes {
			t.Run(k.String()+"/"+itoa(sz.w), func(t *testing.T) {
				img := Screenshot(ScreenSpec{Kind: k, Width: sz.w, Height: sz.h})
				wantW, wantH := sz.w, sz.h
				if wantW == 0 {
					wantW, wantH = IPhoneWidth, IPhoneHeight
				}
				if got := img.Bounds(); got != image.Rect(0, 0, wantW, wantH) {
					t.Fatalf("bounds %v, want %dx%d", got, wantW, wantH)
				}
				colours := map[[3]uint8]int{}
				run := [3]uint8{img.Pix[0], img.Pix[1], img.Pix[2]}
				runLen := 0
				for i := 0; i < len(img.Pix); i += 4 {
					if img.Pix[i+3] != 255 {
						t.Fatalf("pixel %d has alpha %d, want opaque", i/4, img.Pix[i+3])
					}
					px := [3]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2]}
					if px != run {
						colours[run] += runLen
						run, runLen = px, 0
					}
					runLen++
				}
				colours[run] += runLen
				// Flat colours, but real content: text in several
				// colours with smooth edges, and not one big blank.
				most := 0
				for _, n := range colours {
					most = max(most, n)
				}
				if len(colours) < 16 || most > len(img.Pix)/4*98/100 {
					t.Errorf("%d colours, the commonest on %d of %d pixels: the screen looks empty", len(colours), most, len(img.Pix)/4)
				}
				b, err := EncodePNG(img)
				if err != nil {
					t.Fatal(err)
				}
				if depth, ct := pngHeader(t, b); depth != 8 || ct != 2 {
					t.Errorf("IHDR bit depth %d colour type %d, want 8-bit RGB (colour type 2)", depth, ct)
				}
				if wantW == IPhoneWidth && len(b) > 150<<10 {
					t.Errorf("PNG is %d bytes, want < 150 KB", len(b))
				}
				dec, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("decode own PNG: %v", err)
				}
				if dec.Bounds() != img.Bounds() {
					t.Errorf("decoded bounds %v, want %v", dec.Bounds(), img.Bounds())
				}
			})
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "default"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestScreenshotDeterministic(t *testing.T) {
	for _, spec := range []ScreenSpec{
		{Kind: TransferReceipt},
		{Kind: Chat, Messages: demoChat2, Width: AndroidWidth, Height: AndroidHeight},
		{Kind: PayeeInfo, Peer: "王五", Headline: "王五"},
		{Kind: BillDetail, Clock: "23:59"},
	} {
		if raceEnabled {
			spec.Width, spec.Height = testSize(spec.Width, spec.Height)
		}
		a, err := EncodePNG(Screenshot(spec))
		if err != nil {
			t.Fatal(err)
		}
		b, err := EncodePNG(Screenshot(spec))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%v: two runs gave different PNGs (%d and %d bytes)", spec.Kind, len(a), len(b))
		}
	}
}

func TestScreenshotSpecChangesPixels(t *testing.T) {
	base := Screenshot(ScreenSpec{Kind: TransferReceipt})
	for name, spec := range map[string]ScreenSpec{
		"clock":  {Kind: TransferReceipt, Clock: "09:00"},
		"amount": {Kind: TransferReceipt, Amount: "¥12.00"},
		"fields": {Kind: TransferReceipt, Fields: []Field{{"交易单号", "4200001234202501011234567890"}}},
		"kind":   {Kind: BillDetail},
	} {
		if bytes.Equal(Screenshot(spec).Pix, base.Pix) {
			t.Errorf("%s: changing the spec did not change the picture", name)
		}
	}
}

func TestChatScrollsToLatest(t *testing.T) {
	// Far more messages than fit: the last one must still be drawn just
	// above the input bar, like a phone scrolled to the bottom.
	var msgs []Message
	for i := 0; i < 40; i++ {
		msgs = append(msgs, Message{From: Peer, Text: "第一条"})
	}
	last := append(append([]Message(nil), msgs...), Message{From: Me, Text: "最后一条"})
	a := Screenshot(ScreenSpec{Kind: Chat, Messages: msgs})
	b := Screenshot(ScreenSpec{Kind: Chat, Messages: last})
	// The green bubble of the last message sits right of centre, above the input bar.
	c := newCanvas(IPhoneWidth, IPhoneHeight, float64(IPhoneWidth)/390, colGreyBG)
	y := IPhoneHeight - c.px(56+34) - c.px(30)
	x := IPhoneWidth - c.px(70)
	if got := b.RGBAAt(x, y); got != colBubbleMe {
		t.Errorf("pixel above the input bar is %v, want the green bubble %v", got, colBubbleMe)
	}
	if a.RGBAAt(x, y) == colBubbleMe {
		t.Errorf("control image already has a green bubble there")
	}
}

func TestNumberedScreenshot(t *testing.T) {
	seen := map[[32]byte]int{}
	for i := 0; i < 20; i++ {
		img := NumberedScreenshot(i, AndroidWidth, AndroidHeight).(*image.RGBA)
		sum := sha256.Sum256(img.Pix)
		if j, ok := seen[sum]; ok {
			t.Fatalf("NumberedScreenshot(%d) equals NumberedScreenshot(%d)", i, j)
		}
		seen[sum] = i
	}
	a := NumberedScreenshot(7, IPhoneWidth, IPhoneHeight).(*image.RGBA)
	b := NumberedScreenshot(7, IPhoneWidth, IPhoneHeight).(*image.RGBA)
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Error("NumberedScreenshot(7) differs between two calls")
	}
	enc, err := EncodePNG(a)
	if err != nil {
		t.Fatal(err)
	}
	if depth, ct := pngHeader(t, enc); depth != 8 || ct != 2 {
		t.Errorf("IHDR bit depth %d colour type %d, want 8-bit RGB", depth, ct)
	}
	// Realistic compression: neither a blank page nor noise.
	if len(enc) < 20<<10 || len(enc) > 300<<10 {
		t.Errorf("PNG of a numbered screenshot is %d bytes, want 20–300 KB", len(enc))
	}
}

func TestNumberedScreenshotConcurrent(t *testing.T) {
	const n = 8
	want := make([][32]byte, n)
	for i := range want {
		want[i] = sha256.Sum256(NumberedScreenshot(i, 540, 1170).(*image.RGBA).Pix)
	}
	var wg sync.WaitGroup
	got := make([][32]byte, n)
	for i := 0; i < n; i++ {
		wg.Go(func() {
			got[i] = sha256.Sum256(NumberedScreenshot(i, 540, 1170).(*image.RGBA).Pix)
		})
	}
	wg.Wait()
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("NumberedScreenshot(%d) drawn concurrently differs from the serial drawing", i)
		}
	}
}

// BenchmarkNumberedScreenshot is the cost of one full-size generated
// screenshot, which internal/benchtool draws by the thousand: about 25 ms
// on a shared two-core machine (go test -run '^$' -bench
// NumberedScreenshot ./internal/samplegen); the budget is 50 ms. A timing
// has no place in a unit test: it fails on a loaded machine and means
// nothing under -race or coverage.
func BenchmarkNumberedScreenshot(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		NumberedScreenshot(i, IPhoneWidth, IPhoneHeight)
	}
}

func BenchmarkScreenshotPNG(b *testing.B) {
	for b.Loop() {
		if _, err := EncodePNG(Screenshot(ScreenSpec{Kind: Chat})); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFontCoversText checks that every character the generator draws has
// a glyph in the embedded font, so no screenshot shows a missing-glyph box.
func TestFontCoversText(t *testing.T) {
	var texts []string
	add := func(s ScreenSpec) {
		s = s.withDefaults()
		texts = append(texts, s.Clock, s.Title, s.Peer, s.Headline, s.Amount)
		texts = append(texts, s.Lines...)
		for _, f := range s.Fields {
			texts = append(texts, f.Label, f.Value)
		}
		for _, m := range s.Messages {
			texts = append(texts, m.Text, m.Transfer)
		}
	}
	for k := TransferReceipt; k <= BillDetail; k++ {
		add(ScreenSpec{Kind: k})
	}
	add(ScreenSpec{Kind: Chat, Messages: demoChat2})
	texts = append(texts, phrases...)
	texts = append(texts, "完成", "微信转账", "发消息", "转账", "对订单有疑惑", "搜索", "发送(S)", "★",
		"招商银行 个人账户交易明细", "户　　名：李明", "起止日期：2025-11-01 至 2025-11-04", "财付通-微信转账",
		"打印时间：2025-11-04 09:26:47　　打印网点：上海浦东新区张杨路支行", "本明细仅供参考，以银行系统记录为准。",
		"招商银行上海分行", "业务专用章", "文件传输助手", "家人群", "妈妈：晚上回来吃饭吗", "公司-财务部", "报销单已经收到", "昨天")
	f := parsedFont()
	var buf sfnt.Buffer
	for _, s := range texts {
		for _, r := range s {
			if r == ' ' || r == '　' {
				continue
			}
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				t.Errorf("no glyph for %q (U+%04X) in %q", r, r, s)
			}
		}
	}
}

func TestWrap(t *testing.T) {
	c := newCanvas(100, 100, 3, colWhite)
	tests := []struct {
		text string
		maxW int
		want []string
	}{
		{"你好", 1000, []string{"你好"}},
		{"", 1000, nil},
		// Punctuation is never the first character of a line.
		{"一二三四，五六", c.textWidth(17, "一二三四"), []string{"一二三", "四，五六"}},
		// ASCII words stay whole when they fit on a line.
		{"单号abc123", c.textWidth(17, "单号abc"), []string{"单号", "abc123"}},
	}
	for _, tt := range tests {
		got := c.wrap(tt.text, 17, tt.maxW)
		if len(got) != len(tt.want) {
			t.Errorf("wrap(%q) = %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("wrap(%q) = %q, want %q", tt.text, got, tt.want)
				break
			}
		}
	}
}

func TestEncodePNGDropsAlpha(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+3] = 200, 100
	}
	b, err := EncodePNG(img)
	if err != nil {
		t.Fatal(err)
	}
	if _, ct := pngHeader(t, b); ct != 2 {
		t.Errorf("colour type %d, want 2", ct)
	}
	dec, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	// 200 red at 100/255 over white.
	r, g, _, a := dec.At(0, 0).RGBA()
	if a != 0xFFFF || r>>8 < 230 || g>>8 < 150 {
		t.Errorf("flattened pixel r=%d g=%d a=%d, want a light red on white, opaque", r>>8, g>>8, a>>8)
	}
}

// chunks splits a PNG into its chunks, checking every length and CRC.
func chunks(t *testing.T, b []byte) []string {
	t.Helper()
	var names []string
	for p := 8; p < len(b); {
		if p+12 > len(b) {
			t.Fatalf("chunk at %d runs past the end", p)
		}
		n := int(binary.BigEndian.Uint32(b[p:]))
		if p+12+n > len(b) {
			t.Fatalf("chunk %q at %d runs past the end", b[p+4:p+8], p)
		}
		typ := b[p+4 : p+8]
		want := binary.BigEndian.Uint32(b[p+8+n:])
		if got := crc32.ChecksumIEEE(b[p+4 : p+8+n]); got != want {
			t.Errorf("chunk %q: CRC %08x, stored %08x", typ, got, want)
		}
		names = append(names, string(typ))
		p += 12 + n
	}
	return names
}

func TestEdgePNGs(t *testing.T) {
	t.Run("PNG16", func(t *testing.T) {
		b := PNG16(64, 48)
		if depth, ct := pngHeader(t, b); depth != 16 || ct != 2 {
			t.Errorf("bit depth %d colour type %d, want 16-bit RGB", depth, ct)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		rgba64, ok := img.(*image.RGBA64)
		if !ok {
			t.Fatalf("decoded as %T, want *image.RGBA64", img)
		}
		lowBytes := 0
		for i := 1; i < len(rgba64.Pix); i += 2 {
			if rgba64.Pix[i] != rgba64.Pix[i-1] {
				lowBytes++
			}
		}
		if lowBytes == 0 {
			t.Error("every 16-bit sample is a repeated 8-bit one: the extra precision is unused")
		}
	})
	t.Run("PNGAlpha", func(t *testing.T) {
		b := PNGAlpha(64, 48)
		if depth, ct := pngHeader(t, b); depth != 8 || ct != 6 {
			t.Errorf("bit depth %d colour type %d, want 8-bit RGBA", depth, ct)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		alphas := map[uint32]bool{}
		for y := 0; y < 48; y++ {
			for x := 0; x < 64; x++ {
				_, _, _, a := img.At(x, y).RGBA()
				alphas[a>>8] = true
			}
		}
		if !alphas[0] || !alphas[128] || !alphas[255] {
			t.Errorf("alpha values %v, want 0, 128 and 255", alphas)
		}
	})
	t.Run("TruncatedPNG", func(t *testing.T) {
		b := TruncatedPNG(300, 600)
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != 300 || cfg.Height != 600 {
			t.Errorf("DecodeConfig = %+v, %v; want 300x600 from the intact header", cfg, err)
		}
		if _, err := png.Decode(bytes.NewReader(b)); err == nil {
			t.Error("a truncated PNG decoded without error")
		}
	})
	t.Run("HugePNG", func(t *testing.T) {
		b := HugePNG()
		if len(b) > 4096 {
			t.Errorf("HugePNG is %d bytes, want a small file", len(b))
		}
		if got := chunks(t, b); len(got) != 3 || got[0] != "IHDR" || got[1] != "IDAT" || got[2] != "IEND" {
			t.Errorf("chunks %v, want IHDR IDAT IEND", got)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != HugeWidth || cfg.Height != HugeHeight {
			t.Errorf("claims %dx%d, want %dx%d", cfg.Width, cfg.Height, HugeWidth, HugeHeight)
		}
	})
	t.Run("deterministic", func(t *testing.T) {
		for name, f := range map[string]func() []byte{
			"PNG16":        func() []byte { return PNG16(20, 10) },
			"PNGAlpha":     func() []byte { return PNGAlpha(20, 10) },
			"TruncatedPNG": func() []byte { return TruncatedPNG(200, 400) },
			"HugePNG":      HugePNG,
		} {
			if !bytes.Equal(f(), f()) {
				t.Errorf("%s differs between two calls", name)
			}
		}
	})
	t.Run("valid chunks", func(t *testing.T) {
		for name, b := range map[string][]byte{"PNG16": PNG16(20, 10), "PNGAlpha": PNGAlpha(20, 10)} {
			if got := chunks(t, b); got[len(got)-1] != "IEND" {
				t.Errorf("%s: last chunk %q, want IEND", name, got[len(got)-1])
			}
		}
	})
}
