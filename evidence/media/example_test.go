package media_test

import (
	"crypto/sha256"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/casebundle/casebundle/evidence/media"
)

// Read a screen recording while hashing it, in one pass.
func ExampleRead() {
	f, err := os.Open("testdata/iphone.mov")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		log.Fatal(err)
	}
	h := sha256.New()
	tee := io.TeeReader(f, h)
	info, err := media.Read(tee, st.Size(), media.DefaultLimits)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := io.Copy(h, f); err != nil { // what Read left unread
		log.Fatal(err)
	}
	fmt.Println(info.Container, info.Kind, info.Duration, info.Codecs)
	fmt.Printf("%dx%d at %s fps, turned %d°\n", info.Width, info.Height, info.FrameRate, info.Rotation)
	fmt.Println("created", info.Created.Format(time.RFC3339), "from", info.CreatedSource, "as written:", info.CreatedWritten)
	fmt.Println("at", info.Latitude, info.Longitude, "by", info.Make, info.Model)
	// Output:
	// mov video 500ms [avc1 mp4a]
	// 48x64 at 30 fps, turned 90°
	// created 2025-11-03T06:05:12Z from quicktime as written: 2025-11-03T14:05:12+0800
	// at 31.2304 121.4737 by Apple iPhone 15
}

// A WeChat voice message: SILK frames of 20 ms each.
func ExampleRead_silk() {
	f, err := os.Open("testdata/voice.silk")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	info, err := media.Read(f, -1, media.DefaultLimits)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Container, info.Kind, info.Duration, len(info.Problems), "problems")
	// Output: silk audio 1.5s 0 problems
}

// The times a contact sheet takes its frames at, and their labels.
func ExampleFrameOffsets() {
	for _, off := range media.FrameOffsets(90*time.Second, 5) {
		fmt.Print(media.FormatOffset(off), " ")
	}
	fmt.Println()
	// Output: 0:15.000 0:30.000 0:45.000 1:00.000 1:15.000
}

// Where ffmpeg is missing, the dossier says how to get the frames.
func ExampleFindFFmpeg() {
	ffmpeg, err := media.FindFFmpeg()
	if err != nil {
		fmt.Println(media.FFmpegHintEn)
		return
	}
	_ = ffmpeg // media.ContactSheet(ctx, ffmpeg, file, info.Duration, 12)
}
