package chat

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/money"
)

// chatWall is a zone-less wall-clock time as Parse returns it.
func chatWall(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
}

// chatShanghai is an instant given in Beijing time.
func chatShanghai(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, time.FixedZone("CST", 8*3600)).UTC()
}

type chatWantTransfer struct {
	time      time.Time
	sender    string
	amount    string // "" when the export has no amount
	direction string
	status    string
	memo      string
}

type chatWant struct {
	file         string
	format       string
	encoding     string
	messages     int
	participants []string
	me           string
	meInferred   bool
	first, last  time.Time
	zoneKnown    bool
	perSender    map[string]int // "" counts system messages and recalls
	transfers    []chatWantTransfer
	types        map[int]MessageType // 1-based message number → type
	texts        map[int]string      // 1-based message number → text
}

const (
	chatLM = "李明"
	chatZS = "张三"
	chatWL = "wxid_lm3x7k2p9q4r22"
	chatWZ = "wxid_zs8d5f1g6h2j12"
)

// The canonical conversation every sample of testdata holds:
// 李明 7, 张三 8, system 3; one transfer ¥5,000.00 out at 2025-11-12
// 10:12:48, memo 手机货款, answered by 张三's receipt at 10:13:30.
var chatCanonicalTypes = map[int]MessageType{1: MsgSystem, 4: MsgText, 5: MsgImage, 8: MsgTransfer, 9: MsgTransfer, 12: MsgVoice, 13: MsgRecall, 18: MsgSystem}

var chatWants = []chatWant{
	{
		file: "wechatmsg.csv", format: "wechatmsg-csv", encoding: "utf-8-bom", messages: 18,
		participants: []string{chatZS, chatLM}, me: chatLM,
		first: chatShanghai(2025, 11, 12, 10, 2, 15), last: chatShanghai(2025, 11, 14, 8, 30, 1), zoneKnown: true,
		perSender: map[string]int{chatLM: 7, chatZS: 8, "": 3},
		// The CSV keeps no amount for type-49 messages.
		transfers: []chatWantTransfer{{time: chatShanghai(2025, 11, 12, 10, 12, 48), sender: chatLM}},
		types:     chatCanonicalTypes,
		texts:     map[int]string{5: "[图片]", 12: "[语音] 6s", 13: `"张三" 撤回了一条消息`, 6: `行,就按你说的"5000包邮",今天能发货吧？`},
	},
	{
		file: "wechatmsg.txt", format: "wechatmsg-txt", encoding: "utf-8", messages: 16,
		participants: []string{chatZS, chatLM}, me: chatLM, meInferred: true,
		first: chatWall(2025, 11, 12, 10, 2, 15), last: chatWall(2025, 11, 14, 8, 30, 1),
		perSender: map[string]int{chatLM: 6, chatZS: 7, "": 3},
		types:     map[int]MessageType{1: MsgSystem, 5: MsgImage, 10: MsgVoice, 11: MsgRecall, 16: MsgSystem},
		texts:     map[int]string{4: "256G 国行 电池95%\n原价6800，给你5000包邮\n今天下单今天发顺丰", 11: `"张三" 撤回了一条消息`},
	},
	{
		file: "memotrace.csv", format: "memotrace-csv", encoding: "utf-8-bom", messages: 18,
		participants: []string{chatZS, chatLM}, me: chatLM,
		first: chatWall(2025, 11, 12, 10, 2, 15), last: chatWall(2025, 11, 14, 8, 30, 1),
		perSender: map[string]int{chatLM: 7, chatZS: 8, "": 3},
		transfers: []chatWantTransfer{{chatWall(2025, 11, 12, 10, 12, 48), chatLM, "5000.00", "out", "已收款", "手机货款"}},
		types:     chatCanonicalTypes,
		texts:     map[int]string{5: "[图片]", 13: `"张三" 撤回了一条消息`},
	},
	{
		file: "memotrace.txt", format: "memotrace-txt", encoding: "utf-8", messages: 18,
		participants: []string{chatZS, chatLM}, me: chatLM, meInferred: true,
		first: chatWall(2025, 11, 12, 10, 2, 15), last: chatWall(2025, 11, 14, 8, 30, 1),
		perSender: map[string]int{chatLM: 7, chatZS: 8, "": 3},
		transfers: []chatWantTransfer{{chatWall(2025, 11, 12, 10, 12, 48), chatLM, "5000.00", "out", "已收款", "手机货款"}},
		types:     chatCanonicalTypes,
		texts:     map[int]string{18: "消息已发出，但被对方拒收了。"},
	},
	{
		file: "pywxdump.csv", format: "pywxdump-csv", encoding: "utf-8", messages: 18,
		participants: []string{chatWL, chatWZ}, me: chatWL,
		first: chatWall(2025, 11, 12, 10, 2, 15), last: chatWall(2025, 11, 14, 8, 30, 1),
		perSender: map[string]int{chatWL: 7, chatWZ: 8, "": 3},
		transfers: []chatWantTransfer{{chatWall(2025, 11, 12, 10, 12, 48), chatWL, "5000.00", "out", "已收款", "手机货款"}},
		types:     chatCanonicalTypes,
	},
	{
		file: "wechatexporter.txt", format: "wechatexporter-txt", encoding: "utf-8", messages: 18,
		participants: []string{chatZS, chatLM}, me: chatLM, meInferred: true,
		// #1 and #18 are system lines without a time.
		first: chatWall(2025, 11, 12, 10, 3, 2), last: chatWall(2025, 11, 14, 8, 30, 0),
		perSender: map[string]int{chatLM: 7, chatZS: 8, "": 3},
		transfers: []chatWantTransfer{{chatWall(2025, 11, 12, 10, 12, 48), chatLM, "5000.00", "out", "已收款", "手机货款"}},
		types:     chatCanonicalTypes,
		texts:     map[int]string{10: "收到了，下午给你发货", 12: `[语音 6"]`, 13: `"张三" 撤回了一条消息`},
	},
	{
		file: "chatlog.csv", format: "chatlog-csv", encoding: "utf-8", messages: 18,
		participants: []string{chatWL, chatZS}, me: chatWL,
		first: chatWall(2025, 11, 12, 10, 2, 15), last: chatWall(2025, 11, 14, 8, 30, 1),
		perSender: map[string]int{chatWL: 7, chatZS: 8, "": 3},
		transfers: []chatWantTransfer{{chatWall(2025, 11, 12, 10, 12, 48), chatWL, "5000.00", "out", "已收款", "手机货款"}},
		types:     chatCanonicalTypes,
		texts:     map[int]string{5: "[图片]", 12: "[语音]"},
	},
	{
		file: "forwarded.txt", format: "forwarded", encoding: "utf-8", messages: 18,
		participants: []string{chatZS, chatLM}, me: chatLM, meInferred: true,
		first: chatWall(2025, 11, 12, 10, 3, 0), last: chatWall(2025, 11, 14, 8, 30, 0),
		perSender: map[string]int{chatLM: 7, chatZS: 8, "": 3},
		transfers: []chatWantTransfer{{time: chatWall(2025, 11, 12, 10, 12, 0), sender: chatLM}},
		types:     chatCanonicalTypes,
	},
	{
		file: "forwarded_win.txt", format: "forwarded", encoding: "utf-8", messages: 18,
		participants: []string{chatZS, chatLM}, me: chatLM, meInferred: true,
		perSender: map[string]int{chatLM: 7, chatZS: 8, "": 3},
		transfers: []chatWantTransfer{{sender: chatLM}},
		types:     chatCanonicalTypes,
		texts:     map[int]string{16: "我不会再转钱了。\n请把5000元退给我，不然我就报警了。"},
	},
	// Samples made for this package: other encodings and older layouts.
	{
		file: "pywxdump_gbk.csv", format: "pywxdump-csv", encoding: "gbk", messages: 18,
		participants: []string{chatWL, chatWZ}, me: chatWL,
		first: chatWall(2025, 11, 12, 10, 2, 15), last: chatWall(2025, 11, 14, 8, 30, 1),
		perSender: map[string]int{chatWL: 7, chatWZ: 8, "": 3},
		transfers: []chatWantTransfer{{chatWall(2025, 11, 12, 10, 12, 48), chatWL, "5000.00", "out", "已收款", "手机货款"}},
		texts:     map[int]string{10: "收到了，下午给你发货"},
	},
	{
		file: "chatlog_utf16le.csv", format: "chatlog-csv", encoding: "utf-16le", messages: 18,
		participants: []string{chatWL, chatZS}, me: chatWL,
		first: chatWall(2025, 11, 12, 10, 2, 15), last: chatWall(2025, 11, 14, 8, 30, 1),
		perSender: map[string]int{chatWL: 7, chatZS: 8, "": 3},
		transfers: []chatWantTransfer{{chatWall(2025, 11, 12, 10, 12, 48), chatWL, "5000.00", "out", "已收款", "手机货款"}},
		texts:     map[int]string{2: "你好，闲鱼上看到你问的那台iPhone 15 Pro，还在的😊"},
	},
	{
		file: "pywxdump_v3.0.csv", format: "pywxdump-csv", encoding: "utf-8", messages: 7,
		participants: []string{chatWZ, "我"}, me: "我",
		first: chatWall(2025, 11, 12, 10, 2, 15), last: chatWall(2025, 11, 13, 9, 47, 12),
		perSender: map[string]int{"我": 2, chatWZ: 3, "": 2},
		transfers: []chatWantTransfer{{chatWall(2025, 11, 12, 10, 12, 48), "我", "5000.00", "out", "已收款", ""}},
		types:     map[int]MessageType{5: MsgVoice, 6: MsgRecall},
		texts:     map[int]string{7: `我已经转了5000,"说好的"包邮`},
	},
	{
		file: "wechatmsg_v1.0.csv", format: "wechatmsg-csv", encoding: "utf-8-bom", messages: 5,
		participants: []string{"对方", "我"}, me: "我",
		first: chatShanghai(2025, 11, 12, 10, 10, 20), last: chatShanghai(2025, 11, 13, 9, 47, 12), zoneKnown: true,
		perSender: map[string]int{"我": 2, "对方": 2, "": 1},
		transfers: []chatWantTransfer{{time: chatShanghai(2025, 11, 12, 10, 12, 48), sender: "我"}},
		types:     map[int]MessageType{4: MsgRecall},
		texts:     map[int]string{4: "你撤回了一条消息"},
	},
	{
		file: "wechatexporter_refund.txt", format: "wechatexporter-txt", encoding: "utf-8", messages: 6,
		participants: []string{chatZS, chatLM}, me: chatLM, meInferred: true,
		first: chatWall(2025, 11, 12, 10, 12, 48), last: chatWall(2025, 11, 12, 10, 17, 0),
		perSender: map[string]int{chatLM: 4, chatZS: 2},
		transfers: []chatWantTransfer{
			{chatWall(2025, 11, 12, 10, 12, 48), chatLM, "5000.00", "out", "已退还", ""},
			{time: chatWall(2025, 11, 12, 10, 16, 0), sender: chatZS}, // the red packet
		},
		types: map[int]MessageType{1: MsgTransfer, 2: MsgTransfer, 3: MsgTransfer, 4: MsgText, 5: MsgRedPacket, 6: MsgFile},
		texts: map[int]string{1: "微信转账 ￥5000.00 - 转账", 4: "为什么退了？"},
	},
	{
		file: "chatlog_refund.csv", format: "chatlog-csv", encoding: "utf-8", messages: 7,
		participants: []string{chatWL, chatZS}, me: chatWL,
		first: chatWall(2025, 11, 12, 10, 12, 48), last: chatWall(2025, 11, 13, 10, 5, 0),
		perSender: map[string]int{chatWL: 2, chatZS: 4, "": 1},
		transfers: []chatWantTransfer{
			{chatWall(2025, 11, 12, 10, 12, 48), chatWL, "1200.50", "out", "已退还", "定金"},
			{chatWall(2025, 11, 13, 10, 3, 0), chatZS, "88.00", "in", "已收款", ""},
		},
		types: map[int]MessageType{3: MsgFile, 4: MsgLink, 7: MsgRecall},
		texts: map[int]string{3: "[文件] 发货单.xlsx", 7: `"张三" 撤回了一条消息`},
	},
}

func chatReadSample(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseChatSamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	tested := map[string]bool{}
	for _, w := range chatWants {
		tested[w.file] = true
		t.Run(w.file, func(t *testing.T) {
			data := chatReadSample(t, w.file)
			if f, ok := Detect(data); !ok || f != w.format {
				t.Errorf("Detect = %q, %v; want %q", f, ok, w.format)
			}
			c, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if c.Format != w.format || c.Encoding != w.encoding {
				t.Errorf("format, encoding = %q, %q; want %q, %q", c.Format, c.Encoding, w.format, w.encoding)
			}
			n, ps, first, last := c.Meta()
			if n != w.messages {
				t.Errorf("messages = %d, want %d", n, w.messages)
			}
			if !reflect.DeepEqual(ps, w.participants) {
				t.Errorf("participants = %q, want %q", ps, w.participants)
			}
			if c.Me != w.me || c.MeInferred != w.meInferred {
				t.Errorf("me = %q (inferred %v), want %q (inferred %v)", c.Me, c.MeInferred, w.me, w.meInferred)
			}
			if !first.Equal(w.first) || !last.Equal(w.last) {
				t.Errorf("first, last = %v, %v; want %v, %v", first, last, w.first, w.last)
			}
			if c.ZoneKnown() != w.zoneKnown {
				t.Errorf("ZoneKnown = %v, want %v", c.ZoneKnown(), w.zoneKnown)
			}
			if c.Skipped != 0 || c.Truncated {
				t.Errorf("skipped %d, truncated %v", c.Skipped, c.Truncated)
			}
			per := map[string]int{}
			for _, m := range c.Messages {
				per[m.Sender]++
				system := m.Type == MsgSystem || m.Type == MsgRecall
				if system != (m.Sender == "") {
					t.Errorf("%q: type %s with sender %q", m.Text, m.Type, m.Sender)
				}
				want := ""
				if !system {
					want = "other"
					if m.Sender == w.me {
						want = "me"
					}
				}
				if m.Direction != want {
					t.Errorf("%q from %q: direction %q, want %q", m.Text, m.Sender, m.Direction, want)
				}
			}
			if !reflect.DeepEqual(per, w.perSender) {
				t.Errorf("messages per sender = %v, want %v", per, w.perSender)
			}
			for i, typ := range w.types {
				if got := c.Messages[i-1].Type; got != typ {
					t.Errorf("message %d type = %s, want %s", i, got, typ)
				}
			}
			for i, text := range w.texts {
				if got := c.Messages[i-1].Text; got != text {
					t.Errorf("message %d text = %q, want %q", i, got, text)
				}
			}
			tr := c.Transfers()
			if len(tr) != len(w.transfers) {
				t.Fatalf("%d transfers, want %d: %+v", len(tr), len(w.transfers), tr)
			}
			for i, wt := range w.transfers {
				m := tr[i]
				if !m.Time.Equal(wt.time) || m.Sender != wt.sender {
					t.Errorf("transfer %d at %v from %q, want %v from %q", i, m.Time, m.Sender, wt.time, wt.sender)
				}
				if wt.amount == "" {
					if m.Transfer != nil {
						t.Errorf("transfer %d has amount %s, want unknown", i, m.Transfer.Amount)
					}
					continue
				}
				if m.Transfer == nil {
					t.Errorf("transfer %d has no amount, want %s", i, wt.amount)
					continue
				}
				got := [4]string{m.Transfer.Amount.String(), m.Transfer.Direction, m.Transfer.Status, m.Transfer.Memo}
				if want := [4]string{wt.amount, wt.direction, wt.status, wt.memo}; got != want {
					t.Errorf("transfer %d = %q, want %q", i, got, want)
				}
			}
		})
	}
	for _, f := range files {
		if b := filepath.Base(f); !tested[b] && !strings.HasPrefix(b, ".") {
			t.Errorf("testdata/%s has no expected results", b)
		}
	}
}

// The receipt stays in Messages with its own status; only Transfers folds
// it into the transfer it answers.
func TestChatReceiptKeptInMessages(t *testing.T) {
	c, err := Parse(chatReadSample(t, "memotrace.csv"))
	if err != nil {
		t.Fatal(err)
	}
	init, receipt := c.Messages[7].Transfer, c.Messages[8].Transfer
	if init == nil || receipt == nil {
		t.Fatal("transfer messages without amounts")
	}
	if init.Status != "待收款" || receipt.Status != "已收款" || receipt.Direction != "out" {
		t.Errorf("init %+v, receipt %+v", *init, *receipt)
	}
	if c.Transfers()[0].Transfer == init {
		t.Error("Transfers returns the message's own Transfer, not a copy")
	}
}

func TestDetectChatNegative(t *testing.T) {
	for _, s := range []string{
		"",
		"hello\nworld\n",
		"交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n",
		"Note:\nbuy milk\n\nTodo:\ncall mum\n",
		"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"2025-11-12\nnot a chat\n",
		"2025-11-12 10:00:00 server started\n2025-11-12 10:00:01 listening on :80\n2025-11-12 10:00:02 ready\n",
	} {
		if f, ok := Detect([]byte(s)); ok {
			t.Errorf("Detect(%q) = %q", s, f)
		}
		if _, err := Parse([]byte(s)); !errors.Is(err, ErrNotChat) {
			t.Errorf("Parse(%q) error = %v, want ErrNotChat", s, err)
		}
	}
}

func TestParseChatTooLarge(t *testing.T) {
	if _, err := Parse(make([]byte, MaxInput+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("error = %v, want ErrTooLarge", err)
	}
}

// Detection looks at content only: a header moved below blank lines, CRLF
// turned into LF and a BOM added or removed change nothing.
func TestDetectChatVariants(t *testing.T) {
	for _, w := range chatWants {
		data := string(chatReadSample(t, w.file))
		if strings.HasPrefix(w.encoding, "utf-16") || w.encoding == "gbk" {
			continue
		}
		for _, v := range []string{
			"\n\n" + data,
			strings.ReplaceAll(data, "\r\n", "\n"),
			"\ufeff" + strings.TrimPrefix(data, "\ufeff"),
		} {
			if f, ok := Detect([]byte(v)); !ok || f != w.format {
				t.Errorf("%s variant: Detect = %q, %v", w.file, f, ok)
			}
		}
	}
}

func TestChatMalformedRecordsSkipped(t *testing.T) {
	data := "Time,SenderName,Sender,TalkerName,Talker,Content\n" +
		"2025-11-12 10:00:00,张三,wxid_a,,wxid_a,你好\n" +
		"not a time,张三,wxid_a,,wxid_a,坏行\n" +
		"2025-11-12 10:01:00,,wxid_me,,wxid_a,在\n"
	c, err := Parse([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Messages) != 2 || c.Skipped != 1 {
		t.Errorf("%d messages, %d skipped; want 2, 1", len(c.Messages), c.Skipped)
	}
}

func TestChatRename(t *testing.T) {
	c, err := Parse(chatReadSample(t, "pywxdump.csv"))
	if err != nil {
		t.Fatal(err)
	}
	c.Rename(map[string]string{chatWL: chatLM, chatWZ: chatZS})
	if c.Me != chatLM || !reflect.DeepEqual(c.Participants, []string{chatZS, chatLM}) {
		t.Errorf("after Rename: me %q, participants %q", c.Me, c.Participants)
	}
	tr := c.Transfers()
	if len(tr) != 1 || tr[0].Sender != chatLM || tr[0].Direction != "me" || tr[0].Transfer.Direction != "out" {
		t.Errorf("after Rename: %+v", tr)
	}
}

// TestChatDirections: directions follow the user the export names or the
// one deduced; where no user is known, no message and no transfer has a
// direction.
func TestChatDirections(t *testing.T) {
	c, err := Parse(chatReadSample(t, "forwarded.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if tr := c.Transfers(); c.Me != chatLM || len(tr) != 1 || tr[0].Direction != "me" {
		t.Errorf("forwarded.txt: me %q, transfers %+v", c.Me, tr)
	}
	three := "张三 2025/11/12 10:03\n你好\n\n李明 2025/11/12 10:04\n[转账] ￥5000.00\n\n王五 2025/11/12 10:05\n好\n"
	c, err = Parse([]byte(three))
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != "forwarded" || c.Me != "" || len(c.Messages) != 3 {
		t.Fatalf("three senders: format %q, me %q, %d messages", c.Format, c.Me, len(c.Messages))
	}
	if m := c.Messages[1]; m.Type != MsgTransfer || m.Transfer == nil || m.Transfer.Amount != 500000 {
		t.Fatalf("message 2 is not the transfer of 5000.00: %+v", m)
	}
	for i, m := range c.Messages {
		if m.Direction != "" || (m.Transfer != nil && m.Transfer.Direction != "") {
			t.Errorf("message %d has a direction without a known user: %+v", i+1, m)
		}
	}
}

func TestChatProblems(t *testing.T) {
	for file, want := range map[string][]ProblemCode{
		"wechatmsg.csv":     {TransferAmountMissing},
		"wechatmsg.txt":     {ZoneUnknown, TransfersDropped, MeInferred},
		"memotrace.csv":     {ZoneUnknown},
		"forwarded_win.txt": {NoTimes, TransferAmountMissing, MeInferred},
	} {
		c, err := Parse(chatReadSample(t, file))
		if err != nil {
			t.Fatal(err)
		}
		var got []ProblemCode
		for _, p := range c.Problems() {
			got = append(got, p.Code)
			if p.Code == MeInferred && (len(p.Args) != 1 || p.Args[0] != c.Me) {
				t.Errorf("%s: MeInferred args %v, want the user %q", file, p.Args, c.Me)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s problems = %v, want %v", file, got, want)
		}
	}
}

func TestChatFindAmount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want money.Fen
		ok   bool
	}{
		{"¥5000.00", 500000, true},
		{"￥5,000.00", 500000, true},
		{"转账 5000.00元", 500000, true},
		{"[转账|发送 ￥0.10](x)", 10, true},
		{"￥ 12", 1200, true},
		{"￥1.005", 0, false},
		{"[转账]", 0, false},
	} {
		got, ok := findAmount(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("findAmount(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
