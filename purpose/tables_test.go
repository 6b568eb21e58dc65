package purpose

import (
	"testing"

	"github.com/stretchr/testify/require"

	goldenfile "github.com/purposefulcx/purposeful/internal/golden"
	"github.com/purposefulcx/purposeful/internal/prose/prosegen"
)

// TestTablesFresh compiles the word lists and checks that the generated
// tables.go is exactly that compilation, so the loaded matchers find what
// a fresh compile finds. With -update it rewrites the file.
func TestTablesFresh(t *testing.T) {
	lex, cls := compileLexicon(), compileClassifier()
	src, err := prosegen.GoSource("purpose", "go test ./purpose -run TestTablesFresh -update", "",
		prosegen.Var{Name: "statementTables", Matcher: lex.statement},
		prosegen.Var{Name: "contextTables", Matcher: lex.context},
		prosegen.Var{Name: "beneficiaryWordTables", Matcher: lex.beneficiaryWord},
		prosegen.Var{Name: "classifyTables", Matcher: cls.matcher},
		prosegen.Var{Name: "verbTables", Matcher: cls.verbs},
	)
	require.NoError(t, err)
	goldenfile.Check(t, "tables.go", src)
}
