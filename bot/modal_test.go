package bot

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/commands"
)

func TestAddModalInKorean(t *testing.T) {
	b, err := New(Config{Service: commands.New(commands.Config{Language: commands.Korean}), BotToken: "xoxb-1", SigningSecret: "s"})
	if err != nil {
		t.Fatal(err)
	}
	programs := []commands.Program{
		{Code: "youth", NameKo: "청년일자리", NameEn: "Youth jobs", Sector: commands.SectorPublic, Active: true},
		{Code: "rail", NameKo: "고속철도변 정비사업", NameEn: "Rail-side redevelopment", Sector: commands.SectorPrivate, Active: false},
		{Code: "invest", NameKo: "기업 및 투자유치", Sector: commands.SectorPrivate, Active: true},
	}
	view, ok := b.addModal(programs, testChannel, time.Date(2026, 4, 30, 9, 0, 0, 0, time.UTC), "")
	if !ok {
		t.Fatal("no form for active programs")
	}
	if !slack.ValidateUniqueBlockID(view) {
		t.Error("block IDs repeat")
	}
	raw, _ := json.Marshal(view)
	s := string(raw)
	for _, want := range []string{"공공 부문", "민간 부문", "청년일자리", "기업 및 투자유치", `"initial_date":"2026-04-30"`, "일자리 실적 기록"} {
		if !strings.Contains(s, want) {
			t.Errorf("Korean form lacks %s", want)
		}
	}
	if strings.Contains(s, "rail") {
		t.Error("an inactive program is offered")
	}
	// What the user reads (every "text" of the view) is Korean only.
	for _, m := range regexp.MustCompile(`"text":"([^"]*)"`).FindAllStringSubmatch(s, -1) {
		if regexp.MustCompile(`[A-Za-z]`).MatchString(m[1]) {
			t.Errorf("English in the Korean form: %q", m[1])
		}
	}
	if _, ok := b.addModal(programs[1:2], testChannel, time.Now(), ""); ok {
		t.Error("a form with no active program to pick should not open")
	}
}

func TestAddFormFromState(t *testing.T) {
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(viewSubmission("V1", "youth", "2,400여", "2026-04-30", "agreed")), &cb); err != nil {
		t.Fatal(err)
	}
	got := addFormFromState(cb.View.State)
	want := commands.AddForm{Program: "youth", Count: "2,400여", Date: "2026-04-30", Status: "agreed", Note: "job fair"}
	if got != want {
		t.Errorf("form %+v; want %+v", got, want)
	}
	if (addFormFromState(nil) != commands.AddForm{}) {
		t.Error("a submission without state should read as an empty form")
	}
}
