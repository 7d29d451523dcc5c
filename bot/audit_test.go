package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/db/dbtest"
)

// Issue 23 through signed HTTP with the fake Web API: names from users.info,
// reasons, 정정, 채용 and 마감.

const userHang = "U0NONAME" // users.info never answers for this user

func (f *fakeSlack) setName(user, name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.names[user] = name
}

// auditEnv is a bot whose users speak Korean and have Slack names.
func auditEnv(t *testing.T) *testEnv {
	t.Helper()
	e := newEnv(t, nil, nil)
	for _, u := range []string{testUser, testManager} {
		e.slack.setLocale(u, "ko-KR")
	}
	e.slack.setName(testUser, "김한빛")
	e.slack.setName(testManager, "이과장")
	e.slack.setLocale(userHang, localeHang)
	return e
}

// sumSQL is a plain SUM over live entries of a program and status in 2026.
func (e *testEnv) sumSQL(t *testing.T, code, status, through string) int64 {
	t.Helper()
	var n int64
	err := e.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = $1 AND e.status = $2 AND e.voided_at IS NULL AND e.as_of BETWEEN '2026-01-01' AND $3::date`,
		code, status, through)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func contains(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("reply lacks %q:\n%s", w, got)
		}
	}
}

// People are shown by their Slack name (display name), looked up with the
// same users.info call that gives the locale; a user Slack says nothing
// about is shown by ID, and the command still answers.
func TestRepliesNamePeopleFromUsersInfo(t *testing.T) {
	e := auditEnv(t)
	contains(t, e.textOf(t, testUser, "추가 5 youth 날짜:2026-04-20", "n1"), "기록자 김한빛")
	contains(t, e.textOf(t, testManager, "무효 1 중복 기록", "n2"), "무효 처리")
	start := time.Now()
	e.textOf(t, userHang, "add 2 youth", "n3")
	if time.Since(start) > 5*time.Second {
		t.Errorf("a users.info that never answers held the reply %s", time.Since(start))
	}
	list := e.textOf(t, testUser, "목록", "n4")
	contains(t, list, "김한빛", "이과장 무효 처리", userHang)
	if strings.Contains(list, testUser) || strings.Contains(list, testManager) {
		t.Errorf("list shows the IDs of named users:\n%s", list)
	}
	if n := e.slack.infoCallsOf(testUser); n != 1 {
		t.Errorf("users.info asked %d times about %s; the locale and name share one cached call", n, testUser)
	}
}

func TestVoidWithoutReasonRefusedOverHTTP(t *testing.T) {
	e := auditEnv(t)
	e.textOf(t, testUser, "추가 5 youth", "v1")
	contains(t, e.textOf(t, testUser, "무효 1", "v2"), "사유가 필요합니다")
	if es := e.entries(t); es[0].Voided() {
		t.Fatal("voided without a reason")
	}
	e.textOf(t, testUser, "무효 1 중복 기록", "v3")
	if es := e.entries(t); !es[0].Voided() || es[0].VoidReason != "중복 기록" {
		t.Fatalf("void with a reason: %+v", es[0])
	}
}

func TestCorrectionOverHTTP(t *testing.T) {
	e := auditEnv(t)
	e.textOf(t, testUser, "추가 100 youth 날짜:2026-04-10", "c1")    // #1
	e.textOf(t, testUser, "추가 500 youth 누계 날짜:2026-04-30", "c2") // #2: +400
	// #2 counted #1: the 정정 asks whether 500 already holds the change
	// (누계포함, review r13 S6); 예 keeps the report's 500.
	got := e.textOf(t, testUser, "정정 1 120 4월 보고 오기 누계포함:예", "c3")
	contains(t, got, "#1 정정: 청년일자리 100개 → 120개 (새 번호 #3)", "380개")
	// Redelivered: one correction.
	e.textOf(t, testUser, "정정 1 120 4월 보고 오기 누계포함:예", "c3")
	if n := len(e.entries(t)); n != 3 {
		t.Errorf("%d entries, want 3", n)
	}
	if s := e.sumSQL(t, "youth", "realised", "2026-04-30"); s != 500 {
		t.Errorf("through 4/30 = %d, want the report's 500", s)
	}
	contains(t, e.textOf(t, testUser, "목록", "c4"), "#3으로 정정됨", "#1 정정분(사유: 4월 보고 오기)")
	contains(t, e.textOf(t, testUser, "현황 사업:youth", "c5"), "누계 500개")
	dbtest.CheckTotals(t, e.store)
}

func TestHireOverHTTP(t *testing.T) {
	e := auditEnv(t)
	e.textOf(t, testUser, "추가 10 invest 상태:약정 날짜:2026-03-02", "h1")
	contains(t, e.textOf(t, testUser, "채용 1 4 2026-04-15", "h2"), "남은 수 6개")
	contains(t, e.textOf(t, testUser, "채용 1 7", "h3"), "기록하지 않았습니다")
	contains(t, e.textOf(t, testUser, "채용 1 6", "h4"), "전량 이행")
	if s := e.sumSQL(t, "invest", "realised", "2026-12-31"); s != 10 {
		t.Errorf("realised = %d, want 10", s)
	}
	contains(t, e.textOf(t, testUser, "현황", "h5"), "약정 10개 · 채용 10개 · 이행률 100%")
	dbtest.CheckTotals(t, e.store)
}

func TestMonthCloseOverHTTP(t *testing.T) {
	e := auditEnv(t)
	e.textOf(t, testUser, "추가 5 youth 날짜:2026-04-20", "m1")
	contains(t, e.textOf(t, testUser, "마감 2026-04", "m2"), "관리자만")
	contains(t, e.textOf(t, testManager, "마감 2026-04", "m3"), "2026년 4월 마감 (", ", 이과장)")
	contains(t, e.textOf(t, testUser, "추가 1 youth 날짜:2026-04-21", "m4"), "2026년 4월은 마감되었습니다", "관리자(이과장)에게 요청하세요")
	contains(t, e.textOf(t, testUser, "무효 1 중복", "m5"), "2026년 4월은 마감되었습니다")
	contains(t, e.textOf(t, testManager, "무효 1 도 요청으로 정정", "m6"), "'마감 후 정정'으로 표시했습니다")
	contains(t, e.textOf(t, testManager, "목록", "m7"), "마감 후 정정")
	contains(t, e.textOf(t, testManager, "마감 해제 2026-04 도 정정 요청", "m8"), "2026년 4월 마감을 해제했습니다")
	contains(t, e.textOf(t, testUser, "추가 1 youth 날짜:2026-04-21", "m9"), "기록")
	if s := e.sumSQL(t, "youth", "realised", "2026-04-30"); s != 1 {
		t.Errorf("April = %d, want 1", s)
	}
	dbtest.CheckTotals(t, e.store)
}
