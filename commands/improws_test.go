package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"jobsbot/commands"
)

// Review r25/r26 (improws): an imported row is read right or refused,
// never silently wrong. Today is 2026-11-26 (newI31Env).

// improwsAgreement records an agreement of invest by the console and
// returns its entry number.
func improwsAgreement(t *testing.T, e *i31Env) int64 {
	t.Helper()
	for _, line := range []string{"추가 투자 300 10/1 상태:약정"} {
		if r := e.typed(line); r.Outcome != commands.OutcomeOK {
			t.Fatalf("%q: %q\n%s", line, r.Outcome, r.Text())
		}
	}
	return e.sqlInt(`SELECT max(id) FROM entries WHERE status = 'agreed'`)
}

// r25 F3: a new row (no 기록 식별자, no 번호) naming the ledger's
// agreement #N in 약정 번호 was stored as a plain add, the link dropped:
// 약정 이행 stayed where it was. It is refused naming the column and the
// console's line, `채용 N 40`; nothing is written.
func TestImportNewRowNamingALedgerAgreementIsRefused(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	id := improwsAgreement(t, e)
	if r := e.typed(fmt.Sprintf("채용 %d 50 10/10", id)); r.Outcome != commands.OutcomeOK {
		t.Fatalf("채용: %q\n%s", r.Outcome, r.Text())
	}
	hired := func() int64 {
		return e.sqlInt(`SELECT COALESCE(SUM(h.count), 0) FROM agreement_hires ah JOIN entries h ON h.id = ah.hire_entry_id
			WHERE ah.agreement_entry_id = $1 AND h.voided_at IS NULL`, id)
	}
	file := []byte(fmt.Sprintf("기준일,사업명,일자리 수,보고 방식,보고 누계,상태,메모,약정 번호\n2026-11-20,투자,40,증가분,,채용,,%d\n", id))
	e.refused("new row with 약정 번호", file, map[commands.Lang][]string{
		commands.Korean:  {"2행 [약정 번호]", fmt.Sprintf("`채용 %d 40 2026. 11. 20.`", id), "아무것도 가져오지 않았습니다"},
		commands.English: {"line 2 [약정 번호]", fmt.Sprintf("`hire %d 40 2026. 11. 20.`", id)},
	}, "가져왔습니다")
	if got := hired(); got != 50 {
		t.Errorf("agreement #%d hired %d (SQL SUM), want 50", id, got)
	}
	if n := e.liveSum(`status = 'realised'`); n != 50 {
		t.Errorf("realised %d (SQL SUM), want 50", n)
	}
	// The line the refusal gives links the hire as typed.
	if r := e.typed(fmt.Sprintf("채용 %d 40 2026. 11. 20.", id)); r.Outcome != commands.OutcomeOK {
		t.Fatalf("suggested line: %q\n%s", r.Outcome, r.Text())
	}
	if got := hired(); got != 90 {
		t.Errorf("after the typed line: hired %d, want 90", got)
	}
	_ = strings.Contains
}

// Review r29 B3: another ledger's whole entries export, imported into an
// empty ledger (a move, a restore), was refused for rows confirmed with
// 확인:예 where they were typed (a figure above the target, a delta as
// large as the 누계 before it): the size holds read every 기록 식별자 this
// ledger does not hold as made up. Rows with a 기록 식별자 are not held;
// a new row (none) still is. SQL SUMs.
func TestImportOfAnotherLedgersExportKeepsItsConfirmedRows(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	if r := e.typed("목표 1,000 사업:청년"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("목표: %q\n%s", r.Outcome, r.Text())
	}
	const head = "기준일,사업명,일자리 수,보고 방식,보고 누계,상태,메모,기록 식별자"
	file := head + "\n2026-10-21,청년,\"1,200\",증가분,,채용,큰 수,3f2b8c1e-1111-4a2b-9c3d-000000000001\n" +
		"2026-10-22,청년,7,증가분,,채용,보통,3f2b8c1e-1111-4a2b-9c3d-000000000002\n"
	if r := e.apply([]byte(file)); r.Outcome != commands.OutcomeOK {
		t.Fatalf("another ledger's export refused: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 1207 {
		t.Errorf("ledger holds %d (SQL SUM), want 1207", n)
	}
	// A new row (no 기록 식별자) of the same size is held.
	e.refused("new row", []byte("기준일,사업명,일자리 수,보고 방식,보고 누계,상태,메모\n2026-10-23,청년,\"1,100\",증가분,,채용,새 행\n"),
		map[commands.Lang][]string{
			commands.Korean:  {"2행 [일자리 수] \"1,100\"", "`확인` 칸에 `예`를 적어"},
			commands.English: {"line 2 [일자리 수] \"1,100\"", "write 예 in this row's 확인 column"},
		})
	if n := e.liveSum(`TRUE`); n != 1207 {
		t.Errorf("after the refused row the ledger holds %d (SQL SUM), want 1207", n)
	}
}

// r26 M6: a CSV saved by macOS may hold its Korean in NFD (decomposed
// jamo). Every cell, header and title line is read as NFC, so an entries
// file and a department's 취합 양식 in NFD match their programs and
// departments, and nothing is stored under a decomposed name.
func TestImportReadsNFDFilesAsNFC(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	departments, programs := e.sqlInt(`SELECT count(*) FROM departments`), e.sqlInt(`SELECT count(*) FROM programs`)
	entries := norm.NFD.String("기준일,사업명,부서,일자리 수,보고 방식,상태,메모\n2026-10-06,청년일자리,일자리정책과,4,증가분,채용,청년 채용\n")
	if entries == norm.NFC.String(entries) {
		t.Fatal("the file is not decomposed")
	}
	if r := e.apply([]byte(entries)); r.Outcome != commands.OutcomeOK {
		t.Fatalf("NFD entries file: %q\n%s", r.Outcome, r.Text())
	}
	template := norm.NFD.String("2026년 일자리사업 추진실적 취합 양식\n제출 부서: 일자리정책과\n사업코드,사업명,보고 방식,10월,11월,비고\nyouth,청년일자리,증가분,5,6,\n")
	if r := e.apply([]byte(template)); r.Outcome != commands.OutcomeOK {
		t.Fatalf("NFD template: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`department = '일자리정책과' AND program_id = (SELECT id FROM programs WHERE code = 'youth')`); n != 11 {
		t.Errorf("youth in 일자리정책과 holds %d (SQL SUM), want 11 (5 in October, the file's 4 inside it, and 6)", n)
	}
	if n := e.sqlInt(`SELECT count(*) FROM entries WHERE department <> normalize(department, NFC) OR note <> normalize(note, NFC)`); n != 0 {
		t.Errorf("%d entries stored in NFD", n)
	}
	if n := e.sqlInt(`SELECT count(*) FROM entries WHERE note = '청년 채용'`); n != 1 {
		t.Errorf("the note is not stored as NFC 청년 채용 (%d rows)", n)
	}
	if d, p := e.sqlInt(`SELECT count(*) FROM departments`), e.sqlInt(`SELECT count(*) FROM programs`); d != departments || p != programs {
		t.Errorf("departments %d → %d, programs %d → %d: none may be created", departments, d, programs, p)
	}
}

// k61 in imports (r25): `11월말 누계` on a 증가분, `퇴사 3명 차감` on an
// add and `채용 완료` on a 약정 are refused when typed; a file's rows saying
// them were stored. They are refused by line with the console's own check
// (commands.NoteContradicts), in an entries file's 메모 and a template's
// 비고; nothing is written.
func TestImportRefusesNotesContradictingTheRow(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	for _, line := range []string{"추가 청년 60 11/20 메모:11월말 누계", "추가 노인 3 11/20 메모:퇴사 3명 차감", "추가 투자 100 11/20 상태:약정 메모:채용 완료"} {
		if r := e.typed(line); r.Outcome == commands.OutcomeOK {
			t.Fatalf("the console took %q:\n%s", line, r.Text())
		}
	}
	file := []byte(i46Header + "2026-11-20,청년,60,증가분,,채용,11월말 누계\n" +
		"2026-11-20,노인,3,증가분,,채용,퇴사 3명 차감\n" +
		"2026-11-20,투자,100,증가분,,약정,채용 완료\n" +
		"2026-11-20,여성,4,증가분,,채용,보통\n")
	e.refused("contradicting notes", file, map[commands.Lang][]string{
		commands.Korean: {"2행 [메모]", "`누계`는 수가 누계라는 말로 보이는데", "3행 [메모]", "`퇴사`는 일자리가 줄었다는 말로",
			"4행 [메모]", "`채용 완료`는 이미 채용했다는 말로", "아무것도 가져오지 않았습니다"},
		commands.English: {"line 2 [메모]", "line 3 [메모]", "line 4 [메모]", "reads as the people being hired"},
	}, "5행 [", "line 5 [")
	template := []byte("2026년 일자리사업 추진실적 취합 양식\n제출 부서: 일자리정책과\n사업코드,사업명,보고 방식,10월,11월,비고\nyouth,청년일자리,증가분,5,6,퇴사 3명 차감\n")
	e.refused("a template's 비고", template, map[commands.Lang][]string{
		commands.Korean:  {"4행 [비고]", "일자리가 줄었다는 말로"},
		commands.English: {"line 4 [비고]"},
	})
	if n := e.liveSum(`TRUE`); n != 0 {
		t.Errorf("ledger holds %d (SQL SUM), want 0", n)
	}
	// Without the words the rows read.
	if r := e.apply([]byte(i46Header + "2026-11-20,청년,60,증가분,,채용,11월 채용\n")); r.Outcome != commands.OutcomeOK {
		t.Fatalf("a plain note refused: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 60 {
		t.Errorf("ledger holds %d (SQL SUM), want 60", n)
	}
}

// r26 M4: a report whose 목표(당초) and 목표(변경) cells are swapped is
// taken. That is harmless: the cells are checked, never imported (each is
// a figure the program's target has held), so the target, its history and
// the revision (당초 1,600 → 변경 1,800) stay the ledger's; only the months
// come in.
func TestImportReportWithSwappedTargetsChangesNoTarget(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	for _, line := range []string{"목표 1,600 사업:청년", "목표 1,800 사업:청년 사유:추경 반영", "추가 청년 50 10/1"} {
		if r := e.typed(line); r.Outcome != commands.OutcomeOK {
			t.Fatalf("%q: %q\n%s", line, r.Outcome, r.Text())
		}
	}
	targets := func() string {
		return fmt.Sprint(e.sqlInt(`SELECT t.jobs FROM targets t JOIN programs p ON p.id = t.program_id WHERE p.code = 'youth' AND t.year = 2026`),
			"/", e.sqlInt(`SELECT count(*) FROM target_revisions`), "/", e.sqlInt(`SELECT count(*) FROM targets`))
	}
	before := targets()
	const head = "2026년 일자리사업 추진실적\n사업코드,사업명,목표(당초),목표(변경),10월,11월,누계,비고\n"
	if r := e.apply([]byte(head + "youth,청년일자리,\"1,800\",\"1,600\",50,10,60,\n")); r.Outcome != commands.OutcomeOK {
		t.Fatalf("swapped targets: %q\n%s", r.Outcome, r.Text())
	}
	if got := targets(); got != before {
		t.Errorf("targets (current/revisions/rows) %s, want %s as before the file", got, before)
	}
	if n := e.liveSum(`program_id = (SELECT id FROM programs WHERE code = 'youth')`); n != 60 {
		t.Errorf("youth holds %d (SQL SUM), want 60", n)
	}
}

// r26 M1: a held row's (its 기록 식별자 this ledger holds) 무효, 정정,
// 누계포함 and 약정 번호 were not compared: a 무효 cleared, a 약정 번호 or
// 누계포함 typed in, a 정정 written on a live row, were skipped with
// "가져왔습니다". Each row is refused naming the column, both values and
// what to type; the export as written still imports back.
func TestImportRefusesEditedLinksOfAHeldRow(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run(manager, "추가 취약계층 10 4월 2일", commands.OutcomeOK)
			h.run(manager, "추가 노인 7 4월 3일", commands.OutcomeOK)
			h.run(manager, "추가 청년 5 4월 6일", commands.OutcomeOK)
			h.run(manager, "추가 여성 4 4월 7일", commands.OutcomeOK)
			h.run(manager, "추가 투자 100 4월 8일 상태:약정", commands.OutcomeOK)
			voidLine := map[commands.Lang]string{commands.Korean: "무효 1 중복 입력", commands.English: "void 1 duplicate"}[lang]
			h.run(manager, voidLine, commands.OutcomeOK)
			state := func() string {
				return h.sqlStr(`SELECT string_agg(id || ':' || count || ':' || (voided_at IS NULL)::text, ',' ORDER BY id) FROM entries`) +
					"|" + fmt.Sprint(h.sqlInt(`SELECT count(*) FROM agreement_hires`), h.sqlInt(`SELECT count(*) FROM entry_adjustments`))
			}
			before, total := state(), h.liveSumAll()
			name, data := h.exportEntries(lang, "csv")
			edited := i48EditCSV(t, data, func(col map[string]int, rows [][]string) {
				i48RowOf(t, col, rows, "vulnerable")[col["무효"]] = ""
				i48RowOf(t, col, rows, "senior")[col["약정 번호"]] = "5"
				i48RowOf(t, col, rows, "youth")[col["누계포함"]] = "예"
				i48RowOf(t, col, rows, "women")[col["정정"]] = "#3로 정정"
			})
			preview, applied := h.importFile(lang, name, edited)
			text := preview + applied
			if lang == commands.Korean {
				mustContain(t, text, "2행 [무효]", `무효 "무효" → ""`, "무효는 가져오기로 되돌리지 않으므로",
					"3행 [약정 번호]", `약정 번호 "" → "5"`, "4행 [누계포함]", `누계포함 "" → "예"`,
					"5행 [정정]", `정정 "" → "#3로 정정"`, "`무효 4 <사유>`", "아무것도 기록하지 않았습니다")
			} else {
				mustContain(t, text, "line 2 [무효]", "line 3 [약정 번호]", "line 4 [누계포함]", "line 5 [정정]",
					"an import never changes a recorded entry's void")
			}
			if strings.Contains(text, "가져왔습니다") {
				t.Errorf("reply says 가져왔습니다:\n%s", text)
			}
			if got := state(); got != before {
				t.Errorf("ledger changed:\n%s\nwas\n%s", got, before)
			}
			if got := h.liveSumAll(); got != total {
				t.Errorf("live jobs %d (SQL SUM), want %d", got, total)
			}
			// The export as written adds nothing and is taken.
			preview, _ = h.importFile(lang, name, data)
			if strings.Contains(preview, "문제") || strings.Contains(preview, "Problems") {
				t.Errorf("own export refused:\n%s", preview)
			}
			mustContain(t, preview, map[commands.Lang]string{commands.Korean: "이미 있는 기록 5건", commands.English: "5 already in the ledger"}[lang])
			if got := state(); got != before {
				t.Errorf("own export changed the ledger:\n%s\nwas\n%s", got, before)
			}
		})
	}
}

// r26 M3: a row whose 기록 식별자 this ledger does not hold keeps the
// file's 기록자 (another ledger's export keeps its history: TestRoundTrip),
// which a row made up with a typed UUID used silently. The preview says how
// many rows keep whose 기록자, and how to have them credited to the
// importer: clear the 기록 식별자.
func TestImportSaysWhoseRecorderAnUnheldOriginKeeps(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	const head = "기준일,사업명,일자리 수,보고 방식,보고 누계,상태,메모,기록자 ID,기록 식별자\n"
	file := []byte(head + "2026-10-21,청년,7,증가분,,채용,보통,U_OTHER,3f2b8c1e-1111-4a2b-9c3d-000000000009\n")
	for lang, want := range map[commands.Lang]string{
		commands.Korean:  "기록 식별자가 이 원장에 없는 행 1건은 다른 원장의 기록으로 보아 파일의 기록자·기록 일시(U_OTHER)를 그대로 씁니다. 직접 만든 행이면 기록 식별자 칸을 비우고",
		commands.English: "1 row carries a 기록 식별자 (record ID) this ledger does not hold: it is read as another ledger's entry and keeps the file's 기록자 and 기록 일시 (U_OTHER)",
	} {
		mustContain(t, e.preview(file, lang).Text(), want)
	}
	if r := e.apply(file); r.Outcome != commands.OutcomeOK {
		t.Fatalf("refused: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE logged_by = 'U_OTHER' AND voided_at IS NULL`); n != 7 {
		t.Errorf("U_OTHER holds %d (SQL SUM), want 7 as the preview said", n)
	}
	// Cleared, the row is the importer's.
	cleared := []byte(head + "2026-10-22,청년,3,증가분,,채용,새 행,U_OTHER,\n")
	if r := e.apply(cleared); r.Outcome != commands.OutcomeOK {
		t.Fatalf("cleared: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE logged_by = 'U_MGR' AND voided_at IS NULL`); n != 3 {
		t.Errorf("U_MGR holds %d (SQL SUM), want 3", n)
	}
}
