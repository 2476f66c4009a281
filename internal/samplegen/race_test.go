//go:build race

package samplegen

func init() { raceEnabled = true }
