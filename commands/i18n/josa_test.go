package i18n

import "testing"

func TestParticle(t *testing.T) {
	tests := []struct{ word, particle, want string }{
		// Hangul: 받침 or not, and ㄹ for 으로/로.
		{"사업", "을", "을"}, {"청년", "를", "을"}, {"일자리", "을", "를"},
		{"서울", "으로", "로"}, {"부산", "로", "으로"}, {"대구", "으로", "로"},
		{"실무검토", "은", "는"}, {"설명회", "이", "가"}, {"물", "과", "과"}, {"나무", "과", "와"},
		{"일자리", "와", "와"}, {"목표", "이라", "라"}, {"약정", "이라", "이라"},
		// Digits, read in Sino-Korean.
		{"1", "은", "은"}, {"2", "은", "는"}, {"3", "이", "이"}, {"4", "이", "가"},
		{"5", "을", "를"}, {"6", "을", "을"}, {"7", "으로", "로"}, {"8", "로", "로"},
		{"9", "와", "와"}, {"0", "은", "은"}, {"10", "으로", "으로"}, {"3,000", "은", "은"},
		{"20,500", "으로", "으로"}, {"12,015", "이", "가"}, {"7,101", "로", "로"},
		{"4,900여", "을", "를"}, {"2.5", "를", "를"}, {"2026", "은", "은"},
		// Korean dates end in a full stop, read through: 2026. 5. 2. is …이일.
		{"2026. 5. 2.", "은", "는"}, {"2026. 12. 1.", "은", "은"}, {"2026. 4. 30.", "이라는", "이라는"},
		{"2026년 48주차", "은", "는"}, {"7,100개", "을", "를"}, {"40명", "으로", "으로"},
		// Closing quotes, backticks, brackets and parentheticals are looked through.
		{"`지난주`", "을", "를"}, {"`지난달`", "을", "을"}, {"`digest post`", "은", "는"}, {"“행복카페”", "이", "가"},
		{"청년일자리(youth)", "을", "를"}, {"(청년)", "은", "은"}, {"*청년*", "과", "과"},
		// Latin words by their final sound; acronyms by letter names.
		{"youth", "은", "는"}, {"invest", "을", "를"}, {"book", "을", "을"}, {"back", "이", "이"}, {"rail", "로", "로"},
		{"program", "이", "이"}, {"housing", "을", "을"}, {"senior", "는", "는"},
		{"MOU", "를", "를"}, {"HTML", "으로", "로"}, {"PDF", "은", "는"}, {"CSV", "을", "를"},
		{"SM", "이", "이"}, {"a", "이", "가"},
		// Empty or symbols: the vowel form; unknown particles unchanged.
		{"", "을", "를"}, {"#", "은", "는"}, {"사업", "도", "도"},
	}
	for _, tt := range tests {
		if got := Particle(tt.word, tt.particle); got != tt.want {
			t.Errorf("Particle(%q, %q) = %q; want %q", tt.word, tt.particle, got, tt.want)
		}
	}
	if got := WithParticle("청년", "는"); got != "청년은" {
		t.Errorf("WithParticle = %q", got)
	}
}
