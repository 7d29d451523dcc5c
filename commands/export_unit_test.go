package commands_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/export"
)

// fileCatcher is a FileSender that keeps the file it is given.
type fileCatcher struct {
	name string
	body []byte
}

func (c *fileCatcher) SendFile(_ context.Context, _ string, f commands.File) error {
	c.name = f.Name
	var err error
	c.body, err = io.ReadAll(f.Body)
	return err
}

// `/jobs 엑셀 4월말` from someone who reports for a department prints that
// department as 작성 부서, and names the file by its date.
func TestExportPrintsTheCallersDepartment(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	reportLedger(h)
	h.run(manager, "부서 추가 일자리정책과 <@U0KIM>", commands.OutcomeOK)
	sent := &fileCatcher{}
	h.svc = h.with(func(c *commands.Config) { c.Exporter, c.FileSender = export.New(h.store, nil), sent })
	h.run("U0KIM", "엑셀 4월말", commands.OutcomeOK)
	if sent.name != "2026년_일자리사업_추진실적_4월말.xlsx" {
		t.Errorf("file %q", sent.name)
	}
	f, err := excelize.OpenReader(bytes.NewReader(sent.body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(export.SheetByProgram)
	if title := rows[0][0]; title != "2026년 일자리사업 추진실적 (2026. 4. 30. 기준)" {
		t.Errorf("title %q", title)
	}
	mustContain(t, rows[1][len(rows[1])-1], "작성 부서: 일자리정책과", "작성일: 2026. 11. 26.")
}
