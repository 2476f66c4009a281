package image

import (
	"bytes"
	"errors"
	"fmt"
	stdimage "image"
	_ "image/gif"  // register the GIF decoder
	_ "image/jpeg" // register the JPEG decoder
	_ "image/png"  // register the PNG decoder
	"io"

	_ "golang.org/x/image/webp" // register the WebP decoder
)

// Config reads the size an image's header claims (PNG, JPEG, GIF, WebP)
// from the first bytes of the file, without decoding the pixels.
func Config(head []byte) (width, height int, err error) {
	cfg, _, err := stdimage.DecodeConfig(bytes.NewReader(head))
	if err != nil {
		return 0, 0, err
	}
	return cfg.Width, cfg.Height, nil
}

// Check proves that the image is readable. A PNG is checked without
// being decoded (see checkPNG); any other format is decoded whole. A decoder
// that panics on hostile input is reported as an error, not a crash.
func Check(r io.Reader, format string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("decoder failed: %v", p)
		}
	}()
	if format == "png" {
		err = checkPNG(r)
	} else {
		_, _, err = stdimage.Decode(r)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errors.New("unexpected end of data")
	}
	return err
}
