package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// programWords are the seeded programs' codes and aliases (migration
// 00005), English and Korean, as staff type them.
var programWords = []string{
	"invest", "투자유치", "기업유치", "rail", "철도", "고속철도", "youth", "청년", "청년일자리",
	"social", "사회적기업", "대전형일자리", "vulnerable", "취약계층", "senior", "노인일자리", "어르신",
	"women", "여성일자리", "disabled", "장애인일자리", "community", "지역공동체", "공동체",
}

// notes are free-text notes as staff write them.
var notes = []string{
	"", "", "", "job fair hires", "청년 인턴십 수료자", "기업 유치분", "추가 채용분", "박람회 현장채용",
	"공공근로 2단계", "어르신 일자리 사업단", "사회적기업 신규 지정", "it's the \"second\" batch",
	"하반기 채용분", "정정 후 재입력",
}

// departments are department names given with dept:.
var departments = []string{"일자리정책과", "복지정책과", "노인복지과", "여성가족과", "공동체지원과", "투자유치과"}

// textGen makes varied `/jobs` command lines; each worker has its own.
type textGen struct {
	rng   *rand.Rand
	today time.Time // in Seoul, midnight UTC like commands' dates
}

func newTextGen(seed uint64, today time.Time) *textGen {
	return &textGen{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), today: today}
}

// count returns a count in one of the forms staff type: 180, 2,400, 6백,
// 1만2000, 35여.
func (g *textGen) count() string {
	r := g.rng
	switch n := r.IntN(100); {
	case n < 45:
		return strconv.Itoa(1 + r.IntN(200))
	case n < 60:
		v := 1000 + r.IntN(9000)
		return strconv.Itoa(v/1000) + "," + fmt.Sprintf("%03d", v%1000)
	case n < 70:
		return strconv.Itoa(1+r.IntN(9)) + "백"
	case n < 75:
		return "1만" + strconv.Itoa(1000*(1+r.IntN(9)))
	case n < 90:
		return strconv.Itoa(5*(1+r.IntN(20))) + "여"
	default:
		return strconv.Itoa(1+r.IntN(9)) + "백여"
	}
}

// date returns a past date in one of the accepted forms, or "" for today.
func (g *textGen) date() string {
	r := g.rng
	switch n := r.IntN(100); {
	case n < 40:
		return ""
	case n < 50:
		return "오늘"
	case n < 65:
		return "어제"
	case n < 75 && g.today.Month() > time.January:
		return strconv.Itoa(1+r.IntN(int(g.today.Month())-1)) + "월말"
	case n < 90:
		return g.today.AddDate(0, 0, -r.IntN(300)).Format(time.DateOnly)
	default:
		d := g.today.AddDate(0, 0, -r.IntN(25))
		if d.Year() != g.today.Year() {
			return d.Format(time.DateOnly)
		}
		return fmt.Sprintf("%d/%d", d.Month(), d.Day())
	}
}

// add returns an `add` command line.
func (g *textGen) add() string {
	r := g.rng
	program := programWords[r.IntN(len(programWords))]
	count := g.count()
	verb := "add"
	if r.IntN(5) == 0 {
		verb = []string{"추가", "기록", "등록", "log"}[r.IntN(4)]
	}
	line := verb + " " + count + " " + program
	if r.IntN(6) == 0 { // program first: "add 청년 35"
		line = verb + " " + program + " " + count
	}
	if d := g.date(); d != "" {
		line += " date:" + d
	}
	switch n := r.IntN(100); {
	case n < 8:
		line += " status:agreed"
	case n < 14:
		line += " type:" + []string{"regular", "temporary", "daily"}[r.IntN(3)]
	case n < 22:
		line += " dept:" + departments[r.IntN(len(departments))]
	}
	if note := notes[r.IntN(len(notes))]; note != "" {
		line += " " + note
	}
	return line
}
