// Package web is the page of casebundle serve: a local web server over a
// workspace of case folders that does what init, add, check and build do,
// for people who do not use a terminal. It owns the pages (html/template),
// the little script and style they use and the word tables (zh, en), all
// embedded; it calls packages bundle, evidence and templates only through
// casebundle.go.
//
// The page is the command line's twin, not a second format: it writes the
// same case folders and the same case.yaml (edited as a YAML tree so that
// comments stay; a value read from the evidence and not yet confirmed
// carries a "待核对 prefilled … check it" comment), and a case made in the
// page builds to the same bytes with casebundle build and the same --time.
//
// Routes (every one behind the rules of security.go: Host, token or
// session cookie, and for changes Origin/Referer and the CSRF token):
//
//	GET  /                          the workspace: cases and their state, new case
//	POST /new                       make a case (casebundle init)
//	GET  /c/{case}/route            purpose, platform, complaint type, language
//	POST /c/{case}/route            save them in case.yaml
//	GET  /c/{case}/files            files and what was read from each
//	POST /c/{case}/upload           add files (multipart, streamed, bounded)
//	GET  /c/{case}/facts            parties, narrative, transactions, notes
//	POST /c/{case}/facts            save them in case.yaml
//	GET  /c/{case}/checklist        the route's materials and the deadlines
//	GET  /c/{case}/build            build, its result, pages and downloads
//	POST /c/{case}/build            start a build (409 while one runs)
//	GET  /c/{case}/build/status     the running build's progress (JSON)
//	GET  /c/{case}/get/{bundle}/... dossier volumes, papers, manifest.json, "zip"
//	GET  /c/{case}/thumb/{bundle}/N page N of the dossier as PNG (pdftoppm)
//	GET  /verify, POST /verify      verify a dropped bundle zip
//	GET  /api/txn?id=               the form of a transaction ID (JSON)
//	GET  /lang?to=zh|en             switch the page's language
//	GET  /static/{file}             style.css, app.js, font.ttf (the dossier's font)
//	GET  /qr.png                    the LAN address as a QR code (with --lan)
package web
