package bot

import (
	"encoding/json"
	"net/http"
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
