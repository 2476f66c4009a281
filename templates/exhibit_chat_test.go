package templates

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// addChat adds a chat export as the next exhibit, parsed as the pipeline
// parses it.
func (f *fixture) addChat(rel string, data []byte, c *chat.Chat) *Exhibit {
	f.t.Helper()
	n, parts, _, _ := c.Meta()
	e := f.add(rel, data, evidence.KindChat, "text/csv; charset=utf-8", "与张三的微信聊天记录（导出）",
		"转账、对方收款及要求退还的经过", evidence.Meta{Messages: n, Participants: parts})
	e.Item.Chat = c
	if _, _, first, _ := c.Meta(); !first.IsZero() {
		e.Item.Captured = &evidence.Captured{Time: first, ZoneKnown: c.ZoneKnown(), Source: "chat"}
	}
	e.Source = "本人电脑导出"
	return e
}

// parseChatFile reads a sample of evidence/chat/testdata.
func parseChatFile(t testing.TB, name string) ([]byte, *chat.Chat) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "evidence", "chat", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := chat.Parse(data)
	if err != nil {
		t.Fatalf("ParseChat %s: %v", name, err)
	}
	return data, c
}

// exhibitText renders d and returns the text of exhibit n's pages, the
// PDF and its path.
func exhibitPages(t *testing.T, d *Dossier, n int) (text string, pdf []byte, path string) {
	t.Helper()
	pdf, lay := render(t, d)
	path = writeTemp(t, pdf)
	for _, p := range lay.Placements {
		if p.Exhibit == n {
			return pdftotext(t, path, p.First, p.Last), pdf, path
		}
	}
	t.Fatalf("exhibit %d not placed: %+v", n, lay.Placements)
	return "", nil, ""
}

// saveOut writes the PDF of a test beside -out, named for the test, to
// look at.
func saveOut(t *testing.T, pdf []byte) {
	t.Helper()
	if *outFile == "" {
		return
	}
	name := strings.TrimSuffix(*outFile, ".pdf") + "-" + strings.ReplaceAll(t.Name(), "/", "-") + ".pdf"
	if err := os.WriteFile(name, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// flat drops all white space, so that text wrapped across lines compares.
func flat(s string) string { return strings.Join(strings.Fields(s), "") }

func TestChatExhibitSamples(t *testing.T) {
	m, err := fontMetrics()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "evidence", "chat", "testdata", "*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("chat samples: %v %v", files, err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		if strings.HasPrefix(name, ".") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			data, c := parseChatFile(t, name)
			f := newFixture(t)
			f.addChat("exports/"+name, data, c)
			d := f.finish()
			text, _, _ := exhibitPages(t, d, 1)
			got := flat(text)
			for _, w := range []string{"聊天记录概况", "聊天记录全文", c.Format, fmt.Sprintf("%d条", len(c.Messages))} {
				if !strings.Contains(got, flat(w)) {
					t.Errorf("the exhibit lacks %q", w)
				}
			}
			for i, msg := range c.Messages {
				var want string
				switch {
				case msg.Transfer != nil:
					// A transfer is shown as its money line, not as the
					// export's wording.
					want = "¥" + msg.Transfer.Amount.Grouped()
					if msg.Transfer.Status != "" {
						want += "·" + msg.Transfer.Status
					}
					kind := "转账"
					if msg.Type == chat.MsgRedPacket {
						kind = "红包"
					}
					if !strings.Contains(got, flat("¥"+msg.Transfer.Amount.Grouped()+" "+kind)) {
						t.Errorf("message %d: no transfer line with %s", i, msg.Transfer.Amount.Grouped())
					}
					if msg.Transfer.Status != "" && !strings.Contains(got, flat("· "+msg.Transfer.Status)) {
						t.Errorf("message %d: no status %q", i, msg.Transfer.Status)
					}
					continue
				case msg.Type == chat.MsgTransfer || msg.Type == chat.MsgRedPacket:
					want = "金额未记录"
				default:
					want = m.clean(msg.Text, false)
				}
				if !strings.Contains(got, flat(want)) {
					t.Errorf("message %d (%s, %s): %q is not in the exhibit", i, msg.Type, msg.Sender, want)
				}
				if tm := msg.Time; !tm.IsZero() {
					if msg.ZoneKnown {
						tm = tm.In(tz.Shanghai)
					}
					if !strings.Contains(got, tm.Format("15:04:05")) {
						t.Errorf("message %d: time %s is not in the exhibit", i, tm.Format("15:04:05"))
					}
				}
			}
			if strings.Contains(string(data), "😊") && !strings.Contains(got, "还在的□") {
				t.Errorf("the emoji of the chat is not shown as □")
			}
			if strings.ContainsAny(text, "😊🙏") {
				t.Errorf("an emoji reached the PDF")
			}
		})
	}
}

func TestChatExhibitLayout(t *testing.T) {
	data, c := parseChatFile(t, "memotrace.csv")
	f := newFixture(t)
	f.addChat("exports/与张三的聊天记录.csv", data, c)
	d := f.finish()
	text, pdf, path := exhibitPages(t, d, 1)
	saveOut(t, pdf)
	again, _ := render(t, d)
	if !bytes.Equal(pdf, again) {
		t.Fatalf("two renderings differ")
	}
	if out, err := exec.Command(needTool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	got := flat(text)
	for _, w := range []string{
		"MemoTrace（留痕）CSV", "本人（导出者）李明", "18条（文字11、图片1、语音1、转账2、撤回1、系统提示2）",
		"2025-11-1210:02:15（手机本地时间，未记录时区）至2025-11-1408:30:01（手机本地时间，未记录时区）",
		"1笔；本人付出¥5,000.00，本人收到¥0.00",
		"以下时间为导出设备的本地时间", "¥5,000.00转账·李明→张三·待收款", "¥5,000.00转账·李明→张三·已收款",
		"备注：手机货款", "[图片]", "[语音]", "\"张三\"撤回了一条消息", "2025-11-13", "2025-11-14",
	} {
		if !strings.Contains(got, flat(w)) {
			t.Errorf("the exhibit lacks %q", w)
		}
	}
	// The user's messages stand on the right, the other side's on the
	// left: in the layout text the user's start far from the margin.
	for _, ln := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(ln)
		indent := len(ln) - len(strings.TrimLeft(ln, " "))
		switch {
		case strings.HasPrefix(trimmed, "你好，是256G的吗"):
			if indent < 40 {
				t.Errorf("the user's message is not on the right: %q", ln)
			}
		case strings.HasPrefix(trimmed, "收到了，下午给你发货"):
			if indent > 10 {
				t.Errorf("the other side's message is not on the left: %q", ln)
			}
		}
	}

	golden := filepath.Join("testdata", "exhibit_chat_zh.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden file (run go test ./templates -run ChatExhibitLayout -update to write it): %v", err)
	}
	if text != string(want) {
		t.Errorf("the chat exhibit's text differs from %s (run with -update if the change is wanted):\n%s", golden, lineDiff(string(want), text))
	}
}

// TestChatExhibitLong pages a chat of thousands of messages, one of them
// longer than a page: every message is printed once, in order, and the
// text of none is cut at a page break.
func TestChatExhibitLong(t *testing.T) {
	c := &chat.Chat{Format: "memotrace-csv", Me: "李明", Participants: []string{"张三", "李明"}}
	start := time.Date(2025, 11, 1, 8, 0, 0, 0, time.UTC)
	const n = 2500
	var long strings.Builder
	for i := range 150 {
		fmt.Fprintf(&long, "长消息第%03d行，这一行说明转账经过。\n", i)
	}
	for i := range n {
		m := chat.Message{Time: start.Add(time.Duration(i) * 97 * time.Second), Sender: "张三", Direction: "other", Type: chat.MsgText}
		m.Text = fmt.Sprintf("消息%04d号，你好😀", i)
		if i%2 == 0 {
			m.Sender, m.Direction = "李明", "me"
		}
		switch {
		case i%7 == 3:
			m.Text += "，这一条比较长，会在气泡里换行：请把转错的五千元退还给我，我已经向微信支付客服投诉，并保留了全部聊天记录和转账凭证。"
		case i%50 == 10:
			m.Type = chat.MsgTransfer
			m.Transfer = &chat.Transfer{Amount: money.Fen(100*i + 1), Direction: "out", Status: "已收款", Memo: fmt.Sprintf("消息%04d号", i)}
		case i%50 == 20:
			m.Type, m.Sender, m.Direction = chat.MsgSystem, "", ""
		case i == 1234:
			m.Text += "\n" + long.String()
		}
		c.Messages = append(c.Messages, m)
	}
	f := newFixture(t)
	f.addChat("exports/long.csv", []byte("placeholder\n"), c)
	d := f.finish()
	pdf, lay := render(t, d)
	saveOut(t, pdf)
	p := lay.Placements[0]
	if p.Last-p.First < 40 {
		t.Errorf("%d messages on %d pages", n, p.Last-p.First+1)
	}
	path := writeTemp(t, pdf)
	got := flat(pdftotext(t, path, p.First, p.Last))
	pos := 0
	for i := range n {
		tok := fmt.Sprintf("消息%04d号", i)
		if k := strings.Count(got, tok); k != 1 && !(i%50 == 10 && k == 2) {
			t.Errorf("%s appears %d times", tok, k)
			continue
		}
		at := strings.Index(got[pos:], tok)
		if at < 0 {
			t.Errorf("%s is out of order", tok)
			continue
		}
		pos += at
	}
	for i := range 150 {
		if w := fmt.Sprintf("长消息第%03d行，这一行说明转账经过。", i); !strings.Contains(got, w) {
			t.Errorf("line %d of the message longer than a page is lost", i)
		}
	}
	if !strings.Contains(got, "消息0001号，你好□") || strings.Contains(got, "😀") {
		t.Errorf("the emoji are not shown as □")
	}
	if !strings.Contains(got, "¥60.01转账·李明→张三·已收款") {
		t.Errorf("no transfer line for message 60")
	}
	if !strings.Contains(got, "证据1（续）") {
		t.Errorf("continued pages do not say which exhibit they continue")
	}
}
