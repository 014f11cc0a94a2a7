package model

import "testing"

// A petition being handled or resolved was accepted for handling, unless it
// was transferred or returned: the register's "Hướng xử lý" is never blank
// for it.
func TestHandlingFollowsStatus(t *testing.T) {
	cases := []struct {
		status PetitionStatus
		in     Handling
		want   Handling
		wantSt PetitionStatus
	}{
		{StatusReceived, HandlingNone, HandlingNone, StatusReceived},
		{StatusInProgress, HandlingNone, HandlingAccepted, StatusInProgress},
		{StatusResolved, HandlingNone, HandlingAccepted, StatusResolved},
		{StatusResolved, HandlingTransferred, HandlingTransferred, StatusResolved},
		{StatusInProgress, HandlingTransferred, HandlingTransferred, StatusTransferred},
		{StatusReceived, HandlingReturned, HandlingReturned, StatusReturned},
	}
	for _, c := range cases {
		p := &Petition{Status: c.status, Handling: c.in}
		p.FollowHandling()
		if p.Handling != c.want || p.Status != c.wantSt {
			t.Errorf("%s/%q → %s/%q, want %s/%q", c.status, c.in, p.Status, p.Handling, c.wantSt, c.want)
		}
	}
}
