package i18n

import (
	"regexp"
	"strings"
	"unicode"
)

// particlePairs lists the Korean particles that change with the word before
// them: the form after a final consonant (받침) first, then the form after a
// vowel. 으로/로 also takes 로 after ㄹ.
var particlePairs = [][2]string{
	{"은", "는"}, {"이", "가"}, {"을", "를"}, {"과", "와"}, {"으로", "로"},
	{"이나", "나"}, {"이라", "라"}, {"이며", "며"}, {"이라고", "라고"},
	{"이라는", "라는"}, {"이에요", "예요"}, {"아", "야"}, {"으로서", "로서"},
	{"으로써", "로써"}, {"이든", "든"}, {"이고", "고"}, {"이면", "면"},
}

// final describes how a word ends for particle choice.
type final int

const (
	vowelEnd  final = iota // no final consonant: 는, 가, 를, 와, 로
	consonant              // a final consonant other than ㄹ: 은, 이, 을, 과, 으로
	rieul                  // final ㄹ: 은, 이, 을, 과, but 로
)

// Particle returns the form of particle (either form may be given, e.g. "을"
// or "를") that follows word. Closing quotes, backticks and brackets are looked
// through, as is a trailing parenthetical ("청년일자리(youth)" is read as
// 청년일자리). A particle it does not know is returned unchanged.
func Particle(word, particle string) string {
	for _, p := range particlePairs {
		if particle != p[0] && particle != p[1] {
			continue
		}
		switch ending(word) {
		case vowelEnd:
			return p[1]
		case rieul:
			if p[0] == "으로" || p[0] == "으로서" || p[0] == "으로써" {
				return p[1]
			}
		}
		return p[0]
	}
	return particle
}

// WithParticle returns word followed by the right form of particle.
func WithParticle(word, particle string) string { return word + Particle(word, particle) }

// koreanDate matches a word ending in a Korean date, YYYY. M. D. (read
// …일) or YYYY. M. (read …월), with or without the spaces.
var koreanDate = regexp.MustCompile(`(?:^|[^0-9])[0-9]{4}\. ?(?:1[0-2]|0?[1-9])\.(?: ?(?:3[01]|[12][0-9]|0?[1-9])\.)?$`)

// clockTime matches a word ending in a time of day, H:MM: read …시 at the
// hour (14:00, 십사 시) and …분 otherwise (14:32, 십사 시 삼십이 분).
var clockTime = regexp.MustCompile(`(?:^|[^0-9])(?:[01]?[0-9]|2[0-3]):([0-5][0-9])$`)

// ending reads how word sounds at its end.
func ending(word string) final {
	bare := strings.TrimRight(word, " \t`'\"”’]}>›」』*_~")
	if koreanDate.MatchString(bare) {
		return rieul // 일 and 월 end in ㄹ, whatever the digits before them
	}
	if m := clockTime.FindStringSubmatch(bare); m != nil {
		if m[1] == "00" {
			return vowelEnd // 시
		}
		return consonant // 분
	}
	s := trimClosers(word)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			s = trimClosers(s[:i])
		} else {
			s = strings.Trim(s, "()")
		}
	}
	rs := []rune(s)
	if len(rs) == 0 {
		return vowelEnd
	}
	last := rs[len(rs)-1]
	switch {
	case last >= 0xAC00 && last <= 0xD7A3:
		switch (last - 0xAC00) % 28 {
		case 0:
			return vowelEnd
		case 8:
			return rieul
		}
		return consonant
	case last >= '0' && last <= '9':
		return digitEnding(s)
	case last < unicode.MaxASCII && unicode.IsLetter(last):
		return latinEnding(rs)
	}
	return vowelEnd
}

// trimClosers drops trailing spaces, closing quotes, brackets and Slack
// emphasis marks, which are not read aloud.
func trimClosers(s string) string {
	return strings.TrimRight(s, " \t`'\"”’]}>›」』*_~.")
}

// digitEnding reads the number s ends with the way it is said in Sino-Korean:
// the last non-zero digit (일, 이, 삼 …), or for round numbers the unit word
// (십, 백, 천, 만, 억), or 영 for zero itself.
func digitEnding(s string) final {
	digits := []rune{}
	for i := len(s) - 1; i >= 0; i-- {
		c := rune(s[i])
		if c == ',' {
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		digits = append(digits, c)
	}
	zeros := 0
	for zeros < len(digits) && digits[zeros] == '0' {
		zeros++
	}
	if zeros == len(digits) { // 0, 00: 영
		return consonant
	}
	if zeros > 0 { // 십(ㅂ), 백(ㄱ), 천(ㄴ), 만(ㄴ), 억(ㄱ): all end in a consonant, none in ㄹ
		return consonant
	}
	switch digits[0] {
	case '1', '7', '8': // 일, 칠, 팔
		return rieul
	case '2', '4', '5', '9': // 이, 사, 오, 구
		return vowelEnd
	}
	return consonant // 삼, 육
}

// latinEnding approximates how a Latin word ends when read in Korean: an
// acronym or single letter by the name of its last letter (엘, 엠, 엔, 알), a
// word by its final sound (-l ㄹ, -m/-n/-ng and the stops -b -c -k -p -t).
func latinEnding(rs []rune) final {
	start := len(rs)
	for start > 0 && rs[start-1] < unicode.MaxASCII && unicode.IsLetter(rs[start-1]) {
		start--
	}
	w := string(rs[start:])
	last := unicode.ToLower(rs[len(rs)-1])
	if len(w) == 1 || w == strings.ToUpper(w) {
		switch last {
		case 'l', 'r':
			return rieul
		case 'm', 'n':
			return consonant
		}
		return vowelEnd
	}
	switch last {
	case 'l':
		return rieul
	case 'm', 'n':
		return consonant
	case 'b', 'c', 'k', 'p', 't':
		// A stop after a vowel is a final consonant (book 북, chat 챗); after
		// another consonant it gains a vowel (post 포스트, desk 데스크).
		lw := strings.ToLower(w)
		if strings.HasSuffix(lw, "ck") || len(lw) > 1 && strings.ContainsRune("aeiou", rune(lw[len(lw)-2])) {
			return consonant
		}
	case 'g':
		if strings.HasSuffix(strings.ToLower(w), "ng") {
			return consonant
		}
	}
	return vowelEnd
}
