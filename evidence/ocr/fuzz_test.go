package ocr

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func FuzzParseTSV(f *testing.F) {
	f.Add([]byte(tsvHead + "5\t1\t1\t1\t1\t1\t98\t1155\t96\t48\t96.3\t交易单号\n"))
	f.Add([]byte(tsvHead + "1\t1\t0\t0\t0\t0\t0\t0\t1170\t2532\t-1\t\n"))
	f.Add([]byte("level\n"))
	if files, _ := filepath.Glob(filepath.Join("testdata", "tsv", "*.pass0.tsv")); len(files) > 0 {
		for _, p := range files[:min(len(files), 4)] {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ws, err := ParseTSV(b)
		if err != nil {
			return
		}
		for _, w := range ws {
			if w.Text == "" || w.Conf < 0 || w.Conf > 100 || w.Box.W < 0 || w.Box.H < 0 {
				t.Fatalf("bad word %+v", w)
			}
		}
	})
}

// wordsFromBytes decodes fuzz input into words: each word is 7 bytes of
// geometry and confidence and then a text of up to 15 bytes.
func wordsFromBytes(b []byte) []Word {
	var ws []Word
	for len(b) >= 8 && len(ws) < 200 {
		n := int(b[7] & 15)
		if len(b) < 8+n {
			break
		}
		ws = append(ws, Word{
			Box:  Box{X: int(binary.BigEndian.Uint16(b[0:])) % 1300, Y: int(binary.BigEndian.Uint16(b[2:])) % 2800, W: int(b[4]) * 4, H: int(b[5])%120 + 1},
			Conf: int(b[6]) % 101, Pass: int(b[6]>>7) & 1, Text: string(b[8 : 8+n]),
		})
		b = b[8+n:]
	}
	return ws
}

func FuzzFindFields(f *testing.F) {
	seed := func(ws ...Word) []byte {
		var out []byte
		for _, w := range ws {
			var g [8]byte
			binary.BigEndian.PutUint16(g[0:], uint16(w.Box.X))
			binary.BigEndian.PutUint16(g[2:], uint16(w.Box.Y))
			g[4], g[5], g[6] = byte(w.Box.W/4), byte(w.Box.H), byte(w.Conf)
			txt := w.Text
			if len(txt) > 15 {
				txt = txt[:15]
			}
			g[7] = byte(len(txt))
			out = append(append(out, g[:]...), txt...)
		}
		return out
	}
	f.Add(seed(w("交易单号", 84, 950), w("420000234520251", 354, 950), w("103123456789", 354, 1010)), uint8(0))
	f.Add(seed(w("-5,000.00", 300, 500), w("转账时间", 84, 800), w("2025年11月3日", 354, 800), w("14:05", 700, 800)), uint8(1))
	f.Add(seed(w("待张三收款", 400, 300), w("一5.000.00", 380, 400), w("转给", 380, 600)), uint8(4))
	f.Fuzz(func(t *testing.T, b []byte, k uint8) {
		kinds := []Kind{KindWeChatTransfer, KindWeChatBill, KindAlipayBill, KindBankTransfer, KindChat, KindOther}
		ws := wordsFromBytes(b)
		kind := kinds[int(k)%len(kinds)]
		a := FindFields(ws, kind)
		for _, f := range a {
			if f.Name == "" || f.Agree < 1 {
				t.Fatalf("bad field %+v", f)
			}
			if f.Name == FieldAmount && f.Fen == nil || IsID(f.Name) && f.Form == nil {
				t.Fatalf("field without its typed value: %+v", f)
			}
			if f.Time != nil && f.Time.ZoneKnown {
				t.Fatalf("a screenshot time claims a zone: %+v", f)
			}
		}
		// Deterministic: the same words in reverse order give the same fields.
		rev := make([]Word, len(ws))
		for i, w := range ws {
			rev[len(ws)-1-i] = w
		}
		x, _ := json.Marshal(a)
		y, _ := json.Marshal(FindFields(rev, kind))
		if string(x) != string(y) {
			t.Fatalf("order-dependent fields:\n%s\n%s", x, y)
		}
		Classify(ws)
	})
}
