package commands_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r24 (i48): a re-imported export whose rows the ledger holds (기록
// 식별자) but whose 부서, 고용형태, 어림수 or 메모 were edited said
// "가져왔습니다" and changed nothing (F7); an edited 목표(변경) cell of a
// report was dropped the same way (F13).

// i48EditCSV reads an export CSV, lets edit change its rows (by header name)
// and writes it back, the byte-order mark and the trailing sections kept.
func i48EditCSV(t *testing.T, data []byte, edit func(col map[string]int, rows [][]string)) []byte {
	t.Helper()
	bom := []byte("\ufeff")
	body := bytes.TrimPrefix(data, bom)
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, n := range rows[0] {
		col[n] = i
	}
	edit(col, rows)
	var b bytes.Buffer
	if bytes.HasPrefix(data, bom) {
		b.Write(bom)
	}
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rowOf finds the export row of a program code.
func i48RowOf(t *testing.T, col map[string]int, rows [][]string, code string) []string {
	t.Helper()
	for _, r := range rows[1:] {
		if len(r) > col["사업코드"] && r[col["사업코드"]] == code {
			return r
		}
	}
	t.Fatalf("no row of %s in the export", code)
	return nil
}

// F7: 부서 복지정책과 → 노인복지과 on one row, 고용형태 and 어림수 on
// another, 메모 on a third: each row refused naming the columns, both
// values and what to type (무효 then 추가); a changed figure names 정정.
// Nothing is written and no department is listed as credited.
func TestImportRefusesEditedFieldsOfAHeldRow(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run(manager, "추가 취약계층 10 4월 2일", commands.OutcomeOK)
			h.run(manager, "추가 노인 7 4월 3일", commands.OutcomeOK)
			h.run(manager, "추가 청년 5 4월 6일 메모:4월 채용", commands.OutcomeOK)
			h.run(manager, "추가 여성 4 4월 7일", commands.OutcomeOK)
			sum := func() string {
				return strings.Join([]string{
					h.sqlStr(`SELECT string_agg(department || ':' || count, ',' ORDER BY id) FROM entries WHERE voided_at IS NULL`),
					h.sqlStr(`SELECT string_agg(employment_type || ':' || approximate::text || ':' || note, ',' ORDER BY id) FROM entries`)}, "|")
			}
			before, total := sum(), h.liveSumAll()
			name, data := h.exportEntries(lang, "csv")
			edited := i48EditCSV(t, data, func(col map[string]int, rows [][]string) {
				i48RowOf(t, col, rows, "vulnerable")[col["부서"]] = "노인복지과"
				s := i48RowOf(t, col, rows, "senior")
				s[col["고용형태"]], s[col["어림수(여)"]] = "상용", "여"
				i48RowOf(t, col, rows, "youth")[col["메모"]] = "4월 채용(정정)"
				i48RowOf(t, col, rows, "women")[col["일자리 수"]] = "40"
			})
			preview, applied := h.importFile(lang, name, edited)
			text := preview + applied
			if lang == commands.Korean {
				mustContain(t, text, "2행 [부서]", `부서 "복지정책과" → "노인복지과"`, "#1 실적의 것인데",
					"3행 [고용형태, 어림수(여)]", `고용형태 "(미지정)" → "상용"`, `어림수(여) "" → "여"`, "`무효 2 <사유>`",
					"4행 [메모]", "`무효 3 <사유>`", "5행 [일자리 수]", "`정정 4 <바른 수> <사유>`", "가져오기는 이미 기록된 실적을 고치지 않으며")
				for _, w := range []string{"가져왔습니다", "실적이 기록될 부서"} {
					if strings.Contains(text, w) {
						t.Errorf("reply says %q:\n%s", w, text)
					}
				}
			} else {
				mustContain(t, text, "line 2 [부서]", `부서 "복지정책과" → "노인복지과"`, "entry #1",
					"line 3 [고용형태, 어림수(여)]", "`void 2 <reason>`", "line 5 [일자리 수]", "`correct 4 <right count> <reason>`",
					"an import never changes a recorded entry")
			}
			if got := sum(); got != before {
				t.Errorf("ledger changed:\n%s\nwas\n%s", got, before)
			}
			if got := h.liveSumAll(); got != total {
				t.Errorf("live jobs %d (SQL SUM), want %d", got, total)
			}
			// The export unchanged still adds nothing and is taken.
			preview, _ = h.importFile(lang, name, data)
			if got := h.liveSumAll(); got != total {
				t.Errorf("own export: live jobs %d, want %d\n%s", got, total, preview)
			}
			if lang == commands.Korean {
				mustContain(t, preview, "이미 있는 기록 4건")
			} else {
				mustContain(t, preview, "4 already in the ledger")
			}
			// It writes nothing, so it names no department as credited.
			for _, w := range []string{"실적이 기록될 부서", "Departments credited"} {
				if strings.Contains(preview, w) {
					t.Errorf("own export's preview says %q:\n%s", w, preview)
				}
			}
		})
	}
}

func (h *harness) sqlStr(q string, args ...any) string {
	h.t.Helper()
	var s string
	if err := h.store.DB().GetContext(context.Background(), &s, q, args...); err != nil {
		h.t.Fatal(err)
	}
	return s
}

// F13: a report's 목표(변경) edited 1,600 → 1,800 was dropped with
// "가져왔습니다". It is refused naming the cell, the ledger's target and
// the 목표 command; the cell as exported (or any figure the target has
// held: 당초) is not read; the suggested command sets the target, after
// which the file imports.
func TestImportRefusesAnEditedReportTarget(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	for _, line := range []string{"목표 1,600 사업:청년", "추가 청년 50 10/1"} {
		if r := e.typed(line); r.Outcome != commands.OutcomeOK {
			t.Fatalf("%q: %q\n%s", line, r.Outcome, r.Text())
		}
	}
	target := func() int64 {
		return e.sqlInt(`SELECT t.jobs FROM targets t JOIN programs p ON p.id = t.program_id WHERE p.code = 'youth' AND t.year = 2026`)
	}
	const head = "2026년 일자리사업 추진실적\n사업코드,사업명,목표(당초),목표(변경),10월,11월,누계,비고\n"
	edited := []byte(head + "youth,청년일자리,\"1,600\",\"1,800\",50,10,60,\n")
	e.refused("edited 목표(변경)", edited, map[commands.Lang][]string{
		commands.Korean: {"3행 [목표(변경)] \"1,800\"", "목표는 가져오기로 정하지 않으므로", "장부의 청년일자리 2026년 목표는 1,600개입니다",
			"`목표 1,800 연도:2026 사업:청년일자리 사유:<사유>`", "아무것도 가져오지 않았습니다"},
		commands.English: {"line 3 [목표(변경)] \"1,800\"", "target of 청년일자리 is 1,600", "an import never sets a target",
			"`target 1,800 year:2026 program:청년일자리 reason:<reason>`"},
	}, "가져왔습니다")
	if got := target(); got != 1600 {
		t.Errorf("youth target %d, want 1600", got)
	}
	// A program without a target: a figure typed into its 목표 cell.
	e.refused("목표 of a program without one", []byte(head+"senior,노인 일자리,,500,,7,7,\n"), map[commands.Lang][]string{
		commands.Korean:  {"3행 [목표(변경)] \"500\"", "장부에는 노인 일자리의 2026년 목표가 없습니다", "`목표 500 연도:2026 사업:노인 일자리"},
		commands.English: {"노인 일자리 has no 2026 target in the ledger"},
	})
	// The cells as exported import the month's figure, target unchanged.
	if r := e.apply([]byte(head + "youth,청년일자리,\"1,600\",\"1,600\",50,10,60,\n")); r.Outcome != commands.OutcomeOK {
		t.Fatalf("unchanged targets refused: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`program_id = (SELECT id FROM programs WHERE code = 'youth')`); n != 60 {
		t.Errorf("youth holds %d (SQL SUM), want 60", n)
	}
	// The suggested command sets the target; then 1,800 is the ledger's.
	if r := e.typed("목표 1,800 연도:2026 사업:청년일자리 사유:추경 반영"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("the suggested 목표 line: %q\n%s", r.Outcome, r.Text())
	}
	if r := e.apply([]byte(head + "youth,청년일자리,\"1,600\",\"1,800\",50,12,62,\n")); r.Outcome != commands.OutcomeOK {
		t.Fatalf("the file after 목표: %q\n%s", r.Outcome, r.Text())
	}
	if got, n := target(), e.liveSum(`program_id = (SELECT id FROM programs WHERE code = 'youth')`); got != 1800 || n != 62 {
		t.Errorf("youth target %d and SUM %d, want 1800 and 62", got, n)
	}
}
