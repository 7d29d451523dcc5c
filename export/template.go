package export

import (
	"context"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

var _ commands.TemplateMaker = (*Exporter)(nil)

// Template writes a department's 취합 양식: a title naming the year, the
// 제출 부서 line the import reads the department from, then one row per
// program with 사업코드, 사업명, 보고 방식 (증가분 or 누계, from a list), the
// twelve months and 비고. package importer finds every column by its header,
// so a department may add or move columns.
func (x *Exporter) Template(_ context.Context, w io.Writer, req commands.TemplateRequest) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "취합 양식"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	header := []any{"사업코드", "사업명", "보고 방식"}
	for m := 1; m <= 12; m++ {
		header = append(header, fmt.Sprintf("%d월", m))
	}
	header = append(header, "비고")
	last, _ := excelize.ColumnNumberToName(len(header))
	rows := [][]any{
		{fmt.Sprintf("%d년 일자리사업 실적 취합 양식", req.Year)},
		{"제출 부서: " + req.Department},
		{"단위: 명. 월마다 그달 실적(증가분) 또는 그달 말 누계(누계)를 적고, 보고 방식에 어느 쪽인지 고르십시오. 빈칸은 보고하지 않은 달로 봅니다."},
		header,
	}
	for _, p := range req.Programs {
		rows = append(rows, []any{p.Code, p.NameKo, "증가분"})
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	first, end := 5, 4+len(req.Programs)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("C%d:C%d", first, end)
	if err := dv.SetDropList([]string{"증가분", "누계"}); err != nil {
		return err
	}
	if err := f.AddDataValidation(sheet, dv); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: koreanFont}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A4", last+"4", bold); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 30); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, last, last, 30); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
