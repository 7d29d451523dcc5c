package numbers

import "testing"

// A unit word with digits right after it reads as one of that unit, as 천여
// does; 개소 and 건 are read so that callers can refuse them as not jobs.
func TestUnitWordThenDigits(t *testing.T) {
	for in, want := range map[string]Number{
		"천5백":    {Value: 1500},
		"만5천":    {Value: 15000},
		"만2천여명":  {Value: 12000, Approximate: true, Counter: "명"},
		"3464억":  {Value: 346_400_000_000},
		"1만2000": {Value: 12000},
		"3개소":    {Value: 3, Counter: "개소"},
		"5건":     {Value: 5, Counter: "건"},
		"4개사":    {Value: 4, Counter: "개사"},
	} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"만", "천", "만원", "청년만", "천 5백"} {
		if got, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", in, got)
		}
	}
}
