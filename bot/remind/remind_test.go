package remind_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/bot/remind"
	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// fakeSlack answers chat.postMessage, recording accepted messages, and can
// rate-limit the next posts.
type fakeSlack struct {
	srv       *httptest.Server
	mu        sync.Mutex
	calls     int
	limitNext int
	refuseAll bool // answer every post with ok:false user_not_found
	messages  []posted
}

type posted struct {
	Channel, Text string
	Buttons       map[string]string // action kind → value
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.calls++
		if f.limitNext > 0 {
			f.limitNext--
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		if f.refuseAll {
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": "user_not_found"})
			return
		}
		m := posted{Channel: r.FormValue("channel"), Text: r.FormValue("text"), Buttons: map[string]string{}}
		var blocks []struct {
			Elements []struct {
				ActionID string `json:"action_id"`
				Value    string `json:"value"`
			} `json:"elements"`
		}
		if err := json.Unmarshal([]byte(r.FormValue("blocks")), &blocks); err != nil {
			t.Errorf("blocks are not JSON: %v", err)
		}
		for _, b := range blocks {
			for _, e := range b.Elements {
				if i := strings.LastIndexByte(e.ActionID, '-'); i > 0 {
					m.Buttons[e.ActionID[:i]] = e.Value
				}
			}
		}
		f.messages = append(f.messages, m)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": m.Channel, "ts": fmt.Sprintf("1764000000.%06d", len(f.messages))})
	})
	mux.HandleFunc("POST /api/users.info", func(w http.ResponseWriter, r *http.Request) {
		locale := "en-US"
		if r.FormValue("user") == "UCOMM" {
			locale = "ko-KR" // 공동체지원과's reporter reads Korean
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "user": map[string]any{"id": r.FormValue("user"), "locale": locale}})
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSlack) postCalls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func (f *fakeSlack) accepted() []posted {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]posted(nil), f.messages...)
}

const manager = "UMANAGER"

// In November 2026 the last working day is Monday the 30th; three working
// days before it is Wednesday the 25th: round 1 is due at 10:00 KST then.
var (
	round1Due = time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)
	round2Due = time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
)

type env struct {
	t     *testing.T
	store *db.Store
	slack *fakeSlack
	now   time.Time
	svc   *commands.Service
}

// newEnv has three departments with reporters: 도시재생과 reported jobs in
// November, 여성가족과 said it had nothing, 공동체지원과 is silent.
func newEnv(t *testing.T) *env {
	e := &env{t: t, store: dbtest.New(t), slack: newFakeSlack(t), now: round1Due.Add(time.Hour)}
	e.svc = commands.New(commands.Config{Store: e.store, Managers: []string{manager}, Now: func() time.Time { return e.now }})
	for _, line := range []string{
		"dept add 도시재생과 <@UCITY>", "dept add 여성가족과 <@UWOMEN>", "dept add 공동체지원과 <@UCOMM>",
		"add 5 rail date:2026-11-03", "none 11월 dept:여성가족과",
	} {
		e.run(manager, line)
	}
	return e
}

func (e *env) run(user, line string) commands.Reply {
	e.t.Helper()
	r := e.svc.Handle(context.Background(), commands.Caller{UserID: user, Source: commands.SourceConsole}, line)
	if r.Outcome != commands.OutcomeOK {
		e.t.Fatalf("%q: %s\n%s", line, r.Outcome, r.Text())
	}
	return r
}

func (e *env) sender(owner string) *remind.Sender {
	e.t.Helper()
	s, err := remind.New(remind.Config{Service: e.svc, Runs: e.store, Owner: owner, ManagersChannel: "CMANAGERS",
		Slack: slack.New("xoxb-test", slack.OptionAPIURL(e.slack.srv.URL+"/api/"))})
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

func TestOnlyTheSilentDepartmentIsReminded(t *testing.T) {
	e := newEnv(t)
	res, err := e.sender("a").Tick(context.Background(), e.now)
	if err != nil {
		t.Fatal(err)
	}
	got := e.slack.accepted()
	if len(got) != 1 || got[0].Channel != "UCOMM" || !strings.Contains(got[0].Text, "알림: 공동체지원과의 2026년 11월 일자리 실적이 아직 보고되지 않았습니다.") {
		t.Fatalf("messages = %+v, want one to UCOMM about 공동체지원과, in Korean (its reporter's locale)", got)
	}
	if res.Sent != 1 {
		t.Errorf("result = %+v", res)
	}
}

func TestConcurrentSendersPostOnce(t *testing.T) {
	e := newEnv(t)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := e.sender(fmt.Sprintf("replica-%d", i)).Tick(context.Background(), e.now); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := e.slack.accepted(); len(got) != 1 {
		t.Errorf("three concurrent senders posted %d messages: %+v", len(got), got)
	}
}

func TestRateLimitThenSuccessPostsOnce(t *testing.T) {
	e := newEnv(t)
	e.slack.limitNext = 1
	if _, err := e.sender("a").Tick(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	if got := e.slack.accepted(); len(got) != 1 || e.slack.postCalls() != 2 {
		t.Errorf("after a 429: %d accepted in %d calls, want 1 in 2", len(got), e.slack.postCalls())
	}
}

// A bot that was down over the reminder time sends the round when it starts,
// once: the first tick after start catches up, later ones send nothing.
func TestCatchUpAfterDowntime(t *testing.T) {
	e := newEnv(t)
	s := e.sender("a")
	if _, err := s.Tick(context.Background(), round1Due.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got := e.slack.accepted(); len(got) != 0 {
		t.Fatalf("a tick before the due time sent %+v", got)
	}
	restarted := round1Due.Add(26 * time.Hour) // down from before the due time until the next day
	for range 3 {
		if _, err := e.sender("after-restart").Tick(context.Background(), restarted); err != nil {
			t.Fatal(err)
		}
	}
	if got := e.slack.accepted(); len(got) != 1 {
		t.Errorf("after the restart: %d messages, want 1", len(got))
	}
}

// "Nothing this month" from the reminder records it, and the last round
// skips the department; the last round lists the rest for the managers.
func TestNothingButtonSkipsTheNextRound(t *testing.T) {
	e := newEnv(t)
	e.run(manager, "dept add 투자유치과 <@UINVEST>") // a second silent one
	if _, err := e.sender("a").Tick(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	var dm posted
	for _, m := range e.slack.accepted() {
		if m.Channel == "UCOMM" {
			dm = m
		}
	}
	value := dm.Buttons[commands.ActionNothing]
	if value == "" || dm.Buttons[commands.ActionReport] != `add dept:"공동체지원과"` {
		t.Fatalf("reminder buttons = %+v", dm.Buttons)
	}
	e.run("UCOMM", value) // a button runs its value as the user who pressed it
	e.now = round2Due.Add(time.Minute)
	if _, err := e.sender("a").Tick(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	round2 := e.slack.accepted()[2:]
	if len(round2) != 2 || round2[0].Channel != "UINVEST" || round2[1].Channel != "CMANAGERS" {
		t.Fatalf("last round = %+v, want 투자유치과's reporter and the managers' list", round2)
	}
	if !strings.Contains(round2[0].Text, "Last reminder: 투자유치과 has not reported its jobs for November 2026") {
		t.Errorf("last round to an English reader = %q", round2[0].Text)
	}
	if !strings.Contains(round2[1].Text, "투자유치과") || strings.Contains(round2[1].Text, "공동체지원과") {
		t.Errorf("managers' list = %q", round2[1].Text)
	}
}

// `/jobs remind send` goes through the same ledger: a second send, or the
// scheduler's tick after it, sends nothing more.
func TestRemindSendCommandUsesTheLedger(t *testing.T) {
	e := newEnv(t)
	s := e.sender("a")
	e.svc = commands.New(commands.Config{Store: e.store, Managers: []string{manager}, Now: func() time.Time { return e.now },
		ReminderSender: s})
	r := e.svc.Handle(context.Background(), commands.Caller{UserID: "USTAFF"}, "remind send")
	if r.Outcome != commands.OutcomeRefused {
		t.Errorf("a non-manager ran remind send: %s", r.Text())
	}
	first := e.run(manager, "remind send")
	if !strings.Contains(first.Text(), "sent 1, already sent 0") {
		t.Errorf("first send: %s", first.Text())
	}
	second := e.run(manager, "알림 발송")
	if !strings.Contains(second.Text(), "sent 0, already sent 1") {
		t.Errorf("second send: %s", second.Text())
	}
	if _, err := s.Tick(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	if got := e.slack.accepted(); len(got) != 1 {
		t.Errorf("%d messages after send, send and a tick; want 1", len(got))
	}
}

// A reminder Slack keeps refusing (a deactivated reporter) is tried a bounded
// number of times across ticks, not every minute for the rest of the month.
func TestRefusedReminderIsNotRetriedForever(t *testing.T) {
	e := newEnv(t)
	e.slack.refuseAll = true
	s := e.sender("a")
	for range 8 {
		if _, err := s.Tick(context.Background(), e.now); err == nil && e.slack.postCalls() < 5 {
			t.Error("a refused post reported no error")
		}
	}
	if e.slack.postCalls() != 5 {
		t.Errorf("a refused reminder was tried %d times over 8 ticks, want 5", e.slack.postCalls())
	}
}
