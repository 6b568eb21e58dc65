// Command lms-package builds a course package an LMS imports: SCORM 1.2,
// SCORM 2004 3rd edition or cmi5, for the Recovery practice, Purpose
// statement or Our standards course.
//
//	go run ./examples/lms-package -course recovery -format scorm2004 -mastery 75 -o recovery.zip
//	go run ./examples/lms-package -course recovery -scenario hotel-overbooked -scenario airline-lost-bag
//	go run ./examples/lms-package -course purpose -format cmi5 -mastery 60
//	go run ./examples/lms-package -course standards -standards book.json -format scorm12
//	go run ./examples/lms-package -course standards -grid frontdesk.json
//
// The same flags give the same zip, byte for byte. It compiles the course
// program with the go command, so run it from a checkout of the module.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/recovery"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/page/build"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lms-package", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := course.Course{Version: course.Version}
	format := course.SCORM2004
	var scenarios list
	fs.TextVar(&c.Kind, "course", course.Recovery, "the course: recovery, purpose or standards")
	fs.TextVar(&format, "format", course.SCORM2004, "the package format: scorm12, scorm2004 or cmi5")
	fs.StringVar(&c.Title, "title", "", "the course title (default: the course's name)")
	fs.StringVar(&c.Description, "description", "", "the course description (default: a sentence about the course)")
	fs.StringVar(&c.Language, "lang", "", "the course language, a BCP 47 tag (default en)")
	fs.IntVar(&c.Mastery, "mastery", 0, "the passing score, 1-100 (default 70)")
	fs.Var(&scenarios, "scenario", "a recovery scenario to practise (repeat; default all; -list shows them)")
	book := fs.String("standards", "", "a standards document (JSON) for the standards course")
	gridFile := fs.String("grid", "", "a grid (JSON) whose adopted ideas become the standards course's standards")
	out := fs.String("o", "", "the zip to write (default: purposeful-<course>-<format>.zip)")
	listScenarios := fs.Bool("list", false, "list the recovery scenarios and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *listScenarios {
		for _, sc := range recovery.Scenarios() {
			fmt.Fprintf(stdout, "%s\t%s\n", sc.ID, sc.Title)
		}
		return 0
	}
	c.Scenarios = scenarios
	if c.Title == "" {
		c.Title = map[course.Kind]string{course.Recovery: "Recovery practice", course.Purpose: "Purpose statement", course.Standards: "Our standards"}[c.Kind]
	}
	if err := loadStandards(&c, *book, *gridFile); err != nil {
		fmt.Fprintln(stderr, "lms-package:", err)
		return 1
	}
	zip, err := build.CoursePackage(context.Background(), c, format)
	if err != nil {
		fmt.Fprintln(stderr, "lms-package:", err)
		return 1
	}
	name := *out
	if name == "" {
		name = course.FileName(&c, format)
	}
	if err := os.WriteFile(name, zip, 0o644); err != nil {
		fmt.Fprintln(stderr, "lms-package:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: %s, %s, %d bytes, id %s\n", name, c.Title, format, len(zip), c.ID())
	return 0
}

// loadStandards fills c.Standards from a standards document or a grid.
func loadStandards(c *course.Course, book, gridFile string) error {
	switch {
	case book != "" && gridFile != "":
		return fmt.Errorf("-standards and -grid: give one")
	case book != "":
		data, err := os.ReadFile(book)
		if err != nil {
			return err
		}
		b, err := standards.Decode(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%s: %w", book, err)
		}
		c.Standards = course.FromBook(b)
	case gridFile != "":
		data, err := os.ReadFile(gridFile)
		if err != nil {
			return err
		}
		g, err := grid.Decode(data)
		if err != nil {
			return fmt.Errorf("%s: %w", gridFile, err)
		}
		if c.Standards, err = course.FromGrid(g); err != nil {
			return fmt.Errorf("%s: %w", gridFile, err)
		}
	}
	return nil
}
