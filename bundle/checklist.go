package bundle

import (
	"strings"

	"github.com/casebundle/casebundle/evidence"
)

// material is one thing a desk asks for, and how to recognise it among the
// exhibits: by kind, or by words in the file's path, title or purpose.
type material struct {
	zh, en string
	kinds  []evidence.Kind
	words  []string
}

var (
	matPayeeInfo = material{"收款人实名信息（姓名、微信号/支付宝账号、手机号）", "Payee's real-name information (name, WeChat/Alipay account, phone)", nil,
		[]string{"收款人", "收款方", "实名", "账户信息", "对方信息", "payee"}}
	matTransferShot = material{"转账截图（转账成功页面或账单详情）", "Transfer screenshot (payment success or bill detail page)", nil,
		[]string{"转账", "付款", "支付成功", "账单详情", "transfer", "payment"}}
	matOrder = material{"订单详情", "Order details", nil, []string{"订单", "order"}}
	matChat  = material{"与对方的聊天记录", "Chat with the other party", []evidence.Kind{evidence.KindChat},
		[]string{"聊天", "对话", "chat"}}
	matPoliceReceipt = material{"报案回执", "Police report receipt (报案回执)", nil, []string{"报案回执", "受案回执", "立案告知", "police receipt"}}
	matMoneyFlow     = material{"资金流水（账单或银行流水）", "Money flow (bill export or bank statement)", []evidence.Kind{evidence.KindBill},
		[]string{"流水", "账单", "交易明细", "bill", "statement"}}
	matTracking     = material{"快递/物流单号", "Parcel tracking number", nil, []string{"物流", "快递", "运单", "tracking"}}
	matMerchantChat = material{"与商家的聊天记录", "Chat with the merchant", []evidence.Kind{evidence.KindChat},
		[]string{"聊天", "对话", "客服", "chat"}}
	matStatement = material{"扣款记录/对账单", "Statement of the charges", []evidence.Kind{evidence.KindBill},
		[]string{"扣款", "对账单", "账单", "statement"}}
	matBankBill = material{"银行账单", "Bank bill", nil, []string{"银行", "bank"}}
	matIDProof  = material{"本人身份证明", "Claimant's proof of identity", nil, []string{"身份证", "身份证明", "id card"}}
)

// requiredMaterials are the complaint desks' lists per complaint type, in
// the order the desks ask for them (issue 5): 转账错误 → payee real-name
// information and the transfer screenshot; 虚假商品 → order details and the
// chat; 诈骗 → the police receipt and the money flow; 未收到货 → the
// tracking number and the chat with the merchant; 重复扣款 → the statement
// and the bank bill. Every route shows the same list; the police route marks
// a missing receipt as one to add after reporting.
var requiredMaterials = map[string][]material{
	"wrong_transfer":   {matPayeeInfo, matTransferShot},
	"fake_goods":       {matOrder, matChat},
	"fraud":            {matPoliceReceipt, matMoneyFlow},
	"not_delivered":    {matTracking, matMerchantChat},
	"duplicate_charge": {matStatement, matBankBill},
	"other":            {matTransferShot},
}

// checklist says which materials the case has and which are missing.
func checklist(a *Analysis) []ManifestChecklist {
	req := requiredMaterials[a.Case.ComplaintType]
	if req == nil {
		req = requiredMaterials["other"]
	}
	mats := append([]material(nil), req...)
	optional := []material{matChat, matMoneyFlow, matIDProof}
	if a.Case.Purpose == "police" {
		// The report itself produces the receipt; the dossier lists it so
		// that it is added to the case afterwards.
		optional = append(optional, matPoliceReceipt)
	}
	for _, o := range optional {
		dup := false
		for _, m := range mats {
			// The merchant chat stands for the chat with the other party.
			dup = dup || m.zh == o.zh || o.zh == matChat.zh && m.zh == matMerchantChat.zh
		}
		if !dup {
			mats = append(mats, o)
		}
	}
	out := make([]ManifestChecklist, 0, len(mats))
	for i, m := range mats {
		c := ManifestChecklist{Material: m.zh, MaterialEn: m.en, Required: i < len(req), Exhibits: []int{}}
		for _, e := range a.Exhibits {
			if m.matches(e) {
				c.Exhibits = append(c.Exhibits, e.Number)
			}
		}
		c.Present = len(c.Exhibits) > 0
		out = append(out, c)
	}
	return out
}

// matches recognises an exhibit by its kind, or by words in its path and
// title. What the exhibit proves is not read: a chat "proves" a transfer
// without being a transfer screenshot.
func (m material) matches(e Exhibit) bool {
	for _, k := range m.kinds {
		// A PDF statement's rows are a bill's (evidence.Item.Bill).
		if e.Item.Kind == k || k == evidence.KindBill && e.Item.Bill != nil {
			return true
		}
	}
	text := strings.ToLower(e.Item.Path + " " + e.Title)
	for _, w := range m.words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
