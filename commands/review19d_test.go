package commands_test

import (
	"context"
	"jobsbot/commands/dates"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Tests of what the Korean-official review after issue 19's fixes left (i19d).

// unhiredSQL is the plain oracle of "아직 채용하지 않은 약정": live
// agreements dated in 2026 (of one department, or all with "") minus the
// live hires recorded against them with 채용.
func (h *harness) unhiredSQL(dept string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(a.count), 0) - coalesce((
			SELECT sum(e.count) FROM agreement_hires x
			JOIN entries e ON e.id = x.hire_entry_id AND e.voided_at IS NULL
			JOIN entries a2 ON a2.id = x.agreement_entry_id AND a2.voided_at IS NULL
			WHERE ($1 = '' OR a2.department = $1) AND a2.as_of >= '2026-01-01'), 0)
		FROM entries a
		WHERE a.status = 'agreed' AND a.voided_at IS NULL AND ($1 = '' OR a.department = $1)
		  AND a.as_of BETWEEN '2026-01-01' AND '2026-12-31'`, dept)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Items 1 and 2: a filtered status speaks only of its own programs'
// 약정 이행 and 마감 후 정정, and "not yet hired" subtracts the hires
// recorded with 채용.
func TestFilteredStatusKeepsItsAuditLinesAndUnhiredSubtractsHires(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "추가 100 투자 날짜:2026-08-03 상태:약정 메모:MOU-A", commands.OutcomeOK) // #1, 투자유치과
		h.run(manager, "채용 1 30 2026-08-10", commands.OutcomeOK)                     // #2
		h.run(manager, "추가 10 청년 날짜:2026-04-10", commands.OutcomeOK)                 // #3, 일자리정책과
		h.run(manager, "마감 4월", commands.OutcomeOK)
		h.run(manager, "추가 3 청년 날짜:2026-04-21 사유:도 요청으로 추가", commands.OutcomeOK) // #4 after close

		want := h.unhiredSQL("")
		if want != 70 {
			t.Fatalf("oracle says %d not yet hired, want 70", want)
		}
		unhired := byLang(lang, "Not counted: "+formatThousands(want)+" agreed", "아직 채용하지 않은 약정 "+formatThousands(want)+"개")
		agreements := byLang(lang, "Agreements realised", "약정 이행")
		afterClose := byLang(lang, "Changed after close: 1 (#4)", "마감 후 정정 1건: #4")

		all := h.run("U1", "현황", commands.OutcomeOK).Text()
		mustContain(t, all, unhired, agreements, afterClose)
		for _, line := range []string{"현황 민간", "현황 투자", "status invest", "현황 부서:투자유치과", "status dept:투자유치과"} {
			st := h.run("U1", line, commands.OutcomeOK).Text()
			mustContain(t, st, unhired, agreements)
			if strings.Contains(st, byLang(lang, "Changed after close", "마감 후 정정")) {
				t.Errorf("%q shows the youth change after close:\n%s", line, st)
			}
		}
		for _, line := range []string{"현황 청년", "status youth", "현황 공공", "현황 부서:일자리정책과"} {
			st := h.run("U1", line, commands.OutcomeOK).Text()
			mustContain(t, st, afterClose)
			for _, other := range []string{agreements, byLang(lang, "Not counted:", "아직 채용하지 않은 약정")} {
				if strings.Contains(st, other) {
					t.Errorf("%q shows the investment agreement (%q):\n%s", line, other, st)
				}
			}
		}
		for _, line := range []string{"현황 노인", "현황 부서:노인복지과"} {
			st := h.run("U1", line, commands.OutcomeOK).Text()
			for _, other := range []string{agreements, byLang(lang, "Changed after close", "마감 후 정정"), byLang(lang, "Not counted:", "아직 채용하지 않은 약정")} {
				if strings.Contains(st, other) {
					t.Errorf("%q shows another program's %q:\n%s", line, other, st)
				}
			}
		}
		// The report's note subtracts the hires as well.
		mustContain(t, h.run("U1", "보고서", commands.OutcomeOK).Text(), unhired)
		// Fully hired, the line goes away.
		h.run(manager, "채용 1 70 2026-09-01", commands.OutcomeOK)
		if n := h.unhiredSQL(""); n != 0 {
			t.Fatalf("oracle says %d not yet hired, want 0", n)
		}
		if st := h.run("U1", "현황", commands.OutcomeOK).Text(); strings.Contains(st, byLang(lang, "Not counted:", "아직 채용하지 않은 약정")) {
			t.Errorf("status still shows agreements not yet hired after all were hired:\n%s", st)
		}
		h.checkLedger(lang)
		dbtest.CheckTotals(t, h.store)
	}
}

// Item 5: a Korean example never shows an ISO date. The report's hint
// writes the date as Korean do, and what it shows is read back by 엑셀; the
// console's 엑셀 names the command line that writes the same file.
func TestKoreanExamplesUseKoreanDates(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("i18n/messages.toml")
	if err != nil {
		t.Fatal(err)
	}
	iso := regexp.MustCompile(`20\d\d-\d\d(-\d\d)?`)
	for i, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "ko") && iso.MatchString(line) {
			t.Errorf("messages.toml line %d: a Korean text shows an ISO date: %s", i+1, line)
		}
	}
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 10 청년 2026. 4. 10.", commands.OutcomeOK)
	rep := h.run("U1", "보고서 10월 2일", commands.OutcomeOK).Text()
	mustContain(t, rep, "같은 기준일의 엑셀 파일 받기: `/jobs 엑셀 2026. 10. 2.`")
	cmd, err := commands.Parse("엑셀 2026. 10. 2.", dates.On(2026, 11, 26))
	if err != nil || !cmd.Export.AsOf.Equal(dates.On(2026, 10, 2)) {
		t.Errorf("the hint's own command reads as %+v, %v; want the export as of 2026. 10. 2.", cmd.Export, err)
	}
	en := newHarness(t, commands.English)
	mustContain(t, en.run("U1", "report 2026-10-02", commands.OutcomeOK).Text(), "`/jobs export xlsx 2026-10-02`")
	for _, tt := range []struct{ line, want string }{
		{"엑셀 2026. 10. 2.", "`jobsbot export --format xlsx --year 2026 --as-of 2026-10-02 -o 실적.xlsx`"},
		{"엑셀 2025 명세", "`jobsbot export --format xlsx --year 2025 --what entries -o 실적.xlsx`"},
		{"엑셀", "`jobsbot export --format xlsx --year 2026 -o 실적.xlsx`"},
	} {
		mustContain(t, h.run("U1", tt.line, commands.OutcomeRefused).Text(), "콘솔이 곧 서버이므로", tt.want)
	}
	for _, line := range []string{"보도자료 2026. 4. 30.", "마감 2026년 4월"} {
		if _, err := commands.Parse(line, dates.On(2026, 11, 26)); err != nil {
			t.Errorf("the Korean example %q does not read: %v", line, err)
		}
	}
}

// Item 3: a month or quarter holding cumulative reports shows what the
// span added (each report less the total before it), compared with a plain
// SQL SUM of the stored increments, and says so.
func TestMonthViewCountsCumulativeReportsAsTheirIncrease(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang) // today 2026. 11. 26.
		h.run("U1", "추가 5 청년 2026. 3. 1.", commands.OutcomeOK)
		h.run("U1", "추가 100 청년 누계 2026. 10. 31.", commands.OutcomeOK) // #2: +95
		h.run("U1", "추가 130 청년 누계 2026. 11. 20.", commands.OutcomeOK) // #3: +30
		h.run("U1", "추가 7 노인 2026. 10. 12.", commands.OutcomeOK)
		oct := h.sumSQL("", dates.On(2026, 10, 1), dates.On(2026, 10, 31))
		if oct != 102 {
			t.Fatalf("oracle: October %d, want 95 + 7", oct)
		}
		st := h.run("U1", "현황 지난달", commands.OutcomeOK).Text()
		mustContain(t, st,
			byLang(lang, "Total in 2026-10: "+formatThousands(oct), "2026년 10월 실적 "+formatThousands(oct)+"개"),
			byLang(lang, "Cumulative reports count in 2026-10 as what they added since the report before: #2 youth total 100 as of 2026-10-31 → +95.",
				"2026년 10월 실적에는 누계 보고를 직전 누계와의 차이(증가분)로 넣었습니다: #2 청년일자리 2026. 10. 31. 기준 누계 100개 → 증가분 95개"))
		if strings.Contains(st, byLang(lang, "Total: ", "누계 102")) {
			t.Errorf("the month's figure is labelled 누계:\n%s", st)
		}
		q4 := h.sumSQL("youth", dates.On(2026, 10, 1), dates.On(2026, 12, 31))
		st = h.run("U1", "현황 4분기 청년", commands.OutcomeOK).Text()
		mustContain(t, st, byLang(lang, "Total in 2026 Q4: "+formatThousands(q4), "2026년 4분기 실적 "+formatThousands(q4)+"개"),
			byLang(lang, "#3 youth total 130 as of 2026-11-20 → +30", "#3 청년일자리 2026. 11. 20. 기준 누계 130개 → 증가분 30개"))
		// A month without cumulative reports, and the 노인 view of October, say nothing of them.
		for _, line := range []string{"현황 3월", "현황 10월 노인"} {
			if st := h.run("U1", line, commands.OutcomeOK).Text(); strings.Contains(st, byLang(lang, "Cumulative reports count", "누계 보고를")) {
				t.Errorf("%q speaks of cumulative reports it does not hold:\n%s", line, st)
			}
		}
		h.checkLedger(lang)
	}
}

// Item 4: day ranges, a day of last month, 5/4일 and 어제 자 are read as
// what they say, or refused naming them, never kept in the note.
func TestRangesAndRelativeMonthDaysAreReadOrRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang) // today 2026. 11. 26.
		for i, tt := range []struct {
			words string
			asOf  time.Time
		}{
			{"지난달 29일", dates.On(2026, 10, 29)},
			{"지난달29일", dates.On(2026, 10, 29)},
			{"이번 달 2일", dates.On(2026, 11, 2)},
			{"전월 3일", dates.On(2026, 10, 3)},
			{"5/4일", dates.On(2026, 5, 4)},
			{"어제 자", dates.On(2026, 11, 25)},
		} {
			count := int64(10 + i)
			line := "추가 " + formatThousands(count) + " 청년 " + tt.words
			h.run("U1", line+" 확인:예", commands.OutcomeOK)
			if e := h.newestEntry(); e.Count != count || !e.AsOf.Equal(tt.asOf) || e.Note != "" {
				t.Errorf("%q stored %d on %s note %q; want %d on %s, no note", line, e.Count, e.AsOf.Format(time.DateOnly), e.Note, count, tt.asOf.Format(time.DateOnly))
			}
		}
		before := h.entriesStored()
		for _, tt := range []struct{ line, en, ko string }{
			{"추가 4 청년 5/4~5/5", "`5/4~5/5` is a period", "`5/4~5/5`는 하루가 아니라 기간(2026. 5. 4. ~ 2026. 5. 5.)입니다"},
			{"추가 4 청년 2026-05-04~2026-05-05", "is a period", "하루가 아니라 기간(2026. 5. 4. ~ 2026. 5. 5.)입니다"},
			{"추가 4 청년 이번 달 31일", "`이번 달 31일` is not a real date: month 11 has 30 days", "11월은 30일까지입니다"},
			{"추가 4 청년 5/5~5/4", "5/5~5/4", "5/5~5/4"},
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, tt.en, tt.ko))
		}
		if n := h.entriesStored(); n != before {
			t.Errorf("%d entries stored by refused lines", n-before)
		}
		// Where a range makes sense it is read: 목록 and 현황 over 5/4~5/5.
		h.run("U1", "추가 30 노인 2026. 5. 5.", commands.OutcomeOK)
		h.run("U1", "추가 40 노인 2026. 5. 6. 확인:예", commands.OutcomeOK)
		span := h.sumSQL("", dates.On(2026, 5, 4), dates.On(2026, 5, 5))
		st := h.run("U1", "현황 5/4~5/5", commands.OutcomeOK).Text()
		mustContain(t, st, byLang(lang, "Total in 2026-05-04 – 2026-05-05: "+formatThousands(span), "2026. 5. 4. ~ 2026. 5. 5. 실적 "+formatThousands(span)+"개"))
		list := h.run("U1", "목록 5/4~5/5", commands.OutcomeOK).Text()
		if strings.Count(list, "\n#") != 2 || strings.Contains(list, "+40") {
			t.Errorf("목록 5/4~5/5 should list the two entries of May 4 and 5:\n%s", list)
		}
		h.checkLedger(lang)
	}
}

// Item 6: 18주차 is this year's ISO week 18 for 현황 and 주간보고; 51번
// is entry 51; 목록 내 기록 lists my entries.
func TestWeekNumbersIDSuffixAndMyEntries(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run("U1", "추가 10 청년 2026. 4. 27.", commands.OutcomeOK)     // Monday of 2026-W18
		h.run("U1", "추가 20 청년 2026. 5. 3. 확인:예", commands.OutcomeOK) // its Sunday
		h.run("U2", "추가 5 노인 2026. 5. 4.", commands.OutcomeOK)       // W19
		w18 := h.sumSQL("", dates.On(2026, 4, 27), dates.On(2026, 5, 3))
		st := h.run("U1", "현황 18주차", commands.OutcomeOK).Text()
		mustContain(t, st, byLang(lang, "Total in week 18 of 2026 (Apr 27–May 3): "+formatThousands(w18), "2026년 18주차 (4. 27.~5. 3.) 실적 "+formatThousands(w18)+"개"))
		wk := h.run("U1", "주간보고 18주차", commands.OutcomeOK).Text()
		mustContain(t, wk, byLang(lang, "2026-W18", "2026년 18주차"), byLang(lang, "This week: "+formatThousands(w18)+" jobs", "이번 주 "+formatThousands(w18)+"개"))
		r := h.run("U1", "현황 54주차", commands.OutcomeRefused)
		mustContain(t, r.Text(), "54주차")

		h.run("U1", "무효 1번 중복 기록", commands.OutcomeOK)
		if !h.voided(1) {
			t.Error("무효 1번 did not void #1")
		}
		r = h.run("U1", "무효 51번 중복", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "#51", "#51 실적을 찾을 수 없습니다"))

		for _, line := range []string{"목록 내 기록", "목록 내기록", "list my entries"} {
			list := h.run("U1", line, commands.OutcomeOK).Text()
			if strings.Contains(list, "U2") || !strings.Contains(list, "#2 ") {
				t.Errorf("%q should list U1's entries only:\n%s", line, list)
			}
		}
	}
}

// Item 6: a 정정 of an entry already corrected names the entry that holds
// the figure now, and a correction of a correction says which chain it changes.
func TestCorrectionAfterCorrectionNamesTheRecord(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "추가 5 청년 2026. 3. 1.", commands.OutcomeOK) // #1
		h.run(manager, "정정 1 7 오타", commands.OutcomeOK)           // #2
		r := h.run(manager, "정정 1 8 다시 오타", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang,
			"#1 was already corrected: #2 (7) holds its figure now. To change it again, correct #2: `correct 2 8 <reason>`.",
			"#1은 이미 #2로 정정된 기록입니다. 지금 값은 #2의 7개입니다. 다시 바꾸려면 #2를 정정하세요: `정정 2 8 <사유>`"))
		r = h.run(manager, "정정 2 9 다시 확인", commands.OutcomeOK) // #3
		mustContain(t, r.Text(), byLang(lang,
			"#2 was itself a correction of #1; the figure now stands in #3 (#1 → #2 → #3).",
			"#2는 #1을 정정한 기록이었고, 이번 정정으로 지금 값은 #3에 있습니다(#1 → #2 → #3)."))
		r = h.run(manager, "정정 1 10 또", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "#3 (9)", "#1은 이미 #3으로 정정된 기록입니다. 지금 값은 #3의 9개입니다"))
		if lang == commands.Korean {
			mustContain(t, h.run(manager, "목록", commands.OutcomeOK).Text(), "#3으로 정정됨", "#2로 정정됨")
		}
		if got := h.sumSQL("youth", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 9 {
			t.Errorf("youth sums to %d after the corrections, want 9", got)
		}
		h.checkLedger(lang)
	}
}

// Item 2 in the weekly digest: the agreements logged this week that are
// not yet hired subtract the hires recorded against them with 채용.
func TestDigestAgreementsNotYetHiredSubtractHires(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 50 투자 날짜:2026-11-16 상태:약정 메모:MOU-B", commands.OutcomeOK) // #1, week 47
	h.run(manager, "채용 1 20 2026-11-18", commands.OutcomeOK)
	var left, agreed int64
	if err := h.store.DB().GetContext(context.Background(), &agreed, `SELECT count FROM entries WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if err := h.store.DB().GetContext(context.Background(), &left, `
		SELECT a.count - coalesce((SELECT sum(e.count) FROM agreement_hires x JOIN entries e ON e.id = x.hire_entry_id
		                           AND e.voided_at IS NULL WHERE x.agreement_entry_id = a.id), 0)
		FROM entries a WHERE a.id = 1`); err != nil {
		t.Fatal(err)
	}
	d := h.run("U1", "주간보고 2026년 47주차", commands.OutcomeOK).Text()
	// Review r22 F11: the figure left out is the unhired part of what the
	// week agreed, and the line says so.
	mustContain(t, d, "이번 주 기록된 약정 "+formatThousands(agreed)+"개 중 아직 채용되지 않은 "+formatThousands(left)+"개는 실적에서 제외했습니다.")
	h.run(manager, "채용 1 30 2026-11-19", commands.OutcomeOK)
	if d := h.run("U1", "주간보고 2026년 47주차", commands.OutcomeOK).Text(); strings.Contains(d, "아직 채용") {
		t.Errorf("the digest still counts hired agreements as not yet hired:\n%s", d)
	}
}
