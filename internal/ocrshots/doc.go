// Package ocrshots draws phone screenshots of payment pages and chats for
// the tests and benchmarks of the OCR reader (evidence/ocr): WeChat 转账详情
// and 转账成功, WeChat and Alipay 账单详情, a bank 转账结果 and a chat with a
// transfer bubble, light and dark, at the widths of common phones, with the
// truth of what each one shows.
//
// The text is drawn with system CJK fonts (Noto Sans CJK SC from
// fonts-noto-cjk, WenQuanYi Zen Hei from fonts-wqy-zenhei), not with the
// font the project embeds, so that a reader tuned on our own glyphs is not
// mistaken for one that reads real phones. Render fails with ErrNoFont when
// the fonts are not installed; tests skip then.
//
// Drawing is deterministic: the same Page and Options give the same pixels.
package ocrshots
