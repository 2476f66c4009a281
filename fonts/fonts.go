// Package fonts embeds the one font casebundle draws with: WenQuanYi Micro
// Hei (face 0 of the Debian collection, as a plain TrueType file). It covers
// ASCII, Latin-1, CJK punctuation and every GB2312/GBK hanzi, so Chinese and
// English text share it. Licence: Apache-2.0; the text is LICENSE-Apache-2.0.txt
// beside this file. It is not embedded: the dossier's appendix names the
// font, its copyright and the licence with the licence's address.
package fonts

import _ "embed"

// Family is the name under which the font is registered in a PDF.
const Family = "wqy"

// MicroHei is the TrueType font file.
//
//go:embed wqy-microhei.ttf
var MicroHei []byte
