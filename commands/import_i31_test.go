package commands_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
	"jobsbot/importer"
)

// i31 review findings on imports: hires and agreement voids checked as a
// typed 채용 is, problems naming the file's lines, workbooks with pictures,
// with no sheet or hidden sheets, 사업명 against 사업코드, duplicated
// columns, future and forecast figures, running totals sent as 증가분.

// i31Env is a Service wired as serve.go wires /jobs 가져오기, with the
// importer's today and now the service's own (2026-11-26).
type i31Env struct {
	t     *testing.T
	svc   *commands.Service
	store *countingStore
	f     *fileFetcher
}

func newI31Env(t *testing.T) *i31Env {
	t.Helper()
	s := dbtest.New(t)
	cs := &countingStore{Store: s}
	f := &fileFetcher{}
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: s, Language: commands.Korean, Managers: []string{"U_MGR"}, ExportConcurrency: 2,
		WritesPerMinute: -1, Now: func() time.Time { return fixedNow }, FileFetcher: f,
		FileImporter: importer.Service{Store: cs, Today: func() time.Time { return day(2026, 11, 26) },
			Now: func() time.Time { return fixedNow }, RowCap: importer.SlackRowCap},
	})
	return &i31Env{t: t, svc: svc, store: cs, f: f}
}

// preview sends data as the newest file and asks for its preview in lang.
func (e *i31Env) preview(data []byte, lang commands.Lang) commands.Reply {
	e.t.Helper()
	e.f.data = data
	return e.svc.Handle(context.Background(), commands.Caller{UserID: "U_MGR", Source: commands.SourceSlash, Lang: lang}, "가져오기")
}

// apply previews data and presses its button; the preview must offer it.
func (e *i31Env) apply(data []byte) commands.Reply {
	e.t.Helper()
	r := e.preview(data, commands.Korean)
	if len(r.Actions) != 1 {
		e.t.Fatalf("preview offers no apply: %q\n%s", r.Outcome, r.Text())
	}
	return e.svc.Handle(context.Background(), slackUser("U_MGR"), r.Actions[0].Command)
}

func (e *i31Env) sqlInt(q string, args ...any) int64 {
	e.t.Helper()
	var n int64
	if err := e.store.DB().GetContext(context.Background(), &n, q, args...); err != nil {
		e.t.Fatal(err)
	}
	return n
}

func (e *i31Env) liveSum(cond string) int64 {
	e.t.Helper()
	return e.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND ` + cond)
}

// refused checks a preview in each language is refused, says every want
// and says none of the unwanted, and that nothing was written.
func (e *i31Env) refused(name string, data []byte, want map[commands.Lang][]string, unwanted ...string) {
	e.t.Helper()
	before := e.sqlInt(`SELECT count(*) FROM entries`)
	for lang, words := range want {
		r := e.preview(data, lang)
		text := r.Text()
		if r.Outcome != commands.OutcomeRefused || len(r.Actions) != 0 {
			e.t.Errorf("%s (%s): want refused with no button, got %q:\n%s", name, lang, r.Outcome, text)
		}
		for _, w := range words {
			if !strings.Contains(text, w) {
				e.t.Errorf("%s (%s): reply lacks %q:\n%s", name, lang, w, text)
			}
		}
		for _, w := range unwanted {
			if strings.Contains(text, w) {
				e.t.Errorf("%s (%s): reply says %q:\n%s", name, lang, w, text)
			}
		}
	}
	if n := e.sqlInt(`SELECT count(*) FROM entries`); n != before {
		e.t.Errorf("%s: %d entries written; want none", name, n-before)
	}
}

const hiresHeader = "번호,기준일,사업코드,부서,일자리 수,보고 방식,상태,메모,기록자 ID,기록 일시,무효,무효 처리자 ID,무효 일시,무효 사유,약정 번호\n"

// Finding 1: the hires and agreement voids of an entries file are checked
// on the import's end state by the check a typed 채용 uses: a hire beyond
// its agreement, a hire before it or against a voided one, a void of an
// agreement whose hires stay live, each refused on its line.
func TestImportChecksHiresAsTyped(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	for _, tc := range []struct {
		name string
		rows string
		want map[commands.Lang][]string
	}{
		{"hires beyond the agreement",
			"1,2026-03-05,youth,,50,증가분,약정,mou,U_IMP,2026-03-05 09:00,,,,,\n" +
				"2,2026-04-10,youth,,30,증가분,채용,h1,U_IMP,2026-04-10 09:00,,,,,1\n" +
				"3,2026-05-10,youth,,30,증가분,채용,h2,U_IMP,2026-05-10 09:00,,,,,1\n",
			map[commands.Lang][]string{commands.Korean: {"4행", "이 파일 2행", "규모는 50", "이 행의 30"},
				commands.English: {"line 4", "line 2 of this file", "50", "30"}}},
		{"hire against a voided agreement",
			"1,2026-03-05,youth,,50,증가분,약정,mou,U_IMP,2026-03-05 09:00,무효,U_IMP,2026-03-06 09:00,잘못 입력,\n" +
				"2,2026-04-10,youth,,20,증가분,채용,h1,U_IMP,2026-04-10 09:00,,,,,1\n",
			map[commands.Lang][]string{commands.Korean: {"2행", "이 파일 3행"}, commands.English: {"line 2", "line 3 of this file"}}},
		{"hire before its agreement",
			"1,2026-03-05,youth,,50,증가분,약정,mou,U_IMP,2026-03-05 09:00,,,,,\n" +
				"2,2026-03-01,youth,,20,증가분,채용,h1,U_IMP,2026-03-05 10:00,,,,,1\n",
			map[commands.Lang][]string{commands.Korean: {"3행", "2026. 3. 1.", "이 파일 2행", "2026. 3. 5."},
				commands.English: {"line 3", "line 2 of this file"}}},
	} {
		e.refused(tc.name, []byte(hiresHeader+tc.rows), tc.want, "#4611")
	}

	// Within the agreement, the hires come in linked to it: plain SQL sums.
	ok := "1,2026-03-05,youth,,50,증가분,약정,mou,U_IMP,2026-03-05 09:00,,,,,\n" +
		"2,2026-04-10,youth,,20,증가분,채용,h1,U_IMP,2026-04-10 09:00,,,,,1\n" +
		"3,2026-05-10,youth,,30,증가분,채용,h2,U_IMP,2026-05-10 09:00,,,,,1\n"
	r := e.apply([]byte(hiresHeader + ok))
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("a file of hires within their agreement: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`status = 'realised'`); n != 50 {
		t.Errorf("realised jobs: %d, want 50", n)
	}
	if n := e.liveSum(`status = 'agreed'`); n != 50 {
		t.Errorf("agreed jobs: %d, want 50", n)
	}
	if n := e.sqlInt(`SELECT COALESCE(SUM(h.count), 0) FROM agreement_hires ah JOIN entries h ON h.id = ah.hire_entry_id WHERE h.voided_at IS NULL`); n != 50 {
		t.Errorf("hires linked to the agreement: %d jobs, want 50", n)
	}
}

// Finding 1, the void of an agreement whose hires the file leaves live,
// and finding 2: the problem names the hire by its line in this file, not
// a simulated entry number.
func TestImportRefusesVoidingAnAgreementWithLiveHires(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	rows := "1,2026-03-05,youth,,50,증가분,약정,mou,U_IMP,2026-03-05 09:00,무효,U_IMP,2026-06-01 09:00,취소됨,\n" +
		"2,2026-04-10,youth,,20,증가분,채용,h1,U_IMP,2026-04-10 09:00,,,,,1\n"
	e.refused("agreement voided after its hire", []byte(hiresHeader+rows), map[commands.Lang][]string{
		commands.Korean:  {"2행", "이 파일 3행"},
		commands.English: {"line 2", "line 3 of this file"},
	}, "#4611")
}

// Finding 2: a 누계 row that leaves a later 누계 row of the same file with
// no increase names that row's line, not its simulated entry number.
func TestImportLaterReportProblemNamesTheFileLine(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	rows := "1,2026-04-30,youth,,,누계,채용,a,U_IMP,2026-05-01 09:00\n" +
		"2,2026-03-31,youth,,,누계,채용,b,U_IMP,2026-05-02 09:00\n"
	header := "번호,기준일,사업코드,부서,일자리 수,보고 방식,상태,메모,기록자 ID,기록 일시,보고 누계\n"
	data := strings.ReplaceAll(rows, ",누계,채용,a,U_IMP,2026-05-01 09:00", ",누계,채용,a,U_IMP,2026-05-01 09:00,100")
	data = strings.ReplaceAll(data, ",누계,채용,b,U_IMP,2026-05-02 09:00", ",누계,채용,b,U_IMP,2026-05-02 09:00,150")
	e.refused("a 누계 under a later one", []byte(header+data), map[commands.Lang][]string{
		commands.Korean:  {"3행", "이 파일 2행"},
		commands.English: {"line 3", "line 2 of this file"},
	}, "#4611", "#1")
}

// pngBytes is a small picture, as Excel stores one under xl/media.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for x := range 64 {
		for y := range 64 {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 4), uint8((x ^ y) * 4), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// entriesWorkbook is an entries sheet (실적 명세) of rows, each
// {기준일, 사업코드, 일자리 수, 메모}, with edit applied before it is saved.
func entriesWorkbook(t *testing.T, rows [][4]any, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", "실적 명세"); err != nil {
		t.Fatal(err)
	}
	header := []any{"번호", "기준일", "사업코드", "일자리 수", "보고 방식", "상태", "메모", "기록자 ID", "기록 일시"}
	if err := f.SetSheetRow("실적 명세", "A1", &header); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		row := []any{i + 1, r[0], r[1], r[2], "증가분", "채용", r[3], "U_IMP", fmt.Sprintf("%s 09:%02d", r[0], i)}
		if err := f.SetSheetRow("실적 명세", fmt.Sprintf("A%d", i+2), &row); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Finding 3: a workbook holding a picture (xl/media/image1.png, or a
// vector one, image1.svg) or a VBA project (xl/vbaProject.bin) imports:
// a part the workbook declares a picture or a macro project, and no
// relationship reads as anything else, is not scanned as XML (an SVG's
// long path read as an over-long cell refused the file).
func TestWorkbookWithPictureOrMacrosImports(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	pic := pngBytes(t)
	// An OLE compound file as Excel writes vbaProject.bin: its header, then
	// sectors of binary data in which '<' and '>' bytes occur.
	vba := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte("<\x00\x00>\x01A\xff"), 40_000)...)
	for _, tc := range []struct {
		name string
		edit func(f *excelize.File)
		part string
	}{
		{"picture", func(f *excelize.File) {
			if err := f.AddPictureFromBytes("실적 명세", "K2", &excelize.Picture{Extension: ".png", File: pic}); err != nil {
				t.Fatal(err)
			}
		}, "xl/media/image1.png"},
		{"vector picture", func(f *excelize.File) {
			// excelize inserts no SVG: a PNG, made an SVG after saving (svgPicture).
			if err := f.AddPictureFromBytes("실적 명세", "K2", &excelize.Picture{Extension: ".png", File: pic}); err != nil {
				t.Fatal(err)
			}
		}, "xl/media/image1.svg"},
		{"macros", func(f *excelize.File) {
			if err := f.AddVBAProject(vba); err != nil {
				t.Fatal(err)
			}
		}, "xl/vbaProject.bin"},
	} {
		month := map[string]string{"picture": "2026-03", "vector picture": "2026-05", "macros": "2026-04"}[tc.name]
		data := entriesWorkbook(t, [][4]any{{month + "-10", "youth", 7, tc.name}, {month + "-11", "youth", 5, tc.name}}, tc.edit)
		if tc.name == "vector picture" {
			data = svgPicture(t, data)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, zf := range zr.File {
			found = found || zf.Name == tc.part
		}
		if !found {
			t.Fatalf("%s: the workbook holds no %s", tc.name, tc.part)
		}
		r := e.apply(data)
		if r.Outcome != commands.OutcomeOK {
			t.Errorf("%s: %q\n%s", tc.name, r.Outcome, r.Text())
		}
		if n := e.liveSum(fmt.Sprintf(`note = '%s'`, tc.name)); n != 12 {
			t.Errorf("%s: %d jobs imported, want 12", tc.name, n)
		}
	}
}

// Finding 4 (B5): a workbook that declares no sheet is refused in words,
// not a panic.
func TestWorkbookWithNoSheetIsRefused(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`},
	} {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	e.refused("no sheet", buf.Bytes(), map[commands.Lang][]string{
		commands.Korean:  {"시트가 하나도 없습니다"},
		commands.English: {"no sheet"},
	})
	// Its only sheet hidden: refused as well, a hidden sheet being never read.
	hidden := hiddenSheetWorkbook(t)
	e.refused("every sheet hidden", hidden, map[commands.Lang][]string{
		commands.Korean:  {"시트가 모두 숨겨져"},
		commands.English: {"Every sheet of this workbook is hidden"},
	})
}

// hiddenSheetWorkbook is a workbook of one sheet, holding an entries
// header and a row, that is hidden.
func hiddenSheetWorkbook(t *testing.T) []byte {
	t.Helper()
	row := `<row r="1"><c r="A1" t="inlineStr"><is><t>기준일</t></is></c><c r="B1" t="inlineStr"><is><t>사업코드</t></is></c><c r="C1" t="inlineStr"><is><t>일자리 수</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>2026-03-10</t></is></c><c r="B2" t="inlineStr"><is><t>youth</t></is></c><c r="C2"><v>5</v></c></row>`
	data := slackWorkbook(t, row, "")
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/workbook.xml" {
			body = bytes.Replace(body, []byte(`r:id="rId1"/>`), []byte(`state="hidden" r:id="rId1"/>`), 1)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Finding 5: a hidden sheet is not read when a visible one holds the
// data, and the preview names the sheet read and the hidden ones skipped.
func TestHiddenSheetIsSkippedAndSaid(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	data := entriesWorkbook(t, [][4]any{{"2026-03-10", "youth", 7, "visible"}}, func(f *excelize.File) {
		// A hidden copy with other figures, and 실적 명세 moved off the active tab.
		if _, err := f.NewSheet("숨김"); err != nil {
			t.Fatal(err)
		}
		header := []any{"번호", "기준일", "사업코드", "일자리 수", "보고 방식", "상태", "메모", "기록자 ID", "기록 일시"}
		if err := f.SetSheetRow("숨김", "A1", &header); err != nil {
			t.Fatal(err)
		}
		row := []any{1, "2026-03-12", "youth", 900, "증가분", "채용", "hidden", "U_IMP", "2026-03-12 09:00"}
		if err := f.SetSheetRow("숨김", "A2", &row); err != nil {
			t.Fatal(err)
		}
		if err := f.SetSheetName("실적 명세", "Sheet2"); err != nil {
			t.Fatal(err)
		}
		f.SetActiveSheet(0)
		if err := f.SetSheetVisible("숨김", false); err != nil {
			t.Fatal(err)
		}
		if err := f.MoveSheet("숨김", "Sheet2"); err != nil {
			t.Fatal(err)
		}
	})
	for lang, want := range map[commands.Lang][]string{
		commands.Korean:  {"`Sheet2` 시트를 읽었습니다", "숨긴 시트 1개(`숨김`)는 읽지 않았습니다"},
		commands.English: {"Read the sheet `Sheet2`", "hidden sheet (`숨김`) was not read"},
	} {
		r := e.preview(data, lang)
		for _, w := range want {
			if !strings.Contains(r.Text(), w) {
				t.Errorf("preview (%s) lacks %q:\n%s", lang, w, r.Text())
			}
		}
	}
	if r := e.apply(data); r.Outcome != commands.OutcomeOK {
		t.Fatalf("apply: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 7 {
		t.Errorf("%d jobs imported; want the visible sheet's 7, none of the hidden 900", n)
	}
}

// Finding 6 (B9/F46): a row whose 사업명 names another program than its
// 사업코드 is refused naming both; a file with a column twice is refused
// naming the header.
func TestImportRefusesNameAgainstCodeAndDuplicateColumns(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	header := "번호,기준일,사업코드,사업명,부서,일자리 수,보고 방식,상태,메모,기록자 ID,기록 일시\n"
	e.refused("code and name disagree", []byte(header+
		"1,2026-03-10,senior,노인 일자리,,5,증가분,채용,a,U_IMP,2026-03-10 09:00\n"+
		"2,2026-03-11,senior,청년일자리,,7,증가분,채용,b,U_IMP,2026-03-11 09:00\n"),
		map[commands.Lang][]string{
			commands.Korean:  {"3행", "`senior`", "`청년일자리`", "`youth`"},
			commands.English: {"line 3", "`senior`", "`청년일자리`", "`youth`"},
		})
	e.refused("일자리 수 twice", []byte("번호,기준일,사업코드,부서,일자리 수,일자리 수,보고 방식,상태,메모,기록자 ID,기록 일시\n"+
		"1,2026-03-10,youth,,5,50,증가분,채용,a,U_IMP,2026-03-10 09:00\n"),
		map[commands.Lang][]string{
			commands.Korean:  {"`일자리 수`", "E", "F"},
			commands.English: {"`일자리 수`", "E", "F"},
		})
	e.refused("비고 twice in a report", []byte("2026년 일자리사업 추진실적\n사업코드,사업명,1월,2월,비고,비고\nyouth,청년일자리,5,6,,어림수\n"),
		map[commands.Lang][]string{commands.Korean: {"`비고`"}, commands.English: {"`비고`"}})
	// The same rows, the name agreeing (or naming no program: renamed since), import.
	r := e.apply([]byte(header + "1,2026-03-10,senior,노인 일자리,,5,증가분,채용,a,U_IMP,2026-03-10 09:00\n" +
		"2,2026-03-11,senior,옛 어르신 사업,,7,증가분,채용,b,U_IMP,2026-03-11 09:00\n"))
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("%q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`program_id = (SELECT id FROM programs WHERE code = 'senior')`); n != 12 {
		t.Errorf("senior holds %d, want 12", n)
	}
}

// Finding 7 (F42): a row dated after today, or labelled a forecast, is no
// achievement: refused naming its line.
func TestImportRefusesFutureAndForecastRows(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	e.refused("entries row after today", []byte(entriesHeader+
		"1,2026-11-20,youth,,5,증가분,채용,a,U_IMP,2026-11-20 09:00\n"+
		"2,2026-12-31,youth,,7,증가분,채용,b,U_IMP,2026-11-21 09:00\n"),
		map[commands.Lang][]string{commands.Korean: {"3행", "2026. 12. 31.", "아직 오지 않은"}, commands.English: {"line 3", "future"}})
	e.refused("a template's December", []byte("2026년 일자리사업 추진실적 취합 양식\n제출 부서: 일자리정책과\n사업코드,사업명,보고 방식,10월,11월,12월,비고\nyouth,청년일자리,증가분,5,6,8,\n"),
		map[commands.Lang][]string{commands.Korean: {"4행", "12월", "2026. 12. 31.", "아직 시작되지 않은"}, commands.English: {"line 4", "12월", "not begun"}},
		"[11월]") // November, the running month, holds its figure so far
	e.refused("forecast note", []byte(entriesHeader+
		"1,2026-10-20,youth,,5,증가분,채용,a,U_IMP,2026-10-20 09:00\n"+
		"2,2026-10-31,youth,,7,증가분,채용,10월 예상치,U_IMP,2026-10-21 09:00\n"),
		map[commands.Lang][]string{commands.Korean: {"3행", "예상"}, commands.English: {"line 3", "forecast"}})
	e.refused("forecast 비고", []byte("2026년 일자리사업 추진실적\n사업코드,사업명,9월,10월,비고\nyouth,청년일자리,5,6,목표치\n"),
		map[commands.Lang][]string{commands.Korean: {"3행", "목표치"}, commands.English: {"line 3", "forecast"}})
	if n := e.liveSum(`TRUE`); n != 0 {
		t.Errorf("%d jobs written; want none", n)
	}
	// An agreement's note may say 예정: a 약정 is a promise, counted apart.
	r := e.apply([]byte(entriesHeader + "1,2026-10-20,youth,,40,증가분,약정,11월 채용 예정,U_IMP,2026-10-20 09:00\n" +
		"2,2026-10-21,youth,,6,증가분,채용,a,U_IMP,2026-10-21 09:00\n"))
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("an agreement noted 예정: %q\n%s", r.Outcome, r.Text())
	}
	if a, h := e.liveSum(`status = 'agreed'`), e.liveSum(`status = 'realised'`); a != 40 || h != 6 {
		t.Errorf("agreed %d, realised %d; want 40 and 6", a, h)
	}
}

// Finding 8 (F43): a 증가분 row whose months look like running totals is
// previewed with a warning naming its line; it still imports.
func TestImportWarnsWhenIncreasesLookCumulative(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	running := []byte("2026년 일자리사업 추진실적\n사업코드,사업명,1월,2월,3월,4월,비고\nyouth,청년일자리,100,180,260,350,\nsenior,노인 일자리,40,30,50,45,\n")
	for lang, want := range map[commands.Lang]string{
		commands.Korean:  "3행",
		commands.English: "line 3",
	} {
		r := e.preview(running, lang)
		if r.Outcome != commands.OutcomeOK || len(r.Actions) != 1 {
			t.Fatalf("(%s) a warning must not refuse: %q\n%s", lang, r.Outcome, r.Text())
		}
		text := r.Text()
		if !strings.Contains(text, want) || !strings.Contains(text, map[commands.Lang]string{commands.Korean: "누계", commands.English: "running total"}[lang]) {
			t.Errorf("(%s) preview lacks the running-total warning on %s:\n%s", lang, want, text)
		}
		if strings.Contains(text, map[commands.Lang]string{commands.Korean: "4행", commands.English: "line 4"}[lang]) {
			t.Errorf("(%s) the senior row (its months fall) is warned about:\n%s", lang, text)
		}
	}
	if r := e.apply(running); r.Outcome != commands.OutcomeOK {
		t.Fatalf("%q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`program_id = (SELECT id FROM programs WHERE code = 'youth')`); n != 890 {
		t.Errorf("youth holds %d, want 890 (added as increases)", n)
	}
}

// svgPicture turns a workbook's xl/media/image1.png into an SVG as Excel 365
// stores an icon or a map: XML, whose one path is far longer than any
// cell's text may be.
func svgPicture(t *testing.T, data []byte) []byte {
	t.Helper()
	var d strings.Builder
	d.WriteString("M0 0")
	for i := range 20_000 {
		fmt.Fprintf(&d, " L%d %d", i%640, (i*7)%480)
	}
	svg := `<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><path fill="none" stroke="#000" d="` + d.String() + `"/></svg>`
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		if _, err := body.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		_ = rc.Close()
		name, b := zf.Name, body.String()
		switch {
		case name == "xl/media/image1.png":
			name, b = "xl/media/image1.svg", svg
		case name == "[Content_Types].xml":
			b = strings.Replace(b, "<Default ", `<Default Extension="svg" ContentType="image/svg+xml"/><Default `, 1)
		default:
			b = strings.ReplaceAll(b, "image1.png", "image1.svg")
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
