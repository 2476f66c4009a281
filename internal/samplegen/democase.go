package samplegen

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// The demo case's two files that Go cannot make: an iPhone photo (HEIC,
// which needs an HEVC encoder) and a call recording (AAC in M4A). Both
// were made once and are committed in assets/:
//
//   - IMG_4821.HEIC (23 KB): 张珊's WeChat profile on her phone, as an
//     iPhone 13 stores a portrait photo (a 4×3 grid of 512×512 HEVC
//     tiles on its side, irot to stand it up, Exif with the capture time,
//     zone and place), written by TestMakeDemoPhoto in evidence/heif.
//
//   - call-20251103-1431.m4a (35 KB): 20 s of a ring tone and band-passed
//     noise standing in for the call (no words: nothing is transcribed
//     anyway), 16 kHz mono AAC at 16 kbit/s with the creation time
//     2025-11-03T06:31:40Z, made by Debian's ffmpeg 5.1:
//
//     ffmpeg -fflags +bitexact -f lavfi -i "aevalsrc='0.3*sin(2*PI*450*t)*lt(mod(t,5),1)':s=16000:d=6"
//     -f lavfi -i "anoisesrc=c=pink:a=0.25:r=16000:d=14:seed=7" -filter_complex
//     "[1]bandpass=f=900:width_type=h:w=1200,volume='0.6+0.4*sin(2*PI*3.1*t)*sin(2*PI*0.37*t)':eval=frame[v];[0][v]concat=n=2:v=0:a=1,aformat=channel_layouts=mono"
//     -c:a aac -b:a 16k -ar 16000 -metadata creation_time=2025-11-03T06:31:40Z -flags +bitexact call-20251103-1431.m4a
var (
	//go:embed assets/IMG_4821.HEIC
	demoHEIC []byte
	//go:embed assets/call-20251103-1431.m4a
	demoCall []byte
)

// File is one file of a generated case: its slash-separated path inside
// the case folder and its bytes.
type File struct {
	Path string
	Data []byte
}

// Size of the demo case's screenshots: a Xiaomi Redmi Note 12, the phone
// that also took the photos.
const (
	DemoWidth  = 1080
	DemoHeight = 2400
)

// DemoCase returns every file of the demo case, sorted by path: case.yaml,
// four WeChat screenshots, two photos with EXIF, an iPhone photo (HEIC),
// a call recording (M4A), the victim's written statement, the WeChat Pay
// bill (xlsx), WeChat Pay's 交易明细证明 (PDF) and the chat exported with
// MemoTrace (CSV). The bytes are the same on every run.
func DemoCase() ([]File, error) {
	files := []File{
		{Path: "case.yaml", Data: []byte(demoCaseYAML)},
		{Path: "notes/情况说明.txt", Data: []byte(demoStatement)},
	}
	screens := []struct {
		path string
		spec ScreenSpec
	}{
		{"screens/转账成功.png", ScreenSpec{Kind: TransferReceipt}},
		{"screens/收款人信息.png", ScreenSpec{Kind: PayeeInfo}},
		{"screens/聊天记录 1.png", ScreenSpec{Kind: Chat}},
		{"screens/聊天记录 2.png", ScreenSpec{Kind: Chat, Clock: "09:38", Messages: demoChat2}},
	}
	for _, s := range screens {
		s.spec.Width, s.spec.Height = DemoWidth, DemoHeight
		data, err := EncodePNG(Screenshot(s.spec))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.path, err)
		}
		files = append(files, File{Path: s.path, Data: data})
	}

	// The bank statement was photographed with the phone held upright, so
	// the camera stored the frame on its side with Orientation 6.
	statement, err := JPEGWithEXIF(StoreRotated(StatementPhoto(), 6), EXIF{
		DateTimeOriginal:   "2025:11:04 09:30:12",
		OffsetTimeOriginal: "+08:00",
		Make:               "Xiaomi",
		Model:              "Redmi Note 12",
		Orientation:        6,
		GPS:                &GPS{Lat: 31.2295, Lon: 121.5260}, // 张杨路, 浦东新区
	})
	if err != nil {
		return nil, fmt.Errorf("photos/IMG_20251104_093012.jpg: %w", err)
	}
	// The screen photo was taken with location off and, as older Android
	// cameras do, without the zone of the clock.
	monitor, err := JPEGWithEXIF(MonitorPhoto(), EXIF{
		DateTimeOriginal: "2025:11:03 14:20:01",
		Make:             "Xiaomi",
		Model:            "Redmi Note 12",
		Orientation:      1,
	})
	if err != nil {
		return nil, fmt.Errorf("photos/IMG_20251103_142001.jpg: %w", err)
	}
	bill, err := DemoBillXLSX()
	if err != nil {
		return nil, fmt.Errorf("exports/微信支付账单(20251101-20251104).xlsx: %w", err)
	}
	proof, err := DemoStatementPDF()
	if err != nil {
		return nil, fmt.Errorf("exports/微信支付交易明细证明.pdf: %w", err)
	}
	files = append(files, File{Path: "exports/微信支付交易明细证明.pdf", Data: proof})
	files = append(files,
		File{Path: "photos/IMG_20251104_093012.jpg", Data: statement},
		File{Path: "photos/IMG_20251103_142001.jpg", Data: monitor},
		File{Path: "exports/微信支付账单(20251101-20251104).xlsx", Data: bill},
		File{Path: "exports/与张三的聊天记录.csv", Data: DemoChatCSV()},
		File{Path: "photos/IMG_4821.HEIC", Data: demoHEIC},
		File{Path: "录音/与张三通话 2025-11-03 14-31.m4a", Data: demoCall},
	)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// WriteDemoCase writes the demo case into dir, creating it and its
// sub-folders. Existing files of the same names are replaced; other files
// are left alone.
func WriteDemoCase(dir string) error {
	files, err := DemoCase()
	if err != nil {
		return err
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// demoCaseYAML is the demo case's case.yaml, written as a victim helped
// by a friend who read the documentation would write it.
const demoCaseYAML = `# 微信转错账 —— 起诉张三返还不当得利（民法典第985条）用的证据材料。
# 整理人：李明，2025年11月5日。截图和照片都是原图，没有改过。

title: 微信转错账追回
purpose: civil                 # 准备向法院起诉，先按民事证据目录整理
lang: zh
platform: wechat
complaint_type: wrong_transfer

claimant:                      # 我
  name: 李明
  id_number: ""                # 身份证号立案时再填，不放进电子版
  phone: "13916082745"
  wechat_id: "liming_sh"
  account: "招商银行储蓄卡 尾号8816"

respondent:                    # 收到钱不肯退的人
  name: 张三                   # 转账页面显示的实名是 **三，全名以法院调取为准
  id_number: ""                # 不知道，请法院向财付通调取
  phone: "138****5678"         # 收款人信息页面上只显示掩码后的号码
  wechat_id: "zhangsan_1988"
  account: ""

narrative: |
  2025年11月3日14时05分，我在上海用微信向同事张珊转账5000元，用于归还她此前替我垫付的房租。转账时我按名字搜索收款人，误选了名字相近的“张三”（微信号 zhangsan_1988，实名显示为“**三”），没有仔细核对就用招商银行储蓄卡（尾号8816）支付了5000.00元，微信交易单号4200002345202511031234567890。对方于14时05分31秒确认收款。

  当天14时18分，我发现转错后立即在微信上联系张三，说明是转错账并请求退还，还把交易单号发给了他。对方先问“你是谁”，随后称“钱已经收了”，不肯退还；我告诉他不退还只能报警或起诉，他回复“随便你”。当晚20时12分我再次发消息请他退还，他回复“别再烦我了”。

  11月4日上午，我到招商银行上海张杨路支行打印了账户交易明细，明细记载11月3日经“财付通-微信转账”支出5000.00元。9时36分我再次发消息要求退还时，页面显示“消息已发出，但被对方拒收了”，说明对方已把我拉黑。

  我与张三素不相识，没有任何债权债务或其他往来，他取得这5000元没有法律根据。请求法院判令张三返还5000元及自2025年11月3日起的利息，并承担本案诉讼费用。

transactions:
  - id: "4200002345202511031234567890"   # 微信支付交易单号，见转账成功截图
    time: 2025-11-03T14:05:00+08:00
    amount: 5000.00
    direction: out
    counterparty: 张三
    disputed: true

# 每个文件的说明。路径就是文件在本文件夹里的位置（有空格的照原样写）。
items:
  screens/转账成功.png:
    title: 微信转账成功页面截图
    proves: 2025年11月3日14时05分向张三转账5000元，交易单号4200002345202511031234567890
    source: 本人手机截图
  screens/收款人信息.png:
    title: 收款人信息页面截图
    proves: 收款人是张三（**三），微信号zhangsan_1988，手机号138****5678，不是本想转给的张珊
    source: 本人手机截图
  screens/聊天记录 1.png:
    title: 与张三的微信聊天记录（一）
    proves: 转账后十几分钟内即告知对方转错并要求退还；对方承认“钱已经收了”
    source: 本人手机截图
  screens/聊天记录 2.png:
    title: 与张三的微信聊天记录（二）
    proves: 多次催要被拒；11月4日对方已将我拉黑，消息被拒收
    source: 本人手机截图
  photos/IMG_20251103_142001.jpg:
    title: 电脑版微信聊天界面照片
    proves: 14时20分电脑微信里已能看到转账被接收，以及我要求退还的消息
    source: 本人手机拍摄
  photos/IMG_20251104_093012.jpg:
    title: 招商银行账户交易明细（照片）
    proves: 我的银行卡于2025年11月3日经财付通-微信转账支出5000元
    source: 招商银行上海张杨路支行柜台打印，本人手机拍摄
  exports/微信支付账单(20251101-20251104).xlsx:
    title: 微信支付账单（2025年11月1日至4日）
    proves: 账单记载11月3日14时05分向张三转账5000元，交易单号4200002345202511031234567890
    source: 微信支付“账单—下载账单”导出
  exports/微信支付交易明细证明.pdf:
    title: 微信支付交易明细证明（2025年11月1日至4日）
    proves: 财付通出具的交易明细记载11月3日14时05分向张三转账5000元，交易单号4200002345202511031234567890
    source: 微信“我—服务—钱包—账单—常见问题—下载账单—用于证明材料”申请，财付通出具
  exports/与张三的聊天记录.csv:
    title: 与张三的微信聊天记录（导出）
    proves: 转账、对方收款、本人多次要求退还及被拒收的完整聊天记录
    source: 本人电脑用留痕（MemoTrace）导出
  notes/情况说明.txt:
    title: 情况说明
    proves: 转错账的经过和追讨经过
    source: 本人书写
  录音/与张三通话 2025-11-03 14-31.m4a:
    title: 与张三的通话录音
    proves: 11月3日14时31分给张三打电话说明转错账、请求退还，对方拒绝
    source: 本人手机通话录音，原文件
  photos/IMG_4821.HEIC:
    title: 同事张珊的微信个人信息（照片）
    proves: 本想转账的收款人是张珊（微信号zhangshan_sh），与张三不是同一人
    source: 张珊用iPhone拍摄，原图经数据线导出
`

// demoStatement is the victim's own account, plain UTF-8 text.
const demoStatement = `情况说明

本人李明，2025年11月3日下午两点多准备用微信还同事张珊垫付的房租5000元。搜索联系人的时候输入“张”，列表里第一个是“张三”，我以为就是张珊，没看清就点了转账，用招商银行卡付了5000元。付完才发现名字不对，收款人实名显示是“**三”，微信号是 zhangsan_1988，我并不认识这个人。

对方14点05分就收了钱。我14点18分给他发微信，说明是转错了，请他退回，还把交易单号（4200002345202511031234567890）发给了他。他先问我是谁，后来说“钱已经收了”，不肯退。我说不退只能报警或起诉，他说“随便你”。晚上8点多我又发消息，他回“别再烦我了”。

11月4日早上我去招商银行张杨路支行打印了流水，上面有11月3日“财付通-微信转账”5000元的支出。9点36分我再发消息，显示“消息已发出，但被对方拒收了”，他已经把我拉黑了。

我也打过微信支付客服电话，客服说转账已经被对方确认收款，平台不能直接退回，建议我通过法律途径解决。所以我准备向法院起诉，要求张三返还这5000元。

以上情况属实。

李明
2025年11月5日
`
