package commands

import (
	"fmt"
	"strings"

	"jobsbot/commands/numbers"
)

// importKindLabels name what a file was read as.
var importKindLabels = map[ImportKind]string{
	ImportEntries:  "실적 명세",
	ImportReport:   "사업별 보고서",
	ImportTemplate: "부서 취합 양식",
}

// ImportPreview is the answer to an import, applied or not: the rows read
// per program and month, what is (or would be) added, and every problem by
// line. problems are those of reading the file; res those of writing it.
func ImportPreview(f ImportFile, problems []ImportProblem, res ImportResult, dryRun bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "파일: %s", CleanName(f.Name))
	if f.Kind != "" {
		fmt.Fprintf(&b, " (%s, %s행)", importKindLabels[f.Kind], numbers.Format(int64(len(f.Rows))))
	}
	b.WriteString("\n")
	problems = append(problems, res.Problems...)
	if len(problems) > 0 {
		fmt.Fprintf(&b, "문제 %s건: 아무것도 가져오지 않았습니다. 고쳐서 다시 보내 주십시오.\n", numbers.Format(int64(len(problems))))
		for _, p := range problems {
			b.WriteString("  " + strings.TrimSpace(p.String()) + "\n")
		}
		return b.String()
	}
	if res.AlreadyImported {
		b.WriteString("이미 가져온 파일입니다: 더할 것이 없습니다.\n")
		return b.String()
	}
	if len(res.Cells) > 0 {
		b.WriteString("사업·월별 읽은 행과 더할 일자리:\n")
	}
	for _, c := range res.Cells {
		fmt.Fprintf(&b, "  %s %d년 %d월: %s행, %s명\n", c.Program, c.Month.Year(), c.Month.Month(),
			numbers.Format(int64(c.Rows)), importSigned(c.Added))
	}
	fmt.Fprintf(&b, "새 기록 %s건, 이미 있는 기록 %s건, 무효 처리 %s건\n",
		numbers.Format(int64(res.Added)), numbers.Format(int64(res.Unchanged)), numbers.Format(int64(res.Voided)))
	if dryRun {
		b.WriteString("미리 보기입니다: 아무것도 쓰지 않았습니다.\n")
	} else {
		b.WriteString("가져왔습니다.\n")
	}
	return b.String()
}

func importSigned(n int64) string {
	if n > 0 {
		return "+" + numbers.Format(n)
	}
	return numbers.Format(n)
}
