package ocr

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// cacheFormat is written into every entry; an entry of another format is
// a miss. Bump it when Page changes meaning.
const cacheFormat = "casebundle-ocr-cache/1"

// maxCacheEntry bounds the size of an entry read back.
const maxCacheEntry = 32 << 20

// Cache keeps pages read before, one JSON file per image, engine version
// and settings. Entries are written to a temporary name and renamed, so
// that processes sharing the directory never see half an entry; an entry
// that does not parse, or is for another key, is treated as missing and
// read again.
type Cache struct {
	Dir string
}

// OpenCache returns the cache in dir, or in the user's cache directory
// (os.UserCacheDir()/casebundle/ocr) when dir is empty, creating it.
func OpenCache(dir string) (*Cache, error) {
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("OCR cache: %w", err)
		}
		dir = filepath.Join(base, "casebundle", "ocr")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("OCR cache: %w", err)
	}
	return &Cache{Dir: dir}, nil
}

// Key is the cache key of an image (its SHA-256, hex) read by an engine:
// a hash of the image hash, the engine version, its languages and the
// settings.
func (c *Cache) Key(imageSHA256 string, info Info) string {
	cfg, _ := json.Marshal(info) // plain structs: cannot fail
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n", cacheFormat, imageSHA256, cfg)
	return hex.EncodeToString(h.Sum(nil))
}

type cacheEntry struct {
	Format string `json:"format"`
	Key    string `json:"key"`
	Page   *Page  `json:"page"`
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.Dir, key[:2], key+".json")
}

// Get returns the cached page for key.
func (c *Cache) Get(key string) (*Page, bool) {
	if len(key) < 2 {
		return nil, false
	}
	f, err := os.Open(c.path(key))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCacheEntry+1))
	if err != nil || len(data) > maxCacheEntry {
		return nil, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Format != cacheFormat || e.Key != key || e.Page == nil {
		return nil, false
	}
	return e.Page, true
}

// Put stores page under key.
func (c *Cache) Put(key string, page *Page) error {
	if len(key) < 2 {
		return fmt.Errorf("OCR cache: bad key %q", key)
	}
	data, err := json.Marshal(cacheEntry{Format: cacheFormat, Key: key, Page: page})
	if err != nil {
		return err
	}
	dir := filepath.Dir(c.path(key))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), c.path(key)); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
