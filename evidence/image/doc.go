// Package image checks the pictures of a case without trusting them: what a
// PNG's header says (ParsePNGHeader), the size any supported header claims
// (Config), whether the whole image decodes (Check: a PNG is walked chunk
// by chunk with its data inflated and counted, without the pixels), and
// what a photo's EXIF records (ReadEXIF: capture time and zone,
// orientation, camera, GPS).
//
// It reports facts and errors only; the package evidence turns them into an
// item's metadata and findings. PNG, JPEG, GIF and WebP are read; HEIF and
// AVIF are left to a reader of their own.
package image
