package recovery

import "sync"

// Criteria shared by several rubrics.
var (
	critApology    = Criterion{ID: "apology", Text: "Apologise plainly, without 'if' and without blame.", Points: 15, Moves: []Move{Apologise}}
	critFeeling    = Criterion{ID: "feeling", Text: "Acknowledge how the customer feels.", Points: 10, Moves: []Move{Acknowledge}}
	critOwn        = Criterion{ID: "ownership", Text: "Take ownership of putting it right.", Points: 10, Moves: []Move{Own}}
	critAct        = Criterion{ID: "action", Text: "Fix it or say what you can do, now.", Points: 15, Moves: []Move{Fix, Offer}}
	critTime       = Criterion{ID: "time", Text: "Commit to a specific time for the next step.", Points: 10, Moves: []Move{CommitTime}}
	critAtone      = Criterion{ID: "atonement", Text: "Offer a gesture in proportion to the failure.", Points: 10, Moves: []Move{Atone}}
	critFollowUp   = Criterion{ID: "follow-up", Text: "Say how you will follow up.", Points: 5, Moves: []Move{FollowUp}}
	critThank      = Criterion{ID: "thanks", Text: "Thank the customer for raising it.", Points: 5, Moves: []Move{Thank}}
	critExplain    = Criterion{ID: "explain", Text: "Explain the decision after offering what you can.", Points: 10, Moves: []Move{Explain}}
	critNoBlame    = Criterion{ID: "no-blame", Text: "No blame, no 'calm down', no sarcasm.", Points: 10, Avoid: []string{RuleBlame, RuleCalmDown, RuleSarcasm}}
	critRealSorry  = Criterion{ID: "real-apology", Text: "No non-apology ('sorry you feel', 'sorry if').", Points: 5, Avoid: []string{RuleNonApology}}
	critNoDeadEnd  = Criterion{ID: "no-dead-end", Text: "Never leave a 'no' without an alternative.", Points: 10, Avoid: []string{RuleNothingICanDo, RulePolicyOnly, RuleUnfortunately}}
	critNoVague    = Criterion{ID: "no-vague-time", Text: "No promise without a time, and none you cannot keep.", Points: 5, Avoid: []string{RuleVagueTime, RuleUnkeepable}}
	critNoShouting = Criterion{ID: "calm-tone", Text: "No capitals or stacked exclamation marks.", Points: 5, Avoid: []string{RuleShouting}}
	critName       = Criterion{ID: "no-sir", Text: "Use the customer's name, not 'Sir' or 'Madam'.", Points: 5, Avoid: []string{RuleSirMadam}}
	critBoundName  = Criterion{ID: "name-behaviour", Text: "Name the abusive behaviour calmly.", Points: 15, Moves: []Move{NameBehaviour}}
	critBoundAsk   = Criterion{ID: "ask-to-stop", Text: "Ask for the behaviour to stop, and say you want to help.", Points: 15, Moves: []Move{AskToStop}}
	critBoundCons  = Criterion{ID: "consequence", Text: "State what you will do if it continues.", Points: 15, Moves: []Move{StateConsequence}}
	critBoundOrder = Criterion{ID: "boundary-order", Text: "Ask before warning; warn before ending.", Points: 10, Avoid: []string{RuleWarnBeforeAsk, RuleEndBeforeWarn}}
)

// scenarios are the practice cases, written for this project. They are
// built on first use: the rubrics copy the shared criteria above, which is
// work a package-level literal would do at every start-up of the worker.
var scenarios = sync.OnceValue(func() []Scenario {
	return []Scenario{
		{
			ID: "hotel-room-not-ready", Title: "Room not ready after an overnight flight", Setting: "hotel",
			Customer: "I've been travelling since yesterday, check-in was meant to be at three, it's half past and you're telling me the room still isn't ready? I just want a shower.",
			Brief:    "Housekeeping is running late. You can offer the spa changing rooms for a shower now and breakfast in the lounge, and you can upgrade the room when it is ready.",
			Situation: Situation{State: Upset, Cause: OurError, Severity: Moderate, Channel: InPerson, CustomerName: "Mr Haddad",
				Offers: []string{"a shower in our spa changing rooms right now", "breakfast in the lounge while we finish your room"},
				Issue:  "your room was not ready at check-in time"},
			Rubric: []Criterion{critApology, critFeeling, critAct, critAtone, critNoBlame, critRealSorry, critName,
				{ID: "shower", Text: "Meet the need behind the complaint: a shower and a rest.", Points: 10, Mentions: []string{"shower", "spa", "changing room", "freshen up"}}},
		},
		{
			ID: "hotel-noise-second-night", Title: "Noise again on the second night", Setting: "hotel",
			Customer: "This is the second night running that the party in the function room has kept us awake until two. Last night you said it would be sorted. It wasn't.",
			Brief:    "The event runs one more night. Rooms on the sixth floor are quiet and free. The duty manager, Priya, can waive tonight's rate.",
			Situation: Situation{State: Angry, Cause: OurError, Severity: Moderate, Repeat: true, Channel: Phone, CustomerName: "Ms Lindqvist",
				Colleague: "Priya, our duty manager", CanEscalate: true,
				Offers: []string{"a quiet room on the sixth floor tonight", "tonight's stay free of charge"}, Times: []string{"9am tomorrow", "after breakfast"}},
			Rubric: []Criterion{critApology, critFeeling, critOwn, critAct, critAtone, critNoVague, critNoBlame,
				{ID: "move-room", Text: "Offer a quieter room for tonight.", Points: 10, Mentions: []string{"quiet room", "sixth floor", "another room", "move you", "quieter"}}},
		},
		{
			ID: "hotel-minibar-charge", Title: "Charged for a minibar never opened", Setting: "hotel",
			Customer: "I've just seen my bill by email and there's a minibar charge of 38 euros. We never opened it. Could you take it off, please?",
			Brief:    "The minibar sensor is known to misfire. You can remove the charge at once.",
			Situation: Situation{State: Disappointed, Cause: OurError, Severity: Minor, Channel: Email, CustomerName: "Mrs Osei", AgentName: "Tomas",
				Offers: []string{"removing the minibar charge from your bill"}},
			Rubric: []Criterion{critApology, critAct, critThank, critNoBlame, critRealSorry, critNoShouting,
				{ID: "removed", Text: "Say that the charge is removed.", Points: 15, Mentions: []string{"removed", "taken off", "refunded", "credited", "cancelled the charge"}}},
		},
		{
			ID: "hotel-breakfast-misunderstanding", Title: "Breakfast was not in the rate", Setting: "hotel",
			Customer: "I'm a bit disappointed. The website made it look like breakfast was included and now there's a charge for it.",
			Brief:    "The rate booked did not include breakfast. You may offer today's breakfast free and switch the rest of the stay to a breakfast rate at the difference.",
			Situation: Situation{State: Disappointed, Cause: Misunderstanding, Severity: Minor, Channel: InPerson,
				Offers: []string{"today's breakfast on us", "switching the rest of your stay to a breakfast rate"},
				Policy: "the rate you booked was a room-only rate"},
			Rubric: []Criterion{critApology, critFeeling, critAct, critExplain, critNoBlame, critNoDeadEnd,
				{ID: "website", Text: "Say you will look at the website wording.", Points: 5, Mentions: []string{"website", "wording", "booking page", "make it clearer"}}},
		},
		{
			ID: "airline-missed-connection", Title: "Missed connection after a weather delay", Setting: "airline",
			Customer: "Your flight was late, I've missed my connection, and I'm supposed to be at my sister's wedding tomorrow morning. What are you going to do about it?",
			Brief:    "Storms delayed the inbound flight. There is a seat on the 21:40 tonight via another hub, arriving 07:10. You can issue a meal voucher.",
			Situation: Situation{State: Angry, Cause: ThirdParty, Severity: Major, Channel: InPerson, CustomerName: "Mr Adeyemi",
				Offers: []string{"a seat on the 21:40 tonight that lands at 07:10", "a meal voucher while you wait"}, Times: []string{"as soon as boarding opens at 21:00"}},
			Rubric: []Criterion{critApology, critFeeling, critOwn, critAct, critNoBlame, critNoDeadEnd, critNoVague,
				{ID: "wedding", Text: "Show you heard what is at stake: the wedding.", Points: 10, Mentions: []string{"wedding", "sister"}},
				{ID: "rebook", Text: "Rebook on the earliest flight that arrives in time.", Points: 10, Mentions: []string{"21:40", "tonight", "rebook", "rebooked", "seat on"}}},
		},
		{
			ID: "airline-lost-bag", Title: "Bag missing at the start of a honeymoon", Setting: "airline",
			Customer: "Our bag didn't arrive. Everything for our honeymoon is in it. Nobody at the airport could tell us anything.",
			Brief:    "The bag is traced to the wrong airport and will come on tomorrow's first flight. You can authorise essentials up to 150 and courier the bag to the hotel.",
			Situation: Situation{State: Upset, Cause: CauseUnknown, Severity: Major, Channel: Phone, CustomerName: "Ms Ferreira",
				Offers: []string{"buying essentials today, which we will reimburse up to 150", "delivering the bag straight to your hotel"},
				Times:  []string{"noon tomorrow", "as soon as it lands at 10am"}},
			Rubric: []Criterion{critApology, critFeeling, critOwn, critTime, critAtone, critFollowUp, critNoVague, critNoBlame,
				{ID: "essentials", Text: "Cover what they need tonight.", Points: 10, Mentions: []string{"essentials", "toiletries", "reimburse", "clothes"}}},
		},
		{
			ID: "airline-exit-row-fee", Title: "Asking for a free exit-row seat", Setting: "airline",
			Customer: "I'm six foot five and I'm not paying extra for legroom. Put me in the exit row for free.",
			Brief:    "Exit-row seats carry a fee. You can check for an empty row at the gate and seat them on an aisle with an empty middle seat now.",
			Situation: Situation{State: Upset, Cause: PolicyLimit, Severity: Minor, Channel: Chat,
				Offers: []string{"an aisle seat with the middle seat kept free", "a check at the gate for any empty exit-row seat"},
				Policy: "exit-row seats are sold as extra-legroom seats"},
			Rubric: []Criterion{critApology, critAct, critExplain, critNoDeadEnd, critNoBlame, critNoShouting,
				{ID: "aisle", Text: "Offer the aisle seat or a gate check.", Points: 10, Mentions: []string{"aisle", "gate", "middle seat"}}},
		},
		{
			ID: "retail-no-receipt", Title: "A return without a receipt", Setting: "retail",
			Customer: "I bought this kettle here last week, it's never been used, and I want my money back. No, I haven't got the receipt. Don't give me that policy rubbish.",
			Brief:    "Without a receipt you cannot refund money. You can give store credit at today's price, or look up the sale if it was paid by card.",
			Situation: Situation{State: Angry, Cause: PolicyLimit, Severity: Minor, Channel: InPerson,
				Offers: []string{"store credit for the full price today", "a search for the sale if you paid by card"},
				Policy: "refunds to money need a receipt"},
			Rubric: []Criterion{critFeeling, critAct, critExplain, critNoDeadEnd, critNoBlame, critRealSorry,
				{ID: "credit", Text: "Offer store credit or a card look-up.", Points: 15, Mentions: []string{"store credit", "credit", "card", "look up"}}},
		},
		{
			ID: "retail-wrong-item-twice", Title: "Wrong item delivered for the second time", Setting: "retail",
			Customer: "For the SECOND time you've sent a size 8 instead of a 10. I needed this dress for Saturday. Unbelievable.",
			Brief:    "The warehouse mislabelled the stock. You can send a size 10 by next-day courier, refund the delivery and give a 20% discount code.",
			Situation: Situation{State: Angry, Cause: OurError, Severity: Moderate, Repeat: true, Channel: Email, CustomerName: "Ms Brennan", AgentName: "Jo",
				Offers: []string{"a size 10 sent today by next-day courier", "a refund of your delivery charge"}, Times: []string{"by 1pm tomorrow"}},
			Rubric: []Criterion{critApology, critFeeling, critOwn, critAct, critTime, critAtone, critNoBlame, critNoVague, critNoShouting,
				{ID: "saturday", Text: "Show it will arrive before Saturday.", Points: 10, Mentions: []string{"saturday", "tomorrow", "next-day", "next day"}}},
		},
		{
			ID: "clinic-cancelled-appointment", Title: "Appointment cancelled at short notice", Setting: "healthcare",
			Customer: "I took the afternoon off work for this scan and got a text an hour ago saying it's cancelled. This is the second time I've had to chase you for it.",
			Brief:    "The scanner failed. You can book the patient first on the list on Thursday at 8am or Friday at 5pm, and the practice manager can call them.",
			Situation: Situation{State: Upset, Cause: OurError, Severity: Major, Channel: Phone, CustomerName: "Mr Kowalski", Colleague: "our practice manager",
				Offers: []string{"the first scan of the day on Thursday at 8am", "the last slot on Friday at 5pm"}, Times: []string{"Thursday at 8am", "Friday at 5pm"}},
			Rubric: []Criterion{critApology, critFeeling, critOwn, critAct, critTime, critNoBlame, critNoVague,
				{ID: "slot", Text: "Offer a firm new appointment, with a choice.", Points: 10, Mentions: []string{"thursday", "friday", "8am", "5pm"}}},
		},
		{
			ID: "clinic-long-wait", Title: "Two hours in the waiting room", Setting: "healthcare",
			Customer: "My appointment was at two. It's now four. Nobody has told us anything and my mother is in pain.",
			Brief:    "An emergency took the doctor away. The doctor will see them within 20 minutes. You can find a quieter room with a recliner.",
			Situation: Situation{State: Angry, Cause: CauseUnknown, Severity: Moderate, Channel: InPerson,
				Offers: []string{"a quieter room with a recliner while you wait", "pain relief checked by a nurse now"}, Times: []string{"within 20 minutes"}},
			Rubric: []Criterion{critApology, critFeeling, critAct, critTime, critNoBlame, critNoVague,
				{ID: "comfort", Text: "Look after the patient's comfort now.", Points: 10, Mentions: []string{"nurse", "pain", "recliner", "quieter room", "comfortable"}}},
		},
		{
			ID: "contact-centre-outage", Title: "Fourth call about a broadband outage", Setting: "contact centre",
			Customer: "This is my fourth call this week. I work from home. Every time I'm told an engineer will call and nobody does.",
			Brief:    "The fault is in the street cabinet. An engineer visit is booked for tomorrow 8-12. The team lead, Sam, can approve a month's credit and a mobile data top-up.",
			Situation: Situation{State: Angry, Cause: CauseUnknown, Severity: Major, Repeat: true, Channel: Phone, CustomerName: "Mrs Novak",
				Colleague: "Sam, my team lead", CanEscalate: true,
				Offers: []string{"a free mobile data top-up today so you can work", "a month's credit on your bill"}, Times: []string{"5pm today", "9am tomorrow"}},
			Rubric: []Criterion{critApology, critFeeling, critOwn, critAct, critTime, critAtone, critFollowUp, critNoBlame, critNoVague,
				{ID: "work", Text: "Solve the immediate need: working from home.", Points: 10, Mentions: []string{"data", "top-up", "work from home", "working"}}},
		},
		{
			ID: "contact-centre-abusive-bill", Title: "A caller swearing about a bill", Setting: "contact centre",
			Customer: "(shouting, with repeated swearing at the agent) You lot are thieves and you're an idiot. Fix my bill now.",
			Brief:    "The bill includes a one-off installation charge the caller did not expect. A supervisor is available. Calls may be ended after one warning.",
			Situation: Situation{State: Abusive, Cause: Misunderstanding, Severity: Minor, Channel: Phone, CanEscalate: true,
				Offers: []string{"a breakdown of the bill line by line"}},
			Rubric: []Criterion{critBoundName, critBoundAsk, critBoundCons, critBoundOrder, critNoBlame, critNoShouting,
				{ID: "help", Text: "Make clear you still want to help with the bill.", Points: 10, Mentions: []string{"help", "bill", "sort this out"}}},
		},
		{
			ID: "chat-abusive-refund", Title: "Insults in a refund chat", Setting: "contact centre",
			Customer: "Where is my refund you useless morons, it's been three weeks. Answer me or I'll make sure everyone knows how pathetic you are.",
			Brief:    "The refund failed because of a bank error on our side. You can reissue it now; it will land within 3 working days.",
			Situation: Situation{State: Abusive, Cause: OurError, Severity: Moderate, Channel: Chat,
				Offers: []string{"reissuing your refund now"}},
			Rubric: []Criterion{critBoundName, critBoundAsk, critBoundCons, critBoundOrder, critNoShouting,
				{ID: "refund", Text: "Say what you will do about the refund.", Points: 10, Mentions: []string{"refund", "reissue", "reissued"}}},
		},
	}
})
