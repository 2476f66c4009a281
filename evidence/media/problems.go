package media

import (
	"fmt"
	"sort"
)

// Problem is one thing wrong with a recording's container: data for the
// manifest and the dossier, never a reason to drop the file, which is kept
// byte for byte whatever Read finds.
type Problem struct {
	// Code is one of the Problem* constants, a stable name for manifests.
	Code string `json:"code"`
	// Offset is the byte offset in the file where it was found, or -1.
	Offset int64 `json:"offset"`
	// Detail says what was found, in English, with the numbers.
	Detail string `json:"detail,omitempty"`
}

// Problem codes. The list is stable: manifests keep these names.
const (
	ProblemTruncated       = "truncated"             // the file ends inside a box, frame or page
	ProblemBoxSize         = "bad_box_size"          // a box is smaller than its own header
	ProblemBoxExceedsFile  = "box_exceeds_file"      // a box claims more bytes than the file holds
	ProblemBoxExceedsBox   = "box_exceeds_parent"    // a box claims more than the box holding it
	ProblemTooDeep         = "too_deep"              // boxes nested deeper than Limits.MaxDepth
	ProblemTooManyBoxes    = "too_many_boxes"        // more than Limits.MaxBoxes boxes
	ProblemTooManyTracks   = "too_many_tracks"       // more than Limits.MaxTracks tracks
	ProblemCountExceedsBox = "count_exceeds_box"     // a table's entry count is more than its box holds
	ProblemTableTooLong    = "table_too_long"        // an stts table longer than Limits.MaxSttsEntries
	ProblemMetaTooLarge    = "meta_too_large"        // a metadata box larger than Limits.MaxMeta
	ProblemNoMoov          = "no_moov"               // an ISO BMFF file without a movie box
	ProblemNoTracks        = "no_av_tracks"          // a movie without audio or video tracks
	ProblemDurationRange   = "duration_out_of_range" // a duration beyond 290 years or a zero timescale
	ProblemBadTime         = "bad_time"              // a creation date that is not a date
	ProblemTagExceedsFile  = "tag_exceeds_file"      // an ID3 tag larger than the file
	ProblemNoFrames        = "no_frames"             // no audio frame where one must start
	ProblemLostSync        = "lost_sync"             // a frame or page header is not where the previous one ends
	ProblemBadHeader       = "bad_header"            // a format header (fmt chunk, Ogg id header) that makes no sense
	ProblemTooMany         = "too_many_problems"     // more problems than Limits.MaxProblems
)

// problemText is the catalogue: every code with its Chinese and English
// sentence for the dossier.
var problemText = map[string][2]string{
	ProblemTruncated:       {"文件在结构中途结束（不完整或被截断），时长可能不全。", "The file ends in the middle of its structure (incomplete or cut off); the duration may be short."},
	ProblemBoxSize:         {"容器中有一个长度小于其头部的盒子，其后的内容无法读取。", "A box is smaller than its own header; what follows it cannot be read."},
	ProblemBoxExceedsFile:  {"容器中有一个盒子声称的长度超过文件本身：文件被截断或长度字段不实。", "A box claims more bytes than the file holds: the file is cut off or the size is false."},
	ProblemBoxExceedsBox:   {"容器中有一个盒子超出了包含它的盒子。", "A box runs past the end of the box that holds it."},
	ProblemTooDeep:         {"盒子嵌套过深，超出部分未读取。", "Boxes are nested too deep; the deeper ones were not read."},
	ProblemTooManyBoxes:    {"盒子数量过多，其余部分未读取。", "There are too many boxes; the rest were not read."},
	ProblemTooManyTracks:   {"轨道数量过多，其余轨道未读取。", "There are too many tracks; the rest were not read."},
	ProblemCountExceedsBox: {"表的条目数超过其盒子能容纳的数量。", "A table claims more entries than its box holds."},
	ProblemTableTooLong:    {"时间表条目过多，未计算帧率。", "The timing table is too long; the frame rate was not computed."},
	ProblemMetaTooLarge:    {"元数据盒子过大，未读取。", "A metadata box is too large and was not read."},
	ProblemNoMoov:          {"文件中没有影片头（moov），无法读取时长和编码。", "The file has no movie box (moov): duration and codecs cannot be read."},
	ProblemNoTracks:        {"文件中没有音频或视频轨道。", "The file has no audio or video track."},
	ProblemDurationRange:   {"记录的时长不合理（时间刻度为零或过大）。", "The recorded duration is impossible (zero timescale or too large)."},
	ProblemBadTime:         {"记录的创建时间不是有效的日期。", "The recorded creation time is not a valid date."},
	ProblemTagExceedsFile:  {"ID3 标签声称的长度超过文件本身。", "The ID3 tag claims more bytes than the file holds."},
	ProblemNoFrames:        {"找不到音频帧。", "No audio frame was found."},
	ProblemLostSync:        {"音频帧或页面不连续，其后的部分未计入时长。", "A frame or page is not where the previous one ends; what follows is not counted in the duration."},
	ProblemBadHeader:       {"文件头信息自相矛盾，时长或编码可能读错。", "A format header makes no sense; duration or codec may be wrong."},
	ProblemTooMany:         {"问题过多，其余未列出。", "There are more problems than listed."},
}

// Zh is the problem's sentence in Chinese for the dossier.
func (p Problem) Zh() string { return problemText[p.Code][0] }

// En is the problem's sentence in English for the dossier.
func (p Problem) En() string { return problemText[p.Code][1] }

// String is the code, the offset and the detail, for logs and tests.
func (p Problem) String() string {
	if p.Offset < 0 {
		return fmt.Sprintf("%s: %s", p.Code, p.Detail)
	}
	return fmt.Sprintf("%s at %d: %s", p.Code, p.Offset, p.Detail)
}

// ProblemCodes lists every code, sorted, for a test or a manifest schema.
func ProblemCodes() []string {
	codes := make([]string, 0, len(problemText))
	for c := range problemText {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}
