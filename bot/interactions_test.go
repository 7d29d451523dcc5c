package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"jobsbot/commands"
)

// button finds the button whose action ID starts with kind in a reply.
func button(t *testing.T, reply map[string]any, kind string) (actionID, value string) {
	t.Helper()
	blocks, _ := reply["blocks"].([]any)
	for _, b := range blocks {
		block, _ := b.(map[string]any)
		if block["type"] != "actions" {
			continue
		}
		for _, el := range block["elements"].([]any) {
			btn := el.(map[string]any)
			if id, _ := btn["action_id"].(string); strings.HasPrefix(id, kind+"-") {
				return id, btn["value"].(string)
			}
		}
	}
	t.Fatalf("no %s button in %v", kind, reply)
	return "", ""
}

// blockActions is a block_actions payload for one button press.
func blockActions(user, triggerID, responseURL, actionID, value string) string {
	p := map[string]any{
		"type":         "block_actions",
		"team":         map[string]any{"id": testTeam},
		"user":         map[string]any{"id": user},
		"trigger_id":   triggerID,
		"response_url": responseURL,
		"channel":      map[string]any{"id": testChannel},
		"container":    map[string]any{"type": "message", "is_ephemeral": true},
		"actions": []any{map[string]any{
			"type": "button", "action_id": actionID, "block_id": "actions", "value": value, "action_ts": "1700000000.123456",
		}},
	}
	b, _ := json.Marshal(p)
	return string(b)
}

// viewSubmission is a submitted add-entry form.
func viewSubmission(viewID, program, count, date, status string) string {
	values := map[string]any{
		commands.FieldProgram:    map[string]any{commands.FieldProgram: map[string]any{"type": "static_select", "selected_option": map[string]any{"value": program}}},
		commands.FieldCount:      map[string]any{commands.FieldCount: map[string]any{"type": "plain_text_input", "value": count}},
		commands.FieldDate:       map[string]any{commands.FieldDate: map[string]any{"type": "datepicker", "selected_date": date}},
		commands.FieldDepartment: map[string]any{commands.FieldDepartment: map[string]any{"type": "plain_text_input", "value": nil}},
		commands.FieldStatus:     map[string]any{commands.FieldStatus: map[string]any{"type": "static_select", "selected_option": map[string]any{"value": status}}},
		commands.FieldNote:       map[string]any{commands.FieldNote: map[string]any{"type": "plain_text_input", "value": "job fair"}},
	}
	p := map[string]any{
		"type": "view_submission",
		"team": map[string]any{"id": testTeam},
		"user": map[string]any{"id": testUser},
		"view": map[string]any{
			"id": viewID, "type": "modal", "callback_id": addCallbackID, "private_metadata": testChannel,
			"state": map[string]any{"values": values},
		},
	}
	b, _ := json.Marshal(p)
	return string(b)
}

func TestAddModal(t *testing.T) {
	e := newEnv(t, nil, nil)

	w := e.post("/slack/commands", commandBody("add", "trigger-modal", ""))
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("/jobs add: %d %q; want an empty 200 (the form opens instead)", w.Code, w.Body)
	}
	var open struct {
		TriggerID string `json:"trigger_id"`
		View      struct {
			CallbackID      string `json:"callback_id"`
			PrivateMetadata string `json:"private_metadata"`
			Blocks          []struct {
				BlockID  string `json:"block_id"`
				Optional bool   `json:"optional"`
				Element  struct {
					Type         string `json:"type"`
					InitialDate  string `json:"initial_date"`
					OptionGroups []struct {
						Label   struct{ Text string } `json:"label"`
						Options []struct{ Value string }
					} `json:"option_groups"`
				} `json:"element"`
			} `json:"blocks"`
		} `json:"view"`
	}
	call := e.slack.next(t, "views.open")
	if err := json.Unmarshal(call.Body, &open); err != nil {
		t.Fatalf("views.open body: %v: %s", err, call.Body)
	}
	if open.TriggerID != "trigger-modal" || open.View.CallbackID != addCallbackID || open.View.PrivateMetadata != testChannel {
		t.Errorf("views.open trigger %q callback %q metadata %q", open.TriggerID, open.View.CallbackID, open.View.PrivateMetadata)
	}
	var ids []string
	for _, b := range open.View.Blocks {
		ids = append(ids, b.BlockID)
		switch b.BlockID {
		case commands.FieldProgram:
			groups := b.Element.OptionGroups
			if len(groups) != 2 || groups[0].Label.Text != "Public sector" || groups[1].Label.Text != "Private sector" {
				t.Errorf("program groups %+v; want Public sector then Private sector", groups)
			} else if !strings.Contains(fmt.Sprint(groups[0].Options), "youth") || !strings.Contains(fmt.Sprint(groups[1].Options), "invest") {
				t.Errorf("youth should be public and invest private: %+v", groups)
			}
		case commands.FieldDate:
			if b.Element.Type != "datepicker" || len(b.Element.InitialDate) != len("2006-01-02") {
				t.Errorf("date element %+v; want a datepicker starting today", b.Element)
			}
		case commands.FieldDepartment, commands.FieldNote:
			if !b.Optional {
				t.Errorf("%s should be optional", b.BlockID)
			}
		}
	}
	want := []string{commands.FieldProgram, commands.FieldCount, commands.FieldDate, commands.FieldDepartment, commands.FieldStatus, commands.FieldNote}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("block IDs %v; want %v", ids, want)
	}

	// A bad count comes back as a field error on the count block.
	w = e.post("/slack/interactions", interactionBody(viewSubmission("V0FORM", "youth", "many", "", "realised")))
	resp := decode(t, w)
	errs, _ := resp["errors"].(map[string]any)
	if resp["response_action"] != "errors" || errs[commands.FieldCount] == nil {
		t.Fatalf("bad count: %s; want response_action errors keyed by %q", w.Body, commands.FieldCount)
	}
	if n := len(e.entries(t)); n != 0 {
		t.Fatalf("%d entries after a refused form", n)
	}

	// A valid one is stored, the form closes and the user gets the confirmation.
	w = e.post("/slack/interactions", interactionBody(viewSubmission("V0FORM", "youth", "6백여", "", "realised")))
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("valid form: %d %q; want an empty 200 that closes it", w.Code, w.Body)
	}
	list := e.entries(t)
	if len(list) != 1 || list[0].Count != 600 || !list[0].Approximate || list[0].Source != commands.SourceModal || list[0].Note != "job fair" {
		t.Fatalf("entries %+v; want one approximate 600 from the modal", list)
	}
	confirm := e.slack.next(t, "chat.postEphemeral")
	if confirm.Form.Get("channel") != testChannel || confirm.Form.Get("user") != testUser || !strings.Contains(confirm.Form.Get("text"), "#1") {
		t.Errorf("confirmation went to channel %q user %q text %q", confirm.Form.Get("channel"), confirm.Form.Get("user"), confirm.Form.Get("text"))
	}
	if !strings.Contains(confirm.Form.Get("blocks"), "undo-0") {
		t.Errorf("confirmation has no Undo button: %s", confirm.Form.Get("blocks"))
	}

	// Submitting the same form again records nothing new.
	e.post("/slack/interactions", interactionBody(viewSubmission("V0FORM", "youth", "6백여", "", "realised")))
	e.slack.next(t, "chat.postEphemeral")
	if n := len(e.entries(t)); n != 1 {
		t.Errorf("%d entries after submitting the same form twice; want 1", n)
	}
}

func TestModalSubmitWithoutChannelFallsBackToDM(t *testing.T) {
	e := newEnv(t, nil, nil)
	payload := strings.Replace(viewSubmission("V0DM", "youth", "35", "", "agreed"), `"private_metadata":"`+testChannel+`"`, `"private_metadata":""`, 1)
	if w := e.post("/slack/interactions", interactionBody(payload)); w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("valid form: %d %q", w.Code, w.Body)
	}
	dm := e.slack.next(t, "chat.postMessage")
	if dm.Form.Get("channel") != testUser {
		t.Errorf("confirmation went to %q; want a DM to %s", dm.Form.Get("channel"), testUser)
	}
	if list := e.entries(t); len(list) != 1 || list[0].Status != commands.StatusAgreed {
		t.Errorf("entries %+v; want one agreed entry", list)
	}
}

func TestUndoButton(t *testing.T) {
	e := newEnv(t, nil, nil)
	reply := decode(t, e.post("/slack/commands", commandBody("add 180 youth", "trigger-add", "")))
	id, value := button(t, reply, commands.ActionUndo)
	if !strings.HasPrefix(value, "void 1") {
		t.Fatalf("Undo button runs %q; want void 1", value)
	}
	h := newHook(t)
	w := e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-undo", h.URL, id, value)))
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("button press: %d %q; want an empty 200", w.Code, w.Body)
	}
	got := h.next(t)
	if got["replace_original"] != false || got["response_type"] != "ephemeral" {
		t.Errorf("Undo answer %v; want a new ephemeral message", got)
	}
	entry, err := e.store.Entry(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if !entry.Voided() || entry.VoidedBy != testUser {
		t.Errorf("entry after Undo: voided=%v by %q; want voided by %s", entry.Voided(), entry.VoidedBy, testUser)
	}
}

// Another user pressing someone's Undo button can do no more than typing
// the command could: a staff member cannot void another's entry.
func TestButtonRunsAsThePresser(t *testing.T) {
	e := newEnv(t, nil, nil)
	reply := decode(t, e.post("/slack/commands", commandBody("add 180 youth", "trigger-add", "")))
	id, value := button(t, reply, commands.ActionUndo)
	h := newHook(t)
	e.post("/slack/interactions", interactionBody(blockActions("U0SOMEONEELSE", "trigger-other", h.URL, id, value)))
	h.next(t)
	entry, err := e.store.Entry(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if entry.Voided() {
		t.Error("another staff member voided the entry through the button")
	}
}

func TestShareButton(t *testing.T) {
	e := newEnv(t, nil, nil)
	e.post("/slack/commands", commandBody("add 180 youth", "trigger-add", ""))
	reply := decode(t, e.post("/slack/commands", commandBody("status", "trigger-status", "")))
	id, value := button(t, reply, commands.ActionShare)
	h := newHook(t)
	e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-share", h.URL, id, value)))
	got := h.next(t)
	if got["response_type"] != "in_channel" || got["replace_original"] != false {
		t.Errorf("shared status %v; want a new in_channel message", got)
	}
	if text, _ := got["text"].(string); !strings.Contains(text, "180") {
		t.Errorf("shared status %q does not show the 180 jobs", text)
	}
	if b, _ := json.Marshal(got["blocks"]); strings.Contains(string(b), "share-") {
		t.Errorf("shared status still offers Share: %s", b)
	}
}

func TestAppHome(t *testing.T) {
	e := newEnv(t, nil, nil)
	e.post("/slack/commands", commandBody("add 180 youth", "trigger-add", ""))
	e.slack.rateLimitOnce("views.publish")
	event := `{"type":"event_callback","team_id":"` + testTeam + `","event_id":"Ev0HOME","event":{"type":"app_home_opened","user":"` + testUser + `","channel":"D0HOME","tab":"home","event_ts":"1700000000.1"}}`
	if w := e.post("/slack/events", event); w.Code != http.StatusOK {
		t.Fatalf("app_home_opened: %d %s", w.Code, w.Body)
	}
	call := e.slack.next(t, "views.publish")
	var pub struct {
		UserID string `json:"user_id"`
		View   struct {
			Type   string           `json:"type"`
			Blocks []map[string]any `json:"blocks"`
		} `json:"view"`
	}
	if err := json.Unmarshal(call.Body, &pub); err != nil {
		t.Fatal(err)
	}
	if pub.UserID != testUser || pub.View.Type != "home" || len(pub.View.Blocks) == 0 {
		t.Errorf("views.publish user %q type %q with %d blocks", pub.UserID, pub.View.Type, len(pub.View.Blocks))
	}
	if !strings.Contains(string(call.Body), "180") || strings.Contains(string(call.Body), "share-") {
		t.Errorf("home view should show the status (180 jobs) without a Share button: %s", call.Body)
	}
	if n := e.slack.attemptsOf("views.publish"); n != 2 {
		t.Errorf("views.publish tried %d times; want 2 (a 429, then the retry)", n)
	}
	if got := counterValue(t, e, `jobsbot_slack_api_errors_total{method="views.publish"}`); got != "1" {
		t.Errorf("API error counter = %s; want 1", got)
	}

	// Slack retries an event it thinks was lost: the dashboard is not redone.
	e.post("/slack/events", event)
	e.slack.none(t, "views.publish")
}

// counterValue reads one series from /metrics.
func counterValue(t *testing.T, e *testEnv, series string) string {
	t.Helper()
	w := httptestGet(e, "/metrics")
	for line := range strings.SplitSeq(w, "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			return v
		}
	}
	return "absent"
}
