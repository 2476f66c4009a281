package templates

import (
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/tz"
)

func TestDeadlinesList(t *testing.T) {
	paid := time.Date(2025, 11, 3, 6, 5, 0, 0, time.UTC) // 14:05 in Beijing
	d := &Dossier{ComplaintType: "wrong_transfer", Platform: "wechat", Transactions: []Transaction{
		{ID: "4200002345202511031234567890", Time: paid, HasTime: true, Direction: "out", Disputed: true}}}
	rows, note, err := Deadlines(d, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || note == "" {
		t.Fatalf("got %d rows, note %q; want the two withdrawal limits and the limitation period", len(rows), note)
	}
	last := rows[2]
	if last.Name != "民事诉讼时效（3年）" || last.Due.In(tz.Shanghai).Format("2006-01-02 15:04:05") != "2028-11-03 23:59:59" || last.Hours {
		t.Errorf("limitation: %+v", last)
	}
	if !rows[0].Hours || !rows[0].Due.Equal(paid.Add(2*time.Hour)) || rows[0].From.ID != d.Transactions[0].ID {
		t.Errorf("2-hour withdrawal: %+v", rows[0])
	}
	en, _, _ := Deadlines(d, "en")
	if en[2].Name == last.Name {
		t.Errorf("the English list is in Chinese")
	}
	if _, _, err := Deadlines(d, "fr"); err == nil {
		t.Errorf("an unknown language is no error")
	}
	if rows, _, _ := Deadlines(&Dossier{ComplaintType: "fraud"}, "zh"); len(rows) != 0 {
		t.Errorf("no payment, yet %d deadlines", len(rows))
	}
}
