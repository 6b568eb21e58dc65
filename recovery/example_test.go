package recovery_test

import (
	"fmt"

	"github.com/purposefulcx/purposeful/recovery"
)

func ExampleReview() {
	s := recovery.Situation{State: recovery.Angry, Cause: recovery.OurError, Severity: recovery.Moderate,
		Channel: recovery.Email, CustomerName: "Ms Okafor"}
	r, err := recovery.Review("Dear Sir, I'm sorry you feel that way. There's nothing I can do.", s)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("score:", r.Score)
	for _, f := range r.Findings {
		fmt.Printf("%s %q\n", f.Rule, "Dear Sir, I'm sorry you feel that way. There's nothing I can do."[f.Span.Start:f.Span.End])
	}
	fmt.Println("missing:", r.Missing[:3])
	// Output:
	// score: 0
	// recovery.sir-madam "Sir"
	// recovery.non-apology "sorry you feel"
	// recovery.nothing-i-can-do "nothing I can do"
	// missing: [acknowledge apologise own]
}

func ExamplePlan() {
	g, err := recovery.Plan(recovery.Situation{State: recovery.Abusive, Channel: recovery.Phone, CanEscalate: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range g.Steps {
		fmt.Printf("%-18s %s\n", st.Move, st.Phrases[0].Text)
	}
	// Output:
	// name-behaviour     I can hear that you're very angry. The language you're using toward me is not acceptable.
	// ask-to-stop        I do want to help you, and I need you to stop swearing at me so we can carry on.
	// state-consequence  If the shouting carries on, I will end this call and make a note of why.
	// fix                Let me fix that for you right now.
	// end-or-escalate    As I said I would, I'm ending this call now. You're welcome to contact us again when you're ready to talk it through.
	// document           For our records, I'm noting what was said in this conversation.
}

func ExampleRender() {
	text, err := recovery.Render("policy-and-alternative", recovery.Slots{
		"policy":      "refunds need a receipt",
		"alternative": "store credit for the full price",
	})
	fmt.Println(text, err)
	_, err = recovery.Render("apologise-name-ask", nil)
	fmt.Println(err)
	// Output:
	// Our policy is that refunds need a receipt, so I can't do that part, but what I can do is store credit for the full price. <nil>
	// recovery: phrase "apologise-name-ask": missing slot {name}
}

func ExamplePhrases() {
	for _, p := range recovery.Phrases(recovery.Filter{Intents: []recovery.Intent{recovery.AskWhatIsFair}, Channels: []recovery.Channel{recovery.Chat}}) {
		fmt.Println(p.ID+":", p.Text)
	}
	// Output:
	// fair-what: What would you consider a fair way to put this right?
	// fair-written: Please tell me what outcome would feel fair to you, and I will do everything I can to get there.
}

func ExampleGrade() {
	sc, _ := recovery.ScenarioByID("retail-no-receipt")
	fb, err := recovery.Grade(sc, "No receipt, no refund. Rules are rules.")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fb.Score < 30, fb.Next)
	// Output:
	// true Acknowledge how the customer feels.
}

func ExampleModels() {
	for _, m := range recovery.Models()[:2] {
		fmt.Println(m.Name, m.Moves())
	}
	// Output:
	// HEARD [listen acknowledge apologise fix record-cause]
	// LAST [listen apologise fix thank]
}
