// Package samplegen draws sample evidence for tests, benchmarks and the demo
// case: phone screenshots of WeChat screens, photos with real EXIF, and PNG
// files at the edges of what decoders accept (16-bit, alpha, truncated, a
// header claiming a huge size).
//
// Everything is deterministic: the same call returns the same pixels and the
// same encoded bytes on every run, so files generated from it can be committed
// and compared byte for byte. WriteDemoCase writes testdata/democase, and a
// test checks that the committed copy matches what the generator makes.
//
// Text is drawn with the project's embedded font (fonts.MicroHei), the same
// one the dossier uses, so the samples contain real Chinese glyphs.
package samplegen
