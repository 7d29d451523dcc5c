package i18n

import (
	"regexp"
	"testing"
)

// fixedParticleAfterCodeSpan finds a Korean particle written out after a
// quoted span that ends in an argument (`메모:{{.Text}}`로): the particle
// follows the span's last word, which only the argument knows (review r43
// A3: `… 메모:일경험 인턴 정규 전환`로), so it must be {{particle .X …}}.
var fixedParticleAfterCodeSpan = regexp.MustCompile("\\}\\}`(은|는|이|가|을|를|과|와|으로|로|이나|나|이라|라|이며|며|이고|고|이면|면|이든|든)([^가-힣]|$)")

func TestOffered4NoFixedParticleAfterCodeSpan(t *testing.T) {
	c := Default()
	for _, id := range c.IDs() {
		if m := fixedParticleAfterCodeSpan.FindString(c.Source(id, Korean)); m != "" {
			t.Errorf("%s: %q writes a fixed particle after a quoted argument; use {{particle .X \"으로\"}}", id, m)
		}
	}
	for src, bad := range map[string]bool{
		"`{{.LastLine}}`로 입력":                          true,
		"`목표 <수> 연도:{{.Year}}`로 정할":                    true,
		"`{{.LastLine}}`{{particle .LastLine \"으로\"}}": false,
		"`날짜:오늘`로 써":                                   false,
		"`{{.Line}}`처럼":                                false,
	} {
		if got := fixedParticleAfterCodeSpan.MatchString(src); got != bad {
			t.Errorf("%q: flagged %v, want %v", src, got, bad)
		}
	}
}

// The particle after a quoted line is chosen from the line's last word.
func TestOffered4ParticleAfterQuotedLines(t *testing.T) {
	p := Default().Printer(Korean)
	for _, tc := range []struct {
		id   string
		kv   []any
		want string
	}{
		{"notes8.hire_same_weekday_ask", []any{"Typed", "금요일", "Today", "2026. 10. 30.", "Last", "2026. 10. 23.",
			"TodayLine", "채용 3 2 2026. 10. 30. 메모:일경험 인턴 정규 전환", "LastLine", "채용 3 2 2026. 10. 23. 메모:일경험 인턴 정규 전환"},
			"메모:일경험 인턴 정규 전환`으로 입력하십시오"},
		{"shared.no_target_year", []any{"Year", 2026}, "`목표 <수> 연도:2026`으로 정할"},
		{"shared.no_target_year", []any{"Year", 2027}, "`목표 <수> 연도:2027`로 정할"},
		{"entries.note_is_a_department", []any{"Text", "복지정책과", "Dept", "복지정책과"}, "`메모:복지정책과`로 써"},
		{"entries.note_is_a_department", []any{"Text", "일자리정책팀", "Dept", "일자리정책팀"}, "`메모:일자리정책팀`으로 써"},
		{"k45.unread_after_status", []any{"Typed", "x", "Status", "채용"}, "`상태:채용`을 쓰고"},
		{"k45.unread_after_status", []any{"Typed", "x", "Status", "약정"}, "`상태:약정`을 쓰고"},
	} {
		got, err := p.Render(tc.id, tc.kv...)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(regexp.QuoteMeta(tc.want)).MatchString(got) {
			t.Errorf("%s: %q lacks %q", tc.id, got, tc.want)
		}
	}
}
