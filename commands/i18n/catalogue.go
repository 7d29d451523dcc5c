// Package i18n holds the one message catalogue every user-facing text comes
// from, in English and Korean, and the Korean particle rules its templates use.
//
// Messages live in messages.toml, one table per message ID with an `en` and a
// `ko` template, grouped by the source file that uses them. Templates are Go
// text/template with named arguments ({{.Count}}), so word order may differ
// between languages; {{josa .Name "을"}} writes the name with the particle its
// last syllable takes, and {{particle .Name "을"}} only the particle, for
// when markup stands between them (`{{.Name}}`{{particle .Name "은"}}).
// Lookup, fallback and template execution are github.com/nicksnyder/go-i18n.
//
// A message about a count may give English its singular as `en_one` (CLDR's
// "one" form; `en` is then "other"): p.T(id, ..., PluralCount, n) picks the
// form n takes, go-i18n's plural rules deciding. Korean has only the one form.
package i18n

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// Lang is a language replies are written in: the one set of language
// constants (commands.Lang is this type; the bot, the store and the
// configuration use those names).
type Lang string

// Languages the catalogue is written in.
const (
	English Lang = "en"
	Korean  Lang = "ko"
)

// PluralCount is the argument name that chooses a message's plural form:
// p.T("entries.recorded", ..., i18n.PluralCount, n). Templates may use it too.
const PluralCount = "PluralCount"

// englishOne is the key of a message's English "one" form in messages.toml.
const englishOne = "en_one"

//go:embed messages.toml
var messagesTOML []byte

// Catalogue is the parsed message catalogue. It is read-only once built.
type Catalogue struct {
	bundle *goi18n.Bundle
	ids    []string
	// src keeps each template as written, for the completeness test; the
	// English singular, if any, under englishOne.
	src    map[string]map[string]string
	parser template.Parser
}

// cachingParser is go-i18n's text/template parser with our fixed, stateless
// functions; it may cache parsed templates, which go-i18n only allows by
// default for parsers without functions.
type cachingParser struct{ template.TextParser }

func (cachingParser) Cacheable() bool { return true }

// Funcs are the template functions every message may use.
func Funcs() texttemplate.FuncMap {
	return texttemplate.FuncMap{
		"josa":     func(word any, p string) string { return WithParticle(fmt.Sprint(word), p) },
		"particle": func(word any, p string) string { return Particle(fmt.Sprint(word), p) },
		"pct":      func(v any) string { return percentText(v, "1% 미만") },
		"pctEn":    func(v any) string { return percentText(v, "under 1%") },
	}
}

// Percent is a rate in whole percent; Under says it is above 0 but below
// 1%, which a whole percent would print as 0% and read as "nothing"
// (review r27 F4: 132 jobs of 15,000). Messages print it with pct (Korean)
// or pctEn (English), which also print a plain number as N%.
type Percent struct {
	N     int64
	Under bool
}

// String is the whole percent, for a message that prints it bare.
func (p Percent) String() string { return fmt.Sprint(p.N) }

// percentText writes v with its percent sign, or under for a Percent
// between 0 and 1.
func percentText(v any, under string) string {
	if p, ok := v.(Percent); ok && p.Under {
		return under
	}
	return fmt.Sprint(v) + "%"
}

// Default returns the catalogue built from the embedded messages.toml. It is
// parsed once; a malformed file is a build mistake the tests catch, so it
// panics rather than letting a bot start with no texts.
var Default = sync.OnceValue(func() *Catalogue {
	c, err := Parse(messagesTOML)
	if err != nil {
		panic(fmt.Sprintf("i18n: embedded messages.toml: %v", err))
	}
	return c
})

// Parse builds a catalogue from TOML text: nested tables whose leaves have
// `en` and `ko` strings; a leaf's ID is its dotted table path.
func Parse(data []byte) (*Catalogue, error) {
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("i18n: parse catalogue: %w", err)
	}
	c := &Catalogue{
		bundle: goi18n.NewBundle(language.English),
		src:    map[string]map[string]string{},
		parser: &cachingParser{template.TextParser{Funcs: Funcs(), Option: "missingkey=error"}},
	}
	if err := c.add("", raw); err != nil {
		return nil, err
	}
	sort.Strings(c.ids)
	return c, nil
}

func (c *Catalogue) add(prefix string, table map[string]any) error {
	if en, ok := table[string(English)].(string); ok {
		texts := map[string]string{string(English): en}
		if ko, ok := table[string(Korean)].(string); ok {
			texts[string(Korean)] = ko
		}
		id := strings.TrimSuffix(prefix, ".")
		one, _ := table[englishOne].(string)
		for key := range table {
			if key != string(English) && key != string(Korean) && key != englishOne {
				return fmt.Errorf("i18n: message %s: unknown key %q (want en, en_one, ko)", id, key)
			}
		}
		c.ids = append(c.ids, id)
		c.src[id] = texts
		for lang, text := range texts {
			msg := &goi18n.Message{ID: id, Other: text}
			if lang == string(English) && one != "" {
				msg.One = one
			}
			if err := c.bundle.AddMessages(language.Make(lang), msg); err != nil {
				return fmt.Errorf("i18n: message %s: %w", id, err)
			}
		}
		if one != "" {
			texts[englishOne] = one
		}
		return nil
	}
	for key, v := range table {
		sub, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("i18n: %s%s is not a message table (want en = \"…\", ko = \"…\")", prefix, key)
		}
		if err := c.add(prefix+key+".", sub); err != nil {
			return err
		}
	}
	return nil
}

// IDs lists every message ID, sorted.
func (c *Catalogue) IDs() []string { return slices.Clone(c.ids) }

// Source returns the template of a message as written in lang, "" if missing.
func (c *Catalogue) Source(id string, lang Lang) string { return c.src[id][string(lang)] }

// Singular returns a message's English singular, "" if it has none.
func (c *Catalogue) Singular(id string) string { return c.src[id][englishOne] }

// Localized is an argument that is written differently in each language (a
// list of choices, a command's name); Render writes it with In.
type Localized interface {
	In(p Printer) string
}

// Printer renders catalogue messages in one language.
type Printer struct {
	cat  *Catalogue
	loc  *goi18n.Localizer
	lang Lang
}

// Printer returns a printer for lang ("en" or "ko"; anything else is English).
func (c *Catalogue) Printer(lang Lang) Printer {
	if lang != Korean {
		lang = English
	}
	return Printer{cat: c, loc: goi18n.NewLocalizer(c.bundle, string(lang)), lang: lang}
}

// Lang is the printer's language, "en" or "ko".
func (p Printer) Lang() Lang { return p.lang }

// T renders message id with arguments given as name, value pairs, like slog:
// p.T("entries.recorded", "ID", 12, "Count", "180개", "Program", name). A missing message or
// argument renders the ID in brackets, which the catalogue test never lets
// through; users see a visible slip rather than nothing.
func (p Printer) T(id string, kv ...any) string {
	s, err := p.Render(id, kv...)
	if err != nil {
		return "[" + id + "]"
	}
	return s
}

// Render is T that also returns what went wrong, for tests.
func (p Printer) Render(id string, kv ...any) (string, error) {
	if p.cat == nil {
		p = Default().Printer(p.lang)
	}
	var data map[string]any
	var plural any
	if len(kv) > 0 {
		data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			name, _ := kv[i].(string)
			v := kv[i+1]
			if l, ok := v.(Localized); ok {
				v = l.In(p)
			}
			if name == PluralCount {
				plural = v
			}
			data[name] = v
		}
	}
	tag := English
	if p.lang == Korean {
		tag = Korean
	}
	if p.cat.Source(id, tag) == "" {
		return "", fmt.Errorf("i18n: message %s has no %s text", id, tag)
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data, TemplateParser: p.cat.parser}
	// Only a message with a singular has plural forms to choose from; every
	// other one is its "other" form whatever the count.
	if plural != nil && tag == English && p.cat.Singular(id) != "" {
		cfg.PluralCount = plural
	}
	return p.loc.Localize(cfg)
}

// Date writes a calendar date the way the language writes it (2026-04-30,
// 2026. 4. 30.).
func (p Printer) Date(t time.Time) string { return p.T("format.date", "Date", t) }

// DateTime writes a date and a 24-hour time (2026-12-01 00:48,
// 2026. 12. 1. 00:48); t should already be in the city's zone.
func (p Printer) DateTime(t time.Time) string { return p.T("format.datetime", "Time", t) }
