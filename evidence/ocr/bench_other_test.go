//go:build !unix

package ocr

import "time"

func childCPU() time.Duration { return 0 }
