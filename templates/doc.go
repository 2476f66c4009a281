// Package templates draws the PDF dossier of a case: the cover, the
// narrative, the loss table, the chronology, the evidence index with real
// page numbers, the checklist, one section per exhibit and the appendix
// with the manifest and how to verify it by hand.
//
// RenderVolumes is the one entry point. bundle fills a Dossier; RenderVolumes lays it out
// twice (the first pass learns the page count and where every exhibit
// lands, the second prints them) and reports the pages in a Layout for
// manifest.json. The same Dossier always gives the same bytes.
//
// Each page type has its own file (cover.go, index.go, exhibit_image.go,
// …); words.go holds every fixed string in Chinese and English; text.go
// cleans and wraps text (gofpdf's own wrapping loses hanzi and its font code
// panics on emoji); table.go draws wrapped tables that repeat their header
// across pages; imageprep.go makes every image acceptable to gofpdf before
// gofpdf sees it; pdf.go sets up the document, the header, the footer and
// the bookmarks, and lists the sections of each route.
package templates
