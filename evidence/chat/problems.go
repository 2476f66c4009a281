package chat

// Problem is a fact about a chat export that the reader of the dossier
// should see. The package evidence turns each one into a finding with its
// words; Args are the values the words name.
type Problem struct {
	Code ProblemCode
	Args []any
}

// ProblemCode says what a Problem is.
type ProblemCode int

// The problems of a chat export.
const (
	// ZoneUnknown: the message times are local wall clock without a zone.
	ZoneUnknown ProblemCode = iota + 1
	// NoTimes: the messages have no times at all, only an order.
	NoTimes
	// TransferAmountMissing: a transfer message whose amount the export
	// does not carry.
	TransferAmountMissing
	// TransfersDropped: the format leaves out transfers and red packets.
	TransfersDropped
	// MeUnknown: the export does not say which participant is the user.
	MeUnknown
	// MeInferred: the user was deduced; Args[0] is the name.
	MeInferred
	// LinesSkipped: records or lines that could not be read.
	LinesSkipped
	// Truncated: more than a million messages; the rest were not read.
	Truncated
)

// ProblemCodes lists every ProblemCode, in order.
var ProblemCodes = []ProblemCode{ZoneUnknown, NoTimes, TransferAmountMissing, TransfersDropped, MeUnknown, MeInferred, LinesSkipped, Truncated}

// Problems are the facts about the export a reader of the dossier should
// see: times without a zone, transfers whose amount the export does not
// carry, a format that drops transfers, an unknown or deduced "me", skipped
// lines, a cut-off export.
func (c *Chat) Problems() []Problem {
	var ps []Problem
	add := func(code ProblemCode, args ...any) { ps = append(ps, Problem{Code: code, Args: args}) }
	_, _, first, _ := c.Meta()
	if !first.IsZero() && !c.ZoneKnown() {
		add(ZoneUnknown)
	}
	if first.IsZero() && len(c.Messages) > 0 {
		add(NoTimes)
	}
	for _, m := range c.Transfers() {
		if m.Type == MsgTransfer && m.Transfer == nil {
			add(TransferAmountMissing)
			break
		}
	}
	if r := readerOf(c.Format); r != nil && r.dropsTransfers {
		add(TransfersDropped)
	}
	switch {
	case c.Me == "" && len(c.Participants) > 0:
		add(MeUnknown)
	case c.MeInferred:
		add(MeInferred, c.Me)
	}
	if c.Skipped > 0 {
		add(LinesSkipped)
	}
	if c.Truncated {
		add(Truncated)
	}
	return ps
}
