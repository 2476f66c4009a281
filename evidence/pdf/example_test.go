package pdf_test

import (
	"fmt"
	"os"

	"github.com/casebundle/casebundle/evidence/pdf"
)

func ExampleRead() {
	data, err := os.ReadFile("testdata/plain.pdf")
	if err != nil {
		panic(err)
	}
	doc, err := pdf.Read(data, pdf.Limits{}) // zero Limits: DefaultLimits
	if err != nil {
		fmt.Println(err) // *EncryptedError, *BrokenError or *LimitError
		return
	}
	fmt.Println(doc.Pages, "pages,", doc.Info.Producer)
	fmt.Println("created", doc.Info.CreationDate.Time, "zone known:", doc.Info.CreationDate.ZoneKnown)
	runs, _ := doc.PageText(1)
	r := runs[0]
	fmt.Printf("%s at (%.1f, %.1f), %.0f pt\n", r.Text, r.X, r.Y, r.Size)
	// Output:
	// 2 pages, FPDF 1.7
	// created 2025-02-01 04:00:00 +0000 UTC zone known: false
	// 微信支付交易明细证明 at (56.7, 785.2), 16 pt
}

func ExampleParseStatement() {
	data, err := os.ReadFile("testdata/statements/wechat.pdf")
	if err != nil {
		panic(err)
	}
	doc, err := pdf.Read(data, pdf.Limits{})
	if err != nil {
		panic(err)
	}
	st, err := pdf.ParseStatement(doc)
	if err != nil {
		panic(err)
	}
	fmt.Println(st.Provider, st.Title, len(st.Rows), "rows")
	r := st.Rows[0]
	fmt.Println(r.ID, r.Time, r.Direction, r.AmountFen, r.Counterparty, "page", r.Page)
	// Output:
	// wechat 微信支付交易明细证明 23 rows
	// 42000012342025010100000000000 2025-01-10 06:10:05 +0000 UTC out 110 深圳市腾讯计算机系统有限公司 page 1
}

func ExampleDoc_Signatures() {
	data, err := os.ReadFile("testdata/plain.pdf")
	if err != nil {
		panic(err)
	}
	doc, _ := pdf.Read(data, pdf.Limits{})
	for _, s := range doc.Signatures {
		// Never "valid": the certificate chain is not checked.
		fmt.Println(s.Signer(), "covers the whole file:", s.CoversWholeFile, "digest matches:", s.DigestMatches)
	}
	fmt.Println(len(doc.Signatures), "signatures")
	// Output:
	// 0 signatures
}
