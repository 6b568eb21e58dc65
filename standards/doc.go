// Package standards turns purposeful ideas into standards people can live
// by, trains them, checks them and learns from the checks.
//
// It follows the three parts of a standards programme:
//
//   - Standards. A [Standard] is one observable behaviour for one step of
//     one process of one position, with its reason (tied to the purpose),
//     when deviating from it is right, how it is observed (yes/no or a
//     threshold such as "within three rings"), a priority key from the
//     organisation's ordered list, a critical level, a version and a
//     status. [DraftFromGrid] drafts them from the adopted ideas of a
//     [grid.Grid] and says what is still missing. [Lint] checks them
//     against the four tests of a good standard (understood by all, little
//     room for interpretation, enforceable, supports self-management) and
//     the purposeful one (a reason, when to deviate, tied to the purpose),
//     with spans and suggested fixes; [Rules] lists the rules.
//   - Awareness. [Book.TrainingPlan] chooses the content kind and delivery
//     medium of each standard with the reason; [Book.Orientation] is the
//     content for new staff; [Book.Reinforcement] rotates standards and
//     recent stories through daily or weekly huddles.
//   - Accountability. A [Scorecard] groups criteria (standards) in
//     sections with weights, scales, N/A and critical levels;
//     [Book.Record] records an [Observation] (nothing changes when it is
//     rejected); a [Scorer] computes each [Review] with the formulas in
//     its documentation; [Book.Report] summarises per standard, person,
//     team and week, with the stories worth telling (purposeful
//     deviations, which count as met); [Book.Dispute] and [Book.Resolve]
//     handle disputes, after which scores are locked. [Book.Calibrate]
//     measures how far observers agree (percent agreement, Cohen's,
//     weighted, and Fleiss' kappa, Krippendorff's alpha) and lists the
//     standards to rewrite with their lint findings;
//     [Book.DistanceFromExpert] says how far each rater is from an
//     expert's answer. For a store that keeps many observations,
//     [TallyReview] turns one scored observation into [Tally] rows that add
//     up, [Rollup] folds them for a whole book, and
//     [Book.ReportFromTallies] gives the same [Report] from either;
//     [Report.CSV] exports it.
//
// A [Book] holds it all and is the stored JSON document (version
// [Version]); [Decode] reads it strictly and [Encode] writes it.
// [CardMarkdown] prints the standards card and [ObservationsCSV] exports
// the ratings.
//
//	book := standards.NewBook(purpose, standards.DefaultPriorities)
//	book.Standards = append(book.Standards, std)
//	for _, f := range book.Lint(standards.LintSettings{}) {
//		fmt.Println(f.Field, f.Rule, f.Message)
//	}
//	if err := book.Record(obs); err != nil { ... } // typed, names the field
//	rep, _ := book.Report(standards.ReportSettings{})
//	cal, _ := book.Calibrate(standards.CalibrationSettings{})
//
// The package is plain Go: no files, no network, nothing done at start-up.
// Word lists are static literals; the matchers built from them are
// compiled once, on first use.
package standards
