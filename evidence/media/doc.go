// Package media reads the container of a recording or a video: what kind
// it is, how long it plays, its codecs, picture size and frame rate, and
// the creation time the file records. It also makes a contact sheet of a
// video's frames with ffmpeg. It is a leaf: it knows one file and nothing
// of items, findings, bundles or PDFs.
//
// # Reading
//
// Read takes the file as a one-pass stream, the same stream the caller
// hashes, and never seeks. It walks the container as the bytes come,
// reads the few header fields it needs and reads payloads (the media data)
// through in 1 MiB blocks. It may stop before the end of the stream and it
// buffers ahead, so a caller that hashes drains the reader afterwards:
//
//	h := sha256.New()
//	tee := io.TeeReader(f, h)
//	info, err := media.Read(tee, size, media.DefaultLimits)
//	io.Copy(h, f) // whatever Read left
//
// A caller that already holds the first bytes of the file passes
// io.MultiReader(bytes.NewReader(head), rest).
//
// Read returns ErrNotMedia for a file it does not recognise, including
// HEIF and AVIF photos, which are ISO BMFF files too. For a file it
// recognises it returns an Info, and what is wrong with the file (a box
// whose size lies, a file cut short, a table longer than Limits allow) is
// in Info.Problems, each with a stable code and a sentence in Chinese and
// English (Problem.Zh, Problem.En) for the dossier. The error is non-nil
// otherwise only when the underlying reader fails.
//
// Formats, and where the numbers come from:
//
//   - ISO BMFF and QuickTime (.mp4, .mov, .3gp, .m4a; Container "mp4",
//     "mov", "3gp", "m4a" from the ftyp brand): duration from mvhd (or the
//     longest mdhd when mvhd has none), per track tkhd (id, rotation),
//     mdhd (timescale, duration), hdlr (vide, soun, …) and the first
//     stsd entry (codec fourcc, width and height, sample rate and
//     channels, corrected by the AAC configuration in esds); the average
//     frame rate of the first video track from stts (samples × timescale ÷
//     ticks, reduced: 30000/1001 is "29.97"); the creation time from
//     com.apple.quicktime.creationdate in moov/meta keys and ilst (the
//     zone as written), else mvhd (seconds since 1904 in UTC, 0 meaning
//     unknown), else ©day in udta or iTunes metadata; the location from
//     com.apple.quicktime.location.ISO6709 or ©xyz; make, model and
//     software from the QuickTime keys. A moov after mdat is read like one
//     before it.
//   - MP3 (and MPEG layers 1 and 2), optionally after ID3v2 tags: the
//     first frame header gives rate and channels; the duration is the
//     frame count of a Xing, Info or VBRI header × samples per frame, else
//     (constant bitrate) the bytes after the tags over the byte rate, else
//     (size unknown) the frames counted to the end.
//   - AAC in ADTS frames (.aac): every frame counted, 1024 samples per raw
//     data block.
//   - AMR-NB and AMR-WB ("#!AMR\n", "#!AMR-WB\n"): every frame counted
//     from its frame type, 20 ms each.
//   - WAV: the fmt chunk's byte rate and the data chunk's size.
//   - Ogg with Opus or Vorbis: the identification header, and the granule
//     position of the first stream's last page (Opus: at 48 kHz, less the
//     pre-skip, so 6.5 ms shorter than ffprobe's duration, which counts
//     the pre-skip).
//   - WeChat voice messages in SILK ("#!SILK_V3", after a 0x02 byte in
//     WeChat's files): every length-prefixed frame counted, 20 ms each,
//     WeChat's packet size; the file does not record its sample rate.
//
// Durations are computed from the integers in the file (ticks over a
// timescale, frames × a frame length) and exact to the nanosecond.
// Nothing is transcribed: what is said in a recording is not read.
//
// # Times
//
// Info.Created is in UTC. CreatedZoneKnown is false when the file wrote a
// date without a zone: Created then holds the wall-clock reading in
// time.UTC, the phone's local time, not an instant, to be shown as such.
// mvhd times are UTC by the standard (CreatedZoneKnown true), though some
// cameras write local time there; the QuickTime creationdate, which iOS
// writes as "2025-11-03T14:05:12+0800", is preferred because it is the
// capture time with its zone, whereas mvhd is rewritten by every export.
// MvhdCreated keeps mvhd's time in any case.
//
// # Bounds
//
// Every size field is checked against the box holding it and against the
// file's size before it is used, and nothing is allocated from one beyond
// Limits.MaxMeta (default 1 MiB) plus fixed buffers. Tables are read entry
// by entry, never whole: an stts claiming four billion entries costs what
// its box really holds, at most Limits.MaxSttsEntries. Nesting, box
// counts and tracks are bounded by Limits; FuzzRead exercises all of it.
//
// # Contact sheets
//
// ContactSheet runs ffmpeg (FindFFmpeg: $CASEBUNDLE_FFMPEG, else PATH;
// an *FFmpegMissingError naming `apt-get install ffmpeg` / `brew install
// ffmpeg` otherwise, with FFmpegHintZh/En for the dossier) once per frame
// and returns at most 12 PNG frames, 480 px wide, at the offsets
// FrameOffsets gives: k·d/(n+1) for k = 1…n, which leaves out the first
// frame (often black) and the end. FormatOffset writes the label
// ("0:07.500"). Frames are byte-identical from run to run for one file and
// one ffmpeg. They are a view: the video file is the evidence, and the
// dossier's caption should say so.
//
// # For the integrator
//
// The item reader calls Read when its content sniffing says audio or
// video (or the extension is one of the above), maps Info.Problems to
// findings by Code, puts Created on the chronology (with
// CreatedZoneKnown), and shows Duration, Codecs, Width×Height, FrameRate
// and where the file lies in data/ on the exhibit page. The dossier calls
// FindFFmpeg once per build and ContactSheet per video, with the bundle's
// copy of the file and Info.Duration; Info.Rotation says whether the
// frames (which ffmpeg already turns upright) come from a portrait video.
package media
