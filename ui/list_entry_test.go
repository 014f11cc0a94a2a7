package ui

import (
	"testing"

	"gopy/model"
	"gopy/ui/i18n"
)

// From a list row, a answers a feedback's first open point and x changes a
// petition's status without opening the detail; saving returns to the list.
func TestFormsOpenFromListRows(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("2")
	dr.mustSee("Góp ý")
	first := dr.top().(*listScreen).rows[0].Row
	if first.Kind != model.KindFeedback || first.Status == string(model.FeedbackAnswered) {
		t.Fatalf("fixture's first feedback row: %+v", first)
	}
	dr.key("a")
	dr.mustBeForm()
	dr.mustSee("Trả lời ý kiến " + first.Ref)
	dr.key("ctrl+s")
	if _, ok := dr.top().(*listScreen); !ok {
		t.Fatalf("after saving, the top screen is %T, want the list", dr.top())
	}
	fb := getRec[*model.Feedback](t, s, model.KindFeedback, first.ID)
	if fb.Points[0].Status == model.AnswerPending {
		t.Errorf("the answer was not saved: %+v", fb.Points[0])
	}

	dr.keys("4")
	pet := dr.top().(*listScreen).rows[0].Row
	dr.key("x")
	dr.mustBeForm()
	dr.mustSee(pet.Ref)
	dr.key("esc")
	if _, ok := dr.top().(*listScreen); !ok {
		t.Fatalf("after esc, the top screen is %T, want the list", dr.top())
	}
}
