// Package chart draws the weekly digest's picture: this year's cumulative jobs
// week by week against the year's target and against last year's curve, as a
// PNG a manager reads at a glance. It embeds its own font, so Korean labels
// render the same on a laptop, a server without fonts and in CI.
//
// The command core gathers the figures (commands.ChartSeries, a plain
// struct); drawing them lives here, beside the poster that shares the
// picture, so the core imports neither gonum/plot nor the font.
package chart

import (
	_ "embed"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"jobsbot/commands"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// The picture's size. At 96 dpi a 750×420 pt canvas is exactly 1000×560 px:
// wide enough to read in a Slack thread, small enough to upload quickly.
const (
	Width  = 1000 // pixels
	Height = 560  // pixels
	dpi    = 96
)

// nanumGothic covers Hangul and Latin; gonum/plot's bundled Liberation fonts
// have no Hangul, so Korean labels would be drawn as empty boxes (tofu).
// Licence: fonts/OFL.txt (SIL Open Font License 1.1).
//
//go:embed fonts/NanumGothic.ttf
var nanumGothic []byte

// typeface is the name the embedded font is registered under.
const typeface = font.Typeface("NanumGothic")

// fonts is a private font cache holding only the embedded font. A cache of
// our own, rather than gonum/plot's global one, leaves other plots in the
// process untouched and makes every lookup land on a face with Hangul.
var fonts = sync.OnceValues(func() (*font.Cache, error) {
	f, err := opentype.Parse(nanumGothic)
	if err != nil {
		return nil, fmt.Errorf("chart: parse embedded font: %w", err)
	}
	return font.NewCache(font.Collection{{Font: font.Font{Typeface: typeface}, Face: f}}), nil
})

// Point is the cumulative jobs of a year as of the end of one day.
type Point = commands.ChartPoint

// Series is what the chart shows: the figures the command core gathers.
type Series = commands.ChartSeries

// Render writes s as a Width×Height PNG with labels in lang ("ko" for
// Korean, anything else English), taken from the message catalogue.
func Render(w io.Writer, s Series, lang string) error {
	cache, err := fonts()
	if err != nil {
		return err
	}
	words := i18n.Default().Printer(i18n.Lang(lang))
	p := plot.New()
	useFont(p, text.Plain{Fonts: cache})
	p.Title.Text = words.T("chart.title", "Year", s.Year)
	p.Title.TextStyle.Font.Size = vg.Points(16)
	p.Title.Padding = vg.Points(8)
	p.X.Label.Text = words.T("chart.x")
	p.Y.Label.Text = words.T("chart.y")
	p.X.Min, p.X.Max = 0, 365
	p.X.Tick.Marker = monthTicks(strings.Fields(words.T("chart.months")))
	p.Y.Tick.Marker = thousandsTicks{}
	p.Y.Min, p.Y.Max = 0, yMax(s)
	p.Add(plotter.NewGrid())
	// Cumulative curves rise from the bottom left to the top right, so the
	// bottom right corner is the one place the legend never hides data.
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.XOffs = -vg.Points(12)
	p.Legend.YOffs = vg.Points(12)
	p.Legend.Padding = vg.Points(4)

	if s.Target > 0 {
		target, err := line([]Point{{Day: dayOf(s.Year, 1), Jobs: s.Target}, {Day: dayOf(s.Year, 365), Jobs: s.Target}},
			color.RGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}, 2, []vg.Length{vg.Points(8), vg.Points(4)})
		if err != nil {
			return err
		}
		p.Add(target)
		p.Legend.Add(words.T("chart.target", "Target", numbers.Format(s.Target)), target)
	}
	if len(s.ThisYear) > 0 {
		this, err := line(s.ThisYear, color.RGBA{R: 0x1f, G: 0x5f, B: 0xbf, A: 0xff}, 3, nil)
		if err != nil {
			return err
		}
		p.Add(this)
		p.Legend.Add(words.T("chart.year", "Year", s.Year), this)
		end, err := endLabel(s, text.Plain{Fonts: cache})
		if err != nil {
			return err
		}
		p.Add(end)
	}
	if len(s.LastYear) > 0 {
		last, err := line(s.LastYear, color.RGBA{R: 0x8c, G: 0x8c, B: 0x8c, A: 0xff}, 2, nil)
		if err != nil {
			return err
		}
		p.Add(last)
		p.Legend.Add(words.T("chart.year", "Year", s.Year-1), last)
	}

	c := vgimg.NewWith(vgimg.UseWH(Width*vg.Inch/dpi, Height*vg.Inch/dpi), vgimg.UseDPI(dpi))
	p.Draw(draw.New(c))
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(w); err != nil {
		return fmt.Errorf("chart: write png: %w", err)
	}
	return nil
}

// useFont points every text style of p at the embedded font, keeping the
// sizes gonum/plot chose.
func useFont(p *plot.Plot, h text.Handler) {
	for _, st := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle,
		&p.X.Tick.Label, &p.Y.Tick.Label, &p.Legend.TextStyle} {
		st.Font.Typeface = typeface
		st.Font.Variant = ""
		st.Handler = h
	}
	p.TextHandler = h
}

// endLabel writes this year's latest figure, and its share of the target,
// beside the end of the curve: the number a manager looks for first.
func endLabel(s Series, h text.Handler) (*plotter.Labels, error) {
	last := s.ThisYear[len(s.ThisYear)-1]
	words := numbers.Format(last.Jobs)
	if s.Target > 0 {
		words += fmt.Sprintf(" (%d%%)", (last.Jobs*100+s.Target/2)/s.Target)
	}
	x := float64(last.Day.YearDay() - 1)
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: float64(last.Jobs)}}, Labels: []string{words}})
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	st := &l.TextStyle[0]
	st.Font = font.Font{Typeface: typeface, Size: vg.Points(12)}
	st.Handler = h
	st.Color = color.RGBA{R: 0x1f, G: 0x5f, B: 0xbf, A: 0xff}
	st.YAlign = draw.YCenter
	l.Offset = vg.Point{X: vg.Points(8)}
	// Late in the year the label goes left of the point, inside the frame.
	if x > 300 {
		st.XAlign = draw.XRight
		l.Offset = vg.Point{X: -vg.Points(8), Y: vg.Points(10)}
	}
	return l, nil
}

// line is one curve of the chart, x the day of the year.
func line(points []Point, c color.Color, width float64, dashes []vg.Length) (*plotter.Line, error) {
	xys := make(plotter.XYs, len(points))
	for i, pt := range points {
		xys[i] = plotter.XY{X: float64(pt.Day.YearDay() - 1), Y: float64(pt.Jobs)}
	}
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	l.Color = c
	l.Width = vg.Points(width)
	l.Dashes = dashes
	return l, nil
}

func dayOf(year, yearDay int) time.Time {
	return time.Date(year, time.January, yearDay, 0, 0, 0, 0, time.UTC)
}

// yMax leaves a tenth of headroom above the highest of the target and both
// curves, so the target line is never drawn on the frame.
func yMax(s Series) float64 {
	top := float64(s.Target)
	for _, pts := range [][]Point{s.ThisYear, s.LastYear} {
		for _, pt := range pts {
			top = math.Max(top, float64(pt.Jobs))
		}
	}
	if top <= 0 {
		return 10
	}
	return top * 1.1
}

// monthTicks marks the first day of each month, labelled with its name.
func monthTicks(names []string) plot.Ticker {
	return plot.TickerFunc(func(_, _ float64) []plot.Tick {
		ticks := make([]plot.Tick, 0, 12)
		for m := range 12 {
			// A non-leap year's days: the month boundary moves by at most
			// a day in leap years, invisible at this scale.
			day := time.Date(2025, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC).YearDay() - 1
			label := ""
			if m < len(names) { // a short catalogue entry loses labels, never panics
				label = names[m]
			}
			ticks = append(ticks, plot.Tick{Value: float64(day), Label: label})
		}
		return ticks
	})
}

// thousandsTicks is gonum/plot's default tick placement with labels written
// the way the city's reports print figures (12,000, not 12000 or 1.2e+04).
type thousandsTicks struct{}

// Ticks implements plot.Ticker.
func (thousandsTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = numbers.Format(int64(math.Round(ticks[i].Value)))
		}
	}
	return ticks
}
