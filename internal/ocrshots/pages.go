package ocrshots

// Truth is what a screenshot shows, as a reader should report it.
type Truth struct {
	Kind string `json:"kind"`
	// IDs maps the canonical field name (transfer_id, transaction_id,
	// merchant_order_id, order_id, serial) to the number shown.
	IDs map[string]string `json:"ids"`
	// AmountFen is the main amount with its sign as shown.
	AmountFen int64 `json:"amount_fen"`
	// Time is the transaction time as shown, normalised:
	// "2025-11-03 14:05:12", "2025-11-03 14:05" or "11-03 14:05".
	Time         string `json:"time"`
	Counterparty string `json:"counterparty"`
	Method       string `json:"method,omitempty"`
	CardTail     string `json:"card_tail,omitempty"`
}

// Layout of the label/value rows.
const (
	valueColumn = iota // value left-aligned at a column (WeChat, bank)
	valueRight         // value right-aligned (Alipay)
)

// Row is one label/value row.
type Row struct{ Label, Value string }

// Msg is one chat message.
type Msg struct {
	Own      bool   // right side, the phone owner's
	Time     string // a centred time stamp instead of a bubble
	Text     string
	Transfer string // amount of a transfer bubble
	Note     string // the line under a transfer bubble's amount
}

// Page is one kind of screen, drawn at any width and theme.
type Page struct {
	Name     string
	Title    string // title bar
	Icon     int    // 0 none, 1 green tick, 2 orange clock, 3 blue logo
	Headline string
	Amount   string
	Status   string // line under the amount
	Rows     []Row
	Layout   int
	Alipay   bool // grey page with a white card, blue accents
	Chat     []Msg
	Truth    Truth
	// EditAmount, when set, is painted over Amount in another font after
	// drawing, as a forger edits a screenshot.
	EditAmount string
}

const (
	transferID = "1000050001202511030123456789012345"
	wechatTxn  = "4200002345202511031234567890"
	merchantNo = "M20251103140512001234567"
	alipayNo   = "2025110322001456781234567890"
	alipayMch  = "T2025110314051200987"
	bankSerial = "HQP20251103140512345678"
)

// Pages returns the screens of the test set, in a fixed order.
func Pages() []Page {
	return []Page{
		{
			Name: "wechat_transfer_pending", Icon: 2,
			Headline: "待张三收款", Amount: "¥5,000.00",
			Status: "1天内对方未收款，将退还给你",
			Rows: []Row{
				{"转账时间", "2025年11月3日 14:05:12"},
				{"转账单号", transferID},
			},
			Truth: Truth{Kind: "wechat_transfer", IDs: map[string]string{"transfer_id": transferID},
				AmountFen: 500000, Time: "2025-11-03 14:05:12", Counterparty: "张三"},
		},
		{
			Name: "wechat_transfer_success", Icon: 1,
			Headline: "转账成功", Amount: "¥5,000.00", Status: "待张三确认收款",
			Rows: []Row{
				{"收款方", "张三(**三)"},
				{"转账时间", "2025年11月3日 14:05:12"},
				{"支付方式", "零钱"},
				{"转账单号", transferID},
			},
			Truth: Truth{Kind: "wechat_transfer", IDs: map[string]string{"transfer_id": transferID},
				AmountFen: 500000, Time: "2025-11-03 14:05:12", Counterparty: "张三(**三)", Method: "零钱"},
		},
		{
			Name: "wechat_bill_detail", Title: "账单详情", Icon: 3,
			Headline: "深圳市锦程贸易有限公司", Amount: "-5,000.00",
			Rows: []Row{
				{"当前状态", "支付成功"},
				{"支付时间", "2025年11月3日 14:05:12"},
				{"商品", "会员充值"},
				{"商户全称", "深圳市锦程贸易有限公司"},
				{"收单机构", "财付通支付科技有限公司"},
				{"支付方式", "招商银行储蓄卡(1234)"},
				{"交易单号", wechatTxn},
				{"商户单号", merchantNo},
			},
			Truth: Truth{Kind: "wechat_bill_detail",
				IDs:       map[string]string{"transaction_id": wechatTxn, "merchant_order_id": merchantNo},
				AmountFen: -500000, Time: "2025-11-03 14:05:12", Counterparty: "深圳市锦程贸易有限公司",
				Method: "招商银行储蓄卡(1234)", CardTail: "1234"},
		},
		{
			Name: "alipay_bill_detail", Title: "账单详情", Icon: 3, Alipay: true, Layout: valueRight,
			Headline: "杭州云帆网络科技有限公司", Amount: "-5,000.00", Status: "交易成功",
			Rows: []Row{
				{"支付时间", "2025-11-03 14:05:12"},
				{"付款方式", "招商银行储蓄卡(1234)"},
				{"商品说明", "充值"},
				{"收款方全称", "杭州云帆网络科技有限公司"},
				{"订单号", alipayNo},
				{"商家订单号", alipayMch},
			},
			Truth: Truth{Kind: "alipay_bill_detail",
				IDs:       map[string]string{"order_id": alipayNo, "merchant_order_id": alipayMch},
				AmountFen: -500000, Time: "2025-11-03 14:05:12", Counterparty: "杭州云帆网络科技有限公司",
				Method: "招商银行储蓄卡(1234)", CardTail: "1234"},
		},
		{
			Name: "bank_transfer", Title: "转账结果", Icon: 1,
			Headline: "转账成功", Amount: "5,000.00元",
			Rows: []Row{
				{"收款人", "张三"},
				{"收款账号", "6222 **** **** 5678"},
				{"收款银行", "中国工商银行"},
				{"付款账户", "一卡通(1234)"},
				{"交易时间", "2025-11-03 14:05:12"},
				{"交易流水号", bankSerial},
				{"附言", "转账"},
			},
			Truth: Truth{Kind: "bank_transfer", IDs: map[string]string{"serial": bankSerial},
				AmountFen: 500000, Time: "2025-11-03 14:05:12", Counterparty: "张三",
				Method: "一卡通(1234)", CardTail: "1234"},
		},
		{
			Name: "chat", Title: "张三",
			Chat: []Msg{
				{Time: "11月3日 14:02"},
				{Text: "货款先付定金5000，我这边马上发货"},
				{Own: true, Text: "好的"},
				{Time: "11月3日 14:05"},
				{Own: true, Transfer: "¥5,000.00", Note: "转账"},
				{Own: true, Text: "转账单号" + transferID},
				{Text: "收到，明天发货"},
			},
			Truth: Truth{Kind: "chat", IDs: map[string]string{"transfer_id": transferID},
				AmountFen: 500000, Time: "11-03 14:05", Counterparty: "张三"},
		},
	}
}

// Edited returns p with its amount painted over, and the truth of what
// the edited screenshot shows.
func Edited(p Page) Page {
	p.Name += "_edited"
	p.EditAmount = "¥50,000.00"
	if p.Amount != "" && p.Amount[0] == '-' {
		p.EditAmount = "-50,000.00"
	}
	p.Truth.AmountFen *= 10
	p.Truth.IDs = copyMap(p.Truth.IDs)
	if p.Chat != nil {
		// A chat's amount is in its transfer bubble: write another there.
		msgs := make([]Msg, len(p.Chat))
		copy(msgs, p.Chat)
		for i := range msgs {
			if msgs[i].Transfer != "" {
				msgs[i].Transfer = "¥50,000.00"
			}
		}
		p.Chat, p.EditAmount = msgs, ""
	}
	return p
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
