// Package templates draws the PDF dossier of a case: the cover, the
// narrative, the loss table, the chronology, the deadlines, the evidence
// index with real page numbers, the checklist, one section per exhibit and
// the appendix with the manifest and how to verify it by hand.
//
// RenderVolumes is the one entry point. bundle fills a Dossier;
// RenderVolumes splits it into volumes when a size limit is given (0: one
// volume), lays each volume out twice (the first pass learns the page count
// and where every exhibit lands, the second prints them) and reports the
// pages in a Layout for manifest.json. The same Dossier always gives the
// same bytes.
//
// # Sections
//
// A route (civil, police, complaint; routeFor in pdf.go) is a list of
// sections, each named by a SectionID: SectionCover, SectionNarrative,
// SectionLosses, SectionChronology, SectionDeadlines, SectionIndex,
// SectionChecklist, SectionExhibits, SectionAppendix. The routes differ in
// the cover and the index they draw, not in the sections. A section starts
// with dc.sectionHeading(id) (or dc.sectionBookmark(id) when it has no
// heading of its own), which draws words.headings[id] and remembers the
// page for the contents on the cover and for "see page N" references; code
// finds a section by its ID, never by its translated heading.
//
// # Words
//
// Every fixed string of the dossier, in Chinese and in English, is a field
// of one struct, words (words.go), with one value per language: zhWords in
// words_zh.go and enWords in words_en.go. Headings, column labels, notes,
// the chat, bill and volume wording, the chat transfer states, the reasons
// an image is not drawn (keyed by imageProblem), and the forms that differ
// by language (the colon after a label, the bracket around a remark, the
// currency, how exhibit numbers are listed, which of a finding's two texts
// is shown) all live there; the page files hold no language branches and
// no Chinese or English text of their own. Language-neutral notation stays
// in the page files: "—" for nothing, "SHA-256", the shell commands of the
// appendix, "×" in image sizes, and the Chinese samples that size the
// columns of a bill (the bill's own values are Chinese).
//
// To add a word: add a field to words, then set it in both words_zh.go and
// words_en.go. words_test.go fails while either is missing: every string
// must be non-empty (unless tagged words:"blank-ok", and then set in at
// least one language), every func non-nil, every number non-zero, every
// map non-empty with no empty value and the same keys in both languages.
// A new section is a SectionID constant, an entry in sectionIDs and a
// heading in both headings maps.
//
// # Files
//
// Each page type has its own file (cover.go, complaint.go, index.go,
// civil.go, exhibit_image.go, exhibit_chat.go, exhibit_bill.go, …);
// text.go cleans and wraps text (gofpdf's own wrapping loses hanzi and its
// font code panics on emoji); table.go draws wrapped tables that repeat
// their header across pages; imageprep.go makes every image acceptable to
// gofpdf before gofpdf sees it; volume.go plans and draws volumes; pdf.go
// sets up the document, the header, the footer and the bookmarks, and
// lists the sections of each route. Times are shown in tz.Shanghai
// (UTC+8), amounts through words.money.
//
// # Papers to file
//
// RenderPapers (papers.go) writes, from the same Dossier and the Layout
// RenderVolumes reported, the documents a victim files: the 民事起诉状 in
// the element style of the courts' model forms, the 调查取证申请书 when the
// payee's real name or ID number is unknown, the 财产保全申请书 when the
// payee's account is known, the 证据清单, the 催告函, the 报案书, the
// 电子数据清单 and the complaint pack (text, images, 12315 fields). The
// facts only they need are Dossier.Papers (PapersFacts). Each paper is a
// list of blocks (papers_model.go) drawn as a PDF (papers_pdf.go) and as a
// .docx (papers_docx.go, internal/docx) from the same strings; interest is
// integer arithmetic at the user's rate only (papers_interest.go); a fact
// the case lacks is a blank line with a note, and drawPaperNeeds
// (papers_checklist.go) lists those in the checklist when papers are made.
// Their words are the p… fields of words.
package templates
