package grid

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/purposefulcx/purposeful/internal/csvtext"
	"github.com/purposefulcx/purposeful/internal/order"
	"github.com/purposefulcx/purposeful/internal/prose"
)

// PortfolioVersion is the version of a portfolio document.
const PortfolioVersion = "purposeful.portfolio/v1"

// Portfolio is an organisation's set of grids across positions and
// processes, with the pairs it plans to cover.
type Portfolio struct {
	Version string `json:"version"`
	Name    string `json:"name,omitempty"`
	// Plan lists the position x process pairs the organisation means to
	// cover; pairs of the grids are added to it. Empty means every pair
	// of a known position and a known process.
	Plan  []Pair `json:"plan,omitempty"`
	Grids []Grid `json:"grids"`
}

// Pair is one position and one process.
type Pair struct {
	Position string `json:"position"`
	Process  string `json:"process"`
}

// Coverage is the state of one position x process pair.
type Coverage uint8

// The coverage states.
const (
	Missing    Coverage = iota // no grid
	InProgress                 // a grid, but no adopted idea yet
	Done                       // a grid with knowledge, skills and adopted ideas
)

var coverageNames = []string{"missing", "in-progress", "done"}

func (c Coverage) String() string { return enumString(coverageNames, uint8(c), "coverage") }

// MarshalText encodes the state as "missing", "in-progress" or "done".
func (c Coverage) MarshalText() ([]byte, error) {
	return enumMarshal(coverageNames, uint8(c), "coverage")
}

// UnmarshalText decodes a coverage state.
func (c *Coverage) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(coverageNames, b, "coverage")
	*c = Coverage(v)
	return err
}

// Matrix is the coverage of a portfolio: Cells[i][j] is the state of
// Positions[i] x Processes[j] and Adopted[i][j] the adopted ideas of its
// grids; Planned[i][j] says whether the pair is part of the plan
// (unplanned pairs are printed blank).
type Matrix struct {
	Positions []string     `json:"positions"`
	Processes []string     `json:"processes"`
	Cells     [][]Coverage `json:"cells"`
	Adopted   [][]int      `json:"adopted"`
	Planned   [][]bool     `json:"planned"`
}

// Cell returns the state of a pair, and whether it is planned.
func (m *Matrix) Cell(position, process string) (Coverage, bool) {
	i, j := slices.Index(m.Positions, position), slices.Index(m.Processes, process)
	if i < 0 || j < 0 {
		return Missing, false
	}
	return m.Cells[i][j], m.Planned[i][j]
}

// Counts is what coverage reads of a grid: its pair and how many entries
// it holds. A list of saved grids can keep the counts of each and build
// the same matrix as [Portfolio.Coverage] without the grids themselves.
type Counts struct {
	Position, Process          string
	Knowledge, Skills, Adopted int
}

// Counts returns g's counts.
func (g *Grid) Counts() Counts {
	return Counts{Position: g.Position, Process: g.Process,
		Knowledge: len(g.Knowledge), Skills: len(g.Skills), Adopted: len(g.Adopted())}
}

// coverage is the state of a pair with the grid s.
func (s Counts) coverage() Coverage {
	if s.Knowledge > 0 && s.Skills > 0 && s.Adopted > 0 {
		return Done
	}
	return InProgress
}

func key(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Coverage builds the coverage matrix: positions and processes in order of
// first appearance (plan first, then grids), matched without regard to
// case and spacing. With several grids for one pair the best state wins.
func (p *Portfolio) Coverage() *Matrix {
	grids := make([]Counts, len(p.Grids))
	for i := range p.Grids {
		grids[i] = p.Grids[i].Counts()
	}
	return CoverageOf(p.Plan, grids)
}

// CoverageOf builds the coverage matrix of a plan and of grids known by
// their counts, as [Portfolio.Coverage] does.
func CoverageOf(plan []Pair, grids []Counts) *Matrix {
	m := &Matrix{}
	posIdx, procIdx := map[string]int{}, map[string]int{}
	addPos := func(s string) int {
		if i, ok := posIdx[key(s)]; ok {
			return i
		}
		posIdx[key(s)] = len(m.Positions)
		m.Positions = append(m.Positions, strings.TrimSpace(s))
		return len(m.Positions) - 1
	}
	addProc := func(s string) int {
		if i, ok := procIdx[key(s)]; ok {
			return i
		}
		procIdx[key(s)] = len(m.Processes)
		m.Processes = append(m.Processes, strings.TrimSpace(s))
		return len(m.Processes) - 1
	}
	type cell struct{ i, j int }
	planned := map[cell]bool{}
	for _, pr := range plan {
		planned[cell{addPos(pr.Position), addProc(pr.Process)}] = true
	}
	state := map[cell]Coverage{}
	adopted := map[cell]int{}
	for _, g := range grids {
		c := cell{addPos(g.Position), addProc(g.Process)}
		planned[c] = true
		state[c] = max(state[c], g.coverage())
		adopted[c] += g.Adopted
	}
	all := len(plan) == 0
	m.Cells = make([][]Coverage, len(m.Positions))
	m.Adopted = make([][]int, len(m.Positions))
	m.Planned = make([][]bool, len(m.Positions))
	for i := range m.Positions {
		m.Cells[i] = make([]Coverage, len(m.Processes))
		m.Adopted[i] = make([]int, len(m.Processes))
		m.Planned[i] = make([]bool, len(m.Processes))
		for j := range m.Processes {
			m.Cells[i][j] = state[cell{i, j}]
			m.Adopted[i][j] = adopted[cell{i, j}]
			m.Planned[i][j] = all || planned[cell{i, j}]
		}
	}
	return m
}

// Ref points at one item of one grid of a portfolio.
type Ref struct {
	Grid     int    `json:"grid"` // index in Portfolio.Grids
	GridID   string `json:"gridId,omitempty"`
	Position string `json:"position"`
	Process  string `json:"process"`
	Item     string `json:"item"`
	Text     string `json:"text"`
}

// Similar is a pair of purposeful ideas from different grids that say
// much the same thing, offered for merging into a shared idea.
type Similar struct {
	A          Ref     `json:"a"`
	B          Ref     `json:"b"`
	Similarity float64 `json:"similarity"`
}

// SimilarThreshold is the default similarity of [Portfolio.Similar].
const SimilarThreshold = 0.45

var customerWords = []string{"guest", "patient", "customer", "client", "caller", "traveller", "traveler", "passenger", "visitor", "shopper", "diner", "member", "resident", "student", "user"}

// customerStems is the set of stems of the words for a customer, which
// differ by industry; Similar reads them all as "customer".
var customerStems = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(customerWords))
	for _, w := range customerWords {
		m[prose.Stem(w)] = true
	}
	return m
})

// ideaTerms are the terms of an idea with every word for a customer
// folded to one.
func ideaTerms(text string) []string {
	terms := prose.Analyze(text).Terms()
	cs := customerStems()
	changed := false
	for i, t := range terms {
		if cs[t] {
			terms[i] = "customer"
			changed = true
		}
	}
	if changed {
		order.Strings(terms)
		terms = slices.Compact(terms)
	}
	return terms
}

// dice is the Sørensen-Dice coefficient of two sorted term lists: twice
// the shared terms over the sum of their sizes. It treats a short idea
// inside a longer one more kindly than the Jaccard index.
func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := prose.SharedTerms(a, b)
	return 2 * float64(shared) / float64(len(a)+len(b))
}

// Similar finds purposeful ideas of different grids whose content words
// are at least threshold alike (0 means SimilarThreshold), most alike
// first. Likeness is the Dice coefficient of the ideas' content-word
// stems, with the industry's word for the customer ("guest", "patient",
// "caller") read as one word.
func (p *Portfolio) Similar(threshold float64) []Similar {
	if threshold <= 0 {
		threshold = SimilarThreshold
	}
	type entry struct {
		ref   Ref
		terms []string
	}
	var all []entry
	for gi := range p.Grids {
		g := &p.Grids[gi]
		for _, it := range g.Purposeful {
			all = append(all, entry{Ref{Grid: gi, GridID: g.ID, Position: g.Position, Process: g.Process, Item: it.ID, Text: it.Text}, ideaTerms(it.Text)})
		}
	}
	var out []Similar
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if all[i].ref.Grid == all[j].ref.Grid {
				continue
			}
			if s := dice(all[i].terms, all[j].terms); s >= threshold {
				out = append(out, Similar{A: all[i].ref, B: all[j].ref, Similarity: round2(s)})
			}
		}
	}
	order.Stable(out, func(a, b Similar) int { return cmp.Compare(b.Similarity, a.Similarity) })
	return out
}

// Merge merges idea b into idea a across grids: a takes b's evidence and
// tags, and b's notes record that it was merged. Both stay in their grids
// so each process keeps its list; b's status is set to parked.
func (p *Portfolio) Merge(a, b Ref) error {
	if a.Grid < 0 || a.Grid >= len(p.Grids) || b.Grid < 0 || b.Grid >= len(p.Grids) || (a.Grid == b.Grid && a.Item == b.Item) {
		return errorf(ErrNotSimilar, "bad grid index")
	}
	ia, _, okA := p.Grids[a.Grid].Find(a.Item)
	ib, _, okB := p.Grids[b.Grid].Find(b.Item)
	if !okA || !okB {
		return &joined{msg: ErrNotSimilar.Error() + ": " + ErrUnknownItem.Error(), errs: []error{ErrNotSimilar, ErrUnknownItem}}
	}
	ia.absorb(ib)
	note := fmtf("merged into %q of %s: %s", a.Item, p.Grids[a.Grid].Position, p.Grids[a.Grid].Process)
	if ib.Notes != "" {
		note = ib.Notes + "; " + note
	}
	ib.Notes = note
	ib.Status = Parked
	return nil
}

// Validate validates every grid (paths "grids[1].purposeful[0].text"),
// the plan, and that grid ids are unique.
func (p *Portfolio) Validate() error {
	var errs []error
	if p.Version != "" && p.Version != PortfolioVersion {
		errs = append(errs, fieldErrf("version", ErrVersion, "%q (want %q)", p.Version, PortfolioVersion))
	}
	for i, pr := range p.Plan {
		if err := requiredText(fmtf("plan[%d].position", i), pr.Position); err != nil {
			errs = append(errs, err)
		}
		if err := requiredText(fmtf("plan[%d].process", i), pr.Process); err != nil {
			errs = append(errs, err)
		}
	}
	ids := map[string]int{}
	for i := range p.Grids {
		g := p.Grids[i]
		g.Version = ""
		if err := g.Validate(); err != nil {
			errs = append(errs, prefixPaths(fmtf("grids[%d]", i), err))
		}
		if p.Grids[i].Version != "" && p.Grids[i].Version != Version {
			errs = append(errs, fieldErrf(fmtf("grids[%d].version", i), ErrVersion, "%q", p.Grids[i].Version))
		}
		if id := g.ID; id != "" {
			if j, dup := ids[id]; dup {
				errs = append(errs, fieldErrf(fmtf("grids[%d].id", i), ErrDuplicateID, "%q also grids[%d]", id, j))
			}
			ids[id] = i
		}
	}
	return errors.Join(errs...)
}

func prefixPaths(prefix string, err error) error {
	var out []error
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		if fe := asFieldError(e); fe != nil {
			out = append(out, &FieldError{Path: prefix + "." + fe.Path, Err: fe.Err})
			return
		}
		out = append(out, fieldErr(prefix, e))
	}
	walk(err)
	return errors.Join(out...)
}

// EncodePortfolio returns the portfolio as indented JSON with its version
// and its grids' versions set.
func EncodePortfolio(p *Portfolio) ([]byte, error) {
	c := *p
	c.Version = PortfolioVersion
	c.Grids = slices.Clone(p.Grids)
	if c.Grids == nil {
		c.Grids = []Grid{}
	}
	for i := range c.Grids {
		c.Grids[i].prepareEncode()
	}
	var w jw
	w.portfolio(&c)
	return w.indented()
}

// DecodePortfolio reads a portfolio strictly (like [Decode]) and
// validates it.
func DecodePortfolio(data []byte) (*Portfolio, error) {
	var p Portfolio
	if err := decodeDoc(data, PortfolioVersion, func(r *rd, root *jv) { r.portfolio(root, &p) }); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(p.Plan) == 0 {
		p.Plan = nil
	}
	for i := range p.Grids {
		p.Grids[i].normalize()
	}
	return &p, nil
}

// Markdown renders the portfolio: the coverage matrix, similar ideas
// across grids, then every grid as in [Markdown].
func (p *Portfolio) Markdown() string {
	var b strings.Builder
	name := p.Name
	if name == "" {
		name = "Portfolio of grids"
	}
	fprintf(&b, "# %s\n\n## Coverage\n\n", mdInline(name))
	m := p.Coverage()
	b.WriteString("| Position |")
	for _, pr := range m.Processes {
		fprintf(&b, " %s |", mdInline(pr))
	}
	b.WriteString("\n|---|")
	for range m.Processes {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	label := map[Coverage]string{Done: "✓ done", InProgress: "◐ in progress", Missing: "✗ missing"}
	for i, pos := range m.Positions {
		fprintf(&b, "| %s |", mdInline(pos))
		for j := range m.Processes {
			s := ""
			if m.Planned[i][j] {
				s = label[m.Cells[i][j]]
			}
			fprintf(&b, " %s |", s)
		}
		b.WriteString("\n")
	}
	sim := p.Similar(0)
	b.WriteString("\n## Similar ideas across grids\n\n")
	if len(sim) == 0 {
		b.WriteString("None found.\n")
	}
	for _, s := range sim {
		fprintf(&b, "- %.0f%% alike: “%s” (%s: %s) and “%s” (%s: %s)\n", s.Similarity*100,
			mdInline(s.A.Text), mdInline(s.A.Position), mdInline(s.A.Process), mdInline(s.B.Text), mdInline(s.B.Position), mdInline(s.B.Process))
	}
	for i := range p.Grids {
		b.WriteString("\n---\n\n")
		md := Markdown(&p.Grids[i])
		b.WriteString(strings.Replace(md, "# ", "## ", 1))
	}
	return b.String()
}

// CSV renders every item of every grid, one row each, with the position
// and process in front of the [CSVHeader] columns.
func (p *Portfolio) CSV() ([]byte, error) {
	b := csvtext.AppendRow(nil, append([]string{"position", "process"}, CSVHeader...))
	for gi := range p.Grids {
		g := &p.Grids[gi]
		for _, c := range Columns {
			for _, it := range g.Column(c) {
				b = csvtext.AppendRow(b, append([]string{csvtext.Safe(g.Position), csvtext.Safe(g.Process)}, csvRow(g, c, &it)...))
			}
		}
	}
	return b, nil
}
