// Package chat reads WeChat chat exports into a transcript: the messages,
// who sent them, which side is the user, and the transfers and red packets
// with their amounts and states.
//
// An export is detected and parsed by its content (header names, line
// shapes), never by its file name. Each format is one reader, defined in
// its own file and listed in the table of readers.go:
//
//	wechatmsg-csv       WeChatMsg / 留痕 v1.1.2–v2.0.5 CSV          wechatmsg.go
//	wechatmsg-txt       WeChatMsg / 留痕 v1.1.2–v2.0.5 TXT          wechatmsg.go, timeblocks.go
//	memotrace-csv       MemoTrace 2025 rewrite CSV                  memotrace.go
//	memotrace-txt       MemoTrace 2025 rewrite TXT                  memotrace.go, timeblocks.go
//	pywxdump-csv        PyWxDump 3.x CSV (both header generations)  pywxdump.go
//	chatlog-csv         sjzar/chatlog HTTP API CSV                  chatlog.go
//	wechatexporter-txt  WechatExporter (iOS backups) text mode      wechatexporter.go
//	forwarded           text copied out of WeChat (Mac and Windows) forwarded.go
//
// A new format is one new file that defines a reader (byHead or byBody to
// recognise it, parse to read it) and one row in readers. The pieces the
// readers share are in content.go (decoding, CSV, times, message bodies)
// and builder.go (who is the user, directions). The formats and their
// sources are described in docs/formats.md and at the top of each file.
//
// The package knows nothing of bundles or findings: Chat.Problems says
// what a reader of the dossier should know about an export, and the
// package evidence words it.
package chat
