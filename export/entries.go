package export

import (
	"context"
	"strings"
	"time"

	"jobsbot/commands"
)

// cellKind says how a value is written: numbers stay numbers and dates
// dates, so a spreadsheet can sum and sort them.
type cellKind int

const (
	kindText cellKind = iota
	kindNumber
	kindDate     // a calendar date
	kindDateTime // an instant, shown in the city's time zone
	kindCentered // short text, centred (구분, 무효)
)

// entryColumn is one column of the entries sheet and CSV.
type entryColumn struct {
	header string
	width  float64 // in Excel character widths; Hangul needs about two each
	kind   cellKind
	value  func(e commands.Entry, p commands.Program) any
}

// entryColumns lists every stored field of an entry with the program's
// settings beside it; voided entries stay in, marked.
func (x *Exporter) entryColumns(aux *entryAudit) []entryColumn {
	str := func(f func(e commands.Entry, p commands.Program) string) func(commands.Entry, commands.Program) any {
		return func(e commands.Entry, p commands.Program) any { return f(e, p) }
	}
	return []entryColumn{
		{"번호", 9, kindNumber, func(e commands.Entry, _ commands.Program) any { return e.ID }},
		{"기준일", 12, kindDate, func(e commands.Entry, _ commands.Program) any { return e.AsOf }},
		{"사업코드", 12, kindText, str(func(e commands.Entry, _ commands.Program) string { return e.ProgramCode })},
		{"사업명", 30, kindText, str(func(_ commands.Entry, p commands.Program) string { return p.NameKo })},
		{"부문", 7, kindText, str(func(_ commands.Entry, p commands.Program) string {
			return commands.SectorLabel(p.Sector, commands.Korean)
		})},
		{"공시유형", 16, kindText, str(func(_ commands.Entry, p commands.Program) string {
			return commands.DisclosureLabel(p.DisclosureType, commands.Korean)
		})},
		{"부서", 16, kindText, str(func(e commands.Entry, _ commands.Program) string { return e.Department })},
		{"일자리 수", 10, kindNumber, func(e commands.Entry, _ commands.Program) any { return e.Count }},
		{"보고 방식", 10, kindText, str(func(e commands.Entry, _ commands.Program) string {
			if e.Kind == commands.KindCumulative {
				return "누계"
			}
			return "증가분"
		})},
		{"보고 누계", 11, kindNumber, func(e commands.Entry, _ commands.Program) any {
			if e.Kind == commands.KindCumulative {
				return e.ReportedTotal
			}
			return nil
		}},
		{"어림수(여)", 10, kindText, str(func(e commands.Entry, _ commands.Program) string { return mark(e.Approximate, "여") })},
		{"상태", 7, kindText, str(func(e commands.Entry, _ commands.Program) string {
			return commands.StatusLabel(e.Status, commands.Korean)
		})},
		{"고용형태", 10, kindText, str(func(e commands.Entry, _ commands.Program) string {
			return commands.EmploymentLabel(e.EmploymentType, commands.Korean)
		})},
		{"메모", 40, kindText, str(func(e commands.Entry, _ commands.Program) string { return e.Note })},
		{"기록자 ID", 12, kindText, str(func(e commands.Entry, _ commands.Program) string { return e.LoggedBy })},
		{"기록자", 14, kindText, str(func(e commands.Entry, _ commands.Program) string { return aux.name(e.LoggedBy) })},
		{"경로", 11, kindText, str(func(e commands.Entry, _ commands.Program) string { return sourceLabel(e.Source) })},
		{"기록 일시", 17, kindDateTime, func(e commands.Entry, _ commands.Program) any { return x.local(e.CreatedAt) }},
		{"무효", 6, kindText, str(func(e commands.Entry, _ commands.Program) string { return mark(e.Voided(), "무효") })},
		{"무효 처리자 ID", 12, kindText, str(func(e commands.Entry, _ commands.Program) string { return e.VoidedBy })},
		{"무효 처리자", 14, kindText, str(func(e commands.Entry, _ commands.Program) string { return aux.name(e.VoidedBy) })},
		{"무효 일시", 17, kindDateTime, func(e commands.Entry, _ commands.Program) any {
			if e.VoidedAt == nil {
				return nil
			}
			return x.local(*e.VoidedAt)
		}},
		{"무효 사유", 30, kindText, str(func(e commands.Entry, _ commands.Program) string { return e.VoidReason })},
		{"정정", 14, kindText, str(func(e commands.Entry, _ commands.Program) string { return aux.correction(e.ID) })},
		{"정정 사유", 30, kindText, str(func(e commands.Entry, _ commands.Program) string { return aux.mark(e.ID).Reason })},
		{"마감 후 정정", 10, kindText, str(func(e commands.Entry, _ commands.Program) string {
			return mark(aux.mark(e.ID).AfterClose, "마감 후 정정")
		})},
		// Why the closed month was changed, as the manager gave it (review
		// r45 A1): 정정 사유 is a 정정's own and tells an import the row is
		// a replacement, so a plain add after close cannot use it. The
		// import does not read this column: it brings in no 마감 후 정정.
		{"마감 후 정정 사유", 30, kindText, str(func(e commands.Entry, _ commands.Program) string {
			return strings.Join(aux.mark(e.ID).AfterCloseReasons, "; ")
		})},
		{"약정 번호", 9, kindNumber, func(e commands.Entry, _ commands.Program) any {
			if a := aux.mark(e.ID).Agreement; a != 0 {
				return a
			}
			return nil
		}},
		// A hire recorded as already inside the later 누계 (누계포함:예)
		// re-based the report: an import must re-base it again, or the
		// report's total rises by the hire (review B4).
		// A 정정 answered 누계포함:아니오 left the later reports as they
		// were: 아니오 on its replacement, or an import re-bases them
		// (review r13 S6).
		{"누계포함", 8, kindText, str(func(e commands.Entry, _ commands.Program) string {
			m := aux.mark(e.ID)
			return mark(m.Within, "예") + mark(m.Separate && !m.Within, "아니오")
		})},
		// The order the ledger applied the add and the void in (review r6
		// X13): an import replays by them, not by 기록 일시 and 무효 일시,
		// which an imported row keeps from its file.
		{"기록 순번", 9, kindNumber, func(e commands.Entry, _ commands.Program) any { return seqCell(e.AddedSeq) }},
		{"무효 순번", 9, kindNumber, func(e commands.Entry, _ commands.Program) any {
			if !e.Voided() {
				return nil
			}
			return seqCell(e.VoidedSeq)
		}},
		// The entry's origin, kept by every ledger it is imported into: an
		// import skips a row whose origin it holds, so an export brought
		// back (into its own ledger, or from another that imported it) adds
		// nothing twice (review i32 finding 1). Last, so files read by
		// position before it keep their columns.
		{"기록 식별자", 38, kindText, str(func(e commands.Entry, _ commands.Program) string { return e.Origin })},
	}
}

// seqCell writes a ledger order number, nothing when it was not read.
func seqCell(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

func mark(on bool, word string) string {
	if on {
		return word
	}
	return ""
}

// eachEntry streams the year's entries, voided ones included, with their
// programs, counting them into sum.
func (x *Exporter) eachEntry(ctx context.Context, req commands.ExportRequest, programs []commands.Program, sum *commands.ExportSummary,
	fn func(e commands.Entry, p commands.Program) error) error {
	byID := make(map[int64]commands.Program, len(programs))
	for _, p := range programs {
		byID[p.ID] = p
	}
	from, to := yearSpan(req.Year)
	if !req.AsOf.IsZero() {
		to = req.AsOf // no entry dated after the report date
	}
	if req.AllYears {
		from, to = time.Time{}, time.Time{}
	}
	return x.store.EachEntry(ctx, from, to, func(e commands.Entry) error {
		sum.Entries++
		if e.Voided() {
			sum.Voided++
		}
		return fn(e, byID[e.ProgramID])
	})
}

// csvValue writes a cell value as CSV text: dates as 2026-04-30, instants
// as 2026-04-30 17:05 (city time), numbers plain, no thousands separators.
func csvValue(v any, kind cellKind) string {
	switch t := v.(type) {
	case nil:
		return ""
	case time.Time:
		if kind == kindDate {
			return t.Format(time.DateOnly)
		}
		return t.Format("2006-01-02 15:04")
	case int64:
		return formatInt(t)
	case string:
		return csvText(t)
	}
	return ""
}

// csvText keeps text typed by staff (notes, names, reasons) from being read
// as a formula when the CSV is opened in a spreadsheet: a cell that starts
// with = + - @, a tab or a carriage return gets a leading apostrophe, which
// Excel and LibreOffice show as plain text (OWASP's CSV injection advice).
// The invisible characters go first (plainText), so a zero-width space or a
// bidi control in front of = cannot hide it from the check.
func csvText(s string) string {
	s = plainText(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
