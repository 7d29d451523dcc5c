package commands_test

import (
	"context"
	"fmt"
	"testing"

	"jobsbot/commands"
)

// Review r40 B1: the add form stored a count of `1\u202E23` (Slack shows
// 132) as 123 and `4\u200B5` as 45: the form checked only the department
// and the note for marks, and CleanText then dropped them from the count.
// A typed line and an imported cell holding one are refused; so is every
// form field, naming it, with nothing written.
func TestR40FormRefusesMarksInEveryField(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, lang)
			ctx := context.Background()
			for i, tc := range []struct {
				form  commands.AddForm
				field string
			}{
				{commands.AddForm{Program: "youth", Count: "1\u202E23"}, commands.FieldCount},
				{commands.AddForm{Program: "youth", Count: "4\u200B5"}, commands.FieldCount},
				{commands.AddForm{Program: "youth", Count: "45\uFEFF"}, commands.FieldCount},
				{commands.AddForm{Program: "youth", Count: "5", Date: "2026-11-0\u202E3"}, commands.FieldDate},
				{commands.AddForm{Program: "you\u200Bth", Count: "5"}, commands.FieldProgram},
				{commands.AddForm{Program: "youth", Count: "5", Status: "real\u2066ised"}, commands.FieldStatus},
			} {
				c := commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: fmt.Sprintf("view-r40b1-%d", i)}
				r, errs := h.svc.SubmitAddForm(ctx, c, tc.form)
				if r.Outcome != commands.OutcomeRefused {
					t.Errorf("%+q: outcome %q, want refused", tc.form, r.Outcome)
				}
				if errs[tc.field] == "" {
					t.Errorf("%+q: no error on %s: %v", tc.form, tc.field, errs)
				}
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries written; want none", n)
			}
			// The same figure typed plainly records, and SQL holds it.
			r, _ := h.svc.SubmitAddForm(ctx, commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: "view-r40b1-ok"},
				commands.AddForm{Program: "youth", Count: "123"})
			if r.Outcome != commands.OutcomeOK {
				t.Fatalf("plain 123: %q %s", r.Outcome, r.Text())
			}
			if sum := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); sum != 123 {
				t.Fatalf("SUM = %d, want 123", sum)
			}
		})
	}
}
