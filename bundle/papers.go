package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/casebundle/casebundle/templates"
)

// ManifestPaper is one file of the papers to file (build --papers) in
// manifest.json: the paper's title, its path in the bundle and its
// SHA-256. The papers are never evidence: they live under papers/, are
// listed in the tag manifest, and never in data/ or manifest-sha256.txt.
type ManifestPaper struct {
	Name   string `json:"name"`
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// addPapers draws the papers of the case (build --papers) after the
// dossier, whose layout gives each exhibit's pages, and hands every file
// to the tag files the build writes and lists in tagmanifest-sha256.txt;
// manifest.json gets the list. It does nothing when the dossier carries
// no papers facts, so a bundle without --papers stays as it was.
func addPapers(bundleDir string, d *templates.Dossier, layout *templates.Layout, m *Manifest, tags map[string][]byte) error {
	if d.Papers == nil {
		return nil
	}
	files, err := templates.RenderPapers(d, layout)
	if err != nil {
		return fmt.Errorf("write the papers: %w", err)
	}
	m.Papers = []ManifestPaper{}
	for _, f := range files {
		if path.Clean(f.Path) != f.Path || !strings.HasPrefix(f.Path, templates.PapersDir+"/") {
			return fmt.Errorf("write the papers: %q is outside %s/", f.Path, templates.PapersDir)
		}
		if _, dup := tags[f.Path]; dup {
			return fmt.Errorf("write the papers: %s twice", f.Path)
		}
		if err := os.MkdirAll(filepath.Join(bundleDir, filepath.FromSlash(path.Dir(f.Path))), 0o755); err != nil {
			return fmt.Errorf("write the papers: %w", err)
		}
		tags[f.Path] = f.Data
		sum := sha256.Sum256(f.Data)
		m.Papers = append(m.Papers, ManifestPaper{Name: f.Name, File: f.Path, SHA256: hex.EncodeToString(sum[:])})
	}
	return nil
}
