package commands_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// reOfferedLine is a line a refusal offers to type: an add or a hire.
var reOfferedLine = regexp.MustCompile("`((?:추가|add|채용|hire) [^`]*)`")

// offeredLines are the lines a reply offers to type, in order.
func offeredLines(text string) []string {
	var lines []string
	for _, m := range reOfferedLine.FindAllStringSubmatch(text, -1) {
		lines = append(lines, m[1])
	}
	return lines
}

// keptCase is a note naming another day: the lines offered typed back
// must record once each, with no further question, the dated one on
// dated with the note as typed and the kept one on the day typed with the
// note kept.
type keptCase struct {
	now   string // the day typed
	lang  commands.Lang
	line  string
	dated string // the day the dated line files
	kept  string // the kept line's note
}

// typeBack types line on a fresh ledger at now (an agreement first for a
// hire) and checks it records once, on asOf with note.
func typeBack(t *testing.T, c keptCase, line, asOf, note string) {
	t.Helper()
	now, err := time.Parse(time.DateOnly, c.now)
	if err != nil {
		t.Fatal(err)
	}
	h := k32Harness(t, c.lang, now.Add(time.Hour))
	hire := strings.HasPrefix(line, "채용 ") || strings.HasPrefix(line, "hire ")
	if hire {
		h.run(manager, pickWord(c.lang, "add 10 invest status:agreed date:2026-11-02", "추가 투자 10 상태:약정 날짜:2026. 11. 2."), commands.OutcomeOK)
	}
	before := h.sqlInt(`SELECT count(*) FROM entries`)
	r := h.run(manager, line, commands.OutcomeOK)
	if got := h.sqlInt(`SELECT count(*) FROM entries`) - before; got != 1 {
		t.Fatalf("%q recorded %d entries, want 1:\n%s", line, got, r.Text())
	}
	if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = $1 AND note = $2 AND voided_at IS NULL AND id = (SELECT max(id) FROM entries)`, asOf, note); got != 1 {
		var stored string
		_ = h.store.DB().Get(&stored, `SELECT as_of::text || ' / ' || note FROM entries ORDER BY id DESC LIMIT 1`)
		t.Errorf("%q stored %s; want %s / %q", line, stored, asOf, note)
	}
}

// keptDatedNotes are the dated lines' notes that name their day (review
// r39 F9): a word counted from the day typed (어제, 목요일, 지난달) is
// written as the day or month it names, the rest of the note as typed.
var keptDatedNotes = map[string]string{
	"2026-12-03 추가 청년 5 메모:어제 입사":                 "2026. 12. 2. 입사",
	"2026-12-02 추가 청년 7 메모:지난달 말 입사":              "2026년 11월 말 입사",
	"2026-12-09 추가 청년 7 메모:목요일에 입사":               "2026. 12. 3.에 입사",
	"2026-12-09 add 7 youth note:hired yesterday": "hired 2026-12-08",
}

// runKept refuses c.line, nothing written, and types back every line
// offered.
func runKept(t *testing.T, c keptCase) {
	now, err := time.Parse(time.DateOnly, c.now)
	if err != nil {
		t.Fatal(err)
	}
	h := k32Harness(t, c.lang, now.Add(time.Hour))
	if strings.HasPrefix(c.line, "채용 ") || strings.HasPrefix(c.line, "hire ") {
		h.run(manager, pickWord(c.lang, "add 10 invest status:agreed date:2026-11-02", "추가 투자 10 상태:약정 날짜:2026. 11. 2."), commands.OutcomeOK)
	}
	before := h.sqlInt(`SELECT count(*) FROM entries`)
	r := h.run(manager, c.line, commands.OutcomeRefused)
	if got := h.sqlInt(`SELECT count(*) FROM entries`); got != before {
		t.Fatalf("%q was refused but wrote %d entries", c.line, got-before)
	}
	lines := offeredLines(r.Text())
	if len(lines) != 2 {
		t.Fatalf("%q offers %d lines, want the dated and the kept:\n%s", c.line, len(lines), r.Text())
	}
	note := c.line[strings.Index(c.line, ":")+1:]
	if n, ok := keptDatedNotes[c.now+" "+c.line]; ok {
		note = n
	}
	typeBack(t, c, lines[0], c.dated, note)
	typeBack(t, c, lines[1], c.now, c.kept)
}

// Review r31 F1/F9/F11: the line kept on the day typed dropped only the
// note's date word and left its suffix (`자 채용 7명`, `경 입사`, `로
// 입사`, `hired on`), and the line dated as the note says was dated its
// month's end (`12/6 순차 입사` → 2026. 12. 31.), asked again when typed
// back. Every line offered, typed back, records once with no question,
// the whole date phrase dropped from the kept note.
func TestKeptEveryOfferedLineRecordsOnce(t *testing.T) {
	t.Parallel()
	ko, en := commands.Korean, commands.English
	for _, c := range []keptCase{
		// (`1/6 순차 입사` typed on 2026. 12. 3. is a start to come, refused
		// as not hired yet: TestFutureNoteStartIsRefused's reading.)
		{"2027-01-20", ko, "추가 청년 5 메모:12/6 순차 입사", "2026-12-06", "순차 입사"},
		{"2027-01-20", en, "add 5 youth note:12/6 staggered start", "2026-12-06", "staggered start"},
		{"2026-12-03", ko, "추가 청년 5 메모:어제 입사", "2026-12-02", "입사"},
		{"2027-01-04", ko, "추가 청년 7 메모:12/3자 채용 7명", "2026-12-03", "채용 7명"},
		{"2027-01-04", ko, "추가 청년 7 메모:12. 3.자 채용 7명", "2026-12-03", "채용 7명"},
		{"2027-01-04", ko, "추가 청년 7 메모:12월 3일자 채용 7명", "2026-12-03", "채용 7명"},
		{"2026-12-04", ko, "추가 청년 7 메모:12/3자 채용 7명", "2026-12-03", "채용 7명"},
		{"2026-12-02", ko, "추가 청년 7 메모:월말 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:월말경 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월 말 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월말경 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월 말쯤 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월 말부터 근무", "2026-11-30", "근무"},
		{"2026-12-02", ko, "추가 청년 7 메모:11/30부터 근무", "2026-11-30", "근무"},
		{"2026-12-02", ko, "추가 청년 7 메모:11/30까지 채용", "2026-11-30", "채용"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월 30일경 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월 30일에 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월분 입사자", "2026-11-30", "입사자"},
		{"2026-12-02", ko, "추가 청년 7 메모:지난달 말 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월 중 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월 중순 입사", "2026-11-30", "입사"},
		{"2026-12-02", ko, "추가 청년 7 메모:11월 초 입사", "2026-11-30", "입사"},
		{"2026-12-09", ko, "추가 청년 7 메모:12/3 기준 채용", "2026-12-03", "채용"},
		{"2026-12-09", ko, "추가 청년 7 메모:12/3 현재 채용", "2026-12-03", "채용"},
		{"2026-12-09", ko, "추가 청년 7 메모:12/3일자 입사", "2026-12-03", "입사"},
		{"2026-12-09", ko, "추가 청년 7 메모:12/3부로 입사", "2026-12-03", "입사"},
		{"2026-12-09", ko, "추가 청년 7 메모:(12/3) 입사", "2026-12-03", "입사"},
		{"2026-12-09", ko, "추가 청년 7 메모:3일자로 입사", "2026-12-03", "입사"},
		{"2026-12-09", ko, "추가 청년 7 메모:목요일에 입사", "2026-12-03", "입사"},
		{"2026-12-09", en, "add 7 youth note:hired on 12/3", "2026-12-03", "hired"},
		{"2026-12-09", en, "add 7 youth note:hired Dec 3", "2026-12-03", "hired"},
		{"2026-12-09", en, "add 7 youth note:hired yesterday", "2026-12-08", "hired"},
		{"2026-12-09", en, "add 7 youth note:hired 12/3 staggered", "2026-12-03", "hired staggered"},
		{"2026-12-02", en, "add 7 youth note:hired at the end of November", "2026-11-30", "hired"},
		{"2026-12-02", en, "add 7 youth note:hired in late November", "2026-11-30", "hired"},
		{"2026-12-02", en, "add 7 youth note:November hires", "2026-11-30", "hires"},
		{"2026-12-09", ko, "채용 1 3 메모:12/3자 채용", "2026-12-03", "채용"},
		{"2026-12-09", en, "hire 1 3 note:hired on 12/3", "2026-12-03", "hired"},
	} {
		t.Run(string(c.lang)+"/"+c.now+"/"+c.line, func(t *testing.T) {
			t.Parallel()
			runKept(t, c)
		})
	}
}
