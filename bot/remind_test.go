package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"jobsbot/commands"
)

// A reminder's Report now button opens the add form with its department
// filled in, through the real signed interactions endpoint.
func TestReportNowButtonOpensTheFormWithTheDepartment(t *testing.T) {
	e := newEnv(t, nil, nil)
	r := e.bot.svc.ReminderReply(commands.ReminderPlan{Round: commands.RoundFirst}, commands.Department{Name: "도시재생과"})
	var id, value string
	for i, a := range r.Actions {
		if a.ID == commands.ActionReport {
			id, value = a.ID+"-"+string(rune('0'+i)), a.Command
		}
	}
	if value == "" {
		t.Fatalf("the reminder has no Report now button: %+v", r.Actions)
	}
	w := e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-report", "", id, value)))
	if w.Code != http.StatusOK {
		t.Fatalf("button press: %d %q", w.Code, w.Body)
	}
	var open struct {
		TriggerID string `json:"trigger_id"`
		View      struct {
			CallbackID string `json:"callback_id"`
			Blocks     []struct {
				BlockID string `json:"block_id"`
				Element struct {
					InitialValue string `json:"initial_value"`
				} `json:"element"`
			} `json:"blocks"`
		} `json:"view"`
	}
	call := e.slack.next(t, "views.open")
	if err := json.Unmarshal(call.Body, &open); err != nil {
		t.Fatalf("views.open body: %v: %s", err, call.Body)
	}
	if open.TriggerID != "trigger-report" || open.View.CallbackID != addCallbackID {
		t.Errorf("views.open trigger %q callback %q", open.TriggerID, open.View.CallbackID)
	}
	found := false
	for _, b := range open.View.Blocks {
		if b.BlockID == commands.FieldDepartment {
			found = b.Element.InitialValue == "도시재생과"
		}
	}
	if !found {
		t.Errorf("the form's department is not filled in: %s", call.Body)
	}
}

// With should_escape on, a mention in `dept add` arrives as <@U…|name> and
// becomes a reporter; a link Slack wrapped in a note is stored as typed.
func TestEscapedSlashText(t *testing.T) {
	e := newEnv(t, nil, nil)
	e.bot.svc = commands.New(commands.Config{Store: e.store, Managers: []string{testUser}}) // the caller manages
	w := e.post("/slack/commands", commandBody("dept add 창업지원과 <@U0KIM|kim> <@U0LEE>", "trigger-dept", ""))
	if w.Code != http.StatusOK {
		t.Fatalf("dept add: %d %q", w.Code, w.Body)
	}
	depts, err := e.store.Departments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(depts, func(d commands.Department) bool { return d.Name == "창업지원과" })
	if i < 0 || !slices.Equal(depts[i].Reporters, []string{"U0KIM", "U0LEE"}) {
		t.Errorf("창업지원과 after dept add: %+v", depts)
	}
	e.post("/slack/commands", commandBody("add 3 youth note:see <https://example.org/fair|example.org/fair> <mailto:kim@example.org|kim@example.org>", "trigger-note", ""))
	list, err := e.store.ListEntries(context.Background(), commands.EntryFilter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("entries: %v %+v", err, list)
	}
	if list[0].Note != "see https://example.org/fair kim@example.org" {
		t.Errorf("note = %q", list[0].Note)
	}
}
