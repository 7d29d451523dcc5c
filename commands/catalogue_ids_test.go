package commands

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jobsbot/commands/i18n"
)

// catalogueID is what a message ID looks like: dotted lower-case words.
var catalogueID = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_-]+)+$`)

// builtIDs are the message IDs the code builds rather than writes out, one
// family per way it builds them. Each family is computed from the data the
// code builds them from, so a removed command or word leaves its messages
// unused here too. A new way of building IDs must be added here.
func builtIDs() []string {
	var ids []string
	// commandSpec.key() + ".usage" / ".summary" / ".examples" (table.go).
	for _, spec := range commandTable {
		for _, part := range []string{".usage", ".summary", ".examples"} {
			ids = append(ids, spec.key()+part)
		}
	}
	// vocab.labelIn: the vocabulary's ID prefix + "." + the word's value.
	ids = append(ids, vocabIDs(formatWords)...)
	ids = append(ids, vocabIDs(exportWhatWords)...)
	ids = append(ids, vocabIDs(langWords)...)
	ids = append(ids, vocabIDs(reportByWords)...)
	ids = append(ids, vocabIDs(stageWords)...)
	ids = append(ids, vocabIDs(kindWords)...)
	ids = append(ids, vocabIDs(missionWords)...)
	ids = append(ids, vocabIDs(sectorWords)...)
	ids = append(ids, vocabIDs(statusWords)...)
	ids = append(ids, vocabIDs(employmentWords)...)
	ids = append(ids, vocabIDs(disclosureWords)...)
	return ids
}

func vocabIDs[T ~string](v vocab[T]) []string {
	var ids []string
	for _, w := range v.words {
		ids = append(ids, v.id+"."+string(w.Value))
	}
	return ids
}

// TestEveryCatalogueMessageIsUsed fails on a message no code can show: its
// ID is neither a string literal in the module's Go code (outside tests) nor
// one of builtIDs. Literals are read from the syntax tree, so an ID in a
// comment does not count.
func TestEveryCatalogueMessageIsUsed(t *testing.T) {
	t.Parallel()
	used := map[string]bool{}
	for _, id := range builtIDs() {
		used[id] = true
	}
	fset := gotoken.NewFileSet()
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && catalogueID.MatchString(s) {
					used[s] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read only %d Go files; the walk no longer starts at the module root", files)
	}
	for _, id := range i18n.Default().IDs() {
		if !used[id] {
			t.Errorf("message %s is in messages.toml but no code uses it: remove it, or list how its ID is built in builtIDs", id)
		}
	}
}
