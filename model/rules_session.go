package model

func (s *Session) Normalize() {
	s.Location = CleanLine(s.Location)
	s.HostName = CleanLine(s.HostName)
	s.OtherLeaders = CleanLine(s.OtherLeaders)
	s.OrganisedBy = CleanLine(s.OrganisedBy)
	s.Topics = cleanList(s.Topics)
	s.Minutes = CleanText(s.Minutes)
	s.Commitments = CleanText(s.Commitments)
}

func (s *Session) Validate() FieldErrors {
	var e FieldErrors
	checkEnum(&e, "kind", s.Type, SessionKinds)
	checkDate(&e, "held_on", s.HeldOn, true)
	checkLine(&e, "location", s.Location, false)
	checkEnum(&e, "host_role", s.HostRole, HostRoles)
	checkLine(&e, "host_name", s.HostName, true)
	checkLine(&e, "other_leaders", s.OtherLeaders, false)
	checkLine(&e, "organised_by", s.OrganisedBy, false)
	if s.Participants < 0 || s.Participants > 1_000_000 {
		e.Add("participants", "err.invalid_number")
	}
	checkList(&e, "topics", s.Topics)
	checkText(&e, "minutes", s.Minutes, false)
	checkText(&e, "commitments", s.Commitments, false)
	checkDate(&e, "announced_on", s.AnnouncedOn, false)
	checkDate(&e, "results_published_on", s.ResultsPublishedOn, false)
	if s.AnnouncedOn != 0 && s.HeldOn != 0 && s.AnnouncedOn > s.HeldOn {
		e.Add("announced_on", "err.after_held")
	}
	if s.ResultsPublishedOn != 0 && s.HeldOn != 0 && s.ResultsPublishedOn < s.HeldOn {
		e.Add("results_published_on", "err.before_held")
	}
	e = append(e, s.validateFollow()...)
	return e
}
