package commands_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryDatabaseTestRunsInParallel keeps the package's run short: each
// test has a database of its own (dbtest.New), so they wait on PostgreSQL
// side by side instead of one after another (706 s one by one, about 140 s
// with `-parallel 8` on two cores). A top-level test that does not start
// with t.Parallel() is named here; the ones that cannot (t.Setenv) are
// listed in sequential.
func TestEveryDatabaseTestRunsInParallel(t *testing.T) {
	t.Parallel()
	sequential := map[string]bool{"spool_internal_test.go": true} // t.Setenv
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if sequential[name] {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Name.Name == "TestMain" || fn.Body == nil {
				continue
			}
			if !startsParallel(fn.Body) {
				t.Errorf("%s: %s does not start with t.Parallel()", name, fn.Name.Name)
			}
		}
	}
}

func startsParallel(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	expr, ok := body.List[0].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := expr.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Parallel"
}
