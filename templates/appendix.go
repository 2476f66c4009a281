package templates

import (
	"strings"
)

// drawAppendix draws 附录 哈希清单与核验方法: the manifest line for line,
// its digest, how to check both by hand, and the font licence.
func drawAppendix(dc *doc) {
	w := dc.w
	dc.newPage()
	dc.sectionHeading(SectionAppendix, 20)

	dc.subheading(w.manifestTitle, 12)
	dc.para(w.manifestIntro, sizeSmall, colText, 0)
	dc.setY(dc.y() + 1.5)
	if len(dc.d.Manifest) == 0 {
		dc.para(w.noManifest, sizeSmall, colMuted, 0)
	} else {
		var b strings.Builder
		for _, l := range dc.d.Manifest {
			b.WriteString(l.SHA256 + "  " + l.Path + "\n")
		}
		dc.codeBlock(strings.TrimSuffix(b.String(), "\n"), sizeTiny)
	}
	dc.setY(dc.y() + 3)
	dc.para(w.digestLabel, sizeSmall, colText, 0)
	dc.codeBlock(dash(dc.d.ManifestSHA256), sizeSmall)
	if ts := dc.d.Timestamp; ts != nil {
		dc.setY(dc.y() + 1.5)
		dc.para(w.trustedTime+dc.colon()+dc.trusted(), sizeSmall, colText, 0)
	}

	dc.setY(dc.y() + 6)
	dc.subheading(w.verifyTitle, 20)
	dc.para(w.verifyIntro, sizeSmall, colText, 0)
	dc.setY(dc.y() + 2)
	step := func(label, cmd string) {
		dc.ensure(lineHeight(sizeSmall)*2 + 8)
		dc.para(label, sizeSmall, colText, 0)
		dc.setY(dc.y() + 1)
		dc.codeBlock(cmd, sizeSmall)
		dc.setY(dc.y() + 2.5)
	}
	step(w.verifyStep1, "cd "+w.bundleDir+"\nsha256sum -c manifest-sha256.txt\nsha256sum -c tagmanifest-sha256.txt")
	step(w.verifyStep2, "casebundle verify "+w.bundleDir)
	if dc.d.Timestamp != nil {
		step(w.verifyStep3, "openssl ts -verify -data manifest-sha256.txt -in timestamp.tsr -CAfile "+w.tsaCA)
	}
	step(w.verifyDigest, "sha256sum manifest-sha256.txt")

	dc.ocrAppendix()

	dc.setY(dc.y() + 4)
	dc.subheading(w.licenceTitle, 12)
	dc.para(w.fontNote, sizeSmall, colText, 0)
}
