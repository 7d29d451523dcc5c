package commands_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r28 F14: a 정정 answered 누계포함:아니오 that lowered a delta a
// later 누계 counted, then the 무효 of its replacement. Worked by hand with
// the chain rule (commands/chain_test.go, db/adjustments.go):
//
//	#1 +20 (11/20)                          total 20
//	#2 누계 50 (11/25): increment 30        total 50
//	정정 1 15 아니오 → #3: the −5 is separate from #2, whose increment stays
//	30: 15 + 30                             total 45
//	무효 3: #2 counted the chain's first figure, 20 = 15 − (−5); the void
//	hands those 20 to #2 (increment 50, its stated 50 stands) and removes
//	the separate −5 with the 정정 it belonged to: 50
//
// So the void RAISES the total, 45 → 50, because the department's own
// 누계 (#2, 50) stands; 30 would put the ledger under the only 누계 the
// department gave. The reply said "15개는 모두 … 누계는 50개 그대로" (main)
// or "55개 그대로" (r28): a figure that was not the total before. It must
// say 45 → 50 and why, and `목록 무효` must say the void took nothing out
// and raised the total by 5 (the SQL SUM's change).
func TestR28VoidOfSeparateDecreaseSaysTheRise(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			steps := []struct {
				ko, en string
				total  int64
			}{
				{"추가 여성 20 11/20 메모:경력단절여성 인턴 채용", "add 20 women date:2026-11-20 note:interns", 20},
				{"추가 여성 누계 50 11/25", "add women cumulative 50 date:2026-11-25", 50},
				{"정정 1 15 중복 제외 누계포함:아니오", "correct 1 15 duplicates within:no", 45},
			}
			for _, st := range steps {
				h.run(manager, byLang(lang, st.en, st.ko), commands.OutcomeOK)
				h.checkChainTotal("women", st.ko, st.total)
			}
			r := h.run(manager, byLang(lang, "void 3 interns all cancelled", "무효 3 인턴 채용 전부 취소됨"), commands.OutcomeOK)
			h.checkChainTotal("women", "무효 3", 50)
			before, after := int64(45), h.liveSum("women", "realised")
			mustContain(t, r.Text(), byLang(lang,
				fmt.Sprintf("the women 2026 total rose from %d to %d", before, after),
				fmt.Sprintf("여성 일자리 2026년 누계는 %d개에서 %d개로 늘었습니다", before, after)),
				byLang(lang, "report #2 (2026-11-25, 50 in total) stands", "누계 보고 #2(2026. 11. 25. 기준 누계 50개)의 누계가 그대로 남아"),
				byLang(lang, "`correct 2 <right total> <reason>`", "`정정 2 <바른 누계> <사유>`"))
			for _, bad := range []string{"그대로입니다", "stays 50", "55"} {
				if contains(r.Text(), bad) {
					t.Errorf("reply says %q:\n%s", bad, r.Text())
				}
			}
			list := h.run(manager, byLang(lang, "list voided", "목록 무효"), commands.OutcomeOK)
			mustContain(t, list.Text(), byLang(lang, "Voided entries dated in 2026 (whenever voided): 1 entry, 0 jobs taken out", "2026년 무효 처리 실적(기준일 기준): 1건, 일자리 0개 제외"),
				byLang(lang, fmt.Sprintf("raised the total by %d", after-before), fmt.Sprintf("누계 %d개 늘어남", after-before)))
		})
	}
}

// Review r28 F14, the history: after the 무효 above re-based a 누계 that a
// 정정 had replaced, `목록 무효` showed that 정정 as "계산된 증가분 121개 →
// 121개", the replacement's increment of now. The 정정 changed it 80 → 60
// (400 − 320, 380 − 320, by hand); the line keeps what the 정정 did.
func TestR28CorrectionHistoryKeepsItsIncrement(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			steps := []struct {
				ko, en string
				total  int64
			}{
				{"추가 노인 누계 300 11/10", "add senior cumulative 300 date:2026-11-10", 300},
				{"추가 노인 20 11/15", "add 20 senior date:2026-11-15", 320},
				{"추가 노인 누계 400 11/20", "add senior cumulative 400 date:2026-11-20", 400},
				{"정정 3 380 사유:누계 오기", "correct 3 380 reason:typo", 380},
				{"정정 2 15 중복 제외 누계포함:아니오", "correct 2 15 duplicates within:no", 375},
				{"무효 5 중복 기록", "void 5 duplicate", 380},
			}
			for _, st := range steps {
				h.run(manager, byLang(lang, st.en, st.ko), commands.OutcomeOK)
				h.checkChainTotal("senior", st.ko, st.total)
			}
			list := h.run(manager, byLang(lang, "list voided", "목록 무효"), commands.OutcomeOK)
			mustContain(t, list.Text(), byLang(lang,
				"cumulative 400 (increment derived: 80) → cumulative 380 (increment derived: 60)",
				"누계 400개(계산된 증가분 80개) → 누계 380개(계산된 증가분 60개)"))
			if got := h.sqlInt(`SELECT count FROM entries WHERE id = 4`); got != 80 {
				t.Errorf("#4 holds %d after the void, want 80 (its 380 stands)", got)
			}
		})
	}
}

// Review r28 F7: `목록 무효 2026` listed the voids and 정정 made in 2026, so
// 2026 entries voided or corrected in January 2027 were missing from it and
// listed under 2027. A year's list is of that year's entries, whenever the
// void or 정정 was made; the figures are SQL SUMs of the voided entries
// dated in that year (the corrected one is listed apart, as a 정정).
func TestR28VoidListIsOfTheEntriesYear(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			now := time.Date(2026, 12, 21, 3, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, byLang(lang, "add 12 disabled date:2026-12-01", "추가 장애인 12 12/1"), commands.OutcomeOK) // #1
			h.run(manager, byLang(lang, "add 7 youth date:2026-12-10", "추가 청년 7 12/10"), commands.OutcomeOK)      // #2
			h.run(manager, byLang(lang, "void 1 duplicate", "무효 1 중복"), commands.OutcomeOK)                       // voided in 2026
			h.run(manager, byLang(lang, "add 22 senior date:2026-11-29", "추가 노인 22 11/29"), commands.OutcomeOK)   // #3
			h.run(manager, byLang(lang, "add 8 youth date:2026-12-15", "추가 청년 8 12/15"), commands.OutcomeOK)      // #4
			now = time.Date(2027, 1, 5, 3, 0, 0, 0, time.UTC)
			h.run(manager, byLang(lang, "add 5 women date:2027-01-02", "추가 여성 5 1/2"), commands.OutcomeOK)        // #5
			h.run(manager, byLang(lang, "void 3 duplicate of 11/28", "무효 3 11/28 입사자 중복 기록"), commands.OutcomeOK) // 2026 entry, voided in 2027
			h.run(manager, byLang(lang, "correct 4 11 typo", "정정 4 11 오기"), commands.OutcomeOK)                   // 2026 entry, corrected in 2027 → #6
			h.run(manager, byLang(lang, "void 5 typo", "무효 5 오기"), commands.OutcomeOK)                            // 2027 entry
			plainSQL := func(year int) int64 {
				return h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e
					WHERE e.voided_at IS NOT NULL AND e.status = 'realised' AND extract(year FROM e.as_of) = $1
					  AND NOT EXISTS (SELECT 1 FROM entry_corrections c WHERE c.old_entry_id = e.id)`, year)
			}
			past := h.run(manager, byLang(lang, "list voided 2026", "목록 무효 2026"), commands.OutcomeOK).Text()
			mustContain(t, past, byLang(lang,
				fmt.Sprintf("Voided entries dated in 2026 (whenever voided): 2 entries, %d jobs taken out", plainSQL(2026)),
				fmt.Sprintf("2026년 무효 처리 실적(기준일 기준): 2건, 일자리 %d개 제외", plainSQL(2026))),
				"#1 ·", "#3 ·", byLang(lang, "Corrections: 1", "정정 1건"), "#4 ·")
			cur := h.run(manager, byLang(lang, "list voided", "목록 무효"), commands.OutcomeOK).Text()
			mustContain(t, cur, byLang(lang,
				fmt.Sprintf("Voided entries dated in 2027 (whenever voided): 1 entry, %d jobs taken out", plainSQL(2027)),
				fmt.Sprintf("2027년 무효 처리 실적(기준일 기준): 1건, 일자리 %d개 제외", plainSQL(2027))), "#5 ·")
			for _, other := range []string{"#1 ·", "#3 ·", "#4 ·"} {
				if contains(cur, other) {
					t.Errorf("2027's list holds the 2026 entry %s:\n%s", other, cur)
				}
			}
		})
	}
}

// Review r28 F6: the 실적 없음 refusal wrote the month's figure as 1,200개
// where its only entry is the 누계 1,200여 (shown everywhere else as
// 1,200여개). The figure is the SQL SUM of the month, with its 여.
func TestR28NothingRefusalKeepsApproximate(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			h.run(manager, byLang(lang, "add senior cumulative 1200여 date:2026-10-31", "추가 노인 누계 1천2백여 10/31"), commands.OutcomeOK)
			sum := h.sqlInt(`SELECT sum(count) FROM entries WHERE voided_at IS NULL AND as_of BETWEEN '2026-10-01' AND '2026-10-31'`)
			r := h.run(manager, byLang(lang, "nothing 2026-10 dept:노인복지과", "실적 없음 10월 부서:노인복지과"), commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "already has about "+formatCount(sum)+" jobs", "2026년 10월 실적 "+formatCount(sum)+"여개가 이미 있어"))
		})
	}
}

// Review r28 F4: importing the ledger's own entries export said "마감 후 정정
// 표시가 있는 행 12건 … 그 달도 마감되어 있지 않습니다": the file has 6 such
// rows (the count grew with each scan of the file), and they are this very
// ledger's entries, in a month closed here. The preview counts each marked
// row once and says they are entries the ledger holds, marks and close kept.
func TestR28OwnExportAfterCloseRows(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			now := time.Date(2026, 10, 21, 3, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, byLang(lang, "add 10 youth date:2026-10-20", "추가 청년 10 10/20"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add 20 youth date:2026-10-21 confirm:yes note:second", "추가 청년 20 10/21 확인:예 메모:둘째"), commands.OutcomeOK)
			now = time.Date(2026, 11, 5, 3, 0, 0, 0, time.UTC)
			h.run(manager, byLang(lang, "close 2026-10", "마감 10월"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "void 1 late reason:audit", "무효 1 늦은 정정 사유:감사 지적"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "correct 2 25 typo reason:audit", "정정 2 25 오기 사유:감사 지적 정정"), commands.OutcomeOK)
			marked := h.sqlInt(`SELECT count(DISTINCT entry_id) FROM entry_after_close`)
			if marked == 0 {
				t.Fatal("no 마감 후 정정 marks")
			}
			before := h.liveSumAll()
			name, data := h.exportEntries(lang, "csv")
			if got := int64(strings.Count(string(data), "마감 후 정정")) - 2; got != marked { // less the headers 마감 후 정정 and 마감 후 정정 사유
				t.Fatalf("the export has %d marked rows, the ledger %d marks", got, marked)
			}
			// The reviewer deleted the two order columns, as the bot told
			// them to for an edited file: the rows are then held and read
			// again, which counted each mark twice.
			data = dropColumns(t, data, "기록 순번", "무효 순번")
			preview, _ := h.importFile(lang, name, data)
			mustContain(t, preview, byLang(lang,
				fmt.Sprintf("%d rows marked 마감 후 정정 are entries this ledger already holds", marked),
				fmt.Sprintf("마감 후 정정 표시가 있는 행 %d건은 이 원장에 이미 있는 기록", marked)))
			for _, bad := range []string{"그 달도 마감되어 있지 않습니다", "not closed here"} {
				if strings.Contains(preview, bad) {
					t.Errorf("the preview says %q of this very ledger:\n%s", bad, preview)
				}
			}
			if got := h.liveSumAll(); got != before {
				t.Errorf("the import moved the ledger from %d to %d", before, got)
			}
		})
	}
}

// dropColumns deletes the named columns of a CSV file.
func dropColumns(t *testing.T, data []byte, names ...string) []byte {
	t.Helper()
	bom := []byte("\ufeff")
	body, hadBOM := bytes.CutPrefix(data, bom)
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var keep []int
	for i, h := range rows[0] {
		if !slices.Contains(names, h) {
			keep = append(keep, i)
		}
	}
	var out bytes.Buffer
	if hadBOM {
		out.Write(bom)
	}
	w := csv.NewWriter(&out)
	for _, r := range rows {
		var kept []string
		for _, i := range keep {
			if i < len(r) {
				kept = append(kept, r[i])
			}
		}
		if err := w.Write(kept); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return out.Bytes()
}
