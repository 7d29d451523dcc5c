package db_test

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

func TestDefaultPrograms(t *testing.T) {
	t.Parallel()
	s := dbtest.New(t)
	ps, err := s.Programs(context.Background())
	if err != nil {
		t.Fatalf("Programs: %v", err)
	}
	want := map[string]struct {
		sector commands.Sector
		alias  string
	}{
		"community":  {commands.SectorPublic, "공동체"},
		"disabled":   {commands.SectorPublic, "장애인"},
		"invest":     {commands.SectorPrivate, "투자유치"},
		"rail":       {commands.SectorPrivate, "고속철도"},
		"senior":     {commands.SectorPublic, "노인"},
		"social":     {commands.SectorPublic, "대전형일자리"},
		"vulnerable": {commands.SectorPublic, "취약계층"},
		"women":      {commands.SectorPublic, "여성"},
		"youth":      {commands.SectorPublic, "청년"},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d programs, want %d", len(ps), len(want))
	}
	if !slices.IsSortedFunc(ps, func(a, b commands.Program) int { return cmp.Compare(a.Code, b.Code) }) {
		t.Errorf("programs are not ordered by code")
	}
	for _, p := range ps {
		w, ok := want[p.Code]
		if !ok {
			t.Errorf("unexpected program %q", p.Code)
			continue
		}
		if p.Sector != w.sector {
			t.Errorf("%s: sector %q, want %q", p.Code, p.Sector, w.sector)
		}
		if !slices.Contains(p.Aliases, w.alias) {
			t.Errorf("%s: aliases %q lack %q", p.Code, p.Aliases, w.alias)
		}
		if p.NameKo == "" || p.NameEn == "" || p.Department == "" || p.DisclosureType == "" {
			t.Errorf("%s: incomplete program %+v", p.Code, p)
		}
		if p.Unit != "개" || !p.Active {
			t.Errorf("%s: unit %q active %v, want 개 and active", p.Code, p.Unit, p.Active)
		}
	}
	if social := programByCode(t, s, "social"); social.DisclosureType != "social-economy" {
		t.Errorf("social: disclosure type %q, want social-economy", social.DisclosureType)
	}
}

func TestAddProgram(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	in := commands.Program{
		Code:           "training",
		Aliases:        []string{"직업훈련", "훈련"},
		NameKo:         "직업훈련 '특화' 과정; DROP TABLE programs; --",
		NameEn:         "Vocational training 🚀",
		Sector:         commands.SectorPublic,
		DisclosureType: "training",
		Department:     "일자리정책과",
		Unit:           "회",
		Active:         true,
	}
	got, err := s.AddProgram(ctx, in)
	if err != nil {
		t.Fatalf("AddProgram: %v", err)
	}
	if got.ID == 0 {
		t.Fatal("AddProgram returned no ID")
	}
	in.ID = got.ID
	stored := programByCode(t, s, "training")
	for _, p := range []commands.Program{got, stored} {
		if p.NameKo != in.NameKo || p.NameEn != in.NameEn || !slices.Equal(p.Aliases, in.Aliases) ||
			p.Unit != in.Unit || p.Sector != in.Sector || p.DisclosureType != in.DisclosureType {
			t.Errorf("program = %+v, want %+v", p, in)
		}
	}
	if stored.CountsAsJobs() {
		t.Error("a program counted in 회 counts as jobs")
	}
}

func TestAddProgramConflicts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	tests := []struct {
		name    string
		code    string
		aliases []string
	}{
		{"taken code", "youth", nil},
		{"code differing only in case", "Youth", nil},
		{"alias taken by another program", "youth2", []string{"청년"}},
		{"alias that is another program's code", "jobs", []string{"senior"}},
		{"code that is another program's alias", "청년일자리", nil},
	}
	for _, tt := range tests {
		_, err := s.AddProgram(ctx, commands.Program{
			Code: tt.code, Aliases: tt.aliases, Sector: commands.SectorPublic, DisclosureType: "other", Unit: "개",
		})
		if !errors.Is(err, commands.ErrConflict) {
			t.Errorf("%s: AddProgram(%q, %q) err = %v, want ErrConflict", tt.name, tt.code, tt.aliases, err)
		}
	}
	ps, err := s.Programs(ctx)
	if err != nil {
		t.Fatalf("Programs: %v", err)
	}
	if len(ps) != 9 {
		t.Errorf("after refused programs there are %d programs, want 9: a conflict left a partial write", len(ps))
	}
	// An alias repeating the program's own code is not a conflict.
	if _, err := s.AddProgram(ctx, commands.Program{
		Code: "green", Aliases: []string{"GREEN", "녹색"}, Sector: commands.SectorPrivate, DisclosureType: "other", Unit: "개",
	}); err != nil {
		t.Errorf("AddProgram with an alias equal to its own code: %v", err)
	}
}

func TestUpdateProgram(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	youth := programByCode(t, s, "youth")
	youth.Aliases = []string{"청년", "청년층"}
	youth.NameEn = "Jobs for young people"
	youth.Department = "청년정책과"
	youth.Active = false
	got, err := s.UpdateProgram(ctx, youth)
	if err != nil {
		t.Fatalf("UpdateProgram: %v", err)
	}
	if got.NameEn != youth.NameEn || got.Department != youth.Department || got.Active ||
		!slices.Equal(got.Aliases, youth.Aliases) {
		t.Errorf("UpdateProgram = %+v, want %+v", got, youth)
	}
	// The dropped alias is free for another program now.
	if _, err := s.AddProgram(ctx, commands.Program{
		Code: "youth-start", Aliases: []string{"청년일자리"}, Sector: commands.SectorPublic, DisclosureType: "startup", Unit: "개",
	}); err != nil {
		t.Errorf("AddProgram with an alias dropped by an update: %v", err)
	}
	youth.Aliases = append(youth.Aliases, "노인")
	if _, err := s.UpdateProgram(ctx, youth); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("UpdateProgram taking senior's alias: err = %v, want ErrConflict", err)
	}
	if got := programByCode(t, s, "youth"); slices.Contains(got.Aliases, "노인") {
		t.Errorf("a refused update was saved: %q", got.Aliases)
	}
	if _, err := s.UpdateProgram(ctx, commands.Program{ID: 999999, Code: "ghost", Sector: commands.SectorPublic, DisclosureType: "other"}); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("UpdateProgram of a missing program: err = %v, want ErrNotFound", err)
	}
}
