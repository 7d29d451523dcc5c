package commands

import (
	"context"
	"fmt"
	"io"
	"jobsbot/commands/i18n"
	"os"
	"slices"
	"time"
)

// TemplateRequest says which department's 취합 양식 to build.
type TemplateRequest struct {
	Year       int
	Department string
	Programs   []Program // the department's active programs, by code
}

// FileName is the name the template is delivered under.
func (r TemplateRequest) FileName() string {
	return fmt.Sprintf("%d년_일자리사업_취합양식_%s.xlsx", r.Year, r.Department)
}

// TemplateMaker writes a department's template; package export's Exporter
// implements it beside Export.
type TemplateMaker interface {
	Template(ctx context.Context, w io.Writer, req TemplateRequest) error
}

// parseTemplate reads `template [department]`: the rest of the line names
// the department.
func parseTemplate(cmd *Command, ts []token, _ time.Time) error {
	if len(ts) > 0 {
		cmd.Words = []string{CleanName(textJoin(ts))}
	}
	return nil
}

// template answers `template [부서]`: an xlsx with the department's programs
// as rows and the months as columns, a 보고 방식 column (증가분 or 누계) and
// a 비고 column, sent in a direct message; filled in and sent back with
// `import`, it comes in as that department's reports.
func (s *Service) template(ctx context.Context, c Caller, cmd Command) Reply {
	maker, ok := s.exporter.(TemplateMaker)
	if !ok || s.sender == nil {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("export.files_can_be_sent")}
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	typed := ""
	if len(cmd.Words) > 0 {
		typed = cmd.Words[0]
	}
	var dept Department
	if typed == "" {
		name := s.callerDepartment(ctx, c.UserID)
		if name == "" {
			return s.refuse(cmd.Name, s.msg("template.name_a_department"))
		}
		dept, _ = findDepartment(depts, name)
		dept.Name = name
	} else if dept, ok = findDepartment(depts, typed); !ok {
		return s.refuse(cmd.Name, s.unknownDepartment(typed, depts))
	}
	programs, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	programs = slices.DeleteFunc(programs, func(p Program) bool { return !p.Active || CleanName(p.Department) != dept.Name })
	if len(programs) == 0 {
		return s.refuse(cmd.Name, s.msg("template.department_has_no_programs", "Department", dept.Name))
	}
	req := TemplateRequest{Year: s.today().Year(), Department: dept.Name, Programs: programs}
	tmp, err := os.CreateTemp("", "jobsbot-template-*")
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, fmt.Errorf("template temp file: %w", err))
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := maker.Template(ctx, tmp, req); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, fmt.Errorf("template rewind: %w", err))
	}
	f := File{Name: req.FileName(), Title: s.msg("template.title", "Department", dept.Name, "Year", req.Year), Size: size, Body: tmp,
		Summary: s.msg("template.summary", "Department", dept.Name, "Count", len(programs), i18n.PluralCount, len(programs))}
	if err := s.sender.SendFile(ctx, c.UserID, f); err != nil {
		s.log.ErrorContext(ctx, "sending a template failed", "file", f.Name, "err", err)
		return Reply{Outcome: OutcomeFailed, Title: s.msg("export.file_could_not_be")}
	}
	return Reply{Title: s.msg("export.sent_to_you_in", "Name", f.Name), Sections: []Section{{Lines: []string{f.Summary}}}}
}
