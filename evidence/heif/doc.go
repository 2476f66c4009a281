// Package heif reads the HEIF photos iPhones save (.heic, also .heif and
// the AVIF variant of the format) and decodes their primary picture in pure
// Go. It owns the ISO base media file structure of such a file and nothing
// else: it knows no Item, no finding and no bundle, and imports neither.
//
// # Probe
//
// Probe (ProbeBytes for a byte slice) reads what the evidence reader needs
// without decoding a pixel: the brand (ftyp: heic, heix, mif1, msf1,
// avif...), the primary item (pitm) and its type, how many images the file
// holds (Items: a burst or a Live-Photo-style file holds several, a plain
// photo 1; tiles, thumbnails, alpha and depth planes are not counted), the
// primary's size (ispe, or for a grid the grid's output size), its rotation
// and mirroring (irot, imir) and the EXIF orientation they amount to, its
// bit depth (pixi), whether it has an alpha plane (auxl with auxC), and its
// Exif item, located through iloc (in the file or in idat) and returned
// from the TIFF header on.
//
// Probe is bounded by Limits: it reads the top-level box headers, the meta
// box (at most MaxMetaBytes) and the Exif and grid items, never the coded
// pictures. Every box size is checked against its container, every extent
// against the file (or idat), every count against the bytes that would
// hold it, before anything is allocated. A primary (or any grid tile, or
// the picture an HEVC stream codes, read from the sequence parameter set
// in hvcC) over MaxPixels is refused with a *SizeError (ErrTooLarge); an
// ispe that disagrees with the HEVC stream, a grid whose tiles do not
// cover its output, a derivation loop, are ErrCorrupt. FuzzProbe checks
// that no input makes Probe panic or accept more than its limits.
//
// # Decode
//
// Decode probes, then decodes the primary HEVC picture (or grid of HEVC
// tiles) with github.com/gen2brain/heic: libheif and libde265 compiled to
// WebAssembly and run by wazero, embedded in the binary, no cgo. The module
// is compiled once per process and a fresh instance runs each decode; the
// picture is copied out of the instance, so nothing keeps its memory once
// Decode returns. Decodes run one at a time. The picture Decode returns is
// upright (libheif applies irot and imir) and its bounds are checked
// against DisplayWidth × DisplayHeight. AVIF files are probed but not
// decoded (ErrUnsupported).
//
// gen2brain/heic prefers a system libheif.so over its WebAssembly when a
// dynamically linked binary finds one (Debian's libheif-dev installs it).
// That would make the picture depend on the host, so build and test with
// -tags nodynamic; Engine reports which is in use and a test insists on
// "wasm". Importing this package also registers gen2brain/heic with the
// standard image package for files whose major brand is heic: callers must
// send HEIF files to Decode before image.DecodeConfig or image.Decode sees
// them, or those would decode them without Probe's limits.
//
// A grid primary of 8-bit 4:2:0 tiles (what iPhones write) is decoded tile
// by tile instead: each tile's coded data is wrapped in a one-picture HEIF
// file of its own and decoded in a fresh instance, and the planes are
// pasted into the output and turned upright here (tiles.go). The memory
// of a decode is then the picture itself and one tile's decoder.
//
// Measured on a 4032×3024 (12-megapixel) photo, as one HEVC picture and as
// an iPhone's 8×6 grid of 512×512 tiles (TestMeasureDecode): compiling the
// module costs about 40 MiB and 1.5-3 s once per process; each decode
// about 3-5 s of CPU. Decoded whole, a decode peaks at 282-300 MiB of Go
// heap and 315 MiB of resident memory, about 25 bytes per pixel, so a
// 48-megapixel "HEIF Max" photo would need about 1.2 GB; the grid decoded
// tile by tile peaks at 101 MiB of Go heap and 91 MiB of resident memory
// (see DecodeBytes, the amount to ask of the image budget). Three decodes
// of a file gave identical pixels.
//
// gen2brain/heic v0.4.5 freed its output buffer before copying the
// picture out of the instance, so the allocator's links overwrote the
// first 24 bytes of the luma plane (the top-left pixels of every picture,
// and of every tile). third_party/heic is that module with the copy made
// first; TestDecodeFirstPixels holds it.
//
// # How the evidence package uses it
//
//   - Detection: a file whose bytes 4-8 are "ftyp" and whose brand is one of
//     Probe's goes to Probe; ErrNotHEIF means it is not a picture after all
//     (an MP4 has ftyp too).
//   - Size: a *SizeError (errors.As) gives the claimed width and height for
//     the "image too large" finding; the image is then not decoded.
//   - Budget: acquire info.DecodeBytes(len(data)) bytes from the process's
//     image budget around Decode, instead of the 4 × width × height asked
//     for other formats, and do not acquire again inside.
//   - EXIF: Info.Exif is a TIFF blob that the evidence package's EXIF reader
//     (goexif's Decode) takes as it is, giving capture time, zone,
//     camera and GPS as for a JPEG. The EXIF Orientation tag in it is
//     informative only: a HEIF picture's orientation is irot/imir, already
//     applied by Decode, so the dossier must not turn the decoded picture
//     again (Info.Orientation says what was applied).
//   - Multi-image files: show the primary picture and say that the file
//     holds Info.Items images when Items > 1.
//   - Dossier: the decoded picture is a YCbCr image; encode it as JPEG for
//     the PDF like any other photo. The original file stays the evidence.
package heif
