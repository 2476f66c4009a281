package chat

import "testing"

func TestStatusNote(t *testing.T) {
	for _, tt := range []struct{ in, zh, en string }{
		{"", "", ""},
		{"已收款", "，已收款", ", received"},
		{"已退还", "，已退还", ", refunded"},
		{"待收款", "，待收款", ", awaiting receipt"},
		{"已过期", "，已过期", ", expired"},
		{"对方已拒收", "，对方已拒收", ", 对方已拒收"},
	} {
		if zh, en := StatusNote(tt.in); zh != tt.zh || en != tt.en {
			t.Errorf("StatusNote(%q) = %q, %q; want %q, %q", tt.in, zh, en, tt.zh, tt.en)
		}
	}
}
