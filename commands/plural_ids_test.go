package commands

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jobsbot/commands/i18n"
)

// TestCallsOfCountedMessagesPassTheCount fails when code renders a message
// with an English singular (en_one) but does not pass i18n.PluralCount, so
// go-i18n would always choose the plural: every call naming such a message
// passes the count, or goes through Service.counted, which does, or spreads
// a slice its function put the count in.
func TestCallsOfCountedMessagesPassTheCount(t *testing.T) {
	t.Parallel()
	cat := i18n.Default()
	fset := gotoken.NewFileSet()
	calls := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		// A call spreading a slice (s.msg(id, args...)) counts if its
		// function builds the count into the slice.
		fnCounts := false
		ast.Inspect(f, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok {
				fnCounts = false
				ast.Inspect(fn, func(n ast.Node) bool {
					if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "PluralCount" {
						fnCounts = true
					}
					return true
				})
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			id, counts := "", false
			for _, a := range call.Args {
				switch a := a.(type) {
				case *ast.BasicLit:
					if s, err := strconv.Unquote(a.Value); err == nil && a.Kind == gotoken.STRING && cat.Singular(s) != "" {
						id = s
					}
				case *ast.SelectorExpr:
					counts = counts || a.Sel.Name == "PluralCount"
				}
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "counted" {
				counts = true
			}
			if call.Ellipsis.IsValid() && fnCounts {
				counts = true
			}
			if id != "" {
				calls++
				if !counts {
					t.Errorf("%s: %s has an English singular, but this call passes no i18n.PluralCount", fset.Position(call.Pos()), id)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 25 {
		t.Errorf("found only %d calls of counted messages; the walk no longer sees them", calls)
	}
}
