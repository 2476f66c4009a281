package heif

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	draw2 "image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/disintegration/imaging"

	"github.com/casebundle/casebundle/internal/samplegen"
)

// TestMakeDemoPhoto writes the demo case's iPhone photo, as an iPhone
// stores one: a 4×3 grid of 512×512 HEVC tiles of the picture turned on
// its side, irot 3 to stand it upright, and an Exif item with the capture
// time and zone, the camera and the place. It runs only when asked:
//
//	HEIF_MAKEDEMO=internal/samplegen/assets/IMG_4821.HEIC go test -run TestMakeDemoPhoto ./evidence/heif
//
// (the path relative to the repository root; it needs heif-enc and ffmpeg).
func TestMakeDemoPhoto(t *testing.T) {
	out := os.Getenv("HEIF_MAKEDEMO")
	if out == "" {
		t.Skip("set HEIF_MAKEDEMO=file.heic to write the demo case's HEIC photo")
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join("..", "..", out)
	}
	needTools(t, "heif-enc", "ffmpeg")
	dir := t.TempDir()
	// 张珊's phone showing her own WeChat profile, photographed on a desk.
	screen := samplegen.Screenshot(samplegen.ScreenSpec{Kind: samplegen.PayeeInfo, Peer: "张珊", Headline: "张珊",
		Clock: "18:41", Title: "个人信息",
		Lines:  []string{"微信号：zhangshan_sh", "地区：上海 浦东新区"},
		Fields: []samplegen.Field{{Label: "实名", Value: "*珊"}, {Label: "手机号", Value: "139****2218"}, {Label: "来源", Value: "通过搜索手机号添加"}}})
	photo := image.NewRGBA(image.Rect(0, 0, 1536, 2048))
	draw2.Draw(photo, photo.Bounds(), &image.Uniform{color.RGBA{0x4A, 0x3B, 0x2E, 0xFF}}, image.Point{}, draw2.Src)
	phone := imaging.Resize(screen, 0, 1880, imaging.Lanczos)
	body := image.Rect(0, 0, phone.Bounds().Dx()+40, phone.Bounds().Dy()+40).Add(image.Pt((1536-phone.Bounds().Dx()-40)/2, 64))
	draw2.Draw(photo, body, &image.Uniform{color.RGBA{0x18, 0x18, 0x1A, 0xFF}}, image.Point{}, draw2.Src)
	draw2.Draw(photo, phone.Bounds().Add(body.Min.Add(image.Pt(20, 20))), phone, image.Point{}, draw2.Src)
	stored := samplegen.StoreRotated(photo, 6) // 2048×1536, on its side
	src := filepath.Join(dir, "stored.png")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, stored); err != nil {
		t.Fatal(err)
	}
	f.Close()

	file := &bFile{brand: "heic", compat: []string{"mif1", "MiHE", "MiPr", "miaf", "MiHB", "heic"}, primary: 100}
	var ids []uint32
	for row := 0; row < 3; row++ {
		for col := 0; col < 4; col++ {
			n := row*4 + col
			tj, th := filepath.Join(dir, "tile.png"), filepath.Join(dir, "tile.heic")
			run(t, "ffmpeg", "-hide_banner", "-loglevel", "error", "-i", src, "-vf",
				"crop=512:512:"+itoa(col*512)+":"+itoa(row*512), "-y", tj)
			run(t, "heif-enc", "-q", "45", tj, "-o", th)
			data, err := os.ReadFile(th)
			if err != nil {
				t.Fatal(err)
			}
			it := takePictures(t, data)[0].item(uint32(n + 1))
			it.hidden = true
			file.items = append(file.items, it)
			ids = append(ids, uint32(n+1))
		}
	}
	jpg, err := samplegen.JPEGWithEXIF(image.NewRGBA(image.Rect(0, 0, 8, 8)), samplegen.EXIF{
		DateTimeOriginal: "2025:11:04 18:42:07", OffsetTimeOriginal: "+08:00",
		Make: "Apple", Model: "iPhone 13", Orientation: 6,
		GPS: &samplegen.GPS{Lat: 31.2231, Lon: 121.5397},
	})
	if err != nil {
		t.Fatal(err)
	}
	if jpg[2] != 0xFF || jpg[3] != 0xE1 || string(jpg[6:12]) != "Exif\x00\x00" {
		t.Fatal("no APP1 Exif segment after SOI")
	}
	tiff := jpg[12 : 4+int(binary.BigEndian.Uint16(jpg[4:6]))]
	file.items = append(file.items,
		bItem{id: 100, typ: "grid", idat: true, data: gridData(3, 4, 2048, 1536),
			props: []bProp{ispe(2048, 1536), {"irot", []byte{3}}}},
		bItem{id: 101, typ: "Exif", data: exifData(tiff)})
	file.refs = append(file.refs, bRef{"dimg", 100, ids}, bRef{"cdsc", 101, []uint32{100}})
	data := file.bytes()
	in, err := ProbeBytes(data, DefaultLimits)
	if err != nil || !in.tiled() || in.DisplayWidth() != 1536 || len(in.Exif) == 0 {
		t.Fatalf("probe %+v: %v", in, err)
	}
	if !bytes.HasPrefix(in.Exif, []byte("MM")) && !bytes.HasPrefix(in.Exif, []byte("II")) {
		t.Fatal("Exif item has no TIFF header")
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d bytes", out, len(data))
}
