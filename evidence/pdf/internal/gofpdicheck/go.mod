module github.com/casebundle/casebundle/evidence/pdf/internal/gofpdicheck

go 1.26.8

// A separate module so that the check does not add gofpdi to the main
// go.mod; the dossier's integrator adds it there. gofpdf is the repository's
// patched copy, as in the main module.
replace github.com/jung-kurt/gofpdf => ../../../../third_party/gofpdf

require (
	github.com/jung-kurt/gofpdf v0.0.0-00010101000000-000000000000
	github.com/phpdave11/gofpdi v1.0.15
)

require github.com/pkg/errors v0.8.1 // indirect
