package bundle

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"gopkg.in/yaml.v3"
)

var caseTemplate = template.Must(template.New("case").Parse(`# case.yaml — 案件事实 / the facts of the case (casebundle)
# 每一项都可以留空；留空的项在卷宗中显示为空白。Every field may stay blank.
# 时间请写时区，例如 2025-11-03T14:05:00+08:00（北京时间）。Write times with a zone.
# 金额写成 5000.00 这样的数字，不要写千位逗号以外的符号。Amounts like 5000.00.

title: ""                 # 案件标题，例如 微信转错账追回 / a short title
purpose: {{.Purpose}}            # complaint 平台投诉 | police 报案 | civil 民事诉讼
lang: {{.Lang}}                   # zh 中文 | en English
platform: {{.Platform}}           # wechat 微信支付 | alipay 支付宝 | bank 银行 | other 其他
complaint_type: wrong_transfer  # wrong_transfer 转错账 | fake_goods 虚假商品 | fraud 诈骗 | not_delivered 未收到货 | duplicate_charge 重复扣款 | other

# 申请人/报案人（你自己）/ the claimant (you)
claimant:
  name: ""                # 姓名 / full name
  id_number: ""           # 身份证号 / ID card number
  phone: ""               # 手机号 / phone
  wechat_id: ""           # 微信号 / WeChat ID
  account: ""             # 付款账户（银行卡号、支付宝账号）/ paying account

# 对方（收款人、商家或嫌疑人）/ the other party (payee, merchant or suspect)
respondent:
  name: ""
  id_number: ""
  phone: ""
  wechat_id: ""
  account: ""             # 收款账户 / receiving account

# 案情经过：按时间顺序写清楚发生了什么。/ What happened, in time order.
narrative: |
  

# 交易：每一笔相关的付款。单号从支付详情页复制（微信：交易单号；支付宝：交易号）。
# Transactions: copy each ID from the payment's detail page.
transactions: []
#  - id: "4200002345202511031234567890"   # 交易单号 / transaction ID (in quotes)
#    time: 2025-11-03T14:05:00+08:00      # 交易时间 / time, with zone
#    amount: 5000.00                      # 金额（元）/ amount in yuan
#    direction: out                       # out 付出 | in 收到
#    counterparty: 张三                   # 对方 / counterparty
#    disputed: true                       # 计入损失 / counts toward the loss total

# 证据说明：按文件路径写标题、证明目的和来源；这里的顺序就是证据编号的顺序。
# Notes per evidence file, keyed by path in this folder; this order sets the exhibit numbers.
# casebundle add 会自动写入。casebundle add writes them for you.
items: {}
#  screens/转账成功.png: {title: 转账成功截图, proves: 已向张三转账5000元, source: 本人手机截图}

# 文书（casebundle build --papers 时使用）：起诉状、申请书、催告函等需要而上面没有的事实。
# 都可以留空，留空的地方在文书里是一条待填的横线和说明，程序从不替你猜。
# Papers to file (build --papers): facts the papers need that the fields above lack.
# All optional; a blank stays a line to fill in the papers, never a guess.
papers:
  court: ""               # 管辖法院，例如 上海市浦东新区人民法院 / the court you file with
  claimant_address: ""    # 你的住所地（身份证地址）和送达地址 / your address, for service
  respondent_address: ""  # 对方住所地，知道才写 / the other party's address, if known
  respondent_bank: ""     # 对方收款银行（收款账户是银行卡时）/ the payee's bank, for a bank account
  interest:               # 利息 / interest
    basis: ""             # lpr 按贷款市场报价利率 | rate 按你写明的年利率 | none 不主张 / lpr, rate or none
    rate: ""              # 年利率（%），例如 "3.0"；选 lpr 时填你查到的一年期LPR / yearly rate in percent
    lpr_date: ""          # 所用LPR的公布日期，例如 2025-10-20 / the day that LPR was published
    from: ""              # 起算日，留空＝每笔付款之日 / start day; blank: each payment's day
  costs: true             # 诉讼费用由对方承担 / the other party bears the costs of the suit
  mediation: ""           # 是否愿意先行调解：yes 愿意 | no 不愿意 | unsure 暂不确定 / willing to mediate?
  deadline_days: 7        # 催告函给对方的还款期限（天）/ days the demand letter gives to pay
`))

// InitOptions are init's flags.
type InitOptions struct {
	Purpose, Platform, Lang string
}

// Init creates dir if needed and writes a commented case.yaml into it. It
// refuses to replace an existing case.yaml.
func Init(dir string, opt InitOptions) (string, error) {
	if opt.Purpose == "" {
		opt.Purpose = blankValue("purpose")
	}
	if opt.Lang == "" {
		opt.Lang = blankValue("lang")
	}
	if opt.Platform == "" {
		opt.Platform = "wechat" // the template's suggestion; a blank platform stays blank in a build
	}
	for _, kv := range [][2]string{{"purpose", opt.Purpose}, {"lang", opt.Lang}, {"platform", opt.Platform}} {
		if err := checkFlag(kv[0], kv[1]); err != nil {
			return "", err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", dir, err)
	}
	data, err := renderTemplate(opt)
	if err != nil {
		return "", err
	}
	return writeNewCase(dir, data)
}

// renderTemplate is the commented case.yaml for the values of opt.
func renderTemplate(opt InitOptions) ([]byte, error) {
	var b bytes.Buffer
	if err := caseTemplate.Execute(&b, opt); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// caseExistsError is the refusal to replace a case.yaml.
func caseExistsError(path string) error {
	return &UsageError{Msg: fmt.Sprintf("%s already exists", path), Hint: "edit it, or init another folder"}
}

// writeNewCase writes dir/case.yaml with O_EXCL: never over an existing one.
func writeNewCase(dir string, data []byte) (string, error) {
	path := filepath.Join(dir, CaseFile)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return "", caseExistsError(path)
	}
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return path, f.Close()
}

// AddOptions are add's flags: notes recorded for every file added.
type AddOptions struct {
	Title, Proves, Source string
	// Into is a sub-folder of the case to copy the files into.
	Into string
}

// Add copies files into the case folder (never replacing a file there) and
// records their notes under items: in case.yaml, keeping its comments. The
// originals are only read. It returns the paths added, relative to dir.
func Add(dir string, files []string, opt AddOptions) ([]string, error) {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, &UsageError{Msg: fmt.Sprintf("%s is not a case folder", dir), Hint: "create it with casebundle init " + dir}
	}
	casePath := filepath.Join(dir, CaseFile)
	if _, err := ReadCase(casePath); err != nil {
		return nil, err
	}
	var added []string
	for _, src := range files {
		fi, err := os.Stat(src)
		if err != nil {
			return added, fmt.Errorf("read %s: %w", src, unwrapPath(err))
		}
		if !fi.Mode().IsRegular() {
			return added, &UsageError{Msg: fmt.Sprintf("%s is not a regular file", src), Hint: "add files one by one, or a folder's files with a shell glob"}
		}
		rel := filepath.ToSlash(filepath.Join(opt.Into, filepath.Base(src)))
		if rel == CaseFile {
			return added, &UsageError{Msg: fmt.Sprintf("%s would replace the case's own case.yaml", src), Hint: "rename the file first"}
		}
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if err := copyNew(src, dst, fi); err != nil {
			return added, err
		}
		added = append(added, rel)
	}
	if opt.Title == "" && opt.Proves == "" && opt.Source == "" {
		return added, nil
	}
	return added, addNotes(casePath, added, ItemNote{Title: opt.Title, Proves: opt.Proves, Source: opt.Source})
}

func copyNew(src, dst string, fi os.FileInfo) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("read %s: %w", src, unwrapPath(err))
	}
	defer in.Close()
	return writeNew(in, src, dst, fi.ModTime(), "rename the file, or use --into to put it in a sub-folder")
}

// writeNew copies in (the file src) to dst, a new file in the case: never
// over a file there (existsHint says what to do then), nothing left behind
// when the copy fails, and the original's modification time kept, since it
// is part of the evidence.
func writeNew(in io.Reader, src, dst string, mod time.Time, existsHint string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(dst), err)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return &UsageError{Msg: fmt.Sprintf("%s already exists in the case", dst), Hint: existsHint}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return fmt.Errorf("copy %s to %s: %w", src, dst, err)
	}
	if err := out.Close(); err != nil {
		os.Remove(dst)
		return fmt.Errorf("write %s: %w", dst, err)
	}
	_ = os.Chtimes(dst, mod, mod)
	return nil
}

// addNotes sets items[path] for each path in case.yaml, editing the YAML
// tree so that the user's comments stay. The file is replaced atomically.
func addNotes(casePath string, paths []string, note ItemNote) error {
	data, err := os.ReadFile(casePath)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("read %s: %w", casePath, err)
	}
	var doc yaml.Node
	if len(bytes.TrimSpace(data)) > 0 {
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return yamlError(casePath, err)
		}
	}
	if doc.Kind == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return &CaseError{Path: casePath, Msg: "is not a mapping of keys to values"}
	}
	var items *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "items" {
			items = root.Content[i+1]
		}
	}
	if items == nil || items.Kind != yaml.MappingNode {
		n := &yaml.Node{Kind: yaml.MappingNode}
		if items != nil {
			*items = *n
		} else {
			root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "items"}, n)
		}
		items = n
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "items" {
				items = root.Content[i+1]
			}
		}
	}
	items.Style = 0
	for _, p := range paths {
		val := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		for _, kv := range [][2]string{{"title", note.Title}, {"proves", note.Proves}, {"source", note.Source}} {
			if kv[1] != "" {
				val.Content = append(val.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: kv[0]}, &yaml.Node{Kind: yaml.ScalarNode, Value: kv[1]})
			}
		}
		replaced := false
		for i := 0; i+1 < len(items.Content); i += 2 {
			if items.Content[i].Value == p {
				items.Content[i+1] = val
				replaced = true
			}
		}
		if !replaced {
			items.Content = append(items.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: p}, val)
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	if _, err := ParseCase(casePath, out.Bytes()); err != nil {
		return err
	}
	tmp := casePath + ".tmp"
	if err := os.WriteFile(tmp, out.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, casePath); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", casePath, err)
	}
	return nil
}
