package templates

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// fixture builds evidence files in a folder and the Dossier that shows
// them, the way bundle will.
type fixture struct {
	t   testing.TB
	dir string
	d   *Dossier
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	gen := time.Date(2025, 11, 5, 2, 30, 0, 0, time.UTC)
	d := &Dossier{
		Purpose:       "civil",
		Lang:          "zh",
		CaseID:        "CB-20251105-0001",
		Title:         "微信转错账追回（李明诉张三不当得利纠纷）",
		Platform:      "wechat",
		ComplaintType: "wrong_transfer",
		Claimant:      Party{Name: "李明", IDNumber: "110101199001011234", Phone: "13800138000", WeChatID: "liming_88"},
		Respondent:    Party{Name: "张三", WeChatID: "zhangsan_sz", Account: "微信零钱（收款方显示为 *三）"},
		Narrative: "2025年11月3日14时05分，我在微信上给房东转房租时，误将5000元转给了同名联系人张三（微信号 zhangsan_sz）。" +
			"转账成功后我立即发现转错，当天多次通过微信联系对方，请求退还，对方先是已读不回，随后将我删除。\n" +
			"11月4日我向微信支付客服投诉（投诉单号 2025110400001234），客服答复需由对方同意退款或通过司法途径解决。" +
			"现请求法院判令被告返还不当得利5000元。",
		Generated: gen,
		Software:  "casebundle v0.1.0-test",
	}
	f := &fixture{t: t, dir: t.TempDir(), d: d}
	return f
}

// add writes a file into the case folder and adds it as the next exhibit.
func (f *fixture) add(rel string, data []byte, kind evidence.Kind, mimeType, title, proves string, meta evidence.Meta) *Exhibit {
	f.t.Helper()
	p := filepath.Join(f.dir, "data", filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	it := &evidence.Item{
		Path:     rel,
		Size:     int64(len(data)),
		SHA256:   hex.EncodeToString(sum[:]),
		MIME:     mimeType,
		Kind:     kind,
		Modified: time.Date(2025, 11, 3, 6, 6, 0, 0, time.UTC),
		Meta:     meta,
	}
	n := len(f.d.Exhibits) + 1
	f.d.Exhibits = append(f.d.Exhibits, Exhibit{Number: n, Item: it, File: p, Title: title, Proves: proves, Source: "本人手机截图"})
	f.d.Manifest = append(f.d.Manifest, ManifestLine{SHA256: it.SHA256, Path: "data/" + rel})
	return &f.d.Exhibits[n-1]
}

// finish fills the parts of the dossier that depend on the exhibits.
func (f *fixture) finish() *Dossier {
	d := f.d
	d.Manifest = append(d.Manifest, ManifestLine{SHA256: strings.Repeat("ab", 32), Path: "data/case.yaml"})
	var mb strings.Builder
	for _, l := range d.Manifest {
		mb.WriteString(l.SHA256 + "  " + l.Path + "\n")
	}
	sum := sha256.Sum256([]byte(mb.String()))
	d.ManifestSHA256 = hex.EncodeToString(sum[:])
	d.Transactions = []Transaction{
		{ID: "4200002345202511031234567890", Platform: "wechat", Form: "valid",
			Time: time.Date(2025, 11, 3, 14, 5, 0, 0, tz.Shanghai), HasTime: true, Amount: money.Fen(500000),
			Direction: "out", Counterparty: "张三", Disputed: true, Exhibits: []int{1}},
		{ID: "100005000120251101000000000012345", Platform: "wechat", Form: "valid",
			Time: time.Date(2025, 11, 1, 9, 30, 0, 0, tz.Shanghai), HasTime: true, Amount: money.Fen(3000),
			Direction: "in", Counterparty: "王五（房东）", Disputed: false},
	}
	d.LossTotal = money.Fen(500000)
	d.Events = []Event{
		{Time: time.Date(2025, 11, 3, 6, 5, 0, 0, time.UTC), ZoneKnown: true, TextZh: "向张三转账5000元（交易单号 4200002345202511031234567890）", TextEn: "Paid CNY 5,000 to Zhang San", Exhibit: 1},
		{Time: time.Date(2025, 11, 3, 14, 20, 0, 0, time.FixedZone("local", 0)), ZoneKnown: false, TextZh: "微信联系张三请求退款，对方未回复", TextEn: "Asked Zhang San on WeChat to return the money; no reply", Exhibit: 2},
		{Time: time.Date(2025, 11, 4, 2, 0, 0, 0, time.UTC), ZoneKnown: true, TextZh: "向微信支付客服投诉", TextEn: "Complained to WeChat Pay support"},
	}
	var ex []int
	for _, e := range d.Exhibits {
		ex = append(ex, e.Number)
	}
	d.Checklist = []ChecklistEntry{
		{MaterialZh: "转账凭证（交易单号、金额、时间）", MaterialEn: "Proof of payment", Required: true, Present: true, Exhibits: []int{1}},
		{MaterialZh: "与对方的沟通记录", MaterialEn: "Messages with the other party", Required: true, Present: len(ex) > 1, Exhibits: ex[1:min(2, len(ex))]},
		{MaterialZh: "对方身份信息（姓名、身份证号）", MaterialEn: "Identity of the other party", Required: true, Present: false},
		{MaterialZh: "微信支付账单", MaterialEn: "WeChat Pay bill", Required: false, Present: false},
	}
	d.Findings = []evidence.Finding{
		{Code: "txn-not-in-bill", Severity: evidence.Warning, File: "case.yaml",
			MessageZh: "交易单号 4200002345202511031234567890 未出现在任何账单中；建议导出微信支付账单作为证据。",
			MessageEn: "Transaction 4200002345202511031234567890 is in no bill; export the WeChat Pay bill as evidence."},
	}
	return d
}

// screenshot draws a phone screenshot: a status bar, chat bubbles and a
// coloured block, opaque RGB.
func screenshot(w, h int, bg color.RGBA, seed int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, w, h/20), &image.Uniform{color.RGBA{30, 30, 30, 255}}, image.Point{}, draw.Src)
	for i := range 8 {
		y := h/10 + i*h/10
		x0, x1 := w/12, w/2+((i*seed*37)%(w/3))
		c := color.RGBA{255, 255, 255, 255}
		if (i+seed)%2 == 0 {
			x0, x1 = w-x1, w-w/12
			c = color.RGBA{149, 236, 105, 255}
		}
		draw.Draw(img, image.Rect(x0, y, x1, y+h/16), &image.Uniform{c}, image.Point{}, draw.Src)
	}
	return img
}

func encodePNGBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rotatedJPEG is a landscape JPEG whose EXIF orientation (6) says it must
// be turned 90° clockwise: the red block at its top left ends up at the
// top right.
func rotatedJPEG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 800, 600))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.RGBA{220, 230, 240, 255}}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, 200, 150), &image.Uniform{color.RGBA{200, 0, 0, 255}}, image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func png16(t testing.TB) []byte {
	img := image.NewRGBA64(image.Rect(0, 0, 600, 400))
	for y := range 400 {
		for x := range 600 {
			img.SetRGBA64(x, y, color.RGBA64{uint16(x * 109), uint16(y * 163), 40000, 0xffff})
		}
	}
	return encodePNGBytes(t, img)
}

func pngAlpha(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 500, 500))
	for y := range 500 {
		for x := range 500 {
			img.SetNRGBA(x, y, color.NRGBA{0, 90, 200, uint8((x + y) / 4)})
		}
	}
	return encodePNGBytes(t, img)
}

// pngInterlaced writes an Adam7-interlaced 8-bit RGB PNG by hand (the
// standard library only writes non-interlaced ones).
func pngInterlaced(t testing.TB, w, h int) []byte {
	passes := []struct{ x0, y0, dx, dy int }{
		{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2},
	}
	var raw bytes.Buffer
	for _, p := range passes {
		for y := p.y0; y < h; y += p.dy {
			if p.x0 >= w {
				break
			}
			raw.WriteByte(0)
			for x := p.x0; x < w; x += p.dx {
				raw.Write([]byte{uint8(x * 255 / w), uint8(y * 255 / h), 128})
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, body []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(body)))
		out.Write(n[:])
		out.WriteString(kind)
		out.Write(body)
		binary.BigEndian.PutUint32(n[:], crc32.ChecksumIEEE(append([]byte(kind), body...)))
		out.Write(n[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9], ihdr[12] = 8, 2, 1
	chunk("IHDR", ihdr)
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	b := out.Bytes()
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatalf("hand-made interlaced PNG does not decode: %v", err)
	}
	return b
}

func chatText() []byte {
	var b strings.Builder
	for i := range 80 {
		who := "李明"
		msg := fmt.Sprintf("第%d条：张三你好，我刚才转错账了，5000元是给房东的，麻烦退还一下，谢谢！😀", i+1)
		if i%3 == 1 {
			who = "张三"
			msg = "……"
		}
		fmt.Fprintf(&b, "2025-11-03 14:%02d:00 %s：%s\n", 6+i%50, who, msg)
	}
	return []byte(b.String())
}

// fullDossier has every kind of exhibit the dossier draws.
func fullDossier(t testing.TB) *Dossier {
	f := newFixture(t)
	ss := []color.RGBA{{237, 237, 237, 255}, {250, 250, 250, 255}, {225, 235, 245, 255}}
	titles := []string{"转账成功截图", "微信聊天记录截图（请求退款）", "对方删除好友提示截图"}
	names := []string{"截图/转账成功.png", "截图/聊天 记录 1.png", "截图/删除好友.png"}
	for i, c := range ss {
		e := f.add(names[i], encodePNGBytes(t, screenshot(1170, 2532, c, i+1)), evidence.KindImage, "image/png",
			titles[i], "证明原告于2025年11月3日向被告转账5000元且被告拒不返还", evidence.Meta{Format: "png", Width: 1170, Height: 2532, BitDepth: 8})
		e.Item.Findings = []evidence.Finding{{Code: "no-capture-time", Severity: evidence.Info, File: names[i],
			MessageZh: "截图没有拍摄时间元数据（PNG 截图通常如此）", MessageEn: "The screenshot carries no capture time (usual for PNG screenshots)"}}
	}
	e := f.add("照片/收据.jpg", rotatedJPEG(t), evidence.KindImage, "image/jpeg", "手写收据照片", "证明双方此前并无债务往来",
		evidence.Meta{Format: "jpeg", Width: 800, Height: 600, Orientation: 6, Camera: "HUAWEI P40"})
	e.Item.Captured = &evidence.Captured{Time: time.Date(2025, 11, 3, 15, 0, 0, 0, time.FixedZone("local", 0)), ZoneKnown: false, Source: "exif"}
	f.add("截图/安卓商店.png", png16(t), evidence.KindImage, "image/png", "16位色深截图", "证明对方账户信息", evidence.Meta{Format: "png", Width: 600, Height: 400, BitDepth: 16})
	f.add("截图/透明.png", pngAlpha(t), evidence.KindImage, "image/png", "带透明通道的图片", "", evidence.Meta{Format: "png", Width: 500, Height: 500, Alpha: true})
	f.add("截图/隔行.png", pngInterlaced(t, 640, 480), evidence.KindImage, "image/png", "隔行扫描图片", "", evidence.Meta{Format: "png", Width: 640, Height: 480, Interlaced: true})
	whole := encodePNGBytes(t, screenshot(1170, 2532, ss[0], 9))
	e = f.add("截图/损坏.png", whole[:len(whole)/2], evidence.KindImage, "image/png", "损坏的截图", "", evidence.Meta{Format: "png"})
	e.Item.Findings = []evidence.Finding{{Code: "image-undecodable", Severity: evidence.Error, File: e.Item.Path,
		MessageZh: "图片无法解码（文件可能不完整）", MessageEn: "The image does not decode (the file may be incomplete)"}}
	e = f.add("聊天记录.txt", chatText(), evidence.KindChat, "text/plain; charset=utf-8", "微信聊天记录导出", "证明被告知悉转错账并拒绝退还", evidence.Meta{Encoding: "utf-8", Lines: 80})
	e.Source = "微信聊天记录导出"
	f.add("投诉回执.pdf", []byte("%PDF-1.4\n%fake receipt\n"), evidence.KindDocument, "application/pdf", "微信支付投诉回执", "证明原告已向平台投诉", evidence.Meta{PDFMeta: evidence.PDFMeta{Pages: 2}})
	return f.finish()
}

// smallDossier is the dossier of the golden file: one screenshot, one
// text file, no timestamp.
func smallDossier(t testing.TB) *Dossier {
	f := newFixture(t)
	f.add("截图/转账成功.png", encodePNGBytes(t, screenshot(390, 844, color.RGBA{240, 240, 240, 255}, 1)), evidence.KindImage, "image/png",
		"转账成功截图", "证明原告向被告转账5000元", evidence.Meta{Format: "png", Width: 390, Height: 844, BitDepth: 8})
	f.add("说明.txt", []byte("转账时间：2025-11-03 14:05\n金额：5000.00元\n收款人：张三\n"), evidence.KindDocument, "text/plain", "情况说明", "证明转账经过", evidence.Meta{Lines: 3})
	return f.finish()
}
