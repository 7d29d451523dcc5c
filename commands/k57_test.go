package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r21 M5: a void reason that names only part of the entry without
// a counter (`12명 중 2 중복`, `둘은 중복`, `절반 중복`, `일부 중복`)
// voided the whole entry where `2명 중복` is refused. Each is refused with
// the 정정 to what remains (computed from the entry's SQL figure), and a
// reason naming the whole still voids.
func TestK57VoidReasonNamingAPartIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		add     string
		partial []struct {
			reason string
			taken  int64 // -1: the reason gives no figure (일부)
			wants  []string
		}
		wholes []string
		adds   []string // one more entry for each whole after the first
	}{
		{commands.Korean, "추가 청년 12 11/20", []struct {
			reason string
			taken  int64
			wants  []string
		}{
			{"12명 중 2 중복", 2, []string{"사유의 `2`는 #1 실적", "2개만 빼려면", "`정정 1 %d <사유>`"}},
			{"둘은 중복", 2, []string{"사유의 `둘`은 #1 실적", "2개만 빼려면", "`정정 1 %d <사유>`"}},
			{"여섯은 중복", 6, []string{"사유의 `여섯`은 #1 실적", "6개만 빼려면", "`정정 1 %d <사유>`"}}, // r23 M7
			{"절반 중복", 6, []string{"사유의 `절반`은 #1 실적", "실적 전체(12개)", "`정정 1 %d <사유>`"}},
			{"반은 중복", 6, []string{"사유의 `반`은", "`정정 1 %d <사유>`"}},
			{"3건만 중복", 3, []string{"사유의 `3건`은", "`정정 1 %d <사유>`"}},
			{"일부 중복", -1, []string{"사유의 `일부`는 #1 실적", "`정정 1 <남는 수> <사유>`", "`무효 1 <사유>`"}},
		}, []string{"무효 1 12명 전부 중복", "무효 2 전체 중복", "무효 3 중복 입력"}, []string{"추가 청년 13 11/19", "추가 청년 14 11/18"}},
		{commands.English, "add 12 youth date:2026-11-20", []struct {
			reason string
			taken  int64
			wants  []string
		}{
			{"half duplicated", 6, []string{"`half` reads as voiding only part of entry #1", "whole entry (12)", "`correct 1 %d <reason>`"}},
			{"partly duplicated", -1, []string{"`partly` reads as voiding only part", "`correct 1 <remaining figure> <reason>`"}},
			{"some of them typed twice", -1, []string{"`some of`", "`correct 1 <remaining figure> <reason>`"}},
		}, []string{"void 1 all 12 typed twice", "void 2 duplicate entry"}, []string{"add 13 youth date:2026-11-19"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.add, commands.OutcomeOK)
			whole := h.sqlInt(`SELECT count FROM entries WHERE id = 1`)
			void := map[commands.Lang]string{commands.Korean: "무효 1 ", commands.English: "void 1 "}[tc.lang]
			for _, p := range tc.partial {
				wants := make([]string, len(p.wants))
				for i, w := range p.wants {
					if strings.Contains(w, "%d") {
						w = fmt.Sprintf(w, whole-p.taken)
					}
					wants[i] = w
				}
				h.refusedUntouched(manager, void+p.reason, wants...)
				if h.voided(1) {
					t.Fatalf("%q voided #1", p.reason)
				}
			}
			if n, sum := h.live(); n != 1 || sum != 12 {
				t.Fatalf("after the refusals: live %d, SQL sum %d; want 1, 12", n, sum)
			}
			for i, line := range tc.wholes {
				if i > 0 {
					h.run(manager, tc.adds[i-1], commands.OutcomeOK)
				}
				h.run(manager, line, commands.OutcomeOK)
				if !h.voided(int64(i + 1)) {
					t.Fatalf("%q did not void #%d", line, i+1)
				}
			}
			if n, sum := h.live(); n != 0 || sum != 0 {
				t.Fatalf("after the whole voids: live %d, SQL sum %d; want 0, 0", n, sum)
			}
		})
	}
}

// Review r20 F13/G10/G24 and G45: an agreement recorded as 100여 lost its
// 여 in every agreement total (현황's and 보고서's 약정 이행 and "not
// counted" lines, the digest's), and hires reaching 100 called it used up.
// The totals carry 여 now, each figure the SQL sum of the agreements, and
// the hire says the agreement is approximate.
func TestK57ApproximateAgreementTotalsKeepYeo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                   commands.Lang
		adds                                   []string
		status, report, digest, hire, hireSays string
		approx                                 func(int64) string
		notCounted, line, digestLine, used     string
		lineAfter                              string
	}{
		{lang: commands.Korean, adds: []string{"추가 청년 100여 상태:약정 11/17", "추가 청년 50 상태:약정 11/18"},
			status: "현황", report: "보고서 11월", digest: "다이제스트", hire: "채용 1 100 11/20",
			approx:     func(n int64) string { return fmt.Sprintf("%d여개", n) },
			notCounted: "아직 채용하지 않은 약정 %s", line: "청년일자리: 약정 %s · 채용 0개", digestLine: "이번 주 기록된 약정 %s",
			hireSays: "약정 #1: 약정 100여개 중 100개 채용. 약정이 어림수여서", used: "전량 이행", lineAfter: "청년일자리: 약정 %s · 채용 100개"},
		{lang: commands.English, adds: []string{"add 100여 youth status:agreed date:2026-11-17", "add 50 youth status:agreed date:2026-11-18"},
			status: "status", report: "report 11월", digest: "digest", hire: "hire 1 100 2026-11-20",
			approx:     func(n int64) string { return fmt.Sprintf("about %d", n) },
			notCounted: "Not counted: %s agreed", line: "agreed %s · hired 0", digestLine: "Not counted: %s agreed (MOU) jobs logged this week",
			hireSays: "Agreement #1: 100 hired of about 100 agreed. The agreement is approximate", used: "fully realised", lineAfter: "agreed %s · hired 100"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, line := range tc.adds {
				h.run(manager, line, commands.OutcomeOK)
			}
			agreed := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'agreed'`)
			if agreed != 150 {
				t.Fatalf("SQL agreed sum %d, want 150", agreed)
			}
			figure := tc.approx(agreed)
			mustContain(t, h.run(manager, tc.status, commands.OutcomeOK).Text(), fmt.Sprintf(tc.notCounted, figure), fmt.Sprintf(tc.line, figure))
			mustContain(t, h.run(manager, tc.report, commands.OutcomeOK).Text(), fmt.Sprintf(tc.notCounted, figure), fmt.Sprintf(tc.line, figure))
			mustContain(t, h.run(manager, tc.digest, commands.OutcomeOK).Text(), fmt.Sprintf(tc.digestLine, figure))

			hire := h.run(manager, tc.hire, commands.OutcomeOK).Text()
			mustContain(t, hire, tc.hireSays)
			if strings.Contains(hire, tc.used) {
				t.Errorf("an approximate agreement is called used up:\n%s", hire)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); got != 100 {
				t.Fatalf("SQL realised sum %d, want 100", got)
			}
			// 현황 after the hire: the agreed total keeps its 여 beside the hires.
			mustContain(t, h.run(manager, tc.status, commands.OutcomeOK).Text(), fmt.Sprintf(tc.lineAfter, figure))
		})
	}
}

// Review r20 F1/G5: `약 10` was recorded as 10여 — 10여 says a little over
// 10, 약 10 about 10, another wording. It is refused now, naming both
// lines to type, and nothing is saved; `10여` and `10` still record.
func TestK57AboutPrefixIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		lines      []string
		wants      []string
		yeo, exact string
	}{
		{commands.Korean, []string{"추가 약 10 청년 11/20", "추가 청년 대략 10 11/20", "추가 ~10 청년 11/20"},
			[]string{"어림수입니다", "10여는 10보다 조금 많다는 뜻", "아무것도 저장하지 않았습니다", "`10`", "`10여`"},
			"추가 10여 청년 11/20", "추가 청년 10 11/19"},
		{commands.English, []string{"add 약 10 youth date:2026-11-20", "add ~10 youth date:2026-11-20"},
			[]string{"is an approximate count", "a little over 10", "Nothing was saved", "`10`", "`10여`"},
			"add 10여 youth date:2026-11-20", "add 10 youth date:2026-11-19"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, line := range tc.lines {
				h.refusedUntouched(manager, line, tc.wants...)
			}
			h.run(manager, tc.yeo, commands.OutcomeOK)
			h.run(manager, tc.exact, commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND approximate`); n != 1 {
				t.Fatalf("approximate entries %d, want 1 (the 10여)", n)
			}
			if n, sum := h.live(); n != 2 || sum != 20 {
				t.Fatalf("live %d, SQL sum %d; want 2, 20", n, sum)
			}
		})
	}
}

// Review r20 F8/G28: a 정정 of a delta that was recorded after a 누계
// report and inside it (누계포함:예) was held naming the wrong report and
// increment: "누계 #6 … 증가분 10개 → 12개", while answering 예 re-based
// #3, the report it is inside. The question names what the 정정 changes:
// each figure it lists is checked against SQL before and after the answer.
func TestK57CorrectionHoldNamesTheReportItChanges(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang         commands.Lang
		lines        []string
		correct, yes string
		want         string // RID, total, old increment, new increment
		wrong        string // the later report wrongly named
	}{
		{commands.Korean, []string{"추가 청년 30 11/2", "추가 청년 20 11/5", "추가 청년 누계 70 11/16",
			"추가 청년 3 11/10 누계포함:예", "추가 청년 7 11/20", "추가 청년 누계 90 11/24"},
			"정정 4 1 오기", "정정 4 1 오기 누계포함:예",
			"이미 반영되어 있으면(2026. 11. 16. 누계 #%d %d개 유지, 증가분 %d개 → %d개)", "누계 #6(일자리정책과"},
		{commands.English, []string{"add 30 youth date:2026-11-02", "add 20 youth date:2026-11-05", "add 70 youth cumulative date:2026-11-16",
			"add 3 youth date:2026-11-10 within:yes", "add 7 youth date:2026-11-20", "add 90 youth cumulative date:2026-11-24"},
			"correct 4 1 typo", "correct 4 1 typo within:yes",
			"If it does (cumulative #%d of 2026-11-16 keeps its total of %d; its increment %d → %d)", "report #6"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
			}
			inc := func(id int64) int64 { return h.sqlInt(`SELECT count FROM entries WHERE id = $1`, id) }
			through := func(day string) int64 {
				return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of <= $1::date`, day)
			}
			before3, before6 := inc(3), inc(6)
			hold := h.refusedUntouched(manager, tc.correct, fmt.Sprintf(tc.want, 3, through("2026-11-16"), before3, before3+2)).Text()
			if strings.Contains(hold, tc.wrong) {
				t.Errorf("the hold names #6, which the 정정 does not change:\n%s", hold)
			}
			h.run(manager, tc.yes, commands.OutcomeOK)
			if got := inc(3); got != before3+2 {
				t.Errorf("#3's increment after 예: %d, want %d as the hold said", got, before3+2)
			}
			if got := inc(6); got != before6 {
				t.Errorf("#6's increment after 예: %d, want %d (kept)", got, before6)
			}
			if got := through("2026-11-16"); got != 70 {
				t.Errorf("SQL through 11/16 after 예: %d, want #3's total 70 kept", got)
			}
		})
	}
}
