package bot

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r23 M5: a date hold's two buttons (this year's line, the line as
// typed with confirm:) answer one question. App Home keeps the message, so
// both can be pressed: the second press records nothing and names the
// entry the first recorded.
func TestDateHoldButtonsRecordOnce(t *testing.T) {
	e := newEnv(t, nil, nil)
	year := time.Now().Year() - 1
	reply := decode(t, e.post("/slack/commands", commandBody(fmt.Sprintf("add 6 youth %d-01-02", year), "trigger-held", "")))
	var ids, values []string
	blocks, _ := reply["blocks"].([]any)
	for _, b := range blocks {
		block, _ := b.(map[string]any)
		if block["type"] != "actions" {
			continue
		}
		for _, el := range block["elements"].([]any) {
			btn := el.(map[string]any)
			if id, _ := btn["action_id"].(string); strings.HasPrefix(id, commands.ActionConfirm+"-") {
				ids, values = append(ids, id), append(values, btn["value"].(string))
			}
		}
	}
	if len(ids) != 2 {
		t.Fatalf("buttons %q; want this year's line and the line as typed", values)
	}
	h := newHook(t)
	var answers []string
	for i, trigger := range []string{"press-this-year", "press-as-typed"} {
		if w := e.post("/slack/interactions", interactionBody(blockActions(testUser, trigger, h.URL, ids[i], values[i]))); w.Code != http.StatusOK {
			t.Fatalf("button press: %d %q", w.Code, w.Body)
		}
		text, _ := h.next(t)["text"].(string)
		answers = append(answers, text)
	}
	list := e.entries(t)
	if len(list) != 1 || list[0].Count != 6 || list[0].AsOf.Year() != year+1 {
		t.Fatalf("entries %+v; want one of 6 dated this year after both presses", list)
	}
	if !strings.Contains(answers[1], "answered already") || !strings.Contains(answers[1], fmt.Sprintf("(#%d)", list[0].ID)) {
		t.Errorf("the second press answered %q; want it to name #%d", answers[1], list[0].ID)
	}
}
