// Package recovery helps employees recover from a service failure: it
// names the moves of a good recovery, keeps a catalogue of phrases for
// them, plans what to say in a situation, reviews a draft reply, and
// grades practice replies.
//
// A [Move] is one thing a recovering employee does: let the customer
// finish, acknowledge the feeling, apologise without blame, fix it fast,
// explain a decision after acting, atone in proportion, follow up, and the
// boundary path for abuse. [Models] lists published recovery models as
// sequences of moves (Disney's HEARD, LAST, BLAST, LATTE, LEARN, and Bell
// and Zemke's steps).
//
// The phrase [Catalogue] is keyed by [Language], a BCP 47 tag such as
// "en-GB" read with [ParseLanguage]; English comes first and is the
// fallback. Each
// [Phrase] has an id, the moves it performs, one of the twelve intents
// from Bell and Zemke's Knock Your Socks Off Service Recovery, a register,
// the channels it suits, slots such as {name} and {alternative}, and
// notes on when to use it and when not to. Every phrase is written for
// this project.
//
// A [Situation] describes the failure and the customer. [Plan] turns it
// into a [Guidance]: ordered steps, each with phrases and the reason for
// it. [Review] checks a draft reply against the situation and returns a
// [Report]: the moves found with their spans and the rule that found
// each, the moves missing, order problems, anti-patterns with better
// phrases (overlapping ones counted once), a score with the reason for
// every point, and a rewrite that keeps the draft's good sentences in the
// writer's words and adds only what is missing, with no slot left in
// braces (the details it lacks are named in Needs).
//
// Moves are recognised by what a sentence does, not only by listed
// phrases: rules read each clause's person, tense and negation ("I've
// posted the right one" is the first person with a completed action, a
// fix; "we sent you the wrong size" owns the mistake). Which moves a
// reply must show follows the situation and the channel: a short chat
// that fixes a minor slip need not thank or paraphrase, and Points says
// so:
//
//	s := recovery.Situation{State: recovery.Angry, Cause: recovery.OurError,
//		Severity: recovery.Major, Channel: recovery.Email, CustomerName: "Ms Okafor"}
//	r, err := recovery.Review(draft, s)
//	if err != nil { ... }
//	fmt.Println(r.Score, r.Missing, r.Findings)
//
// [Scenarios] are practice cases with rubrics; [Grade] scores a reply to
// one and returns [Feedback].
//
// The package does no work at start-up: matchers and indexes are built on
// first use.
package recovery
