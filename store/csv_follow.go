package store

import (
	"encoding/json"
	"slices"
	"time"

	"gopy/model"
)

// The CSV ledger of the follow-through records (issue 12), and the columns
// the issue added to the older kinds, kept here beside each other.

func init() {
	csvColumns[model.KindCommitment] = []string{"id", "ref", "ward", "made_on", "feedback_id", "point_no", "session_id",
		"what", "unit", "officer", "due", "state", "done_on", "dropped_reason", "evidence_doc_no", "evidence_date", "progress",
		"created_at", "created_by", "updated_at", "updated_by"}
	csvColumns[model.KindInformation] = []string{"id", "ref", "ward", "item", "category", "owed_by", "owed_by_name", "owed_to",
		"due_on", "provided_on", "how", "doc_no", "note",
		"created_at", "created_by", "updated_at", "updated_by"}
	csvRequired[model.KindCommitment] = []string{"made_on", "what", "due"}
	csvRequired[model.KindInformation] = []string{"item", "category", "owed_by", "due_on"}
	for k, extra := range map[model.Kind][]string{
		model.KindFeedback: {"draft_sent_by", "point_assessment", "point_assessed_on", "point_assessment_note"},
		model.KindSession:  {"voter_requested"},
		model.KindPetition: {"repeat_of", "repeat_ref", "repeat_no", "repeat_root"},
	} {
		cols := csvColumns[k]
		at := slices.Index(cols, "created_at")
		csvColumns[k] = slices.Insert(slices.Clone(cols), at, extra...)
	}
}

// csvPointExtra are a feedback point's assessment cells.
func csvPointExtra(pm map[string]any, cells map[string]string) {
	cells["point_assessment"] = csvCell(pm["assessment"])
	cells["point_assessed_on"] = csvCell(pm["assessed_on"])
	cells["point_assessment_note"] = csvCell(pm["assessment_note"])
}

// csvFollowPoint reads a point's assessment.
func csvFollowPoint(p *lineParser, pt *model.Point) {
	pt.Assessment = model.Assessment(p.get("point_assessment"))
	pt.AssessedOn = p.date("point_assessed_on")
	pt.AssessmentNote = p.get("point_assessment_note")
}

// csvFollow reads the columns of an older kind's line.
func csvFollow(p *lineParser, rec model.Record) {
	switch v := rec.(type) {
	case *model.Feedback:
		v.DraftSentBy = p.get("draft_sent_by")
	case *model.Session:
		v.VoterRequested = p.bool("voter_requested")
	case *model.Petition:
		v.RepeatOf = p.get("repeat_of")
		v.RepeatRef, v.RepeatNo, v.RepeatRoot = p.get("repeat_ref"), p.int("repeat_no"), p.get("repeat_root")
	}
}

// parseFollowCSV reads a line of a commitments or information ledger.
func parseFollowCSV(kind model.Kind, p *lineParser, now time.Time) model.Record {
	switch kind {
	case model.KindCommitment:
		v := &model.Commitment{}
		p.meta(&v.Meta, now)
		v.MadeOn = p.date("made_on")
		v.FeedbackID, v.SessionID = p.get("feedback_id"), p.get("session_id")
		v.PointNo = p.int("point_no")
		v.What, v.Unit, v.Officer = p.get("what"), p.get("unit"), p.get("officer")
		v.Due = p.date("due")
		v.State = model.CommitmentState(p.get("state"))
		v.DoneOn = p.date("done_on")
		v.DroppedReason = p.get("dropped_reason")
		v.EvidenceDocNo, v.EvidenceDate = p.get("evidence_doc_no"), p.date("evidence_date")
		if l := p.get("progress"); l != "" && p.err == nil {
			if err := json.Unmarshal([]byte(l), &v.Progress); err != nil {
				p.fail("progress", "err.invalid_value")
			}
		}
		return v
	default:
		v := &model.Information{}
		p.meta(&v.Meta, now)
		v.Item = p.get("item")
		v.Category = model.InfoCategory(p.get("category"))
		v.OwedBy = model.TargetKind(p.get("owed_by"))
		v.OwedByName, v.OwedTo = p.get("owed_by_name"), p.get("owed_to")
		v.DueOn, v.ProvidedOn = p.date("due_on"), p.date("provided_on")
		v.How = model.InfoMethod(p.get("how"))
		v.DocNo, v.Note = p.get("doc_no"), p.get("note")
		return v
	}
}
