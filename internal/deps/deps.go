//go:build tools

// Package deps pins the modules the project uses so that go mod tidy keeps
// them while packages that import them are being written.
package deps

import (
	_ "github.com/disintegration/imaging"
	_ "github.com/gabriel-vasile/mimetype"
	_ "github.com/jung-kurt/gofpdf"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/rwcarlsen/goexif/exif"
	_ "github.com/urfave/cli/v2"
	_ "github.com/xuri/excelize/v2"
	_ "golang.org/x/text/encoding/simplifiedchinese"
	_ "gopkg.in/yaml.v3"
)
