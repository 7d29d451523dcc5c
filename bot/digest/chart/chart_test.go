package chart_test

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jobsbot/bot/digest/chart"
)

// keep writes the rendered charts to testdata/out, to look at them.
var keep = flag.Bool("keep", false, "write the rendered charts to testdata/out")

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// series is the article's year: 11,980 by the end of April against 20,500,
// and a last year that grew steadily.
func series() chart.Series {
	s := chart.Series{Year: 2026, Target: 20500}
	var cum int64
	for d := day(2026, 1, 4); d.Before(day(2026, 5, 25)); d = d.AddDate(0, 0, 7) {
		if d.After(day(2026, 4, 30)) && cum < 11980 {
			cum = 11980
		}
		cum += 40
		s.ThisYear = append(s.ThisYear, chart.Point{Day: d, Jobs: cum})
	}
	for d, cum := day(2025, 1, 5), int64(0); d.Year() == 2025; d = d.AddDate(0, 0, 7) {
		cum += 350
		s.LastYear = append(s.LastYear, chart.Point{Day: d, Jobs: cum})
	}
	return s
}

func TestRenderIsPNGOfExpectedSize(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := chart.Render(&buf, series(), lang); err != nil {
				t.Fatalf("Render: %v", err)
			}
			img, err := png.Decode(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("output is not a PNG: %v", err)
			}
			if got := img.Bounds().Size(); got != (image.Point{X: chart.Width, Y: chart.Height}) {
				t.Fatalf("PNG is %v; want %dx%d", got, chart.Width, chart.Height)
			}
			if colours(img) < 4 {
				t.Errorf("PNG has only %d colours: nothing was drawn", colours(img))
			}
			if *keep {
				dir := filepath.Join("testdata", "out")
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "chart-"+lang+".png"), buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestKoreanLabelsHaveGlyphs renders a title in Hangul and checks it drew
// more ink than a missing-glyph box would: a font without Hangul draws the
// same .notdef box for every syllable.
func TestKoreanLabelsHaveGlyphs(t *testing.T) {
	empty := chart.Series{Year: 2026}
	var en, ko bytes.Buffer
	if err := chart.Render(&en, empty, "en"); err != nil {
		t.Fatal(err)
	}
	if err := chart.Render(&ko, empty, "ko"); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(en.Bytes(), ko.Bytes()) {
		t.Fatal("Korean and English charts are identical; labels were not localised")
	}
	img, err := png.Decode(&ko)
	if err != nil {
		t.Fatal(err)
	}
	// The title band: Hangul syllables are dense, a box outline is not.
	if ink := inkIn(img, image.Rect(300, 0, 700, 40)); ink < 400 {
		t.Errorf("Korean title drew %d dark pixels; looks like missing glyphs", ink)
	}
}

// TestLateInTheYear draws a whole year, where the end label must turn left
// to stay inside the frame, and a year that passed its target.
func TestLateInTheYear(t *testing.T) {
	s := chart.Series{Year: 2026, Target: 1000}
	for d, cum := day(2026, 1, 4), int64(0); d.Year() == 2026; d = d.AddDate(0, 0, 7) {
		cum += 25
		s.ThisYear = append(s.ThisYear, chart.Point{Day: d, Jobs: cum})
	}
	var buf bytes.Buffer
	if err := chart.Render(&buf, s, "en"); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&buf); err != nil {
		t.Fatal(err)
	}
}

func TestEmptySeriesStillRenders(t *testing.T) {
	var buf bytes.Buffer
	if err := chart.Render(&buf, chart.Series{Year: 2027}, "ko"); err != nil {
		t.Fatalf("Render of an empty year: %v", err)
	}
	if _, err := png.Decode(&buf); err != nil {
		t.Fatal(err)
	}
}

func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

func inkIn(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr+cg+cb < 3*0x8000 {
				n++
			}
		}
	}
	return n
}
