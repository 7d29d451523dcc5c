package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

func TestDigestLanguageSetting(t *testing.T) {
	for _, tc := range []struct {
		env        map[string]string
		bot, post  commands.Lang
		wantErrFor string
	}{
		{env: map[string]string{}, bot: commands.English, post: commands.English},
		{env: map[string]string{"BOT_LANGUAGE": "ko"}, bot: commands.Korean, post: commands.Korean},
		{env: map[string]string{"BOT_LANGUAGE": "en", "DIGEST_LANGUAGE": "ko"}, bot: commands.English, post: commands.Korean},
		{env: map[string]string{"BOT_LANGUAGE": "ko", "DIGEST_LANGUAGE": "en"}, bot: commands.Korean, post: commands.English},
		{env: map[string]string{"DIGEST_LANGUAGE": "fr"}, wantErrFor: "DIGEST_LANGUAGE"},
	} {
		cfg, err := loadConfig(func(k string) string { return tc.env[k] })
		if tc.wantErrFor != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErrFor+":") {
				t.Errorf("%v: error %v; want one naming %s", tc.env, err, tc.wantErrFor)
			}
			continue
		}
		if err != nil || cfg.Language != tc.bot || cfg.DigestLanguage != tc.post {
			t.Errorf("%v: BOT_LANGUAGE %q, DIGEST_LANGUAGE %q, %v; want %q, %q", tc.env, cfg.Language, cfg.DigestLanguage, err, tc.bot, tc.post)
		}
	}
}

// `jobsbot digest` prints the digest as the channel would get it: in
// DIGEST_LANGUAGE, whatever BOT_LANGUAGE is.
func TestDigestCommandPrintsInDigestLanguage(t *testing.T) {
	url := dbtest.MigratedURL(t)
	loadArticle(t, url)
	for _, tc := range []struct{ bot, post, want, not string }{
		{"en", "ko", "주간 일자리 실적 보고 · ", "Weekly jobs digest"},
		{"ko", "en", "Weekly jobs digest · ", "주간 일자리 실적"},
	} {
		env := map[string]string{"DATABASE_URL": url, "BOT_LANGUAGE": tc.bot, "DIGEST_LANGUAGE": tc.post}
		cfg, err := loadConfig(func(k string) string { return env[k] })
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := runDigest(context.Background(), cfg, quiet, []string{"--week", "2026-W18", "--today", "2026-05-06"}, &out); err != nil {
			t.Fatalf("jobsbot digest: %v", err)
		}
		if !strings.HasPrefix(out.String(), tc.want) || strings.Contains(out.String(), tc.not) {
			t.Errorf("BOT_LANGUAGE=%s DIGEST_LANGUAGE=%s printed:\n%s", tc.bot, tc.post, out.String())
		}
	}
}

// `console --lang` sets the session's language over BOT_LANGUAGE; a bad
// value is a flag error.
func TestConsoleLangFlag(t *testing.T) {
	url := dbtest.MigratedURL(t)
	run := func(lang string, env map[string]string) (string, error) {
		env["DATABASE_URL"] = url
		cfg, err := loadConfig(func(k string) string { return env[k] })
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		args := []string{"--user", "U0LANG"}
		if lang != "" {
			args = append(args, "--lang", lang)
		}
		err = runConsole(context.Background(), cfg, quiet, args, strings.NewReader("help\n"), &out)
		return out.String(), err
	}
	if out, err := run("ko", map[string]string{"BOT_LANGUAGE": "en"}); err != nil || !strings.HasPrefix(out, "일자리 실적 장부 사용법") {
		t.Errorf("--lang ko under BOT_LANGUAGE=en: %v\n%s", err, out)
	}
	if out, err := run("en", map[string]string{"BOT_LANGUAGE": "ko"}); err != nil || !strings.HasPrefix(out, "jobsbot: the city's job-creation ledger") {
		t.Errorf("--lang en under BOT_LANGUAGE=ko: %v\n%s", err, out)
	}
	if out, err := run("", map[string]string{"BOT_LANGUAGE": "ko"}); err != nil || !strings.HasPrefix(out, "일자리 실적 장부 사용법") {
		t.Errorf("no --lang under BOT_LANGUAGE=ko: %v\n%s", err, out)
	}
	_, err := run("fr", map[string]string{})
	if _, ok := err.(flagError); !ok || !strings.Contains(err.Error(), "--lang") {
		t.Errorf("--lang fr: %v; want a flag error naming --lang", err)
	}
}
