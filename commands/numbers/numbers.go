// Package numbers reads counts the way Korean city reports write them
// (20,500 / 2만500 / 1만 2000여개 / 6백여 / 3464억원) and writes them back with
// thousands separators.
//
// The parser is deliberately strict: a staff member's typo must come back as a
// clear error rather than be silently logged as a wrong job count, and Korean
// words that merely contain a numeral-looking syllable (일자리, 청년만, 만원) must
// never be read as numbers. Hangul numerals (일, 이, 삼, ...) are not accepted at
// all for that reason; only digits, optionally grouped by the units 만/억 and
// 천/백/십, are.
//
// Range checks (for example 1..1,000,000 for a job count) belong to the callers:
// this package only turns text into an int64.
package numbers

import (
	"fmt"
	"jobsbot/commands/reasons"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Number is a count as a user typed it.
type Number struct {
	// Value is the count itself.
	Value int64
	// Approximate is set by a trailing 여 ("over / about"), e.g. 6백여,
	// 2400여, 1만2000여개. Reports use it for lower bounds, so the ledger keeps
	// the flag instead of pretending the figure is exact.
	Approximate bool
	// Counter is the counter/unit word typed after the number: 개, 명, 곳, 개사,
	// 원 or 회, or "" if none. Callers need it because 회 (sessions) are not jobs.
	Counter string
}

// Error reports input that is not a number this package accepts. Callers match
// it with errors.As and word their own reply from Input and Reason.
type Error struct {
	// Input is the text exactly as given to Parse.
	Input string
	// Reason says why, as a typed code callers map to their own message.
	Reason reasons.Reason
	// Readings are the two values a CountShortTail input may mean (1천2:
	// 1,002 or 1,200), the digits as units first; zero otherwise.
	Readings [2]int64
}

// Error returns the input and the reason, e.g. `"2,40,0" has a misplaced comma`.
func (e *Error) Error() string { return fmt.Sprintf("%q %s", e.Input, e.Reason) }

// Reasons, short local names for the shared codes.
const (
	reasonEmpty        = reasons.CountEmpty
	reasonNotNumber    = reasons.CountNotNumber
	reasonComma        = reasons.CountComma
	reasonTooLarge     = reasons.CountTooLarge
	reasonNotWhole     = reasons.CountNotWhole
	reasonSign         = reasons.CountSign
	reasonSpace        = reasons.CountSpace
	reasonSpaceCounter = reasons.CountSpaceCounter
	reasonBareUnit     = reasons.CountBareUnit
	reasonOrder        = reasons.CountOrder
	reasonSmallDigit   = reasons.CountSmallDigit
	reasonZeroUnit     = reasons.CountZeroUnit
	reasonPlace        = reasons.CountPlace
	reasonShortTail    = reasons.CountShortTail
)

// counters are the counter words allowed after a number. 개사 must come
// before 개 so that "4개사" is not read as "4개" followed by junk.
// 개소, 건 and 개업체 count sites, cases and firms: they are read so that
// callers can refuse them as not jobs, rather than call them unreadable.
var counters = []string{"개사", "개소", "개업체", "개기업", "개기관", "개", "명", "곳", "원", "회", "건", "업체"}

// Unit values. 만 and 억 start groups of four digits (Korean counts in myriads);
// 천, 백 and 십 only ever appear inside such a group.
const (
	man   = 10_000
	eok   = 100_000_000
	cheon = 1_000
	baek  = 100
	sip   = 10
)

func bigUnit(r rune) int64 {
	switch r {
	case '만':
		return man
	case '억':
		return eok
	}
	return 0
}

func smallUnit(r rune) int64 {
	switch r {
	case '천':
		return cheon
	case '백':
		return baek
	case '십':
		return sip
	}
	return 0
}

// foldWidth turns full-width digits and the full-width comma into ASCII, since
// Korean input methods produce them easily (１８０, ２０，５００).
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '，':
			return ','
		}
		return r
	}, s)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// LooksNumeric reports whether s (ignoring leading spaces) starts with an ASCII
// or full-width digit. Callers use it to decide whether a token that failed to
// parse was meant as a number, so they can say "bad number" rather than
// "unknown word".
func LooksNumeric(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, unicode.IsSpace))
	return isDigit(r) || (r >= '０' && r <= '９')
}

// Parse reads a count: plain digits with or without correct thousands commas
// (20500, 20,500, １８０), or digits grouped by Korean units (2만500, 1만 2000,
// 1만2천, 2천4백, 3464억, 1억2345만6789), then an optional 여 and an optional
// counter (개, 명, 곳, 개사, 원, 회), which may stand after a space (300 명).
// As news writes them, an approximate prefix (약 500, 대략 500, ~500) sets the
// approximate flag like 여, a decimal before a unit is read when it comes to a
// whole number (1.2만 = 12,000), and a unit word alone means one of it when a
// 여 or a job counter follows (천여 명, 만 명, 백여 개). Spaces inside the
// number are allowed only right after a unit character, because "180 2000" is
// two numbers and guessing which was meant would log a wrong count. Any
// rejection is an *Error.
func Parse(s string) (Number, error) {
	fail := func(reason reasons.Reason) (Number, error) {
		return Number{}, &Error{Input: s, Reason: reason}
	}
	t := foldWidth(strings.TrimSpace(s))
	if t == "" {
		return fail(reasonEmpty)
	}
	var n Number
	t, n.Approximate = cutPrefix(t)
	t, n.Counter = cutCounter(t)
	if strings.HasSuffix(t, "여") {
		n.Approximate = true
		t = strings.TrimSuffix(t, "여")
	}
	if t == "" {
		return fail(reasonNotNumber) // a prefix, counter or 여 alone
	}
	if r, _ := utf8.DecodeLastRuneInString(t); unicode.IsSpace(r) {
		return fail(reasonSpaceCounter) // "2400 여": the 여 belongs to the digits
	}
	if r, size := utf8.DecodeRuneInString(t); bigUnit(r) != 0 || smallUnit(r) != 0 {
		// A unit word alone (천여 명, 만 명) is one of it, but only with a 여 or
		// a job counter after it, or digits right after it (천5백, 만2천): bare
		// 만 is the particle "only" and 만원 is money.
		next, _ := utf8.DecodeRuneInString(t[size:])
		if !n.Approximate && (n.Counter == "" || n.Counter == "원") && !isDigit(next) {
			return fail(reasonNotNumber)
		}
		t = "1" + t
	}
	v, reason := parseCore(t)
	if reason == reasons.CountShortTail {
		read, other := shortTailReadings(t)
		return Number{}, &Error{Input: s, Reason: reason, Readings: [2]int64{read, other}}
	}
	if reason != reasons.None {
		return fail(reason)
	}
	n.Value = v
	return n, nil
}

// approxPrefixes are the words before a number that mean "about"; "~" is how
// a hurried official writes 약.
var approxPrefixes = []string{"대략", "약", "~", "～"}

// HasApproxPrefix says whether t begins with a word meaning "about" (약 300,
// 대략 300, ~300), which Parse reads as approximate.
func HasApproxPrefix(t string) bool {
	_, ok := cutPrefix(strings.TrimSpace(t))
	return ok
}

// cutPrefix removes an approximate prefix and the spaces after it.
func cutPrefix(t string) (string, bool) {
	for _, p := range approxPrefixes {
		if rest, ok := strings.CutPrefix(t, p); ok {
			return strings.TrimLeftFunc(rest, unicode.IsSpace), true
		}
	}
	return t, false
}

// cutCounter removes a trailing counter word and any spaces before it
// (300 명), returning the counter.
func cutCounter(t string) (string, string) {
	for _, c := range counters {
		if rest, ok := strings.CutSuffix(t, c); ok {
			return strings.TrimRightFunc(rest, unicode.IsSpace), c
		}
	}
	return t, ""
}

// StartsLikeNumber reports whether s starts the way a count may start: a
// digit, an approximate prefix followed by a digit, or a unit word. Callers
// use it to say "bad number" rather than "unknown word" for a typo.
func StartsLikeNumber(s string) bool {
	t, _ := cutPrefix(foldWidth(strings.TrimSpace(s)))
	return LooksNumeric(t)
}

// reDecimal is a decimal directly before one unit, as headlines write 1.2만.
var reDecimal = regexp.MustCompile(`^(\d{1,4})\.(\d{1,8})([억만천백])$`)

// decimal reads 1.2만 = 12,000; ok is false when t is not of that shape. A
// value that does not come to a whole number (1.23456만) is refused.
func decimal(t string) (int64, reasons.Reason, bool) {
	m := reDecimal.FindStringSubmatch(t)
	if m == nil {
		return 0, reasons.None, false
	}
	r, _ := utf8.DecodeRuneInString(m[3])
	unit := bigUnit(r) + smallUnit(r)
	whole, _ := strconv.ParseInt(m[1], 10, 64)
	frac, _ := strconv.ParseInt(m[2], 10, 64)
	scale := int64(1)
	for range len(m[2]) {
		scale *= 10
	}
	if frac*unit%scale != 0 {
		return 0, reasonNotWhole, true
	}
	v, ok := mul(whole, unit)
	if !ok {
		return 0, reasonTooLarge, true
	}
	if v, ok = add(v, frac*unit/scale); !ok || v == 0 {
		if !ok {
			return 0, reasonTooLarge, true
		}
		return 0, reasonZeroUnit, true
	}
	return v, reasons.None, true
}

// parseCore reads the number itself (no prefix, 여 or counter). It returns
// a reason instead of an error so that Parse can wrap every failure alike.
func parseCore(t string) (int64, reasons.Reason) {
	if v, reason, ok := decimal(t); ok {
		return v, reason
	}
	if reason := screen(t); reason != reasons.None {
		return 0, reason
	}
	var r reader
	for i := 0; i < len(t); {
		c, size := utf8.DecodeRuneInString(t[i:])
		var reason reasons.Reason
		switch {
		case isDigit(c) || c == ',':
			j := i
			for j < len(t) && (isDigit(rune(t[j])) || t[j] == ',') {
				j++
			}
			reason, size = r.digitRun(t[i:j]), j-i
		case unicode.IsSpace(c):
			reason = r.space()
		case smallUnit(c) != 0:
			reason = r.small(smallUnit(c))
		case bigUnit(c) != 0:
			reason = r.big(bigUnit(c))
		default:
			reason = reasonNotNumber // screen has already rejected everything else
		}
		if reason != reasons.None {
			return 0, reason
		}
		i += size
	}
	return r.finish()
}

// reader is the state of parseCore between characters: completed 억/만
// groups, the 천/백/십 parts of the current group and a pending digit run.
type reader struct {
	total    int64 // sum of completed 억/만 groups
	lastBig  int64 // the last big unit seen, 0 if none
	segVal   int64 // 천/백/십 parts of the current group
	lastSm   int64 // the last small unit in the current group, 0 if none
	pending  string
	havePend bool
	prevUnit bool // the previous token was a unit (so a space may follow)
}

func (r *reader) digitRun(run string) reasons.Reason {
	if r.havePend {
		return reasonSpace // digits, space, digits
	}
	r.pending, r.havePend, r.prevUnit = run, true, false
	return reasons.None
}

// space is allowed only after a unit; several spaces after one are fine.
func (r *reader) space() reasons.Reason {
	if !r.prevUnit {
		return reasonSpace
	}
	return reasons.None
}

func (r *reader) small(u int64) reasons.Reason {
	switch {
	case !r.havePend:
		return reasonBareUnit
	case r.pending == "0":
		return reasonZeroUnit
	case len(r.pending) != 1:
		return reasonSmallDigit
	case r.lastSm != 0 && u >= r.lastSm:
		return reasonOrder // 2천3천, 4백2천
	}
	r.segVal += int64(r.pending[0]-'0') * u
	r.lastSm, r.pending, r.havePend, r.prevUnit = u, "", false, true
	return reasons.None
}

func (r *reader) big(u int64) reasons.Reason {
	if r.lastBig != 0 && u >= r.lastBig {
		return reasonOrder // 500만2억, 1만1만
	}
	if !r.havePend && r.lastSm == 0 {
		return reasonBareUnit // 1억만
	}
	var limit int64
	if r.lastBig != 0 {
		limit = r.lastBig / u // the 만 group after 억 is at most 9999
	}
	g, reason := r.group(limit)
	if reason != reasons.None {
		return reason
	}
	if g == 0 {
		return reasonZeroUnit
	}
	gv, ok := mul(g, u)
	if !ok {
		return reasonTooLarge
	}
	if r.total, ok = add(r.total, gv); !ok {
		return reasonTooLarge
	}
	r.lastBig, r.prevUnit = u, true
	return reasons.None
}

// group closes the digits read since the last big unit. limit is the
// largest value the group may have (exclusive), 0 for no limit.
func (r *reader) group(limit int64) (int64, reasons.Reason) {
	v := r.segVal
	if r.havePend {
		d, reason := digits(r.pending)
		if reason != reasons.None {
			return 0, reason
		}
		if r.lastSm != 0 && d >= r.lastSm {
			return 0, reasonPlace // 2천4백500
		}
		v += d // cannot overflow: segVal < 10,000 when lastSm != 0
	}
	if limit != 0 && v >= limit {
		return 0, reasonPlace // 2만 50000, 1억 20000만
	}
	r.segVal, r.lastSm, r.pending, r.havePend = 0, 0, "", false
	return v, reasons.None
}

// finish closes the last group and adds it to the total.
func (r *reader) finish() (int64, reasons.Reason) {
	if !r.havePend && r.lastSm == 0 && r.lastBig == 0 {
		return 0, reasonNotNumber
	}
	if r.havePend && (shortAfterSmall(r.lastSm, r.pending) || r.lastSm == 0 && shortAfterBig(r.lastBig, r.pending)) {
		return 0, reasonShortTail // 1천2: 1,002 or 1,200? 1만5: 10,005 or 15,000?
	}
	rest, reason := r.group(r.lastBig)
	if reason != reasons.None {
		return 0, reason
	}
	total, ok := add(r.total, rest)
	if !ok {
		return 0, reasonTooLarge
	}
	return total, reasons.None
}

// screen rejects text containing characters that can never be part of a number,
// picking the reason most useful to someone who meant one.
func screen(t string) reasons.Reason {
	hasDigit := false
	for _, r := range t {
		switch {
		case isDigit(r):
			hasDigit = true
		case r == ',' || unicode.IsSpace(r) || bigUnit(r) != 0 || smallUnit(r) != 0:
		default:
			switch {
			case !hasDigit:
				// Nothing number-like yet ("청년만", "-3", "youth"): if it
				// starts with a sign followed by a digit, say so.
				if (r == '-' || r == '+') && strings.ContainsFunc(t, isDigit) {
					return reasonSign
				}
			case r == '.' && strings.ContainsFunc(t[strings.IndexRune(t, '.'):], isDigit):
				return reasonNotWhole // 1.5, 1.5만
			}
			return reasonNotNumber
		}
	}
	if !hasDigit {
		return reasonNotNumber // 만, 천만, 청년만 without the 청년, ...
	}
	return reasons.None
}

// digits reads a run of ASCII digits, with thousands commas either absent or all
// correctly placed (20,500 yes; 2,40,0 and ,100 and 100, no).
func digits(run string) (int64, reasons.Reason) {
	if strings.Contains(run, ",") {
		parts := strings.Split(run, ",")
		if len(parts[0]) < 1 || len(parts[0]) > 3 {
			return 0, reasonComma
		}
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return 0, reasonComma
			}
		}
		if parts[0][0] == '0' {
			return 0, reasonComma // 0,500 / 01,000: commas promise a normal number
		}
		run = strings.Join(parts, "")
	}
	var v int64
	for i := 0; i < len(run); i++ {
		var ok bool
		if v, ok = mul(v, 10); !ok {
			return 0, reasonTooLarge
		}
		if v, ok = add(v, int64(run[i]-'0')); !ok {
			return 0, reasonTooLarge
		}
	}
	return v, reasons.None
}

// mul and add are overflow-checked for non-negative operands: a pasted
// 30-digit figure must be "too large", never a wrapped negative count.
func mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	if a > (1<<63-1)/b {
		return 0, false
	}
	return a * b, true
}

func add(a, b int64) (int64, bool) {
	if a > (1<<63-1)-b {
		return 0, false
	}
	return a + b, true
}

// Format writes n with thousands separators (11980 -> "11,980",
// -1234 -> "-1,234"), the way the city's reports print figures.
func Format(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(sign) + len(s) + len(s)/3)
	b.WriteString(sign)
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		b.WriteByte(',')
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
