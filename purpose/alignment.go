package purpose

import (
	"errors"
	"slices"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Alignment holds the three purposes that should line up (written PI <->
// PB): the organisation's, the job's and the individual's. Organisation
// and Job are required; Individual is optional.
type Alignment struct {
	Organisation string `json:"organisation"`
	Job          string `json:"job"`
	Individual   string `json:"individual,omitempty"`
}

// Validate reports every field that cannot be analysed, each error naming
// its field ("job: text is empty") and wrapping [ErrInvalid] and the
// input error.
func (al Alignment) Validate() error {
	var errs []error
	check := func(field, text string, required bool) {
		if text == "" && !required {
			return
		}
		if err := prose.Check(text, MaxLen); err != nil {
			errs = append(errs, invalid(field, err))
		}
	}
	check("organisation", al.Organisation, true)
	check("job", al.Job, true)
	check("individual", al.Individual, false)
	return errors.Join(errs...)
}

// AlignmentReport says how well the purposes line up: the analysis of
// each, the beneficiaries and outcome themes they share, the conflicts
// (aims that pull against each other) and the gaps (things one level
// leaves out).
type AlignmentReport struct {
	Organisation *Analysis `json:"organisation"`
	Job          *Analysis `json:"job"`
	Individual   *Analysis `json:"individual,omitempty"`

	SharedBeneficiaries []string `json:"sharedBeneficiaries"` // beneficiary groups the organisation and job both serve
	SharedOutcomes      []string `json:"sharedOutcomes"`      // outcome themes both name (loyalty, care, safety, ...)
	IndividualShares    []string `json:"individualShares,omitempty"`
	// Overlap is the share of content words the job and organisation
	// purposes have in common, 0 to 1.
	Overlap   float64 `json:"overlap"`
	Conflicts []Issue `json:"conflicts"`
	Gaps      []Issue `json:"gaps"`
	// Aligned is true when there is no conflict and the job shares at
	// least one beneficiary and one outcome theme with the organisation.
	Aligned bool `json:"aligned"`
}

// Issue is one conflict or gap: a rule id, the purpose it is about
// ("organisation", "job" or "individual"), what is wrong and what to do.
type Issue struct {
	Rule       string `json:"rule"`
	Purpose    string `json:"purpose"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
}

// Rule ids of alignment issues.
const (
	RuleJobInternal        = "align.job-internal"
	RuleIndividualInternal = "align.individual-internal"
	RuleOrgInternal        = "align.organisation-internal"
	RuleNoBeneficiary      = "align.no-beneficiary"
	RuleNoOutcome          = "align.no-outcome"
	RuleOtherBeneficiary   = "align.other-beneficiary"
	RuleNoSharedOutcome    = "align.no-shared-outcome"
	RuleNoIndividual       = "align.no-individual"
	RuleIndividualApart    = "align.individual-apart"
)

// genericGroups are beneficiary groups that include every other one: an
// organisation serving "customers" is served by a job serving "guests".
var genericGroups = []string{"customer", "community"}

// Align analyses the three purposes and reports how they line up.
// It validates al first (see [Alignment.Validate]).
func Align(al Alignment) (*AlignmentReport, error) {
	if err := al.Validate(); err != nil {
		return nil, err
	}
	r := &AlignmentReport{Conflicts: []Issue{}, Gaps: []Issue{}}
	orgDoc, jobDoc := prose.Analyze(al.Organisation), prose.Analyze(al.Job)
	r.Organisation, r.Job = analyzeDoc(orgDoc), analyzeDoc(jobDoc)
	orgTerms, jobTerms := orgDoc.Terms(), jobDoc.Terms()
	orgB, jobB := r.Organisation.BeneficiaryGroups(), r.Job.BeneficiaryGroups()
	orgO, jobO := r.Organisation.OutcomeThemes(), r.Job.OutcomeThemes()
	r.Overlap = round2(prose.Similarity(orgTerms, jobTerms))
	r.SharedBeneficiaries = sharedGroups(orgB, jobB)
	r.SharedOutcomes = intersect(orgO, jobO)

	conflict := func(rule, purpose, msg, fix string) {
		r.Conflicts = append(r.Conflicts, Issue{rule, purpose, msg, fix})
	}
	gap := func(rule, purpose, msg, fix string) {
		r.Gaps = append(r.Gaps, Issue{rule, purpose, msg, fix})
	}
	if r.Organisation.Verdict == VerdictInternal {
		conflict(RuleOrgInternal, "organisation", "the organisation's purpose is about its own measures ("+quoteTerms(r.Organisation.Internal)+")",
			"State why the organisation exists for its customers; keep the measures as signs of success.")
	}
	if r.Job.Verdict == VerdictInternal {
		conflict(RuleJobInternal, "job", "the job purpose serves only internal measures ("+quoteTerms(r.Job.Internal)+")",
			"Say what the customer gains from the job; the measures follow from that.")
	}
	for _, p := range []struct {
		name string
		a    *Analysis
	}{{"organisation", r.Organisation}, {"job", r.Job}} {
		if len(p.a.Beneficiaries) == 0 {
			gap(RuleNoBeneficiary, p.name, "the "+p.name+" purpose does not name who benefits", "Name the people it serves.")
		}
		if len(p.a.Outcomes) == 0 {
			gap(RuleNoOutcome, p.name, "the "+p.name+" purpose does not say what changes for them", "Say what they gain: how they feel, what they can do.")
		}
	}
	if len(orgB) > 0 && len(jobB) > 0 && len(r.SharedBeneficiaries) == 0 {
		gap(RuleOtherBeneficiary, "job", "the job serves "+listWords(jobB)+" but the organisation names "+listWords(orgB),
			"Show how serving them serves the organisation's customers, or name those customers in the job purpose.")
	}
	if len(r.Organisation.Outcomes) > 0 && len(r.Job.Outcomes) > 0 && len(r.SharedOutcomes) == 0 {
		gap(RuleNoSharedOutcome, "job", "the job aims at "+listWords(jobO)+", the organisation at "+listWords(orgO)+", with nothing in common",
			"Link the job's outcome to one the organisation names.")
	}
	if al.Individual == "" {
		gap(RuleNoIndividual, "individual", "no individual purpose is given",
			"Ask each person how their own work serves the job's purpose, and write it in their words.")
	} else {
		indDoc := prose.Analyze(al.Individual)
		r.Individual = analyzeDoc(indDoc)
		if r.Individual.Verdict == VerdictInternal {
			conflict(RuleIndividualInternal, "individual", "the personal aim rests only on measures ("+quoteTerms(r.Individual.Internal)+")",
				"Ask what the person wants their work to mean for the people they serve.")
		}
		shares := append(sharedGroups(r.Individual.BeneficiaryGroups(), union(orgB, jobB)),
			intersect(r.Individual.OutcomeThemes(), union(orgO, jobO))...)
		slices.Sort(shares)
		r.IndividualShares = slices.Compact(shares)
		if len(r.IndividualShares) == 0 && prose.Similarity(indDoc.Terms(), union(orgTerms, jobTerms)) < 0.1 {
			gap(RuleIndividualApart, "individual", "the individual purpose shares no beneficiary, outcome or words with the job or organisation",
				"Find where what the person cares about meets what the job is for.")
		}
	}
	r.Aligned = len(r.Conflicts) == 0 && len(r.SharedBeneficiaries) > 0 && len(r.SharedOutcomes) > 0
	return r, nil
}

// sharedGroups returns the beneficiary groups a and b have in common; a
// generic group ("customer") is shared with any group on the other side,
// which is reported.
func sharedGroups(a, b []string) []string {
	out := []string{}
	for _, x := range a {
		for _, y := range b {
			switch {
			case x == y:
				out = append(out, x)
			case slices.Contains(genericGroups, x):
				out = append(out, y)
			case slices.Contains(genericGroups, y):
				out = append(out, x)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func intersect(a, b []string) []string {
	out := []string{}
	for _, x := range a {
		if slices.Contains(b, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func union(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// listWords joins words as "a, b and c".
func listWords(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	s := ws[0]
	for _, w := range ws[1 : len(ws)-1] {
		s += ", " + w
	}
	return s + " and " + ws[len(ws)-1]
}
