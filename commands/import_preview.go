package commands

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// ImportPreview is the answer to an import, applied or not, in lang: the
// rows read per program and month, what is (or would be) added, and every
// problem by line. problems are those of reading the file; res those of
// writing it. Problems are said in lang; the columns they name are the
// file's own (Korean) headers.
func ImportPreview(f ImportFile, problems []ImportProblem, res ImportResult, dryRun bool, lang Lang) string {
	p := i18n.Default().Printer(lang)
	var b strings.Builder
	if kind := cmp.Or(f.Kind, res.Kind); (kind == ImportReport || kind == ImportTemplate) && f.Notes != nil && len(f.Rows) == 0 {
		// A report or template: the program rows read, and of them those
		// whose month cells add to the ledger (known once it was written).
		adding := map[string]bool{}
		for _, c := range res.Cells {
			if c.Added != 0 || c.Agreed != 0 {
				adding[c.Program] = true
			}
		}
		b.WriteString(p.T("import6.preview_file_programs", "Name", CleanName(f.Name), "Kind", p.T(importKindIDs[kind]),
			"Rows", numbers.Format(int64(f.Notes.ProgramRows)), "Changed", numbers.Format(int64(len(adding))),
			"Known", len(problems)+len(res.Problems) == 0 && !res.AlreadyImported))
	} else if kind != "" {
		b.WriteString(p.T("import.preview.file_kind", "Name", CleanName(f.Name), "Kind", p.T(importKindIDs[kind]),
			"Rows", numbers.Format(int64(max(len(f.Rows), res.Rows)))))
	} else {
		b.WriteString(p.T("import.preview.file", "Name", CleanName(f.Name)))
	}
	b.WriteString("\n")
	if f.Notes != nil {
		for _, n := range f.Notes.List {
			b.WriteString(n.Text(lang) + "\n")
		}
	}
	problems = append(problems, res.Problems...)
	if len(problems) > 0 {
		b.WriteString(p.T("import.preview.problems", "Count", numbers.Format(int64(len(problems)))) + "\n")
		for i, pr := range problems {
			if i == maxProblemsShown {
				// Every problem is counted above; a file wrong on hundreds
				// of rows is listed by its first ones (import6).
				more := len(problems) - i
				b.WriteString(p.T("import6.preview_more_problems", "N", numbers.Format(int64(more)), "Shown", maxProblemsShown) + "\n")
				break
			}
			b.WriteString("  " + pr.Text(lang) + "\n")
		}
		return b.String()
	}
	if res.AlreadyImported {
		b.WriteString(p.T("import.preview.already") + "\n")
		return b.String()
	}
	if len(f.Departments) > 0 && (res.Added > 0 || res.Voided > 0) {
		// A file that writes nothing credits no department: the ledger's
		// own export imported back listed every department of its rows
		// (review r24 F7).
		names := slices.Sorted(maps.Keys(f.Departments))
		b.WriteString(p.T("import.preview.departments", "Names", strings.Join(names, ", ")) + "\n")
	}
	if len(res.Cells) > 0 {
		b.WriteString(p.T("import.preview.cells") + "\n")
	}
	for _, c := range res.Cells {
		// 채용 실적 in the program's unit, and 약정 apart: an agreement is no
		// job until hired (review r6 m-3, r5 L3).
		// (format.count: the unit in Korean, none in English.)
		unit := cmp.Or(f.Units[c.Program], "개")
		line := p.T("import.preview.cell_realised", "Program", importProgramName(f, c.Program, lang), "Month", importMonth(c.Month, lang),
			"Rows", numbers.Format(int64(c.Rows)), "Added", p.T("format.count", "N", importSignedApprox(c.Added, c.AddedApprox && c.Added != 0, lang), "Unit", unit))
		if c.Agreed != 0 && c.Added == 0 && c.Within == 0 {
			// Only agreements: no "채용 실적 0개" beside them (review r29 M5).
			line = p.T("holdlock.import_cell_agreed_only", "Program", importProgramName(f, c.Program, lang), "Month", importMonth(c.Month, lang),
				"Rows", numbers.Format(int64(c.Rows)), "Agreed", p.T("format.count", "N", importSignedApprox(c.Agreed, c.AgreedApprox && c.Agreed != 0, lang), "Unit", unit))
		} else {
			if c.Within != 0 {
				line += p.T("kept.import_cell_within", "Within", p.T("format.count", "N", numbers.Format(c.Within), "Unit", unit))
			}
			if c.Agreed != 0 {
				line += p.T("import.preview.cell_agreed", "Agreed", p.T("format.count", "N", importSignedApprox(c.Agreed, c.AgreedApprox && c.Agreed != 0, lang), "Unit", unit))
			}
		}
		b.WriteString("  " + line + "\n")
	}
	// Marked rows this ledger already holds are its own entries: their
	// marks and months' closes are here already, and saying "not closed
	// here" of them was false (review r28 F4).
	if held := res.AfterClosePresent; held > 0 {
		b.WriteString(p.T("r28b.import_after_close_present", "N", numbers.Format(int64(held)), i18n.PluralCount, held) + "\n")
	}
	if n := f.NotCarried["마감 후 정정"] - res.AfterClosePresent; n > 0 {
		// Never silently: the marks, and the month closes they speak of,
		// stay behind (README, Importing files).
		b.WriteString(p.T("import.preview.after_close_not_carried", "N", numbers.Format(int64(n)), i18n.PluralCount, n) + "\n")
	}
	// Zero parts are left out (review r29 M5); the new entries are always said.
	if kind := cmp.Or(f.Kind, res.Kind); (kind == ImportReport || kind == ImportTemplate) && res.Voided == 0 {
		// A report's or template's unchanged figures are month cells, not
		// records (import6: 9 program rows said 이미 있는 기록 108건).
		b.WriteString(p.T("import6.preview_totals_months", "Added", numbers.Format(int64(res.Added)),
			"Unchanged", numbers.Format(int64(res.Unchanged)), "AnyUnchanged", res.Unchanged != 0, i18n.PluralCount, res.Added) + "\n")
	} else {
		b.WriteString(p.T("import.preview.totals", "Added", numbers.Format(int64(res.Added)),
			"Unchanged", numbers.Format(int64(res.Unchanged)), "Voided", numbers.Format(int64(res.Voided)),
			"AnyUnchanged", res.Unchanged != 0, "AnyVoided", res.Voided != 0, i18n.PluralCount, res.Added) + "\n")
	}
	if res.Present > 0 {
		b.WriteString(p.T("import.preview.present", "N", numbers.Format(int64(res.Present)), i18n.PluralCount, res.Present) + "\n")
	}
	if res.Kept > 0 {
		// Rows of an identifier this ledger does not hold keep their file's
		// recorder (another ledger's history); said, with whose (r26 M3).
		b.WriteString(p.T("improws.import_kept_recorder", "N", numbers.Format(int64(res.Kept)), "By", strings.Join(res.KeptBy, ", "),
			"More", res.Kept > len(res.KeptBy), i18n.PluralCount, res.Kept) + "\n")
	}
	for i, id := range res.Missing {
		if i == maxMissingNamed {
			b.WriteString(p.T("k58.import_missing_more", "N", numbers.Format(int64(len(res.Missing)-i)), "Void", cmdVoidWord(lang), i18n.PluralCount, len(res.Missing)-i) + "\n")
			break
		}
		b.WriteString(p.T("k58.import_missing", "ID", id) + "\n")
	}
	if dryRun {
		b.WriteString(p.T("import.preview.dry_run") + "\n")
	} else {
		b.WriteString(p.T("import.preview.applied") + "\n")
	}
	return b.String()
}

// maxProblemsShown bounds how many problems a preview lists one by one.
const maxProblemsShown = 20

// maxMissingNamed bounds how many missing rows a preview names one by one.
const maxMissingNamed = 10

// cmdVoidWord is the void command as typed in lang.
func cmdVoidWord(lang Lang) string {
	if lang == Korean {
		return "무효"
	}
	return "void"
}

// importKindIDs name each kind of file in the catalogue.
var importKindIDs = map[ImportKind]string{
	ImportEntries:  "import.kind.entries",
	ImportReport:   "import.kind.report",
	ImportTemplate: "import.kind.template",
}

// importProgramName names a program of the preview in lang, by code when
// the file did not say.
func importProgramName(f ImportFile, code string, lang Lang) string {
	n, ok := f.Names[code]
	switch {
	case !ok:
		return code
	case lang == Korean && n[0] != "" || n[1] == "":
		return n[0]
	}
	return n[1]
}

func importMonth(m time.Time, lang Lang) string {
	if lang == Korean {
		return fmt.Sprintf("%d년 %d월", m.Year(), m.Month())
	}
	return m.Format("January 2006")
}

func importSigned(n int64) string {
	if n > 0 {
		return "+" + numbers.Format(n)
	}
	return numbers.Format(n)
}

// importSignedApprox is importSigned with the 여 of an approximate figure,
// written as the console's plusCount writes it: +400여 in Korean, "about
// +400" in English.
func importSignedApprox(n int64, approximate bool, lang Lang) string {
	if !approximate {
		return importSigned(n)
	}
	return i18n.Default().Printer(lang).T("format.approximate", "N", importSigned(n))
}
