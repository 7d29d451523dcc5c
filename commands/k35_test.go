package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Tests of what the figures say about 여 and what they are (k35): the
// status lines beside the headline, a refused 정정, the title of a 정정 of a
// 누계, the list's 누계 entries and the voided 누계 in 목록 무효 and the
// digest. Every figure is compared with a plain SUM over the entries.

// k35Day is a day of 2026 as a date.
func k35Day(month time.Month, day int) time.Time {
	return time.Date(2026, month, day, 0, 0, 0, 0, time.UTC)
}

// k35Fig is a count as a status line writes it: 1,250개 / 1,250여개 in
// Korean, 1,250 / about 1,250 in English.
func k35Fig(lang commands.Lang, n int64, approx bool) string {
	f := formatCount(n)
	if approx {
		f = approxFig(lang, f)
	}
	if lang == commands.Korean {
		return f + "개"
	}
	return f
}

// The status headline's 누계 carries 여 when part of it is approximate; so
// must the lines beside it that sum the same entries: 증감 against 전년 동기
// (and 전년 동기 itself), the 공공·민간 split and 이번 주 / 이번 달 (k35 L4).
// A part with nothing approximate stays plain.
func TestStatusLinesCarryApproximate(t *testing.T) {
	t.Parallel()
	today := k35Day(time.November, 26)
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, line := range []string{
			"target 2만",
			// youth (public): 250여 through June, an exact delta after it.
			"add 250여 youth cumulative date:2026-06-30",
			"add 30 youth date:2026-07-10",
			// senior (public): exact through June, then 10여 this week.
			"add 70 senior cumulative date:2026-06-30",
			"add 10여 senior date:2026-11-24",
			// invest (private): exact, this month; last year approximate.
			"add 40 invest date:2026-11-05",
			"add 100여 invest date:2025-03-01 confirm:yes",
			// Last week (2026-W47): 5여 public, 7 private.
			"add 5여 women date:2026-11-18",
			"add 7 invest date:2026-11-17",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		text := h.run("U1", "status", commands.OutcomeOK).Text()
		total := h.sumSQL("", k35Day(time.January, 1), today)
		approx := h.approxNowSQL("", k35Day(time.January, 1), today)
		last := h.sumSQL("", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC))
		pub, priv := h.sectorSQL("public", today), h.sectorSQL("private", today)
		pubApprox := h.approxNowSQL("youth", k35Day(time.January, 1), today) + h.approxNowSQL("senior", k35Day(time.January, 1), today)
		privApprox := h.approxNowSQL("invest", k35Day(time.January, 1), today)
		week, month := h.sumSQL("", k35Day(time.November, 23), today), h.sumSQL("", k35Day(time.November, 1), today)
		weekApprox := h.approxNowSQL("", k35Day(time.November, 23), today)
		monthApprox := h.approxNowSQL("", k35Day(time.November, 1), today)
		if approx == 0 || pubApprox == 0 || privApprox != 0 || weekApprox == 0 || monthApprox == 0 {
			t.Fatalf("the ledger does not have the parts the test needs: %d %d %d %d %d", approx, pubApprox, privApprox, weekApprox, monthApprox)
		}
		change := signedFigure(total - last)
		var want []string
		if lang == commands.Korean {
			want = []string{
				"누계 " + k35Fig(lang, total, true) + " / 목표",
				fmt.Sprintf("전년 동기(2025. 1. 1. ~ 2025. 11. 26.) %s · 증감 %s여개", k35Fig(lang, last, true), change),
				fmt.Sprintf("공공 %s · 민간 %s", k35Fig(lang, pub, true), k35Fig(lang, priv, false)),
				fmt.Sprintf("이번 주 %s · 이번 달 %s", k35Fig(lang, week, true), k35Fig(lang, month, true)),
			}
		} else {
			want = []string{
				"Total: " + k35Fig(lang, total, true) + " of",
				fmt.Sprintf("Same span last year (2025-01-01 – 2025-11-26): %s · change about %s", k35Fig(lang, last, true), change),
				fmt.Sprintf("Public %s · Private %s", k35Fig(lang, pub, true), k35Fig(lang, priv, false)),
				fmt.Sprintf("This week %s · This month %s", k35Fig(lang, week, true), k35Fig(lang, month, true)),
			}
		}
		// A program's line: its week and its 전년 동기 likewise.
		seniorWeek := h.sumSQL("senior", k35Day(time.November, 23), today)
		investLast := h.sumSQL("invest", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC))
		if lang == commands.Korean {
			want = append(want, fmt.Sprintf(" · 이번 주 +%s여개", formatCount(seniorWeek)), fmt.Sprintf(" · 전년 동기 %s여개", formatCount(investLast)))
		} else {
			want = append(want, fmt.Sprintf(" · about +%s this week", formatCount(seniorWeek)), fmt.Sprintf(" · last year about %s", formatCount(investLast)))
		}
		mustContain(t, text, want...)
		noFormatSlips(t, text)

		// A quarter's figure is that quarter's 실적, never 누계, and it
		// carries 여 by the same rule (issue 19 §4).
		q4 := h.sumSQL("", k35Day(time.October, 1), today)
		q4Approx := h.approxNowSQL("", k35Day(time.October, 1), today) > 0
		text = h.run("U1", pickWord(lang, "status q4", "현황 4분기"), commands.OutcomeOK).Text()
		mustContain(t, text, pickWord(lang, "Total in 2026 Q4: "+k35Fig(lang, q4, q4Approx)+" (", "2026년 4분기 실적 "+k35Fig(lang, q4, q4Approx)+" (연간 목표"))
		if strings.Contains(text, "누계 ") || strings.Contains(text, "Total: ") {
			t.Errorf("%s: the quarter's figure is labelled 누계:\n%s", lang, text)
		}

		// The weekly digest's 공공·민간 line likewise.
		from, to := k35Day(time.November, 16), k35Day(time.November, 22)
		weekPriv := h.sumSQL("invest", from, to)
		weekPub := h.sumSQL("", from, to) - weekPriv
		pubA, privA := h.approxNowSQL("", from, to)-h.approxNowSQL("invest", from, to) > 0, h.approxNowSQL("invest", from, to) > 0
		if !pubA || privA {
			t.Fatalf("the week's ledger does not have the parts the test needs")
		}
		text = h.run("U1", pickWord(lang, "digest 2026-W47", "주간보고 2026년 47주차"), commands.OutcomeOK).Text()
		mustContain(t, text, pickWord(lang, "Public ", "공공 ")+k35Fig(lang, weekPub, pubA)+pickWord(lang, " · Private ", " · 민간 ")+k35Fig(lang, weekPriv, privA))
	}
}

// k35Words are the command words of one language.
type k35Words struct{ add, correct, cumulative, list, voided string }

func k35WordsOf(lang commands.Lang) k35Words {
	if lang == commands.Korean {
		return k35Words{"추가", "정정", "누계", "목록", "목록 무효"}
	}
	return k35Words{"add", "correct", "cumulative", "list", "list voided"}
}

// A refused 정정 shows the entries' figures as they are, with 여 where the
// entry carries it (k35 L2), and a 정정 of a 누계 report names its date and
// 누계 in the title (k35 L3). Nothing is written by a refusal.
func TestCorrectionFiguresKeepApproximateAndNameTheReport(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		w := k35WordsOf(lang)
		h := newHarness(t, lang)
		ko := lang == commands.Korean
		h.run(manager, w.add+" 30 youth date:2026-05-01", commands.OutcomeOK)
		delta := h.newestID()
		h.run(manager, w.add+" 100여 youth "+w.cumulative+" date:2026-06-30", commands.OutcomeOK)
		report := h.newestID()
		through := func() int64 { return h.sumSQL("youth", k35Day(time.January, 1), k35Day(time.June, 30)) }
		entries := h.entriesStored()
		reported := func(id int64) int64 {
			return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND id <= $1 AND program_id = (SELECT program_id FROM entries WHERE id = $1) AND as_of <= (SELECT as_of FROM entries WHERE id = $1)`, id)
		}

		// A 정정 the later report cannot stay true with: the report is
		// named with its 여.
		r := h.run(manager, fmt.Sprintf("%s %d 120 오기 %s", w.correct, delta, pickWord(lang, "within:yes", "누계포함:예")), commands.OutcomeRefused) // said inside (review r13 S6 asks)
		if ko {
			mustContain(t, r.Text(), fmt.Sprintf("기준 누계 %s개)", approxFig(lang, formatCount(reported(report)))))
		} else {
			mustContain(t, r.Text(), fmt.Sprintf("cumulative %s)", approxFig(lang, formatCount(reported(report)))))
		}
		if h.entriesStored() != entries || through() != 100 {
			t.Fatalf("%s: a refused 정정 wrote: %d entries (was %d), %d through June", lang, h.entriesStored(), entries, through())
		}

		// The same figure: refused, the 누계 named as such, with its 여.
		r = h.run(manager, fmt.Sprintf("%s %d 100여 오기", w.correct, report), commands.OutcomeRefused)
		if ko {
			mustContain(t, r.Text(), fmt.Sprintf("이미 누계 %s개입니다", approxFig(lang, formatCount(through()))))
		} else {
			mustContain(t, r.Text(), fmt.Sprintf("already says cumulative %s;", approxFig(lang, formatCount(through()))))
		}

		// A 정정 of the 누계: the title names its date and 누계.
		r = h.run(manager, fmt.Sprintf("%s %d 110여 오기", w.correct, report), commands.OutcomeOK)
		now := h.newestID()
		if through() != 110 {
			t.Fatalf("%s: the corrected report leaves %d through June, want 110", lang, through())
		}
		if ko {
			mustContain(t, r.Title, fmt.Sprintf("#%d 정정: 청년일자리 2026. 6. 30. 기준 누계 100여개 → %s개 (새 번호 #%d)", report, approxFig(lang, formatCount(through())), now))
		} else {
			mustContain(t, r.Title, fmt.Sprintf("Corrected #%d: Youth jobs (youth) total through 2026-06-30 about 100 → %s (new entry #%d)", report, approxFig(lang, formatCount(through())), now))
		}

		// The corrected one again: the reply names the live entry with
		// its figure as it is (누계 110여), and the command to retype.
		r = h.run(manager, fmt.Sprintf("%s %d 120 오기", w.correct, report), commands.OutcomeRefused)
		if ko {
			mustContain(t, r.Text(), fmt.Sprintf("지금 값은 #%d의 누계 %s개입니다", now, approxFig(lang, formatCount(through()))), fmt.Sprintf("`정정 %d 120 <사유>`", now))
		} else {
			mustContain(t, r.Text(), fmt.Sprintf("#%d (cumulative %s) holds its figure now", now, approxFig(lang, formatCount(through()))), fmt.Sprintf("`correct %d 120 <reason>`", now))
		}
		// A delta corrected twice: the live one with its 여, and the
		// retyped command keeps the 여 typed.
		h.run(manager, w.add+" 40여 senior date:2026-07-01", commands.OutcomeOK)
		first := h.newestID()
		h.run(manager, fmt.Sprintf("%s %d 45여 오기", w.correct, first), commands.OutcomeOK)
		live := h.newestID()
		senior := h.sumSQL("senior", k35Day(time.January, 1), k35Day(time.December, 31))
		r = h.run(manager, fmt.Sprintf("%s %d 50여 오기", w.correct, first), commands.OutcomeRefused)
		if ko {
			mustContain(t, r.Text(), fmt.Sprintf("지금 값은 #%d의 %s개입니다", live, approxFig(lang, formatCount(senior))), fmt.Sprintf("`정정 %d 50여 <사유>`", live))
		} else {
			mustContain(t, r.Text(), fmt.Sprintf("#%d (%s) holds its figure now", live, approxFig(lang, formatCount(senior))), fmt.Sprintf("`correct %d 50여 <reason>`", live))
		}
		if got := h.sumSQL("senior", k35Day(time.January, 1), k35Day(time.December, 31)); got != 45 {
			t.Errorf("%s: senior holds %d after a refused 정정, want 45", lang, got)
		}
		// A hire corrected beyond an agreement of 50여: the agreement's
		// size and what is left keep their 여.
		h.run(manager, w.add+" 50여 invest 약정 date:2026-10-05", commands.OutcomeOK)
		agreement := h.newestID()
		h.run(manager, fmt.Sprintf("%s %d 30 date:2026-10-20", pickWord(lang, "hire", "채용"), agreement), commands.OutcomeOK)
		hire := h.newestID()
		r = h.run(manager, fmt.Sprintf("%s %d 60 오기", w.correct, hire), commands.OutcomeRefused)
		size := h.sqlInt(`SELECT count FROM entries WHERE id = $1`, agreement)
		mustContain(t, r.Text(), pickWord(lang, "is for "+approxFig(lang, formatCount(size)), "전체 "+approxFig(lang, formatCount(size))+"개"))
		if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND program_id = (SELECT program_id FROM entries WHERE id = $1)`, hire); got != 30 {
			t.Errorf("%s: invest holds %d realised after a refused 정정, want 30", lang, got)
		}
		noFormatSlips(t, r.Text())
	}
}

// A 누계 entry in 목록 shows the total reported and the increase it implied
// ("보고 당시 누계 70개 (이 보고로 +10개)"); a voided 누계 in 목록 무효 and in
// the weekly digest shows the total reported and the increment derived
// ("누계 75개(계산된 증가분 15개)"), as the 정정 history does (k35 L5).
// 목록 무효 counts voided jobs and voided agreements (약정) apart (issue
// 19 §4).
func TestListAndVoidsShowReportsAsReported(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		w := k35WordsOf(lang)
		ko := lang == commands.Korean
		h := newHarness(t, lang)
		now := time.Date(2026, time.July, 8, 1, 0, 0, 0, time.UTC) // Wednesday of 2026-W28
		h.withClock(&now)
		h.run(manager, w.add+" 60 youth date:2026-05-10", commands.OutcomeOK)
		h.run(manager, w.add+" 70 youth "+w.cumulative+" date:2026-06-30", commands.OutcomeOK)
		report := h.newestID()
		h.run(manager, w.add+" 60 senior date:2026-07-01", commands.OutcomeOK)
		h.run(manager, w.add+" 75여 senior "+w.cumulative+" date:2026-07-06", commands.OutcomeOK)
		voidedReport := h.newestID()
		h.run(manager, w.add+" 20 invest 약정 date:2026-07-02", commands.OutcomeOK)
		agreement := h.newestID()
		total := func(id int64) int64 {
			return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND id <= $1 AND status = 'realised'
				AND program_id = (SELECT program_id FROM entries WHERE id = $1) AND as_of <= (SELECT as_of FROM entries WHERE id = $1)`, id)
		}
		countOf := func(id int64) int64 { return h.sqlInt(`SELECT count FROM entries WHERE id = $1`, id) }
		youthTotal, youthInc := total(report), countOf(report)
		seniorTotal, seniorInc := total(voidedReport), countOf(voidedReport)
		if youthInc == youthTotal || seniorInc == seniorTotal {
			t.Fatalf("the reports must imply an increase below their totals: %d/%d, %d/%d", youthInc, youthTotal, seniorInc, seniorTotal)
		}

		list := h.run("U1", w.list, commands.OutcomeOK).Text()
		if ko {
			mustContain(t, list, fmt.Sprintf("청년일자리 보고 당시 누계 %s개 (이 보고로 +%s개)", formatCount(youthTotal), formatCount(youthInc)),
				fmt.Sprintf("노인 일자리 보고 당시 누계 %s여개 (이 보고로 +%s개)", formatCount(seniorTotal), formatCount(seniorInc)))
		} else {
			mustContain(t, list, fmt.Sprintf("youth cumulative %s as reported (+%s by this report)", formatCount(youthTotal), formatCount(youthInc)),
				fmt.Sprintf("senior cumulative about %s as reported (+%s by this report)", formatCount(seniorTotal), formatCount(seniorInc)))
		}

		h.run(manager, fmt.Sprintf("%s %d 중복", pickWord(lang, "void", "무효"), voidedReport), commands.OutcomeOK)
		h.run(manager, fmt.Sprintf("%s %d 중복", pickWord(lang, "void", "무효"), agreement), commands.OutcomeOK)
		voidedJobs := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NOT NULL AND status = 'realised'`)
		voidedAgreed := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NOT NULL AND status = 'agreed'`)
		if voidedJobs != seniorInc || voidedAgreed != 20 {
			t.Fatalf("SQL: voided %d jobs and %d agreed, want %d and 20", voidedJobs, voidedAgreed, seniorInc)
		}
		voids := h.run("U1", w.voided, commands.OutcomeOK).Text()
		reported := fmt.Sprintf("누계 %s여개(계산된 증가분 %s개)", formatCount(seniorTotal), formatCount(seniorInc))
		if ko {
			mustContain(t, voids, "2건, 채용 실적 "+formatCount(voidedJobs)+"개 · 약정 "+formatCount(voidedAgreed)+"개 제외",
				fmt.Sprintf("#%d · 노인 일자리 %s · 기준일", voidedReport, reported))
		} else {
			reported = fmt.Sprintf("cumulative about %s (increment derived: %s)", formatCount(seniorTotal), formatCount(seniorInc))
			mustContain(t, voids, fmt.Sprintf("%s jobs", formatCount(voidedJobs)), fmt.Sprintf("%s agreed", formatCount(voidedAgreed)),
				fmt.Sprintf("#%d · senior %s", voidedReport, reported))
		}

		now = time.Date(2026, time.July, 14, 1, 0, 0, 0, time.UTC)
		digest := h.run("U1", pickWord(lang, "digest 2026-W28", "주간보고 2026년 28주차"), commands.OutcomeOK).Text()
		mustContain(t, digest, fmt.Sprintf("#%d", voidedReport), reported)
		noFormatSlips(t, list+voids+digest)
	}
}

// pickWord is the English or the Korean form, by lang.
func pickWord(lang commands.Lang, en, ko string) string {
	if lang == commands.Korean {
		return ko
	}
	return en
}
