package commands

import (
	"context"
	"time"
)

// commandSpec is the one definition of a subcommand: its words, the options it
// takes, how its positional words are read and what runs it. The same entry
// drives the parser's dispatch, `help`, and the usage line and example shown
// with every parse error, so the four can never disagree. Adding a command is
// one entry here plus its parser and handler.
type commandSpec struct {
	Name      string   // canonical name, e.g. "candidate move"
	Words     []string // words that select it after the group word, English and Korean
	Usage     string
	SummaryEn string
	SummaryKo string
	Examples  []string
	Manager   bool
	// Guarded commands write without a key of their own, so a redelivered
	// request is caught by claiming its delivery key first.
	Guarded bool
	// Writes marks commands that change the ledger: each Slack user may run
	// them only so often (ratelimit.go).
	Writes bool
	// Options are the canonical option keys (see optionKeys) it accepts.
	Options []string
	// Parse reads the positional words left once options are taken; nil
	// means the command takes none.
	Parse func(cmd *Command, ts []token, today time.Time) error
	// Run answers the parsed command.
	Run func(s *Service, ctx context.Context, c Caller, cmd Command) Reply
}

// commandTable lists every subcommand in the order help shows them. It is
// filled once, in init, and never changed after: Go forbids the declaration
// itself because some handlers (help, every refusal) read the table back.
var commandTable []commandSpec

func init() { commandTable = commandSpecs() }

func commandSpecs() []commandSpec {
	return []commandSpec{
		{
			Name: "add", Words: []string{"add", "log", "추가", "기록", "등록"},
			Usage:     "add <count> <program> [cumulative] [date:…] [dept:…] [status:realised|agreed] [type:regular|temporary|daily] [note]",
			SummaryEn: "Log jobs a program created (a delta, or with `cumulative` the total through its date). Counts as 180, 2만500, 6백여, 천여 명, 1.2만, 약 500, 300 명; dates as 4월말, 11.30, 11월 30일자, 어제, 그저께, 금요일, 지난주 금요일, 지난달 말, with or without date:. 약정/채용 and 상용/임시/일용 are read without a label.",
			SummaryKo: "사업별 일자리 실적을 기록합니다(증가분, 또는 `누적`을 붙이면 그 날짜까지의 누계). 수는 180, 2만500, 6백여, 천여 명, 1.2만, 약 500, 300 명처럼, 날짜는 4월말, 11.30, 11월 30일자, 어제, 그저께, 금요일, 지난주 금요일, 지난달 말처럼 date: 없이도 씁니다. 약정·채용, 상용·임시·일용도 그대로 쓰면 됩니다.",
			Examples:  []string{"add 180 youth date:4월말", "add 2400여 invest cumulative date:2026-04-30", "add 청년 35 dept:일자리정책과 job fair hires", "add 천여 명 노인 지난달 말 현재", "add 약 500 youth 금요일 채용박람회", "add 15 invest 약정 지난주 금요일"},
			Writes:    true,
			Options:   []string{"date", "dept", "status", "type", "program", "note"},
			Parse:     parseCounted,
			Run:       (*Service).add,
		},
		{
			Name: "list", Words: []string{"list", "ls", "목록", "조회"},
			Usage:     "list [mine|voided] [program] [dept:…] [period]",
			SummaryEn: "Show recent entries with their numbers.",
			SummaryKo: "최근 실적을 번호와 함께 보여줍니다.",
			Examples:  []string{"list", "list mine", "list youth 2026-04", "list voided 2026", "list dept:일자리정책과 2026-04"},
			Options:   []string{"program", "dept"},
			Parse:     parseList,
			Run:       (*Service).list,
		},
		{
			Name: "undo", Words: []string{"undo", "되돌리기", "취소"},
			Usage:     "undo",
			SummaryEn: "Void your own latest entry.",
			SummaryKo: "내가 마지막으로 기록한 실적을 무효로 합니다.",
			Examples:  []string{"undo"},
			Guarded:   true,
			Writes:    true,
			Run:       func(s *Service, ctx context.Context, c Caller, _ Command) Reply { return s.undo(ctx, c) },
		},
		{
			Name: "void", Words: []string{"void", "무효"},
			Usage:     "void <entry number> [reason]",
			SummaryEn: "Void one entry (its author or a manager). History is kept.",
			SummaryKo: "실적 한 건을 무효로 합니다(작성자 또는 관리자). 기록은 남습니다.",
			Examples:  []string{"void 12 counted twice", "void #12 MOU, not hires"},
			Guarded:   true,
			Writes:    true,
			Options:   []string{"note"},
			Parse:     parseVoid,
			Run: func(s *Service, ctx context.Context, c Caller, cmd Command) Reply {
				return s.void(ctx, c, cmd.ID, cmd.Opts.Note)
			},
		},
		{
			Name: "status", Words: []string{"status", "현황", "실적", "진도"},
			Usage:     "status [period] [program|public|private|dept:…]",
			SummaryEn: "Progress against the year's target: split, programs, departments, pipeline, and the same span last year (전년 동기) with the change. Periods: 올해, 작년, 지난달, 이번주, 지난주, 4월, 1~4월, 1분기, 상반기, 작년 4분기; a date (4월말, 2026-04-30) means the total through it (누계).",
			SummaryKo: "연간 목표 대비 진도: 공공/민간, 사업별, 부서별, 사회적기업 후보 현황과 전년 동기 대비. 기간은 올해, 작년, 지난달, 이번주, 지난주, 4월, 1~4월, 1분기, 상반기, 작년 4분기처럼 쓰고, 4월말이나 2026-04-30처럼 날짜를 쓰면 그 날짜까지의 누계를 봅니다.",
			Examples:  []string{"status", "status 4월말", "status 1~4월 youth", "status 상반기 민간", "status 작년 4분기", "status 지난주", "status q1", "status 2026-04 youth"},
			Options:   []string{"dept", "program", "sector", "year"},
			Parse:     parseStatus,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.status(ctx, cmd) },
		},
		{
			Name: "target", Words: []string{"target", "목표"},
			Usage:     "target <count> [year:YYYY] [program:…]",
			SummaryEn: "Set or revise the year's target, or a program's (managers).",
			SummaryKo: "연간 목표 또는 사업별 목표를 정하거나 변경합니다(관리자).",
			Examples:  []string{"target 2만500", "target 2400 program:invest", "target 21,000 year:2027"},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Options:   []string{"year", "program", "dept"},
			Parse:     parseCounted,
			Run:       (*Service).target,
		},
		{
			Name: "programs", Words: []string{"programs", "사업목록"},
			Usage:     "programs",
			SummaryEn: "List the programs with their codes, sectors and departments.",
			SummaryKo: "사업 목록(코드, 부문, 부서)을 보여줍니다.",
			Examples:  []string{"programs"},
			Run:       func(s *Service, ctx context.Context, _ Caller, _ Command) Reply { return s.programs(ctx) },
		},
		{
			Name: "program add", Words: []string{"add", "추가"},
			Usage:     `program add <code> en:"…" ko:"…" sector:public|private [dept:…] [unit:개|명|회] [aliases:a,b] [disclosure:…]`,
			SummaryEn: "Add a program (managers).",
			SummaryKo: "사업을 추가합니다(관리자).",
			Examples:  []string{`program add startup en:"Start-up support" ko:"창업지원" sector:private dept:창업지원과 aliases:창업`},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Options:   []string{"en", "ko", "sector", "dept", "unit", "aliases", "disclosure", "code"},
			Parse:     parseWords,
			Run:       runProgramCommand,
		},
		{
			Name: "program rename", Words: []string{"rename", "edit", "변경", "수정"},
			Usage:     `program rename <program> [en:"…"] [ko:"…"] [code:…] [aliases:a,b] [sector:…] [dept:…]`,
			SummaryEn: "Rename or re-set a program (managers).",
			SummaryKo: "사업 이름이나 설정을 바꿉니다(관리자).",
			Examples:  []string{`program rename youth en:"Youth employment" ko:"청년고용"`},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Options:   []string{"en", "ko", "sector", "dept", "unit", "aliases", "disclosure", "code"},
			Parse:     parseWords,
			Run:       runProgramCommand,
		},
		{
			Name: "program deactivate", Words: []string{"deactivate", "disable", "비활성"},
			Usage:     "program deactivate <program>",
			SummaryEn: "Stop new entries for a program; its history stays (managers).",
			SummaryKo: "사업의 새 실적 기록을 막습니다. 기록은 남습니다(관리자).",
			Examples:  []string{"program deactivate rail"},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Parse:     parseWords,
			Run:       runProgramCommand,
		},
		{
			Name: "program activate", Words: []string{"activate", "enable", "활성"},
			Usage:     "program activate <program>",
			SummaryEn: "Allow entries for a deactivated program again (managers).",
			SummaryKo: "비활성 사업을 다시 활성화합니다(관리자).",
			Examples:  []string{"program activate rail"},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Parse:     parseWords,
			Run:       runProgramCommand,
		},
		{
			Name: "dept show", Words: []string{"show", "list", "보기", "목록"},
			Usage:     "dept show [department]",
			SummaryEn: "List the departments, or show one with its aliases, reporters, channel and target.",
			SummaryKo: "부서 목록을 보거나, 한 부서의 별칭·보고 담당자·채널·목표를 봅니다.",
			Examples:  []string{"dept show", "부서 보기 일자리정책과"},
			Parse:     parseDept,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptShow(ctx, cmd) },
		},
		{
			Name: "dept add", Words: []string{"add", "추가"},
			Usage:     "dept add <department> [@user …] [channel:#channel] [aliases:a,b]",
			SummaryEn: "Add a department, or add reporters, a channel or aliases to one (managers).",
			SummaryKo: "부서를 추가하거나, 부서에 보고 담당자·채널·별칭을 더합니다(관리자).",
			Examples:  []string{"dept add 일자리정책과 <@U0KIM> <@U0LEE>", "부서 추가 창업지원과 aliases:창업과"},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Options:   []string{"aliases", "channel"},
			Parse:     parseDept,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptAdd(ctx, cmd) },
		},
		{
			Name: "dept remove", Words: []string{"remove", "retire", "delete", "삭제"},
			Usage:     "dept remove <department> [@user …]",
			SummaryEn: "Take reporters off a department, or retire it; its history stays (managers).",
			SummaryKo: "부서의 보고 담당자를 빼거나 부서를 폐지합니다. 기록은 남습니다(관리자).",
			Examples:  []string{"dept remove 일자리정책과 <@U0LEE>", "부서 삭제 임시과"},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Parse:     parseDept,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptRemove(ctx, cmd) },
		},
		{
			Name: "dept rename", Words: []string{"rename", "이름변경"},
			Usage:     "dept rename <department> <new name>",
			SummaryEn: "Rename a department; the old name stays as an alias (managers).",
			SummaryKo: "부서 이름을 바꿉니다. 예전 이름은 별칭으로 남습니다(관리자).",
			Examples:  []string{"dept rename 일자리정책과 일자리경제과", "부서 이름변경 일자리정책과 일자리경제과"},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Parse:     parseDept,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptRename(ctx, cmd) },
		},
		{
			Name: "dept merge", Words: []string{"merge", "병합"},
			Usage:     "dept merge <from> <into>",
			SummaryEn: "Move everything of one department into another and drop the first (managers).",
			SummaryKo: "한 부서의 실적과 설정을 다른 부서로 옮기고 앞 부서를 없앱니다(관리자).",
			Examples:  []string{"dept merge 일자리경재과 일자리정책과", "부서 병합 일자리경재과 일자리정책과"},
			Manager:   true,
			Guarded:   true,
			Writes:    true,
			Parse:     parseDept,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.deptMerge(ctx, cmd) },
		},
		{
			Name: "dept target", Words: []string{"target", "목표"},
			Usage:     "dept target <department> <count> [year:2026]",
			SummaryEn: "Set or revise a department's yearly target (managers).",
			SummaryKo: "부서의 연간 목표를 정하거나 바꿉니다(관리자).",
			Examples:  []string{"dept target 복지정책과 300", "부서 목표 노인복지과 1천"},
			Manager:   true,
			Writes:    true,
			Options:   []string{"year"},
			Parse:     parseCounted,
			Run:       (*Service).deptTarget,
		},
		{
			Name: "none", Words: []string{"none", "nothing", "실적없음", "없음"},
			Usage:     "none [month] [dept:…]",
			SummaryEn: "Record that a department had nothing to report for a month (counts as reported).",
			SummaryKo: "부서의 한 달 실적이 없음을 기록합니다(보고한 것으로 봅니다).",
			Examples:  []string{"none", "none 11월 dept:도시재생과", "실적없음 지난달"},
			Writes:    true,
			Options:   []string{"dept"},
			Parse:     parseNone,
			Run:       (*Service).none,
		},
		{
			Name: "remind preview", Words: []string{"preview", "미리보기"},
			Usage:     "remind preview",
			SummaryEn: "Show which departments this month's current reminder round would remind.",
			SummaryKo: "이달 현재 차수의 실적 보고 알림을 받을 부서를 보여줍니다.",
			Examples:  []string{"remind preview", "알림 미리보기"},
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.remindPreview(ctx, cmd) },
		},
		{
			Name: "remind send", Words: []string{"send", "발송"},
			Usage:     "remind send",
			SummaryEn: "Send this month's current reminder round now, once per department (managers).",
			SummaryKo: "이달 현재 차수의 알림을 지금 부서마다 한 번 보냅니다(관리자).",
			Examples:  []string{"remind send", "알림 발송"},
			Manager:   true,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.remindSend(ctx, cmd) },
		},
		{
			Name: "holiday list", Words: []string{"list", "목록"},
			Usage:     "holiday list [year]",
			SummaryEn: "List the holidays the reminders skip (besides weekends).",
			SummaryKo: "알림 일정에서 빼는 공휴일(주말 외)을 보여줍니다.",
			Examples:  []string{"holiday list", "공휴일 목록 2027"},
			Parse:     parseHoliday,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: "holiday add", Words: []string{"add", "추가"},
			Usage:     "holiday add <date> [name]",
			SummaryEn: "Add a day that is not a working day (managers).",
			SummaryKo: "근무일이 아닌 날을 추가합니다(관리자).",
			Examples:  []string{"holiday add 2026-10-02 임시공휴일"},
			Manager:   true,
			Parse:     parseHoliday,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: "holiday remove", Words: []string{"remove", "delete", "삭제"},
			Usage:     "holiday remove <date>",
			SummaryEn: "Remove a holiday (managers).",
			SummaryKo: "공휴일을 지웁니다(관리자).",
			Examples:  []string{"holiday remove 2026-10-02"},
			Manager:   true,
			Parse:     parseHoliday,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.holiday(ctx, cmd) },
		},
		{
			Name: "candidate add", Words: []string{"add", "추가", "등록"},
			Usage:     `candidate add <name> [kind:…] [dept:…] [mission:…] [rep:…] [note:…]`,
			SummaryEn: "Record an organisation found as a social-enterprise candidate.",
			SummaryKo: "사회적기업 후보로 발굴한 기업(단체)을 등록합니다.",
			Examples:  []string{`candidate add "Hanbit Bakery Co-op" kind:cooperative dept:사회적경제과 mission:jobs`, "add candidate 행복나눔 카페 kind:예비 mission:일자리제공"},
			Writes:    true,
			Options:   []string{"kind", "dept", "mission", "rep", "note"},
			Parse:     parseCandidateAdd,
			Run:       (*Service).candidateAdd,
		},
		{
			Name: "candidate list", Words: []string{"list", "ls", "목록"},
			Usage:     "candidate list [stage]",
			SummaryEn: "List candidates, optionally at one stage.",
			SummaryKo: "후보 목록(단계별로도)을 보여줍니다.",
			Examples:  []string{"candidate list", "candidate list 실무검토"},
			Options:   []string{"dept"},
			Parse:     parseCandidateList,
			Run:       func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply { return s.candidateList(ctx, cmd) },
		},
		{
			Name: "candidate show", Words: []string{"show", "보기"},
			Usage:     "candidate show <number>",
			SummaryEn: "Show one candidate with its full history.",
			SummaryKo: "후보 한 곳의 정보와 이력을 보여줍니다.",
			Examples:  []string{"candidate show 3"},
			Parse:     parseCandidateShow,
			Run: func(s *Service, ctx context.Context, _ Caller, cmd Command) Reply {
				return s.candidateShow(ctx, cmd.ID)
			},
		},
		{
			Name: "candidate move", Words: []string{"move", "이동", "단계"},
			Usage:     "candidate move <number> <stage> [note]",
			SummaryEn: "Move a candidate to another stage (designated, not-selected and leaving a final stage need a manager).",
			SummaryKo: "후보의 단계를 바꿉니다(지정·탈락 처리와 최종 단계에서 되돌리기는 관리자만).",
			Examples:  []string{"candidate move 3 review", "candidate move 3 설명회 6월 공모 대비 컨설팅"},
			Guarded:   true,
			Writes:    true,
			Options:   []string{"note"},
			Parse:     parseCandidateMove,
			Run:       (*Service).candidateMove,
		},
		{
			Name: "digest", Words: []string{"digest", "weekly", "다이제스트", "주간", "주간보고"},
			Usage:     "digest [2026-W17]",
			SummaryEn: "Preview the weekly digest of last week (or a given ISO week), to you only.",
			SummaryKo: "지난주(또는 지정한 주)의 주간 다이제스트를 나에게만 미리 보여줍니다.",
			Examples:  []string{"digest", "digest 2026-W17"},
			Parse:     parseDigest,
			Run:       (*Service).digestCommand,
		},
		{
			Name: "digest post", Words: []string{"post", "게시", "발송"},
			Usage:     "digest post",
			SummaryEn: "Post last week's digest to the digest channel now, once (managers).",
			SummaryKo: "지난주 다이제스트를 지금 다이제스트 채널에 한 번 게시합니다(관리자).",
			Examples:  []string{"digest post"},
			Manager:   true,
			Run:       (*Service).digestCommand,
		},
		{
			Name: "report", Words: []string{"report", "보고서", "월별실적", "월별", "리포트"},
			Usage:     "report [year|month|quarter] [by:program|dept|sector|disclosure|type]",
			SummaryEn: "The monthly report: jobs per month, target, to date, rate and last year.",
			SummaryKo: "월별 추진실적: 월별 실적, 목표, 누계, 달성률, 전년 동기 대비.",
			Examples:  []string{"report", "report 2026-04", "보고서 1분기 기준:부서", "report 2025 by:disclosure"},
			Options:   []string{"by", "year"},
			Parse:     parseReport,
			Run:       (*Service).report,
		},
		{
			Name: "export", Words: []string{"export", "내보내기", "엑셀", "excel", "xlsx"},
			Usage:     "export [xlsx|csv] [year] [entries|report]",
			SummaryEn: "Send yourself the report or every entry as an Excel (or CSV) file.",
			SummaryKo: "보고서나 전체 실적 명세를 엑셀(또는 CSV) 파일로 받습니다.",
			Examples:  []string{"export xlsx 2026", "엑셀", "export csv 2025 entries"},
			Options:   []string{"year"},
			Parse:     parseExport,
			Run:       (*Service).export,
		},
		{
			Name: "target history", Words: []string{"history", "이력", "변경이력"},
			Usage:     "target history [year]",
			SummaryEn: "How the year's targets were revised (original → revised), by whom and when.",
			SummaryKo: "목표 변경 이력(당초 → 변경, 변경자, 일시)을 보여줍니다.",
			Examples:  []string{"target history", "목표 이력 2026"},
			Options:   []string{"year"},
			Parse:     parseTargetHistory,
			Run:       (*Service).targetHistory,
		},
		{
			Name: "lang", Words: []string{"lang", "language", "언어"},
			Usage:     "lang ko|en|auto",
			SummaryEn: "Choose the language of your replies: ko (Korean), en (English), or auto to follow your Slack language.",
			SummaryKo: "내 답변 언어를 정합니다: 한국어, 영어, 또는 Slack 언어 설정을 따르는 자동.",
			Examples:  []string{"lang ko", "lang en", "언어 자동"},
			Parse:     parseLang,
			Run:       (*Service).chooseLanguage,
		},
		{
			Name: "help", Words: []string{"help", "도움말", "?"},
			Usage:     "help [command]",
			SummaryEn: "Show how to use a command.",
			SummaryKo: "명령어 사용법을 보여줍니다.",
			Examples:  []string{"help", "help add"},
			Parse:     parseWords,
			Run:       func(s *Service, _ context.Context, _ Caller, cmd Command) Reply { return s.help(cmd.Words) },
		},
	}
}

// specNamed returns the spec of a canonical command name.
func specNamed(name string) (commandSpec, bool) {
	for _, s := range commandTable {
		if s.Name == name {
			return s, true
		}
	}
	return commandSpec{}, false
}

// runProgramCommand answers the four program commands, which share a handler.
func runProgramCommand(s *Service, ctx context.Context, _ Caller, cmd Command) Reply {
	return s.programCommand(ctx, cmd)
}
