package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the names of the migration files in the order they
// apply.
func Migrations() []string {
	ents, _ := fs.ReadDir(migrations, "migrations")
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// Migrate applies the migrations that the database has not seen yet. It
// keeps track in the table d1_migrations, the same table wrangler uses,
// so a database migrated by either tool is recognised by the other.
func (s *Store) Migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS d1_migrations(
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		name TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)`); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	for _, name := range Migrations() {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM d1_migrations WHERE name = ?`, name).Scan(&n); err != nil {
			return fmt.Errorf("store: migrate: %w", err)
		}
		if n > 0 {
			continue
		}
		b, err := migrations.ReadFile("migrations/" + name)
		if err != nil {
			return err
		}
		stmts := []Stmt{}
		for _, q := range splitSQL(string(b)) {
			stmts = append(stmts, Stmt{SQL: q})
		}
		stmts = append(stmts, Stmt{SQL: `INSERT INTO d1_migrations (name) VALUES (?)`, Args: []any{name}})
		if err := s.Batch(ctx, stmts...); err != nil {
			return fmt.Errorf("store: migration %s: %w", name, err)
		}
	}
	return nil
}

// splitSQL splits a migration file into statements at semicolons that end
// a line, dropping comment lines.
func splitSQL(src string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}
