// Package course turns the page's learner-facing programs into course
// packages an LMS can import: SCORM 1.2, SCORM 2004 3rd edition and cmi5.
//
// A [Course] says what the learner does (recovery practice, a purpose
// statement, or the organisation's standards), its title, language and
// mastery score. Package packaging writes it, with the compiled course
// program, as one zip whose bytes depend only on its input: the same
// course gives the same zip on every build. The zip writer lives there,
// apart from this package, so the course programs that link this one do
// not carry it.
//
//	c := course.Course{Kind: course.Recovery, Title: "Recovery practice", Mastery: 70}
//	zip, err := packaging.Build(c, course.SCORM2004, assets)
//
// At run time the course program finds its LMS ([SCORM12], [SCORM2004],
// [CMI5]), reads what the learner did last time, and reports progress,
// score, completion and success through [Attempt]: [NewSCORM] over the
// LMS's API object, or a [CMI5Session] with the launch's parameters. The
// rules that decide them are plain Go ([Course.Result]); package play joins
// them to the page's screens and holds the few calls into the browser
// behind the js&&wasm build tag.
package course
