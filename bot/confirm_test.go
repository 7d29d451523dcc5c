package bot

import (
	"net/http"
	"strings"
	"testing"

	"jobsbot/commands"
)

// The same entry sent twice is held with a Record it button; pressing it
// records the second entry, as typing the line with confirm would.
func TestConfirmButtonRecordsTheHeldEntry(t *testing.T) {
	e := newEnv(t, nil, nil)
	decode(t, e.post("/slack/commands", commandBody("add 180 youth", "trigger-add", "")))
	reply := decode(t, e.post("/slack/commands", commandBody("add 180 youth", "trigger-again", "")))
	if n := len(e.entries(t)); n != 1 {
		t.Fatalf("%d entries after the repeat; want it held, 1", n)
	}
	id, value := button(t, reply, commands.ActionConfirm)
	// the line as typed, with the date it was held for (review r25 F6)
	if !strings.HasPrefix(value, "add 180 youth date:") || !strings.Contains(value, " confirm:") {
		t.Fatalf("confirm button runs %q", value)
	}
	h := newHook(t)
	if w := e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-confirm", h.URL, id, value))); w.Code != http.StatusOK {
		t.Fatalf("button press: %d %q", w.Code, w.Body)
	}
	h.next(t)
	list := e.entries(t)
	if len(list) != 2 || list[0].Count != 180 || list[1].Count != 180 {
		t.Fatalf("entries %+v; want two of 180 after the press", list)
	}
}

// Typed in Slack, confirm:yes is that one request: Slack redelivering the
// same slash command (same trigger_id) records nothing more.
func TestTypedConfirmRedeliveredRecordsOnce(t *testing.T) {
	e := newEnv(t, nil, nil)
	decode(t, e.post("/slack/commands", commandBody("add 180 youth", "trigger-add", "")))
	for range 2 {
		decode(t, e.post("/slack/commands", commandBody("add 180 youth confirm:yes", "trigger-confirm", "")))
	}
	if n := len(e.entries(t)); n != 2 {
		t.Fatalf("%d entries; want 2: the add and the one typed confirmation", n)
	}
	// Pasted again with no question pending (a new trigger_id), it is told
	// the entry is recorded: confirm:yes with no question records once a
	// day (links5). A third batch is the plain line, held as a repeat, and
	// its Record it button.
	again := decode(t, e.post("/slack/commands", commandBody("add 180 youth confirm:yes", "trigger-confirm-again", "")))
	if n := len(e.entries(t)); n != 2 {
		t.Fatalf("%d entries after confirm:yes pasted again; want 2, the paste told it is recorded:\n%v", n, again)
	}
	reply := decode(t, e.post("/slack/commands", commandBody("add 180 youth", "trigger-third", "")))
	id, value := button(t, reply, commands.ActionConfirm)
	h := newHook(t)
	if w := e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-third-confirm", h.URL, id, value))); w.Code != http.StatusOK {
		t.Fatalf("button press: %d %q", w.Code, w.Body)
	}
	h.next(t)
	if n := len(e.entries(t)); n != 3 {
		t.Fatalf("%d entries; the repeat's Record it button records a third batch, want 3", n)
	}
}

// The Record it button stands for the one held request: pressed three times
// (a double click, a later press, a redelivery), each press with its own
// trigger_id, it records the held entry once; the later presses answer that
// it is already recorded.
func TestConfirmButtonPressedAgainRecordsOnce(t *testing.T) {
	e := newEnv(t, nil, nil)
	decode(t, e.post("/slack/commands", commandBody("add 180 youth", "trigger-add", "")))
	reply := decode(t, e.post("/slack/commands", commandBody("add 180 youth", "trigger-again", "")))
	id, value := button(t, reply, commands.ActionConfirm)
	h := newHook(t)
	var answers []string
	for _, trigger := range []string{"tc1", "tc2", "tc3"} {
		if w := e.post("/slack/interactions", interactionBody(blockActions(testUser, trigger, h.URL, id, value))); w.Code != http.StatusOK {
			t.Fatalf("button press: %d %q", w.Code, w.Body)
		}
		m := h.next(t)
		text, _ := m["text"].(string)
		answers = append(answers, text)
		if m["replace_original"] != true {
			t.Errorf("press %s: the answer does not replace the question and its button: %v", trigger, m)
		}
	}
	if n := len(e.entries(t)); n != 2 {
		t.Fatalf("%d entries after three presses; want 2 (the first add and the confirmed one)", n)
	}
	for _, a := range answers[1:] {
		if !strings.Contains(strings.ToLower(a), "already") {
			t.Errorf("a later press answered %q; want it to say the entry is already recorded", a)
		}
	}
}

// An add dated before a later 누계 of its program is asked about with the
// 채용 question's two buttons, Already in the total / Separate jobs; nothing
// is written until one is pressed, and Separate jobs records the add once.
func TestWithinButtonsRecordTheAnsweredAdd(t *testing.T) {
	e := newEnv(t, nil, nil)
	decode(t, e.post("/slack/commands", commandBody("add 400 invest cumulative date:2026-04-30", "trigger-report", "")))
	reply := decode(t, e.post("/slack/commands", commandBody("add 30 invest date:2026-04-15", "trigger-add", "")))
	if n := len(e.entries(t)); n != 1 {
		t.Fatalf("%d entries after the question; want nothing written, 1", n)
	}
	var labels, values []string
	var ids []string
	blocks, _ := reply["blocks"].([]any)
	for _, b := range blocks {
		block, _ := b.(map[string]any)
		if block["type"] != "actions" {
			continue
		}
		for _, el := range block["elements"].([]any) {
			btn := el.(map[string]any)
			text, _ := btn["text"].(map[string]any)
			label, _ := text["text"].(string)
			labels = append(labels, label)
			values = append(values, btn["value"].(string))
			ids = append(ids, btn["action_id"].(string))
		}
	}
	if len(labels) != 2 || labels[0] != "Already in the total" || labels[1] != "Separate jobs" {
		t.Fatalf("buttons %q; want Already in the total, Separate jobs", labels)
	}
	if values[1] != "add 30 invest date:2026-04-15 within:no" {
		t.Fatalf("Separate jobs runs %q", values[1])
	}
	h := newHook(t)
	if w := e.post("/slack/interactions", interactionBody(blockActions(testUser, "trigger-separate", h.URL, ids[1], values[1]))); w.Code != http.StatusOK {
		t.Fatalf("button press: %d %q", w.Code, w.Body)
	}
	h.next(t)
	list := e.entries(t)
	if len(list) != 2 {
		t.Fatalf("entries %+v; want the report and the add after the press", list)
	}
}
