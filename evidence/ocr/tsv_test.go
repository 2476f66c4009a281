package ocr

import (
	"errors"
	"strings"
	"testing"
)

const tsvHead = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"

func TestParseTSV(t *testing.T) {
	in := tsvHead +
		"1\t1\t0\t0\t0\t0\t0\t0\t1170\t2532\t-1\t\n" +
		"4\t1\t1\t1\t1\t0\t98\t1155\t200\t48\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t98\t1155\t96\t48\t96.324\t交易单号\n" +
		"5\t1\t1\t1\t1\t2\t390\t1155\t700\t48\t90.5\t4200002345202511031234567890\r\n" +
		"5\t1\t1\t1\t1\t3\t1100\t1155\t10\t48\t0\t \n" + // empty text: skipped
		"5\t1\t2\t1\t1\t1\t10\t10\t5\t5\t-1\t|\n"
	ws, err := ParseTSV([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Word{
		{Text: "交易单号", Conf: 96, Box: Box{98, 1155, 96, 48}, Block: 1, Par: 1, Line: 1, Num: 1},
		{Text: "4200002345202511031234567890", Conf: 91, Box: Box{390, 1155, 700, 48}, Block: 1, Par: 1, Line: 1, Num: 2},
		{Text: "|", Conf: 0, Box: Box{10, 10, 5, 5}, Block: 2, Par: 1, Line: 1, Num: 1},
	}
	if len(ws) != len(want) {
		t.Fatalf("got %d words %+v, want %d", len(ws), ws, len(want))
	}
	for i := range want {
		if ws[i] != want[i] {
			t.Errorf("word %d: got %+v, want %+v", i, ws[i], want[i])
		}
	}
}

func TestParseTSVErrors(t *testing.T) {
	cases := map[string]string{
		"no header":     "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tx\n",
		"short header":  "level\tpage_num\n",
		"short row":     tsvHead + "5\t1\t1\n",
		"bad number":    tsvHead + "5\t1\t1\t1\t1\t1\tx\t0\t1\t1\t90\tx\n",
		"negative":      tsvHead + "5\t1\t1\t1\t1\t1\t-5\t0\t1\t1\t90\tx\n",
		"huge":          tsvHead + "5\t1\t1\t1\t1\t1\t99999999\t0\t1\t1\t90\tx\n",
		"bad level":     tsvHead + "7\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tx\n",
		"bad conf":      tsvHead + "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t190\tx\n",
		"nan conf":      tsvHead + "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\tNaN\tx\n",
		"too many rows": tsvHead + strings.Repeat("\n", MaxTSVRows+2),
		"too big":       tsvHead + strings.Repeat("x", MaxTSVBytes),
		"long word":     tsvHead + "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\t" + strings.Repeat("x", maxWordBytes+1) + "\n",
	}
	for name, in := range cases {
		if _, err := ParseTSV([]byte(in)); !errors.Is(err, ErrTSV) {
			t.Errorf("%s: got %v, want ErrTSV", name, err)
		}
	}
	if ws, err := ParseTSV(nil); err != nil || ws != nil {
		t.Errorf("empty input: %v %v", ws, err)
	}
}
