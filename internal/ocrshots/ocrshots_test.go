package ocrshots

import (
	"bytes"
	"testing"
)

func TestRenderDeterministic(t *testing.T) {
	if !Available(NotoSans) || !Available(ZenHei) {
		t.Skip("fonts-noto-cjk and fonts-wqy-zenhei are not installed")
	}
	for _, s := range []Shot{
		{Page: Pages()[0], Opt: Options{Width: 1080, Dark: true, Font: ZenHei}},
		{Page: Edited(Pages()[2]), Opt: Options{Width: 1170}, JPEG: 70},
		{Page: Pages()[5], Opt: Options{Width: 1170, Photo: true}, Scale: 720},
	} {
		a, err := s.Encode()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := s.Encode()
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", s.Page.Name)
		}
		img, _ := s.Image()
		if s.Scale != 0 && img.Bounds().Dx() != s.Scale {
			t.Errorf("%s: width %d, want %d", s.Page.Name, img.Bounds().Dx(), s.Scale)
		}
	}
}

func TestSetCoversVariants(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Set(false) {
		seen[s.Variant()] = true
		seen[s.Page.Truth.Kind] = true
		if s.Truth.Kind == "" || s.Truth.AmountFen == 0 || s.Truth.Time == "" {
			t.Errorf("%s: incomplete truth %+v", s.Name, s.Truth)
		}
	}
	for _, want := range []string{"light", "dark", "jpeg", "w720", "wechat_transfer", "wechat_bill_detail",
		"alipay_bill_detail", "bank_transfer", "chat"} {
		if !seen[want] {
			t.Errorf("the small set lacks %s", want)
		}
	}
	if len(Set(true)) <= len(Set(false)) {
		t.Error("the full set is not larger")
	}
}

func TestAlignedMemberRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("ttcf"), []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x05")} {
		if _, err := alignedMember(b, 0); err == nil {
			t.Errorf("%q: no error", b)
		}
	}
}
