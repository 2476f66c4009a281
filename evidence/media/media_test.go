package media

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json and the hand-made testdata files")

// mediaFiles are the committed samples: made with ffmpeg (see
// testdata/README) and by hand (voice.amr, voice.silk, voice-wb.amr).
func mediaFiles(t testing.TB) []string {
	var files []string
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch filepath.Ext(e.Name()) {
		case ".mp4", ".mov", ".3gp", ".m4a", ".mp3", ".aac", ".amr", ".wav", ".ogg", ".opus", ".silk":
			files = append(files, filepath.Join("testdata", e.Name()))
		}
	}
	slices.Sort(files)
	return files
}

func readFile(t testing.TB, path string) *Info {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in, err := Read(bytes.NewReader(b), int64(len(b)), DefaultLimits)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return in
}

// TestGolden reads every sample and compares everything Read found with
// testdata/golden.json (go test -run Golden -update rewrites it).
func TestGolden(t *testing.T) {
	if *update {
		writeHandMade(t)
	}
	files := mediaFiles(t)
	if len(files) < 14 {
		t.Fatalf("only %d sample files in testdata", len(files))
	}
	got := map[string]*Info{}
	for _, f := range files {
		got[filepath.Base(f)] = readFile(t, f)
	}
	b, err := json.MarshalIndent(got, "", "  ") // map keys sorted by encoding/json
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	golden := filepath.Join("testdata", "golden.json")
	if *update {
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("Read differs from %s; got:\n%s", golden, b)
	}
}

// TestSamples checks the facts of the samples that matter most, so that
// a wrong golden file cannot hide them.
func TestSamples(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		file      string
		container string
		kind      Kind
		dur       time.Duration
		codecs    []string
		w, h      int
		rate      string
		created   string
		zone      bool
		source    string
		written   string
	}{
		{"faststart.mp4", "mp4", Video, 501 * ms, []string{"avc1", "mp4a"}, 64, 48, "29.97", "2025-11-03T06:05:12Z", true, SourceMvhd, "3844994712"},
		{"moovend.mp4", "mp4", Video, 400 * ms, []string{"avc1"}, 64, 48, "25", "2024-02-29T23:59:59Z", true, SourceMvhd, "3792095999"},
		{"iphone.mov", "mov", Video, 500 * ms, []string{"avc1", "mp4a"}, 48, 64, "30", "2025-11-03T06:05:12Z", true, SourceQuickTime, "2025-11-03T14:05:12+0800"},
		{"voice.m4a", "m4a", Audio, 500 * ms, []string{"mp4a"}, 0, 0, "", "2025-11-03T06:05:12Z", true, SourceMvhd, "3844994712"},
		{"clip.3gp", "3gp", Video, 400 * ms, []string{"s263", "mp4a"}, 176, 144, "15", "", false, "", ""},
		{"tone.wav", "wav", Audio, 250 * ms, []string{"pcm_s16le"}, 0, 0, "", "", false, "", ""},
		{"voice.amr", "amr", Audio, 1000 * ms, []string{"amr_nb"}, 0, 0, "", "", false, "", ""},
		{"voice-wb.amr", "amr-wb", Audio, 600 * ms, []string{"amr_wb"}, 0, 0, "", "", false, "", ""},
		{"voice.silk", "silk", Audio, 1500 * ms, []string{"silk"}, 0, 0, "", "", false, "", ""},
		{"voice.opus", "ogg", Audio, 500 * ms, []string{"opus"}, 0, 0, "", "", false, "", ""},
		{"tone.ogg", "ogg", Audio, 500 * ms, []string{"vorbis"}, 0, 0, "", "", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in := readFile(t, filepath.Join("testdata", tt.file))
			if in.Container != tt.container || in.Kind != tt.kind || !slices.Equal(in.Codecs, tt.codecs) {
				t.Errorf("container %q kind %q codecs %v, want %q %q %v", in.Container, in.Kind, in.Codecs, tt.container, tt.kind, tt.codecs)
			}
			if in.Duration != tt.dur || !in.DurationKnown {
				t.Errorf("duration %v (known %v), want %v", in.Duration, in.DurationKnown, tt.dur)
			}
			if in.Width != tt.w || in.Height != tt.h || in.FrameRate != tt.rate {
				t.Errorf("%dx%d at %q, want %dx%d at %q", in.Width, in.Height, in.FrameRate, tt.w, tt.h, tt.rate)
			}
			created := ""
			if !in.Created.IsZero() {
				created = in.Created.Format(time.RFC3339)
			}
			if created != tt.created || in.CreatedZoneKnown != tt.zone || in.CreatedSource != tt.source || in.CreatedWritten != tt.written {
				t.Errorf("created %q zone %v source %q written %q, want %q %v %q %q", created, in.CreatedZoneKnown, in.CreatedSource, in.CreatedWritten, tt.created, tt.zone, tt.source, tt.written)
			}
			if len(in.Problems) != 0 {
				t.Errorf("problems %v", in.Problems)
			}
		})
	}
	in := readFile(t, "testdata/iphone.mov")
	if !in.HasLocation || in.Latitude != 31.2304 || in.Longitude != 121.4737 || in.Make != "Apple" || in.Model != "iPhone 15" || in.Rotation != 90 {
		t.Errorf("iphone.mov: location %v %v,%v make %q model %q rotation %d", in.HasLocation, in.Latitude, in.Longitude, in.Make, in.Model, in.Rotation)
	}
	if want := time.Date(2025, 11, 3, 6, 5, 12, 0, time.UTC); !in.Created.Equal(want) {
		t.Errorf("iphone.mov created %v, want %v", in.Created, want)
	}
}

// amrFile builds an AMR file of the given frame types (payload bytes are
// a fixed pattern, which any decoder accepts as speech parameters).
func amrFile(wb bool, types ...int) []byte {
	var b bytes.Buffer
	sizes := amrNBSize
	if wb {
		b.WriteString("#!AMR-WB\n")
		sizes = amrWBSize
	} else {
		b.WriteString("#!AMR\n")
	}
	for i, ft := range types {
		b.WriteByte(byte(ft<<3 | 0x04))
		for j := range max(sizes[ft], 0) {
			b.WriteByte(byte(i*7 + j*13))
		}
	}
	return b.Bytes()
}

// silkFile builds a WeChat SILK file of n frames of the given size,
// with WeChat's 0x02 prefix and the SDK's 0xFFFF end marker when asked.
func silkFile(prefix, marker bool, sizes ...int) []byte {
	var b bytes.Buffer
	if prefix {
		b.WriteByte(0x02)
	}
	b.WriteString("#!SILK_V3")
	for i, n := range sizes {
		binary.Write(&b, binary.LittleEndian, uint16(n))
		for j := range n {
			b.WriteByte(byte(i*31 + j))
		}
	}
	if marker {
		b.Write([]byte{0xFF, 0xFF})
	}
	return b.Bytes()
}

func repeat(v, n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// writeHandMade writes the samples no encoder on the machine makes.
func writeHandMade(t *testing.T) {
	files := map[string][]byte{
		"voice.amr":    amrFile(false, append(repeat(7, 45), 8, 15, 15, 15, 7)...), // 50 frames: 1 s
		"voice-wb.amr": amrFile(true, append(repeat(2, 28), 9, 15)...),             // 30 frames: 0.6 s
		"voice.silk":   silkFile(true, true, repeat(60, 75)...),                    // 75 frames: 1.5 s
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join("testdata", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFrameCounted(t *testing.T) {
	ms := time.Millisecond
	trunc := amrFile(false, 7, 7, 7)
	tests := []struct {
		name     string
		data     []byte
		dur      time.Duration
		problems []string
	}{
		{"amr nb 3 frames", amrFile(false, 7, 0, 15), 60 * ms, nil},
		{"amr nb no data", amrFile(false), 0, nil},
		{"amr nb truncated frame", trunc[:len(trunc)-3], 40 * ms, []string{ProblemTruncated}},
		{"amr nb reserved type", amrFile(false, 7, 13, 7), 20 * ms, []string{ProblemLostSync}},
		{"amr wb", amrFile(true, 8, 8, 9, 15), 80 * ms, nil},
		{"silk wechat", silkFile(true, true, 40, 41, 42), 60 * ms, nil},
		{"silk sdk", silkFile(false, false, 40, 41), 40 * ms, nil},
		{"silk truncated", silkFile(false, false, 40, 41)[:60], 20 * ms, []string{ProblemTruncated}},
		{"silk frame past the end", silkFile(false, false, 40, 5000)[:200], 20 * ms, []string{ProblemTruncated}},
		{"silk frame over the SDK's limit", append(silkFile(false, false, 40), append([]byte{0x00, 0x60}, make([]byte, 0x6000)...)...), 20 * ms, []string{ProblemLostSync}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := Read(bytes.NewReader(tt.data), int64(len(tt.data)), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if in.Duration != tt.dur || !in.DurationKnown {
				t.Errorf("duration %v, want %v", in.Duration, tt.dur)
			}
			if got := codes(in); !slices.Equal(got, tt.problems) {
				t.Errorf("problems %v, want %v", in.Problems, tt.problems)
			}
		})
	}
}

func codes(in *Info) []string {
	var c []string
	for _, p := range in.Problems {
		c = append(c, p.Code)
	}
	return c
}

// box builds an ISO BMFF box.
func box(typ string, payload ...[]byte) []byte {
	body := bytes.Join(payload, nil)
	b := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	return append(append(b, typ...), body...)
}

// boxSized builds a box whose size field says size, whatever it holds.
func boxSized(typ string, size uint32, payload []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, size)
	return append(append(b, typ...), payload...)
}

func u32(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint32(b, x)
	}
	return b
}

var ftypMP4 = box("ftyp", []byte("isom"), u32(512), []byte("isomiso2"))

func mvhd(timescale, duration uint32) []byte {
	return box("mvhd", u32(0, 3844994712, 3844994712, timescale, duration), make([]byte, 80))
}

func TestHostile(t *testing.T) {
	sample, err := os.ReadFile("testdata/faststart.mp4")
	if err != nil {
		t.Fatal(err)
	}
	moovAt := bytes.Index(sample, []byte("moov")) - 4
	deep := box("free")
	for range 200 {
		deep = box("udta", deep)
	}
	many := bytes.Repeat(box("free"), 200_001)
	id3 := append([]byte("ID3\x03\x00\x00\x7f\x7f\x7f\x7f"), make([]byte, 100)...)
	hugeStts := box("moov", mvhd(1000, 2000), box("trak", box("mdia",
		box("hdlr", u32(0, 0), []byte("vide"), make([]byte, 12)),
		box("minf", box("stbl", box("stts", u32(0, 0xFFFFFFFF), u32(30, 1001)))))))
	tests := []struct {
		name     string
		data     []byte
		lim      Limits
		problems []string
	}{
		{"box bigger than the file", append(ftypMP4, boxSized("moov", 1<<30, mvhd(1000, 2000))...), Limits{}, []string{ProblemBoxExceedsFile}},
		{"box smaller than its header", append(ftypMP4, boxSized("moov", 4, mvhd(1000, 2000))...), Limits{}, []string{ProblemBoxSize, ProblemNoMoov}},
		{"64-bit size bigger than the file", append(ftypMP4, append(u32(1), append([]byte("mdat"), u32(0xFFFFFFFF, 0xFFFFFFF0)...)...)...), Limits{}, []string{ProblemBoxExceedsFile, ProblemNoMoov}},
		{"child past its parent", append(ftypMP4, box("moov", boxSized("mvhd", 500, mvhd(1000, 2000)[8:]))...), Limits{}, []string{ProblemBoxExceedsBox, ProblemNoTracks}},
		{"deep nesting", append(ftypMP4, box("moov", deep)...), Limits{}, []string{ProblemTooDeep, ProblemNoTracks}},
		{"millions of boxes", append(ftypMP4, many...), Limits{}, []string{ProblemTooManyBoxes, ProblemNoMoov}},
		{"stts count beyond its box", append(ftypMP4, hugeStts...), Limits{}, []string{ProblemCountExceedsBox}},
		{"stts beyond the limit", append(ftypMP4, hugeStts...), Limits{MaxSttsEntries: 0x7FFFFFFF}, []string{ProblemCountExceedsBox}},
		{"cut inside moov", sample[:moovAt+200], Limits{}, []string{ProblemBoxExceedsFile}},
		{"huge ID3", id3, Limits{}, []string{ProblemTagExceedsFile}},
		{"ID3 and nothing", append([]byte("ID3\x03\x00\x00\x00\x00\x00\x10"), make([]byte, 300)...), Limits{}, []string{ProblemNoFrames}},
		{"wav data past the end", append([]byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data\x00\x00\x01\x00"), make([]byte, 16000)...), Limits{}, []string{ProblemTruncated}},
		{"wav without fmt", []byte("RIFF\x00\x00\x00\x00WAVEdata\x04\x00\x00\x00abcd"), Limits{}, []string{ProblemBadHeader}},
		{"ogg garbage after a page", append(oggPage(0, 2, []byte("OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00")), []byte("garbage garbage garbage garbage")...), Limits{}, []string{ProblemLostSync}},
		{"many problems", bytes.Repeat(append(ftypMP4[:0:0], box("udta", boxSized("free", 400, nil))...), 100), Limits{MaxProblems: 5}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			in, err := Read(bytes.NewReader(tt.data), int64(len(tt.data)), tt.lim)
			runtime.ReadMemStats(&after)
			if tt.name == "many problems" {
				if !errors.Is(err, ErrNotMedia) {
					t.Fatalf("err %v, want ErrNotMedia (udta cannot start a file)", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(in); !slices.Equal(got, tt.problems) {
				t.Errorf("problems %v, want %v", in.Problems, tt.problems)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("allocated %d bytes", alloc)
			}
		})
	}
}

func TestMaxProblems(t *testing.T) {
	// Every udta holds a free box claiming too much: one problem each.
	var moov []byte
	for range 100 {
		moov = append(moov, box("udta", boxSized("free", 400, nil))...)
	}
	data := append(ftypMP4, box("moov", moov)...)
	in, err := Read(bytes.NewReader(data), int64(len(data)), Limits{MaxProblems: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Problems) != 5 || in.Problems[4].Code != ProblemTooMany {
		t.Errorf("problems %v", in.Problems)
	}
}

// oggPage builds one Ogg page holding one packet.
func oggPage(granule int64, flags byte, packet []byte) []byte {
	b := []byte("OggS\x00")
	b = append(b, flags)
	b = binary.LittleEndian.AppendUint64(b, uint64(granule))
	b = binary.LittleEndian.AppendUint32(b, 7)
	b = binary.LittleEndian.AppendUint32(b, 0)
	b = binary.LittleEndian.AppendUint32(b, 0) // CRC, not checked
	var segs []byte
	n := len(packet)
	for n >= 255 {
		segs = append(segs, 255)
		n -= 255
	}
	segs = append(segs, byte(n))
	b = append(b, byte(len(segs)))
	b = append(b, segs...)
	return append(b, packet...)
}

func TestNotMedia(t *testing.T) {
	heic := box("ftyp", []byte("heic"), u32(0), []byte("mif1heic"))
	tests := map[string][]byte{
		"empty":      nil,
		"text":       []byte("交易单号,交易时间\n"),
		"png":        []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"jpeg":       {0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F'},
		"heic":       append(heic, box("meta", u32(0))...),
		"avif":       box("ftyp", []byte("avif"), u32(0), []byte("mif1avif")),
		"one frame":  {0xFF, 0xFB, 0x90, 0x64, 1, 2, 3},
		"riff avi":   []byte("RIFF\x00\x00\x00\x00AVI LIST"),
		"ftyp short": box("ftyp", []byte("is")),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if in, err := Read(bytes.NewReader(data), int64(len(data)), DefaultLimits); !errors.Is(err, ErrNotMedia) {
				t.Errorf("got %+v, %v; want ErrNotMedia", in, err)
			}
		})
	}
}

type failingReader struct {
	r io.Reader
	n int
}

var errDisk = errors.New("disk on fire")

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errDisk
	}
	p = p[:min(len(p), f.n)]
	n, err := f.r.Read(p)
	f.n -= n
	return n, err
}

// TestReadErrorIsAnError: a failing reader is an error, never ErrNotMedia
// or a problem of the file. Read may stop before the failure when it has
// what it needs (a CBR MP3's size gives its duration); then the caller's
// drain meets the error. Files read to their end must report it.
func TestReadErrorIsAnError(t *testing.T) {
	toEnd := map[string]bool{"adts.aac": true, "voice.amr": true, "voice-wb.amr": true, "voice.silk": true,
		"voice.opus": true, "tone.ogg": true, "moovend.mp4": true, "faststart.mp4": true}
	for _, f := range mediaFiles(t) {
		data, _ := os.ReadFile(f)
		for _, n := range []int{0, 5, 100, len(data) / 2} {
			_, err := Read(&failingReader{r: bytes.NewReader(data), n: n}, int64(len(data)), DefaultLimits)
			if (err != nil || toEnd[filepath.Base(f)]) && !errors.Is(err, errDisk) {
				t.Errorf("%s after %d bytes: err %v, want the reader's error", f, n, err)
			}
		}
	}
}

// TestUnknownSize reads the samples without their size: the same facts,
// except for a CBR MP3, which is then counted frame by frame.
func TestUnknownSize(t *testing.T) {
	for _, f := range mediaFiles(t) {
		data, _ := os.ReadFile(f)
		known := readFile(t, f)
		in, err := Read(bytes.NewReader(data), -1, DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		d := in.Duration - known.Duration
		if d < -30*time.Millisecond || d > 30*time.Millisecond || in.Container != known.Container {
			t.Errorf("%s: size unknown %v %s, known %v %s", f, in.Duration, in.Container, known.Duration, known.Container)
		}
	}
}

// TestPartialReads feeds the stream one byte at a time: the walker must
// not depend on how the reader splits it.
func TestPartialReads(t *testing.T) {
	for _, f := range mediaFiles(t) {
		data, _ := os.ReadFile(f)
		in, err := Read(&oneByte{data}, int64(len(data)), DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want := readFile(t, f)
		a, _ := json.Marshal(in)
		b, _ := json.Marshal(want)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: byte by byte\n%s\nwhole\n%s", f, a, b)
		}
	}
}

type oneByte struct{ b []byte }

func (o *oneByte) Read(p []byte) (int, error) {
	if len(o.b) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = o.b[0]
	o.b = o.b[1:]
	return 1, nil
}

func TestFrameRate(t *testing.T) {
	tests := []struct {
		samples, timescale, ticks uint64
		want                      string
		num, den                  int64
	}{
		{60, 30000, 60 * 1001, "29.97", 30000, 1001},
		{48, 24000, 48 * 1001, "23.976", 24000, 1001},
		{120, 60000, 120 * 1001, "59.94", 60000, 1001},
		{50, 12800, 50 * 512, "25", 25, 1},
		{7, 600, 7 * 20, "30", 30, 1},
		{3, 1000, 1000, "3", 3, 1000 / 1000},
		{1, 3, 1, "3", 3, 1},
		{2, 1, 3, "0.667", 2, 3},
	}
	for _, tt := range tests {
		var in Info
		in.setFrameRate(tt.samples, tt.timescale, tt.ticks)
		if in.FrameRate != tt.want || in.FrameRateNum != tt.num || in.FrameRateDen != tt.den {
			t.Errorf("%d×%d/%d: %q %d/%d, want %q %d/%d", tt.samples, tt.timescale, tt.ticks, in.FrameRate, in.FrameRateNum, in.FrameRateDen, tt.want, tt.num, tt.den)
		}
	}
}

func TestTicksToDuration(t *testing.T) {
	tests := []struct {
		ticks, scale uint64
		want         time.Duration
		ok           bool
	}{
		{2002, 1000, 2002 * time.Millisecond, true},
		{1001, 30000, 33366666, true},
		{1 << 63, 1 << 62, 2 * time.Second, true},
		{1<<64 - 1, 1<<64 - 1, time.Second, true},
		{1<<64 - 1, 1, 0, false},
		{5, 0, 0, false},
	}
	for _, tt := range tests {
		got, ok := ticksToDuration(tt.ticks, tt.scale)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%d/%d: %v %v, want %v %v", tt.ticks, tt.scale, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		zone bool
		ok   bool
	}{
		{"2025-11-03T14:05:12+0800", "2025-11-03T06:05:12Z", true, true},
		{"2025-11-03T14:05:12+08:00", "2025-11-03T06:05:12Z", true, true},
		{"2025-11-03T06:05:12Z", "2025-11-03T06:05:12Z", true, true},
		{"2025-11-03T06:05:12.000000Z", "2025-11-03T06:05:12Z", true, true},
		{"2025-11-03T14:05:12-0500", "2025-11-03T19:05:12Z", true, true},
		{"2025-11-03T14:05:12", "2025-11-03T14:05:12Z", false, true},
		{"2025-11-03 14:05:12", "2025-11-03T14:05:12Z", false, true},
		{"2025", "", false, false},
		{"yesterday", "", false, false},
		{"0000-01-01T00:00:00Z", "", false, false},
	}
	for _, tt := range tests {
		got, zone, ok := parseDate(tt.in)
		s := ""
		if ok {
			s = got.Format(time.RFC3339)
		}
		if s != tt.want || zone != tt.zone || ok != tt.ok {
			t.Errorf("%q: %q %v %v, want %q %v %v", tt.in, s, zone, ok, tt.want, tt.zone, tt.ok)
		}
	}
}

func TestParseISO6709(t *testing.T) {
	tests := []struct {
		in       string
		lat, lon float64
		ok       bool
	}{
		{"+31.2304+121.4737+004.000/", 31.2304, 121.4737, true},
		{"+22.5431+114.0579/", 22.5431, 114.0579, true},
		{"-33.8688+151.2093/", -33.8688, 151.2093, true},
		{"+91.0+000.0/", 0, 0, false},
		{"31.2,121.4", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		lat, lon, ok := parseISO6709(tt.in)
		if lat != tt.lat || lon != tt.lon || ok != tt.ok {
			t.Errorf("%q: %v %v %v", tt.in, lat, lon, ok)
		}
	}
}

func TestProblemCatalogue(t *testing.T) {
	all := ProblemCodes()
	if len(all) != 19 {
		t.Errorf("%d codes: %v", len(all), all)
	}
	for _, c := range all {
		p := Problem{Code: c}
		if p.Zh() == "" || p.En() == "" || !strings.HasSuffix(p.En(), ".") {
			t.Errorf("%s: zh %q en %q", c, p.Zh(), p.En())
		}
	}
	if got := fmt.Sprint(Problem{Code: ProblemTruncated, Offset: 7, Detail: "x"}); got != "truncated at 7: x" {
		t.Error(got)
	}
}

// qtText is a QuickTime user data text: length, language, text.
func qtText(typ, v string) []byte {
	b := binary.BigEndian.AppendUint16(nil, uint16(len(v)))
	b = binary.BigEndian.AppendUint16(b, 0x55c4)
	return box(typ, b, []byte(v))
}

// mdtaMeta is moov/meta with QuickTime keys and their values.
func mdtaMeta(kv ...string) []byte {
	var keys, items []byte
	for i := 0; i < len(kv); i += 2 {
		keys = append(keys, box("mdta", []byte(kv[i]))...)
		items = append(items, box(string(u32(uint32(i/2+1))), box("data", u32(1, 0), []byte(kv[i+1])))...)
	}
	return box("meta",
		box("hdlr", u32(0, 0), []byte("mdta"), make([]byte, 13)),
		box("keys", u32(0, uint32(len(kv)/2)), keys),
		box("ilst", items))
}

func TestCreationTimes(t *testing.T) {
	tests := []struct {
		name    string
		moov    []byte
		created string
		zone    bool
		source  string
		loc     string
	}{
		{"mvhd zero is unknown", box("moov", box("mvhd", u32(0, 0, 0, 1000, 2000), make([]byte, 80))), "", false, "", ""},
		{"mvhd", box("moov", mvhd(1000, 2000)), "2025-11-03T06:05:12Z", true, SourceMvhd, ""},
		{"quicktime wins over mvhd", box("moov", mvhd(1000, 2000), mdtaMeta("com.apple.quicktime.creationdate", "2024-01-02T03:04:05-0500")), "2024-01-02T08:04:05Z", true, SourceQuickTime, ""},
		{"quicktime without zone", box("moov", mdtaMeta("com.apple.quicktime.creationdate", "2024-01-02T03:04:05")), "2024-01-02T03:04:05Z", false, SourceQuickTime, ""},
		{"bad quicktime date falls back to mvhd", box("moov", mvhd(1000, 2000), mdtaMeta("com.apple.quicktime.creationdate", "soon")), "2025-11-03T06:05:12Z", true, SourceMvhd, ""},
		{"udta ©day and ©xyz (QuickTime text)", box("moov", box("udta", qtText("\xa9day", "2025-11-03T14:05:12"), qtText("\xa9xyz", "+22.5431+114.0579/"))), "2025-11-03T14:05:12Z", false, SourceUdta, "+22.5431+114.0579/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := append(append([]byte(nil), ftypMP4...), tt.moov...)
			in, err := Read(bytes.NewReader(data), int64(len(data)), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			created := ""
			if !in.Created.IsZero() {
				created = in.Created.Format(time.RFC3339)
			}
			if created != tt.created || in.CreatedZoneKnown != tt.zone || in.CreatedSource != tt.source || in.Location != tt.loc {
				t.Errorf("created %q zone %v source %q location %q, want %q %v %q %q", created, in.CreatedZoneKnown, in.CreatedSource, in.Location, tt.created, tt.zone, tt.source, tt.loc)
			}
		})
	}
}
