package blockkit

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"jobsbot/commands"
)

// checkLimits fails the test where blocks break a Block Kit limit.
func checkLimits(t *testing.T, blocks []slack.Block) {
	t.Helper()
	if len(blocks) > MaxBlocks {
		t.Errorf("%d blocks; Slack takes at most %d", len(blocks), MaxBlocks)
	}
	seen := map[string]bool{}
	for i, b := range blocks {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > MaxHeaderChars {
				t.Errorf("block %d: header of %d characters", i, n)
			}
		case *slack.SectionBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > MaxSectionChars || n == 0 {
				t.Errorf("block %d: section of %d characters", i, n)
			}
			if !utf8.ValidString(b.Text.Text) {
				t.Errorf("block %d: section text is not valid UTF-8", i)
			}
		case *slack.ActionBlock:
			if len(b.Elements.ElementSet) > MaxButtons {
				t.Errorf("block %d: %d buttons", i, len(b.Elements.ElementSet))
			}
			for _, el := range b.Elements.ElementSet {
				btn := el.(*slack.ButtonBlockElement)
				if seen[btn.ActionID] {
					t.Errorf("action ID %q repeats", btn.ActionID)
				}
				seen[btn.ActionID] = true
				if n := utf8.RuneCountInString(btn.Text.Text); n > MaxButtonLabel {
					t.Errorf("button label of %d characters", n)
				}
			}
		}
	}
	if _, err := json.Marshal(blocks); err != nil {
		t.Errorf("blocks do not marshal: %v", err)
	}
}

func TestRenderHugeReplyStaysWithinLimits(t *testing.T) {
	long := strings.Repeat("청년일자리 180 & <youth> ", 100) // ~2,300 characters once escaped
	r := commands.Reply{Title: "Status", Actions: []commands.Action{
		{ID: commands.ActionShare, Label: "Share to channel", Command: "status", Style: "primary"},
		{ID: commands.ActionUndo, Label: "Undo", Command: "void 1", Style: "danger"},
	}}
	for i := range 200 {
		r.Sections = append(r.Sections, commands.Section{Heading: fmt.Sprintf("Program %d", i), Lines: []string{long, long, long}})
	}
	blocks := Render(r, "The reply was shortened.")
	checkLimits(t, blocks)
	if len(blocks) != MaxBlocks {
		t.Errorf("%d blocks; want the message filled to %d", len(blocks), MaxBlocks)
	}
	if _, ok := blocks[len(blocks)-1].(*slack.ActionBlock); !ok {
		t.Errorf("last block is %T; the buttons must survive shortening", blocks[len(blocks)-1])
	}
	ctx, ok := blocks[len(blocks)-2].(*slack.ContextBlock)
	if !ok {
		t.Fatalf("block before the buttons is %T; want the shortened note", blocks[len(blocks)-2])
	}
	if b, _ := json.Marshal(ctx); !strings.Contains(string(b), "shortened") {
		t.Errorf("shortened note says %s", b)
	}
	if _, ok := blocks[0].(*slack.HeaderBlock); !ok {
		t.Errorf("first block is %T; want the title as a header", blocks[0])
	}
}

func TestRenderSplitsLongLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		line string
	}{
		{"ascii", strings.Repeat("x", 7000)},
		{"hangul", strings.Repeat("가", 7000)},
		{"entities", strings.Repeat("&<>", 2500)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blocks := Render(commands.Reply{Sections: []commands.Section{{Lines: []string{tc.line}}}}, "")
			checkLimits(t, blocks)
			var joined strings.Builder
			for _, b := range blocks {
				text := b.(*slack.SectionBlock).Text.Text
				if strings.Count(text, "&") != strings.Count(text, ";") {
					t.Errorf("a section cuts an entity in half: …%s", text[len(text)-10:])
				}
				joined.WriteString(text)
			}
			if joined.String() != Escape(tc.line) {
				t.Error("split sections do not add up to the line")
			}
		})
	}
}

func TestRenderTitle(t *testing.T) {
	header := func(title string) bool {
		_, ok := Render(commands.Reply{Title: title}, "")[0].(*slack.HeaderBlock)
		return ok
	}
	if !header("Recorded entry #1: 180 jobs for Youth jobs (youth).") {
		t.Error("a short plain title should be a header")
	}
	if header(strings.Repeat("a", MaxHeaderChars+1)) {
		t.Error("a title over 150 characters must not be a header")
	}
	if header("Only managers can use `target`.") {
		t.Error("a title with `code` should be a bold section, not a header showing backticks")
	}
	blocks := Render(commands.Reply{Title: strings.Repeat("긴 제목 ", 1000)}, "")
	checkLimits(t, blocks)
}

func TestEscape(t *testing.T) {
	blocks := Render(commands.Reply{Sections: []commands.Section{{Heading: "A & B", Lines: []string{"<!channel> <@U1> 1 < 2 > 0"}}}}, "")
	got := blocks[0].(*slack.SectionBlock).Text.Text
	want := "*A &amp; B*\n&lt;!channel&gt; &lt;@U1&gt; 1 &lt; 2 &gt; 0"
	if got != want {
		t.Errorf("section text %q; want %q", got, want)
	}
}

func TestRenderButtons(t *testing.T) {
	var actions []commands.Action
	for i := range 30 {
		actions = append(actions, commands.Action{ID: commands.ActionMove, Label: strings.Repeat("→ 실무검토 ", 20), Command: fmt.Sprintf("candidate move %d review", i)})
	}
	blocks := Render(commands.Reply{Title: "Candidate", Actions: actions}, "")
	checkLimits(t, blocks)
	ab := blocks[len(blocks)-1].(*slack.ActionBlock)
	first := ab.Elements.ElementSet[0].(*slack.ButtonBlockElement)
	if ActionKind(first.ActionID) != commands.ActionMove || first.Value != "candidate move 0 review" {
		t.Errorf("button %q value %q", first.ActionID, first.Value)
	}
}

func TestFallbackText(t *testing.T) {
	r := commands.Reply{Title: "T", Sections: []commands.Section{{Lines: []string{strings.Repeat("가", 5000)}}}}
	got := Fallback(r)
	if n := utf8.RuneCountInString(got); n > MaxFallbackChars || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("fallback of %d characters, valid=%v", n, utf8.ValidString(got))
	}
	if got := Fallback(commands.Reply{Title: "Short"}); got != "Short" {
		t.Errorf("short fallback %q", got)
	}
}

// A report table is sent as code blocks: each block a whole fence, split
// between rows, within Slack's limits, every row kept, nothing able to
// close the fence early or inject markup.
func TestRenderMonoTable(t *testing.T) {
	var lines []string
	for i := range 400 {
		lines = append(lines, fmt.Sprintf("사업 %03d <b> & `x`  %8d  %8d  %8d", i, i*7, i*11, i*13))
	}
	r := commands.Reply{Title: "월별 추진실적", Sections: []commands.Section{{Heading: "월별 실적 (1~6월)", Lines: lines, Mono: true}}}
	blocks := Render(r, "shortened")
	checkLimits(t, blocks)
	var rows []string
	for i, b := range blocks[1:] {
		sec, ok := b.(*slack.SectionBlock)
		if !ok {
			continue
		}
		text := sec.Text.Text
		if i == 0 {
			if !strings.HasPrefix(text, "*월별 실적 (1~6월)*\n") {
				t.Fatalf("first block does not start with the heading: %q", text[:40])
			}
			text = strings.TrimPrefix(text, "*월별 실적 (1~6월)*\n")
		}
		if !strings.HasPrefix(text, "```\n") || !strings.HasSuffix(text, "\n```") || strings.Count(text, "```") != 2 {
			t.Fatalf("block %d is not one whole code block: %q…", i, text[:40])
		}
		rows = append(rows, strings.Split(strings.TrimSuffix(strings.TrimPrefix(text, "```\n"), "\n```"), "\n")...)
	}
	if len(blocks) < MaxBlocks && len(rows) != len(lines) {
		t.Errorf("%d rows arrived, %d sent", len(rows), len(lines))
	}
	if !strings.Contains(rows[0], "&lt;b&gt; &amp; 'x'") {
		t.Errorf("row not escaped: %q", rows[0])
	}
}
