package numbers

import (
	"errors"
	"jobsbot/commands/reasons"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		in      string
		value   int64
		approx  bool
		counter string
	}{
		// Plain digits, with and without commas.
		{"0", 0, false, ""},
		{"7", 7, false, ""},
		{"20500", 20500, false, ""},
		{"20,500", 20500, false, ""},
		{"2,400", 2400, false, ""},
		{"1,000,000", 1000000, false, ""},
		{"999", 999, false, ""},
		{"0500", 500, false, ""},
		{"  180  ", 180, false, ""},
		{"\t180\n", 180, false, ""},
		// Full-width digits and comma, as Korean IMEs type them.
		{"１８０", 180, false, ""},
		{"２０，５００", 20500, false, ""},
		{"２0,5００", 20500, false, ""},
		{"１８０명", 180, false, "명"},
		// A counter after a space is part of the number.
		{"300 명", 300, false, "명"},
		{"5백 명", 500, false, "명"},
		{"1만 2천여 개", 12000, true, "개"},
		{"1만 개", 10000, false, "개"},
		{"3464억 원", 346400000000, false, "원"},
		// A unit word alone, with 여 or a counter after it.
		{"천여 명", 1000, true, "명"},
		{"만 명", 10000, false, "명"},
		{"백여 개", 100, true, "개"},
		{"만여", 10000, true, ""},
		// A decimal before a unit, when it comes to a whole number.
		{"1.2만", 12000, false, ""},
		{"1.5만", 15000, false, ""},
		{"2.4천", 2400, false, ""},
		{"1.05만명", 10500, false, "명"},
		{"1.2만여 명", 12000, true, "명"},
		// Approximate prefixes.
		{"약 500", 500, true, ""},
		{"약500", 500, true, ""},
		{"대략 500", 500, true, ""},
		{"~500", 500, true, ""},
		{"～ 500명", 500, true, "명"},
		{"약 1만 2천 명", 12000, true, "명"},
		// Korean units, from the article and beyond.
		{"2만500", 20500, false, ""},
		{"2만 500", 20500, false, ""},
		{"2만   500", 20500, false, ""},
		{"1만 2000", 12000, false, ""},
		{"1만2000", 12000, false, ""},
		{"1만2천", 12000, false, ""},
		{"1만 2천", 12000, false, ""},
		{"6백", 600, false, ""},
		{"2천4백", 2400, false, ""},
		{"2천 4백", 2400, false, ""},
		{"8천9백", 8900, false, ""},
		{"3천1백여", 3100, true, ""},
		{"9천9백9십9", 9999, false, ""},
		{"3십", 30, false, ""},
		{"2천4백50", 2450, false, ""},
		{"2천500", 2500, false, ""},
		{"3464억", 346400000000, false, ""},
		{"3,464억", 346400000000, false, ""},
		{"1억2345만6789", 123456789, false, ""},
		{"1억 2345만 6789", 123456789, false, ""},
		{"1억2천3백4십5만6천7백8십9", 123456789, false, ""},
		{"1억 2천만", 120000000, false, ""},
		{"1억", 100000000, false, ""},
		{"1억 500", 100000500, false, ""},
		{"2천만", 20000000, false, ""},
		{"2000만", 20000000, false, ""},
		{"2000만원", 20000000, false, "원"},
		{"12000만", 120000000, false, ""},
		{"1만 2,000", 12000, false, ""},
		{"1만0500", 10500, false, ""},
		{"１만２천", 12000, false, ""},
		// 여 and counters.
		{"6백여", 600, true, ""},
		{"6백여개", 600, true, "개"},
		{"2400여", 2400, true, ""},
		{"2400여개", 2400, true, "개"},
		{"1만 2000여개", 12000, true, "개"},
		{"1만2000여개", 12000, true, "개"},
		{"8,900여", 8900, true, ""},
		{"1만여명", 10000, true, "명"},
		{"180명", 180, false, "명"},
		{"31곳", 31, false, "곳"},
		{"4개사", 4, false, "개사"},
		{"4개", 4, false, "개"},
		{"3464억원", 346400000000, false, "원"},
		{"12회", 12, false, "회"},
		{"20여회", 20, true, "회"},
		{"0개", 0, false, "개"},
		// Largest values.
		{"9223372036854775807", math.MaxInt64, false, ""},
		{"9,223,372,036,854,775,807", math.MaxInt64, false, ""},
		{"922억3372만368", 92233720368, false, ""},
		{"92233720368억5477만5807", math.MaxInt64, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.in, err)
			}
			want := Number{Value: tt.value, Approximate: tt.approx, Counter: tt.counter}
			if got != want {
				t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, want)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		in     string
		reason reasons.Reason
	}{
		// Words that must never be read as numbers.
		{"일자리", reasonNotNumber},
		{"청년만", reasonNotNumber},
		{"만원", reasonNotNumber},
		{"만", reasonNotNumber},
		{"천", reasonNotNumber},
		{"백만", reasonNotNumber},
		{"천만원", reasonNotNumber},
		{"일", reasonNotNumber},
		{"이천", reasonNotNumber},
		{"삼만", reasonNotNumber},
		{"youth", reasonNotNumber},
		{"''", reasonNotNumber},
		{`""`, reasonNotNumber},
		{"; DROP TABLE entries; --", reasonNotNumber},
		{"1e5", reasonNotNumber},
		{"0x10", reasonNotNumber},
		{"１８０abc", reasonNotNumber},
		{"12abc", reasonNotNumber},
		{"12 abc", reasonNotNumber},
		{"180명abc", reasonNotNumber},
		{"개", reasonNotNumber},
		{"여", reasonNotNumber},
		{"여개", reasonNotNumber},
		{"명", reasonNotNumber},
		{"2400개여", reasonNotNumber},
		{"2400여여", reasonNotNumber},
		{"2400개개", reasonNotNumber},
		{"3조", reasonNotNumber},
		{"١٢٣", reasonNotNumber}, // Arabic-Indic digits: not what anyone here types
		{"1/2", reasonNotNumber},
		{"50%", reasonNotNumber},
		{"1.", reasonNotNumber},
		// Empty.
		{"", reasonEmpty},
		{"   ", reasonEmpty},
		// Decimals and signs.
		{"1.5", reasonNotWhole},
		{"1.23456만", reasonNotWhole},
		{"1.2", reasonNotWhole},
		{"0.0만", reasonZeroUnit},
		{"1.2만5", reasonNotWhole},
		{"약", reasonNotNumber},
		{"약정", reasonNotNumber},
		{"대략", reasonNotNumber},
		{"~", reasonNotNumber},
		{"만 원", reasonNotNumber},
		{"여 개", reasonNotNumber},
		{"9.9", reasonNotWhole},
		{"-3", reasonSign},
		{"+5", reasonSign},
		{"-1,234", reasonSign},
		// Commas.
		{"2,40,0", reasonComma},
		{",100", reasonComma},
		{"100,", reasonComma},
		{"1,00", reasonComma},
		{"1000,000", reasonComma},
		{"0,500", reasonComma},
		{"1,,000", reasonComma},
		{",", reasonNotNumber},
		{"1만,500", reasonComma},
		// Spaces.
		{"180 2000", reasonSpace},
		{"1 만", reasonSpace},
		{"2 천4백", reasonSpace},
		{"2400 여", reasonSpaceCounter},
		{"2400 여 명", reasonSpaceCounter},
		// Units.
		{"500만2억", reasonOrder},
		{"2천3천", reasonOrder},
		{"4백2천", reasonOrder},
		{"1만1만", reasonOrder},
		{"1억만", reasonBareUnit},
		{"1만천", reasonBareUnit},
		{"12천", reasonSmallDigit},
		{"15백", reasonSmallDigit},
		{"0천", reasonZeroUnit},
		{"0만", reasonZeroUnit},
		{"1억 0만", reasonZeroUnit},
		{"2만 50000", reasonPlace},
		{"2만 10000", reasonPlace},
		{"1억 20000만", reasonPlace},
		{"2천4백500", reasonPlace},
		{"2천 1000", reasonPlace},
		{"1억 100000000", reasonPlace},
		// Overflow.
		{"9223372036854775808", reasonTooLarge},
		{"99999999999999999999999999999", reasonTooLarge},
		{"92233720368억5477만5808", reasonTooLarge},
		{"92233720369억", reasonTooLarge},
		{"9999999999999999999억", reasonTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want error %q", tt.in, got, tt.reason)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error %T is not *Error", tt.in, err)
			}
			if e.Input != tt.in {
				t.Errorf("Input = %q, want %q", e.Input, tt.in)
			}
			if e.Reason != tt.reason {
				t.Errorf("Parse(%q) reason = %q, want %q", tt.in, e.Reason, tt.reason)
			}
			if got != (Number{}) {
				t.Errorf("Parse(%q) returned %+v alongside an error", tt.in, got)
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	_, err := Parse("2,40,0")
	if got, want := err.Error(), `"2,40,0" has a misplaced comma`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLooksNumeric(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"180", true},
		{"2,40,0", true},
		{"2만", true},
		{"１８０", true},
		{"１８０abc", true},
		{"  12abc", true},
		{"0x10", true},
		{"", false},
		{"   ", false},
		{"만", false},
		{"일자리", false},
		{"youth", false},
		{"-3", false},
		{"+5", false},
		{".5", false},
		{"١", false},
	}
	for _, tt := range tests {
		if got := LooksNumeric(tt.in); got != tt.want {
			t.Errorf("LooksNumeric(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1,000"},
		{11980, "11,980"},
		{20500, "20,500"},
		{100000, "100,000"},
		{1000000, "1,000,000"},
		{346400000000, "346,400,000,000"},
		{-1, "-1"},
		{-999, "-999"},
		{-1234, "-1,234"},
		{-100000, "-100,000"},
		{math.MaxInt64, "9,223,372,036,854,775,807"},
		{math.MinInt64, "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := Format(tt.in); got != tt.want {
			t.Errorf("Format(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFormatRoundTrip checks that whatever Format writes, Parse reads back,
// since the bot echoes figures that users then copy into new commands.
func TestFormatRoundTrip(t *testing.T) {
	for _, v := range []int64{0, 1, 12, 123, 1234, 12345, 123456, 1234567, 20500, math.MaxInt64} {
		got, err := Parse(Format(v))
		if err != nil || got.Value != v {
			t.Errorf("Parse(Format(%d)) = %+v, %v", v, got, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"20500", "20,500", "１８０", "２０，５００", "2만500", "2만 500", "1만 2000여개", "1만2천",
		"6백여", "2천4백", "3464억원", "1억2345만6789", "4개사", "180명", "일자리", "청년만",
		"만원", "500만2억", "2천3천", "180 2000", "2,40,0", ",100", "100,", "1.5", "-3", "+5",
		"1e5", "0x10", "9223372036854775808", "92233720368억5477만5807", "", " ", "여", "1억 0만",
		"약 500", "~500", "천여 명", "1.2만", "300 명", "1만 2천여 개", "대략 500",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error %T is not *Error", s, err)
			}
			if e.Input != s || e.Reason == reasons.None {
				t.Fatalf("Parse(%q) error %+v", s, e)
			}
			return
		}
		if n.Value < 0 {
			t.Fatalf("Parse(%q) = %d, negative", s, n.Value)
		}
		// Whatever parsed must read back the same from both canonical spellings.
		for _, again := range []string{Format(n.Value), strconv.FormatInt(n.Value, 10)} {
			m, err := Parse(again)
			if err != nil || m.Value != n.Value || m.Approximate || m.Counter != "" {
				t.Fatalf("Parse(%q) = %d but Parse(%q) = %+v, %v", s, n.Value, again, m, err)
			}
		}
		// The flags must mirror the suffixes actually typed.
		if _, prefixed := cutPrefix(foldWidth(strings.TrimSpace(s))); n.Approximate != (strings.Contains(s, "여") || prefixed) {
			t.Fatalf("Parse(%q).Approximate = %v", s, n.Approximate)
		}
		if n.Counter != "" && !strings.HasSuffix(strings.TrimSpace(s), n.Counter) {
			t.Fatalf("Parse(%q).Counter = %q", s, n.Counter)
		}
		if ts := strings.TrimSpace(s); !StartsLikeNumber(s) && !strings.ContainsAny(ts, "억만천백십") {
			t.Fatalf("Parse(%q) succeeded but StartsLikeNumber is false", s)
		}
	})
}
