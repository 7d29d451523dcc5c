package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
)

const (
	helpTitleEn = "jobsbot: the city's job-creation ledger"
	helpTitleKo = "일자리 실적 장부 사용법 (명령어 `/jobs`)"
)

func TestLangOfLocale(t *testing.T) {
	t.Parallel()
	for locale, want := range map[string]commands.Lang{
		"ko-KR": commands.Korean, "ko": commands.Korean, "KO_kr": commands.Korean,
		"en-US": commands.English, "ja-JP": commands.English, "kok-IN": commands.English,
		"": "", "  ": "",
	} {
		if got := commands.LangOfLocale(locale); got != want {
			t.Errorf("LangOfLocale(%q) = %q, want %q", locale, got, want)
		}
	}
}

// storedLanguage reads user_settings directly, not through the store method
// under test; "" when the user has no row.
func (h *harness) storedLanguage(user string) string {
	h.t.Helper()
	var langs []string
	if err := h.store.DB().SelectContext(context.Background(), &langs, `SELECT language FROM user_settings WHERE user_id = $1`, user); err != nil {
		h.t.Fatal(err)
	}
	if len(langs) == 0 {
		return ""
	}
	return langs[0]
}

func (h *harness) title(c commands.Caller, line string) string {
	h.t.Helper()
	return h.svc.Handle(context.Background(), c, line).Title
}

// The order a reply's language is chosen in: stored choice, then the
// caller's language, then the Slack locale, then BOT_LANGUAGE.
func TestLanguagePrecedence(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	plain := commands.Caller{UserID: "U1", Source: commands.SourceSlash}
	if got := h.title(plain, "help"); got != helpTitleEn {
		t.Errorf("no locale, BOT_LANGUAGE=en: %q", got)
	}
	korean := plain
	korean.Locale = "ko-KR"
	if got := h.title(korean, "help"); got != helpTitleKo {
		t.Errorf("locale ko-KR: %q", got)
	}
	own := korean
	own.Lang = commands.English
	if got := h.title(own, "help"); got != helpTitleEn {
		t.Errorf("Caller.Lang en beats locale ko-KR: %q", got)
	}

	// The ko-KR user chooses English: stored, and said in English.
	r := h.svc.Handle(context.Background(), korean, "lang en")
	if r.Outcome != commands.OutcomeOK || !strings.Contains(r.Title, "in English") {
		t.Fatalf("lang en: %s %q", r.Outcome, r.Text())
	}
	if got := h.storedLanguage("U1"); got != "en" {
		t.Errorf("stored language after `lang en` = %q", got)
	}
	if got := h.title(korean, "help"); got != helpTitleEn {
		t.Errorf("after lang en, ko-KR user: %q", got)
	}
	kOwn := korean
	kOwn.Lang = commands.Korean
	if got := h.title(kOwn, "help"); got != helpTitleEn {
		t.Errorf("stored choice must beat Caller.Lang: %q", got)
	}
	// Another user is untouched.
	other := commands.Caller{UserID: "U2", Locale: "ko-KR"}
	if got := h.title(other, "help"); got != helpTitleKo {
		t.Errorf("another ko-KR user: %q", got)
	}

	// auto clears the row and the reply is already in the locale's language.
	r = h.svc.Handle(context.Background(), korean, "언어 자동")
	if r.Outcome != commands.OutcomeOK || !strings.Contains(r.Title, "언어 선택을 해제했습니다") || !strings.Contains(r.Title, "지금은 한국어") {
		t.Fatalf("언어 자동: %s %q", r.Outcome, r.Text())
	}
	if got := h.storedLanguage("U1"); got != "" {
		t.Errorf("stored language after auto = %q, want no row", got)
	}
	if got := h.title(korean, "help"); got != helpTitleKo {
		t.Errorf("after auto, ko-KR user: %q", got)
	}

	// Korean words, for a user with no locale under BOT_LANGUAGE=en.
	r = h.svc.Handle(context.Background(), plain, "언어 한국어")
	if !strings.HasPrefix(r.Title, "이제부터 한국어로 답변합니다") {
		t.Errorf("언어 한국어 replies %q", r.Title)
	}
	if got := h.title(plain, "help"); got != helpTitleKo {
		t.Errorf("after 언어 한국어: %q", got)
	}
}

func TestLangRefusesBadInput(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	for _, line := range []string{"lang", "lang fr", "lang ko en"} {
		r := h.run("U1", line, commands.OutcomeRefused)
		mustContain(t, r.Text(), "Usage: `/jobs lang ko|en|auto`", "Example: `/jobs lang ko`")
	}
	if got := h.storedLanguage("U1"); got != "" {
		t.Errorf("a refused lang stored %q", got)
	}
}

// A Service pinned to a language (a channel post) ignores users' choices.
func TestWithLanguageIsPinned(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", "lang en", commands.OutcomeOK)
	c := commands.Caller{UserID: "U1", Locale: "en-US"}
	if got := h.svc.WithLanguage(commands.Korean).Handle(context.Background(), c, "help").Title; got != helpTitleKo {
		t.Errorf("pinned Korean service answered %q", got)
	}
	if got := h.svc.WithLanguage(commands.Korean).Language(); got != commands.Korean {
		t.Errorf("Language() of a Korean copy = %q", got)
	}
	if got := h.svc.Language(); got != commands.English {
		t.Errorf("the original's Language() changed to %q", got)
	}
}
