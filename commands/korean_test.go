package commands_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"jobsbot/commands"
)

var (
	latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_'-]*`)
	urlRe     = regexp.MustCompile(`https?://\S+`)
	userID    = regexp.MustCompile(`^U[A-Z0-9]+$`)
)

// latinLeft returns the Latin-letter words of a Korean reply that are not
// allowed there: anything but user IDs, URLs, the /jobs command itself and
// words the user typed in this session (names, notes, codes they chose).
func latinLeft(reply string, typed map[string]bool) []string {
	reply = urlRe.ReplaceAllString(reply, "")
	reply = strings.ReplaceAll(reply, "/jobs", "")
	var bad []string
	for _, w := range latinWord.FindAllString(reply, -1) {
		if userID.MatchString(w) || typed[strings.ToLower(w)] {
			continue
		}
		bad = append(bad, w)
	}
	return bad
}

// TestKoreanSessionHasNoEnglish drives every command in Korean, as a user of
// a BOT_LANGUAGE=ko bot types them, and fails on any English left in a reply.
func TestKoreanSessionHasNoEnglish(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	typed := map[string]bool{}
	steps := []struct {
		user, line string
		want       commands.Outcome
	}{
		{manager, "도움말", commands.OutcomeOK},
		{manager, "목표 2만500", commands.OutcomeOK},
		{manager, "목표 2만1000 사유:추경 반영", commands.OutcomeOK},
		{manager, "목표 2400 사업:투자유치", commands.OutcomeOK},
		{"U1", "추가 2400여 투자유치 날짜:4월말", commands.OutcomeOK},
		{"U1", "추가 180 청년 날짜:4월말", commands.OutcomeOK},
		{"U1", "추가 7100 취약계층 누계 날짜:2026. 4. 30.", commands.OutcomeOK},
		{"U1", "추가 7200 취약계층 누계 날짜:2026. 5. 31.", commands.OutcomeOK},
		{"U2", "추가 35 청년 부서:일자리정책과 상태:약정 메모:채용박람회 협약", commands.OutcomeOK},
		{"U2", "추가 12 노인 고용형태:일용", commands.OutcomeOK},
		{"U1", "목록", commands.OutcomeOK},
		{"U1", "목록 내기록", commands.OutcomeOK},
		{"U1", "목록 청년 2026년 4월", commands.OutcomeOK},
		{"U2", "취소", commands.OutcomeOK},
		{"U1", "무효 2 중복 기록", commands.OutcomeOK},
		{"U2", "무효 1", commands.OutcomeRefused},
		{"U1", "무효 99", commands.OutcomeRefused},
		{"U1", "현황", commands.OutcomeOK},
		{"U1", "현황 1분기", commands.OutcomeOK},
		{"U1", "현황 2분기", commands.OutcomeOK},
		{"U1", "현황 상반기", commands.OutcomeOK},
		{"U1", "현황 하반기", commands.OutcomeOK},
		{"U1", "현황 2026년 4월", commands.OutcomeOK},
		{"U1", "현황 2026", commands.OutcomeOK},
		{"U1", "현황 민간", commands.OutcomeOK},
		{"U1", "현황 청년", commands.OutcomeOK},
		{"U1", "현황 부서:복지정책과", commands.OutcomeOK},
		{"U1", "사업목록", commands.OutcomeOK},
		{manager, "부서 추가 창업지원과", commands.OutcomeOK},
		{manager, `사업 추가 startup 영문명:"Start-up support" 한글명:창업지원 부문:민간 부서:창업지원과 별칭:창업`, commands.OutcomeOK},
		{manager, "사업 변경 창업 한글명:창업지원사업", commands.OutcomeOK},
		{manager, "사업 비활성 창업", commands.OutcomeOK},
		{"U1", "추가 3 창업", commands.OutcomeRefused},
		{manager, "사업 활성 창업", commands.OutcomeOK},
		{"U1", "사업 추가 x 한글명:엑스 부문:민간", commands.OutcomeRefused},
		{"U1", "후보 추가 행복나눔 카페 종류:예비 미션:일자리제공", commands.OutcomeOK},
		{"U1", "후보 목록", commands.OutcomeOK},
		{"U1", "후보 이동 1 실무검토 서류 보완 요청", commands.OutcomeOK},
		{"U1", "후보 이동 1 실무검토", commands.OutcomeRepeated},
		{"U1", "후보 보기 1", commands.OutcomeOK},
		{"U1", "후보 목록 실무검토", commands.OutcomeOK},
		{"U1", "후보 날다", commands.OutcomeRefused},
		{"U1", "주간보고", commands.OutcomeOK},
		{"U1", "주간보고 2026년 47주차", commands.OutcomeOK},
		{"U1", "주간보고 게시", commands.OutcomeRefused},
		{manager, "주간보고 게시", commands.OutcomeRefused},
		{"U1", "추가 일자리 청년", commands.OutcomeRefused},
		{"U1", "추가 180 없는사업", commands.OutcomeRefused},
		{"U1", "추가 0 청년", commands.OutcomeRefused},
		{"U1", "추가 3회 청년", commands.OutcomeRefused},
		{"U1", "추가 180 청년 날짜:언젠가", commands.OutcomeRefused},
		{"U1", "추가 180 청년 상태:보류", commands.OutcomeRefused},
		{"U1", "목표 3000", commands.OutcomeRefused},
		{"U1", "날다", commands.OutcomeRefused},
		// The commands merged later: language, reports, audit views,
		// departments, 실적 없음, reminders and holidays.
		{"U3", "언어 한국어", commands.OutcomeOK},
		{"U3", "언어 자동", commands.OutcomeOK},
		{"U3", "언어 일본어", commands.OutcomeRefused},
		{"U1", "보고서", commands.OutcomeOK},
		{"U1", "보고서 1분기 기준:부서", commands.OutcomeOK},
		{"U1", "보고서 2026 기준:공시유형", commands.OutcomeOK},
		{"U1", "보고서 2026 기준:고용형태", commands.OutcomeOK},
		{"U1", "보고서 기준:아무거나", commands.OutcomeRefused},
		{"U1", "엑셀 2026", commands.OutcomeRefused},
		{"U1", "엑셀 아무거나", commands.OutcomeRefused},
		{"U1", "목표 이력", commands.OutcomeOK},
		{"U1", "목표 이력 2025", commands.OutcomeOK},
		{"U1", "목록 무효 2026", commands.OutcomeOK},
		{"U1", "목록 무효 2025", commands.OutcomeOK},
		{"U1", "목록 부서:일자리정책과", commands.OutcomeOK},
		{"U1", "부서 보기", commands.OutcomeOK},
		{"U1", "부서 보기 일자리정책과", commands.OutcomeOK},
		{"U1", "부서 보기 일자리정책", commands.OutcomeRefused},
		{manager, "부서 추가 시험과 <@U0KIM> 별칭:시험", commands.OutcomeOK},
		{manager, "부서 추가 시험과 <@U0LEE>", commands.OutcomeOK},
		{manager, "부서 이름변경 시험과 검사과", commands.OutcomeOK},
		{manager, "부서 이름변경 검사과 일자리정책과", commands.OutcomeRefused},
		{manager, "부서 목표 검사과 300", commands.OutcomeOK},
		{manager, "부서 목표 검사과 400 사유:추경 반영", commands.OutcomeOK},
		{manager, "부서 추가 임시과", commands.OutcomeOK},
		{manager, "부서 병합 임시과 검사과", commands.OutcomeOK},
		{manager, "부서 삭제 검사과 <@U0LEE>", commands.OutcomeOK},
		{manager, "부서 삭제 검사과", commands.OutcomeOK},
		{"U1", "부서 날다", commands.OutcomeRefused},
		{"U1", "실적없음 지난달 부서:도시재생과", commands.OutcomeOK},
		{"U1", "실적없음 지난달 부서:도시재생과", commands.OutcomeRepeated},
		{"U1", "실적없음 다음달 부서:도시재생과", commands.OutcomeRefused},
		{"U1", "알림 미리보기", commands.OutcomeOK},
		{manager, "알림 발송", commands.OutcomeRefused},
		{"U1", "알림 날다", commands.OutcomeRefused},
		{"U1", "공휴일 목록", commands.OutcomeOK},
		{"U1", "공휴일 목록 2027", commands.OutcomeOK},
		{manager, "공휴일 추가 2026-10-02 임시공휴일", commands.OutcomeOK},
		{manager, "공휴일 삭제 2026-10-02", commands.OutcomeOK},
		{manager, "공휴일 삭제 2026-10-02", commands.OutcomeRefused},
	}
	for _, spec := range []string{"추가", "목록", "취소", "무효", "현황", "목표", "사업목록", "사업 추가", "사업 변경",
		"사업 비활성", "사업 활성", "후보 추가", "후보 목록", "후보 보기", "후보 이동", "주간보고", "주간보고 게시", "도움말",
		"언어", "보고서", "엑셀", "목표 이력", "부서 보기", "부서 추가", "부서 삭제", "부서 이름변경", "부서 병합", "부서 목표",
		"실적없음", "알림 미리보기", "알림 발송", "공휴일 목록", "공휴일 추가", "공휴일 삭제"} {
		steps = append(steps, struct {
			user, line string
			want       commands.Outcome
		}{"U1", "도움말 " + spec, commands.OutcomeOK})
	}
	for _, st := range steps {
		for _, w := range latinWord.FindAllString(st.line, -1) {
			typed[strings.ToLower(w)] = true
		}
		r := h.run(st.user, st.line, st.want)
		text := r.Text()
		for _, a := range r.Actions {
			text += "\n" + a.Label
		}
		allowed := typed
		if st.line == "도움말" {
			// Help names the English command and option words once, on purpose.
			allowed = map[string]bool{"add": true, "status": true, "date": true, "dept": true, "type": true}
			for w := range typed {
				allowed[w] = true
			}
		}
		if strings.HasPrefix(st.line, "엑셀") {
			// The console's answer is a shell command line, which has no
			// Korean spelling.
			allowed = map[string]bool{"jobsbot": true, "export": true, "format": true, "xlsx": true, "year": true, "o": true}
			for w := range typed {
				allowed[w] = true
			}
		}
		if bad := latinLeft(text, allowed); len(bad) > 0 {
			t.Errorf("%q: English words %q in the Korean reply:\n%s", st.line, bad, text)
		}
	}
}

// TestCallerLanguageOverridesDefault: one English-default service answers a
// caller whose language is Korean in Korean, and others in English.
func TestCallerLanguageOverridesDefault(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	ko := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, Lang: commands.Korean}, "현황")
	en := h.svc.Handle(ctx, commands.Caller{UserID: "U2", Source: commands.SourceSlash}, "status")
	mustContain(t, ko.Text(), "일자리 현황")
	mustContain(t, en.Text(), "Jobs status")
	bad := h.svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceSlash, Lang: commands.Korean}, "추가 일자리")
	mustContain(t, bad.Text(), "사용법: `/jobs 추가 <수> <사업>")
}

// TestAddFormInCallerLanguage: the Slack form's field errors follow the
// caller's language too.
func TestAddFormInCallerLanguage(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	caller := commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: "view-ko", Lang: commands.Korean}
	_, errs := h.svc.SubmitAddForm(context.Background(), caller, commands.AddForm{Program: "youth", Count: "일자리", Date: "언젠가"})
	if errs[commands.FieldCount] != "180, 2,400, 6백여, 1만2000처럼 쓰세요." || errs[commands.FieldDate] != "2026. 4. 30., 4월말처럼 쓰세요." {
		t.Errorf("field errors = %v; want them in Korean", errs)
	}
}
