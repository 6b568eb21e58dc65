package grid

// Sample grids, written for this project, that show what a completed grid
// looks like. Each call returns a fresh copy the caller may change.

func yes() *bool { v := true; return &v }
func no() *bool  { v := false; return &v }

func sc(experience, kpis, values, purpose float64) *Score {
	return &Score{Experience: experience, KPIs: kpis, Values: values, Purpose: purpose}
}

func items(kind Kind, prefix string, texts ...string) []Item {
	out := make([]Item, len(texts))
	for i, t := range texts {
		out[i] = Item{ID: prefix + itoa(i+1), Text: t, Kind: kind}
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// SampleFrontDesk returns a completed grid for a hotel front-desk agent's
// guest check-in: 9 items of knowledge, 9 skills and 14 purposeful ideas,
// each with evidence, scored and voted on, 9 of them adopted.
func SampleFrontDesk() *Grid {
	return &Grid{
		Version:      Version,
		ID:           "harbourlight-frontdesk-checkin",
		Organisation: "Harbourlight Hotel",
		Position:     "Front-desk agent",
		Purpose:      "To turn each arriving guest into a loyal guest: one who tells friends about us, worries less about price and chooses us again.",
		Process:      "Guest check-in",
		Objective:    "Find purposeful actions and behaviours, true to our values and to the front-desk agent's purpose, that we can build into check-in to lift arrival scores and repeat stays.",
		Values:       []string{"Warm welcome", "Ownership", "Local pride"},
		KPIs:         []string{"Check-in in under 4 minutes", "Arrival satisfaction 9 out of 10 or better", "Loyalty sign-ups per 100 arrivals", "Guests who book their next stay direct"},
		Anonymity:    Anonymous,
		Knowledge: items(Knowledge, "k",
			"Room types, views and bed layouts",
			"Tonight's rates, packages and cancellation terms",
			"Loyalty programme tiers and what each one includes",
			"Hotel facilities and their opening hours",
			"Local sights, places to eat and transport links",
			"Today's arrivals, VIP guests and special requests",
			"Payment, deposit and identity document policies",
			"Accessible rooms and accessibility features",
			"Fire and evacuation procedures",
		),
		Skills: items(Skill, "s",
			"Check a guest in on the property management system",
			"Take a card pre-authorisation and explain the deposit",
			"Encode room keys and hand them over",
			"Reassign or upgrade a room that is not ready",
			"Enrol a guest in the loyalty programme",
			"Offer a paid upgrade without pressure",
			"Serve a queue while the phone rings",
			"Rehouse a guest nearby when the hotel is overbooked",
			"Record guest preferences in the profile",
		),
		Purposeful: []Item{
			{ID: "p1", Kind: Behaviour, Text: "Look up, smile and greet each guest within ten seconds of them reaching the desk, even when busy on the phone",
				Evidence: []Evidence{{Source: ReviewSite, Site: "Tripadvisor", Quote: "The receptionist stood up and welcomed us as if she had been expecting friends.", Rating: 5}},
				Tags:     []Tag{AuthenticEnthusiasm}, Votes: 7, Score: sc(3, 2.6, 3, 2.8), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p2", Kind: Behaviour, Text: "Use the guest's name at least twice during check-in",
				Evidence: []Evidence{{Source: TradePublication, Site: "hospitality trade magazine", Note: "feature on personal recognition at arrival"}},
				Tags:     []Tag{GenuineInterest}, Votes: 5, Score: sc(2.6, 2.2, 2.8, 2.6), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p3", Kind: Action, Text: "Ask what brings the guest to town and write one matching local tip on the key-card sleeve",
				Evidence: []Evidence{{Source: OwnExperience, Note: "a small hotel in Porto did this for me and I used the tip that evening"}},
				Tags:     []Tag{GenuineInterest, UniqueKnowledge}, Votes: 6, Score: sc(2.8, 2.4, 3, 2.8), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p4", Kind: Action, Text: "Offer a glass of cold water or a hot drink to guests arriving after a long journey",
				Evidence: []Evidence{{Source: ReviewSite, Site: "Booking.com", Quote: "After twelve hours of flying, the cold water at reception felt like a gift.", Rating: 9.6, OutOf: 10}},
				Tags:     []Tag{PleasantSurprises}, Votes: 5, Score: sc(2.6, 2, 2.6, 2.4), Routine: yes(), Status: Adopted, Cost: CostLow},
			{ID: "p5", Kind: Action, Text: "Walk guests with heavy luggage or reduced mobility to the lift and show them the way to the room",
				Evidence: []Evidence{{Source: ReviewSite, Site: "Expedia", Quote: "The agent came round the desk and took my mother to the lift herself.", Rating: 5}},
				Tags:     []Tag{GenuineInterest}, Votes: 4, Score: sc(2.8, 1.8, 2.8, 2.6), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p6", Kind: Action, Text: "When a room is not ready, take the guest's mobile number and text them the moment it is",
				Evidence: []Evidence{{Source: ReviewSite, Site: "Hotels.com", Quote: "No waiting around in the lobby: they messaged me as soon as the room was done.", Rating: 4.5}},
				Tags:     []Tag{GenuineInterest}, Votes: 6, Score: sc(2.8, 2.8, 2.6, 2.6), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p7", Kind: Action, Text: "Leave a handwritten welcome card in the room of guests celebrating a birthday or anniversary",
				Evidence: []Evidence{{Source: TradePublication, Site: "hotel operations newsletter", Note: "roundup of low-cost recognition ideas"}},
				Tags:     []Tag{PleasantSurprises}, Votes: 4, Score: sc(2.8, 2, 2.4, 2.8), Routine: yes(), Status: Adopted, Cost: CostLow},
			{ID: "p8", Kind: Action, Text: "Phone the room fifteen minutes after check-in to ask whether everything is as the guest hoped",
				Evidence: []Evidence{{Source: OwnExperience, Note: "a call like this let a resort fix my broken air conditioning before I unpacked"}},
				Tags:     []Tag{GenuineInterest}, Votes: 3, Score: sc(2.4, 2.4, 2.6, 2.4), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p9", Kind: Behaviour, Text: "Pay a sincere, specific compliment when one is due, such as a child's careful drawing or a well-travelled suitcase",
				Evidence: []Evidence{{Source: OwnExperience, Note: "the agent who admired my daughter's sketchbook is why we went back"}},
				Tags:     []Tag{SincereCompliments}, Votes: 3, Score: sc(2.2, 1.4, 2.4, 2.2), Routine: yes(), Status: Proposed, Cost: CostNone},
			{ID: "p10", Kind: Behaviour, Text: "Share with real enthusiasm one favourite local spot that the guidebooks miss",
				Evidence: []Evidence{{Source: ReviewSite, Site: "Yelp", Quote: "The front desk sent us to a tiny bakery we would never have found.", Rating: 5}},
				Tags:     []Tag{AuthenticEnthusiasm, UniqueKnowledge}, Votes: 2, Score: sc(2.2, 1.6, 3, 2.2), Routine: yes(), Status: Proposed, Cost: CostNone},
			{ID: "p11", Kind: Action, Text: "Hand families a small activity pack for the children with the room keys",
				Evidence: []Evidence{{Source: ReviewSite, Site: "Travelocity", Quote: "Our kids were colouring happily before we had even signed the form.", Rating: 4}},
				Tags:     []Tag{PleasantSurprises}, Votes: 2, Score: sc(2.4, 1.6, 2, 2), Routine: yes(), Status: Parked, Cost: CostLow,
				Notes: "Parked until the budget for packs is agreed."},
			{ID: "p12", Kind: Behaviour, Text: "Match the guest's mood and use light humour only after they have shown theirs",
				Evidence: []Evidence{{Source: OwnExperience, Note: "a dry joke about the rain at a Dublin hotel turned a grim arrival around"}},
				Tags:     []Tag{AppropriateHumour}, Votes: 1, Score: sc(1.8, 1.2, 2, 1.6), Routine: yes(), Status: Proposed, Cost: CostNone},
			{ID: "p13", Kind: Action, Text: "Drive a guest's forgotten passport to the airport before their flight",
				Evidence: []Evidence{{Source: ReviewSite, Site: "Tripadvisor", Quote: "The night manager drove forty minutes to bring my passport to the terminal.", Rating: 5}},
				Tags:     []Tag{ServiceHeroics}, Votes: 4, Score: sc(3, 1, 3, 3), Routine: no(), Status: OneOff, Cost: CostHigh,
				Notes: "Celebrate it when it happens; it cannot be a standard."},
			{ID: "p14", Kind: Action, Text: "Note a guest's stated preference, such as a quiet room or extra pillows, and have it ready on their next stay",
				Evidence: []Evidence{{Source: JobDescription, Note: "profile notes are already a duty; the purposeful part is acting on them unasked"}},
				Tags:     []Tag{GenuineInterest, PleasantSurprises}, Votes: 3, Score: sc(2.6, 2.6, 2.4, 3), Routine: yes(), Status: Adopted, Cost: CostNone},
		},
	}
}

// SampleDischarge returns a completed grid for a ward nurse's patient
// discharge, from healthcare.
func SampleDischarge() *Grid {
	return &Grid{
		Version:      Version,
		ID:           "riverside-nurse-discharge",
		Organisation: "Riverside Community Hospital",
		Position:     "Ward nurse",
		Purpose:      "To send every patient home confident, safe and cared for, so they recover well and trust us with their care again.",
		Process:      "Patient discharge",
		Objective:    "Find purposeful actions and behaviours that make going home calmer and safer for patients and their families.",
		Values:       []string{"Compassion", "Safety first", "Respect for every person"},
		KPIs:         []string{"Patients discharged before 11 a.m.", "Readmissions within 30 days", "Discharge experience score"},
		Anonymity:    Anonymous,
		Knowledge: items(Knowledge, "k",
			"The patient's medicines, doses and common side effects",
			"Discharge criteria for the patient's condition",
			"Warning signs that mean the patient should seek help",
			"Community nursing, pharmacy and follow-up clinic services",
			"Transport options and who is eligible for hospital transport",
			"The patient's home situation and who will care for them",
			"Safeguarding and consent rules",
			"Wound care and dressing products",
		),
		Skills: items(Skill, "s",
			"Reconcile the medicines list with the pharmacist",
			"Complete the discharge summary in the patient record",
			"Use teach-back until the patient can repeat the instructions",
			"Remove a cannula and dress the site",
			"Book follow-up appointments and community referrals",
			"Arrange hospital transport",
			"Hand over to the community nurse by phone",
			"Demonstrate how to use an inhaler or injection pen",
		),
		Purposeful: []Item{
			{ID: "p1", Kind: Behaviour, Text: "Sit down at eye level with the patient when going through the discharge plan",
				Evidence: []Evidence{{Source: OwnExperience, Note: "when my father was discharged, the nurse who sat down was the one we remembered"}},
				Tags:     []Tag{GenuineInterest}, Votes: 6, Score: sc(2.8, 1.8, 3, 2.8), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p2", Kind: Behaviour, Text: "Use the patient's preferred name throughout the discharge conversation",
				Evidence: []Evidence{{Source: TradePublication, Site: "nursing journal", Note: "article on dignity and personal recognition on the ward"}},
				Tags:     []Tag{GenuineInterest}, Votes: 4, Score: sc(2.4, 1.4, 3, 2.4), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p3", Kind: Action, Text: "Write the ward's direct phone number on the discharge letter and say: call us if anything worries you",
				Evidence: []Evidence{{Source: ReviewSite, Site: "hospital feedback website", Quote: "Knowing I could ring the ward that night made all the difference.", Rating: 5}},
				Tags:     []Tag{GenuineInterest}, Votes: 7, Score: sc(3, 2.8, 3, 3), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p4", Kind: Action, Text: "Phone the patient the day after discharge to ask how the first night at home went",
				Evidence: []Evidence{{Source: TradePublication, Site: "patient safety bulletin", Note: "follow-up calls catch medicine mix-ups early"}},
				Tags:     []Tag{GenuineInterest}, Votes: 6, Score: sc(2.8, 3, 2.8, 3), Routine: yes(), Status: Adopted, Cost: CostLow},
			{ID: "p5", Kind: Action, Text: "Offer to phone a family member and explain the plan to them too",
				Evidence: []Evidence{{Source: OwnExperience, Note: "my aunt forgot half of what she was told; a call to me would have helped"}},
				Tags:     []Tag{GenuineInterest}, Votes: 5, Score: sc(2.6, 2.4, 2.6, 2.8), Routine: yes(), Status: Adopted, Cost: CostNone},
			{ID: "p6", Kind: Action, Text: "Walk the patient to the ward door and wish them well by name",
				Evidence: []Evidence{{Source: ReviewSite, Site: "hospital feedback website", Quote: "She walked me to the door and said she hoped not to see me again, with a wink.", Rating: 5}},
				Tags:     []Tag{AppropriateHumour}, Votes: 3, Score: sc(2.4, 1, 2.6, 2.2), Routine: yes(), Status: Proposed, Cost: CostNone},
			{ID: "p7", Kind: Action, Text: "Give the patient a one-page picture guide to their medicines with the times marked",
				Evidence: []Evidence{{Source: TradePublication, Site: "pharmacy practice magazine", Note: "picture guides improve adherence for older patients"}},
				Tags:     []Tag{UniqueKnowledge}, Votes: 4, Score: sc(2.4, 2.6, 2.4, 2.8), Routine: yes(), Status: Adopted, Cost: CostLow},
			{ID: "p8", Kind: Action, Text: "Stay with a frightened patient until their lift home arrives after a night shift ends",
				Evidence: []Evidence{{Source: OwnExperience, Note: "a colleague did this last winter and the family wrote to the chief executive"}},
				Tags:     []Tag{ServiceHeroics}, Votes: 2, Score: sc(3, 0.6, 3, 2.6), Routine: no(), Status: OneOff, Cost: CostLow},
		},
	}
}

// SamplePortfolio returns a portfolio with the two sample grids, a
// front-desk check-out grid in progress, and a plan with pairs still
// missing.
func SamplePortfolio() *Portfolio {
	checkout := &Grid{
		Version: Version, ID: "harbourlight-frontdesk-checkout", Organisation: "Harbourlight Hotel",
		Position: "Front-desk agent", Process: "Guest check-out",
		Purpose: SampleFrontDesk().Purpose,
		Knowledge: items(Knowledge, "k",
			"Folio charges, taxes and payment methods",
			"Late check-out rules and fees",
		),
		Skills: items(Skill, "s",
			"Settle the folio and send the invoice",
			"Store luggage after check-out",
		),
		Purposeful: []Item{
			{ID: "p1", Kind: Behaviour, Text: "Use the guest's name when thanking them at check-out",
				Evidence: []Evidence{{Source: OwnExperience}}, Tags: []Tag{GenuineInterest}},
		},
	}
	return &Portfolio{
		Version: PortfolioVersion,
		Name:    "Harbourlight Hotel and Riverside Community Hospital",
		Plan: []Pair{
			{Position: "Front-desk agent", Process: "Guest check-in"},
			{Position: "Front-desk agent", Process: "Guest check-out"},
			{Position: "Front-desk agent", Process: "Phone reservations"},
			{Position: "Ward nurse", Process: "Patient discharge"},
			{Position: "Ward nurse", Process: "Patient admission"},
		},
		Grids: []Grid{*SampleFrontDesk(), *checkout, *SampleDischarge()},
	}
}
