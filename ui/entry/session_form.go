package entry

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

// NewSession is the form for a new session and the matters raised at it:
// each matter becomes a petition linked to the session, created in the
// same transaction as the session.
func NewSession(ctx Context) *Form {
	sp := sessionWithMatters{newSessionSpec(&ctx, nil)}
	return newForm(ctx, "session", "", ctx.Lang.T("entry.title.new_session"), sp).ready()
}

// EditSession is the form for a stored session. Matters raised are added
// from the session's detail (AddMatters); its petitions are edited on their
// own.
func EditSession(ctx Context, s *model.Session) *Form {
	sp := newSessionSpec(&ctx, copySession(s))
	return recordForm(ctx, "session", s, ctx.Lang.F("entry.title.edit", s.Ref), sp)
}

// AddMatters records matters raised at a stored session: each becomes a
// petition linked to it, received on the session's date.
func AddMatters(ctx Context, s *model.Session) *Form {
	sp := &mattersSpec{ctx: &ctx, sess: copySession(s)}
	sp.m = newMatters(&ctx, 1)
	info := newField(kInfo, "session", sp.m.b.label("session"))
	info.info = s.Ref + " · " + s.HeldOn.String() + " · " + ctx.Lang.Enum("session", string(s.Type))
	sp.info = info
	return recordForm(ctx, "matters", s, ctx.Lang.F("entry.title.matters", s.Ref), sp)
}

type sessionSpec struct {
	ctx  *Context
	b    fieldSet
	orig *model.Session

	kind, heldOn, location, hostRole, hostName, otherLeaders, organisedBy *field
	participants, topics, announcedOn, publishedOn, minutes, commitments  *field
	voterRequested                                                        *field
	m                                                                     *matters // nil when editing
	head                                                                  []*field
}

func newSessionSpec(ctx *Context, orig *model.Session) *sessionSpec {
	b := fieldSet{ctx.Lang}
	st := &ctx.Settings
	s := &sessionSpec{ctx: ctx, b: b, orig: orig}
	s.kind = b.choice("kind", "session", model.Strings(model.SessionKinds))
	s.kind.section = b.l.T("entry.section.session")
	s.heldOn = b.date("held_on")
	s.heldOn.required = true
	s.location = b.make(kLine, "location")
	s.hostRole = b.choice("host_role", "host", model.Strings(model.HostRoles))
	s.hostName = b.pick("host_name", st.Officers)
	s.hostName.required = true
	s.otherLeaders = b.make(kLine, "other_leaders")
	s.organisedBy = b.pick("organised_by", st.Organisations, st.Agencies)
	s.participants = b.make(kNumber, "participants")
	s.topics = b.tags("topics", st.Topics)
	dialogue := func() bool { return s.kind.value() == string(model.SessionDialogue) }
	s.announcedOn = b.date("announced_on")
	s.announcedOn.visible = dialogue
	s.announcedOn.note = s.announceNote
	s.publishedOn = b.date("results_published_on")
	s.publishedOn.visible = dialogue
	s.publishedOn.note = s.publishNote
	s.voterRequested = b.make(kCheck, "voter_requested")
	s.voterRequested.visible = dialogue
	s.voterRequested.note = func() string { return b.l.T("entry.note.voter_requested") }
	s.minutes = b.text("minutes")
	s.commitments = b.text("commitments")
	s.head = []*field{s.kind, s.heldOn, s.location, s.hostRole, s.hostName, s.otherLeaders, s.organisedBy,
		s.participants, s.topics, s.announcedOn, s.publishedOn, s.voterRequested, s.minutes, s.commitments}
	if orig == nil {
		s.heldOn.setValue(ctx.today().String())
		s.m = newMatters(ctx, 0)
		return s
	}
	s.kind.setValue(string(orig.Type))
	s.heldOn.setValue(orig.HeldOn.String())
	s.location.setValue(orig.Location)
	s.hostRole.setValue(string(orig.HostRole))
	s.hostName.setValue(orig.HostName)
	s.otherLeaders.setValue(orig.OtherLeaders)
	s.organisedBy.setValue(orig.OrganisedBy)
	s.participants.setValue(numText(orig.Participants))
	s.topics.setValue(strings.Join(orig.Topics, ", "))
	s.announcedOn.setValue(orig.AnnouncedOn.String())
	s.publishedOn.setValue(orig.ResultsPublishedOn.String())
	s.voterRequested.setValue(boolText(orig.VoterRequested))
	s.minutes.setValue(orig.Minutes)
	s.commitments.setValue(orig.Commitments)
	return s
}

func (s *sessionSpec) fields() []*field {
	if s.m == nil {
		return s.head
	}
	return append(append([]*field{}, s.head...), s.m.fields()...)
}

// announceNote: a dialogue conference is announced at least N days before.
func (s *sessionSpec) announceNote() string {
	n := s.ctx.Settings.Deadlines.AnnounceDaysBefore
	return s.heldNote(-n, n, s.announcedOn, "entry.note.announced_late", "entry.note.announce_by")
}

// publishNote: its results are published within N days after.
func (s *sessionSpec) publishNote() string {
	n := s.ctx.Settings.Deadlines.PublishDaysAfter
	return s.heldNote(n, n, s.publishedOn, "entry.note.published_late", "entry.note.publish_by")
}

// heldNote says by when (the day held, shifted by shift days) the date in on
// is due, or that it came late; nothing before the day held is known.
func (s *sessionSpec) heldNote(shift, n int, on *field, lateKey, byKey string) string {
	var r reader
	held := r.date(s.heldOn)
	if held == 0 {
		return ""
	}
	by := held.AddDays(shift)
	if d := r.date(on); d != 0 && d > by {
		return s.ctx.Lang.F(lateKey, n, by.String())
	}
	return s.ctx.Lang.F(byKey, n, by.String())
}

func (s *sessionSpec) changed(*field) {}

func (s *sessionSpec) build() (*model.Session, model.FieldErrors) {
	var r reader
	ss := &model.Session{}
	if s.orig != nil {
		ss = copySession(s.orig)
	}
	ss.Type = model.SessionKind(s.kind.value())
	ss.HeldOn = r.date(s.heldOn)
	ss.Location = line(s.location)
	ss.HostRole = model.HostRole(s.hostRole.value())
	ss.HostName = line(s.hostName)
	ss.OtherLeaders = line(s.otherLeaders)
	ss.OrganisedBy = line(s.organisedBy)
	ss.Participants = r.number(s.participants, 0)
	ss.Topics = tagList(s.topics)
	ss.AnnouncedOn, ss.ResultsPublishedOn = 0, 0
	if ss.Type == model.SessionDialogue {
		ss.AnnouncedOn = r.date(s.announcedOn)
		ss.ResultsPublishedOn = r.date(s.publishedOn)
	}
	ss.VoterRequested = ss.Type == model.SessionDialogue && s.voterRequested.isChecked()
	ss.Minutes = text(s.minutes)
	ss.Commitments = text(s.commitments)
	ss.Normalize()
	return ss, r.errs
}

func (s *sessionSpec) check() model.FieldErrors {
	ss, errs := s.build()
	errs = append(errs, ss.Validate()...)
	if s.m != nil {
		errs = append(errs, s.m.check(ss.HeldOn)...)
	}
	return errs
}

func (s *sessionSpec) save() saveOp {
	ss, _ := s.build()
	by := s.ctx.by()
	if s.orig != nil {
		return saveRecord(ss, by, true)
	}
	ps := s.m.petitions(ss.HeldOn)
	return func(st *store.Store) (tea.Msg, error) {
		// The session's ID is set here so its petitions can name it and
		// all are written in one transaction: all or none.
		ss.ID = model.NewID(time.Now())
		recs := []model.Record{ss}
		for _, p := range ps {
			p.SessionID = ss.ID
			recs = append(recs, p)
		}
		if err := st.CreateBatch(recs, by); err != nil {
			return nil, err
		}
		return SavedMsg{Kind: model.KindSession, ID: ss.ID, Ref: ss.Ref, Created: true}, nil
	}
}

// sessionWithMatters is a new session's spec: the session and the matters
// raised at it (ctrl+n adds one).
type sessionWithMatters struct{ *sessionSpec }

func (s sessionWithMatters) add() *field                { return s.m.add() }
func (s sessionWithMatters) itemOf(f *field) int        { return s.m.itemOf(f) }
func (s sessionWithMatters) itemEmpty(item int) bool    { return s.m.itemEmpty(item) }
func (s sessionWithMatters) remove(item int) string     { return s.m.remove(item) }
func (s sessionWithMatters) groups() map[string]int     { return map[string]int{"matters": len(s.m.items)} }
func (s sessionWithMatters) setGroups(g map[string]int) { s.m.resize(g["matters"]) }

// --- matters raised -----------------------------------------------------------

// matters is the repeated group of matters raised at a session: who raised
// it, their residential group, its classification and its summary.
type matters struct {
	ctx    *Context
	b      fieldSet
	items  []*matterFields
	addBtn *field
}

// matterFields are one matter raised at a session: the citizen who raised
// it — with the address, ID number and phone the reception register (Mẫu
// số 03) records — its classification and content.
type matterFields struct{ name, group, address, idNumber, phone, class, summary *field }

func newMatters(ctx *Context, n int) *matters {
	m := &matters{ctx: ctx, b: fieldSet{ctx.Lang}}
	m.addBtn = newField(kButton, "add_matter", m.b.l.T("entry.button.add_matter"))
	m.addBtn.section = m.b.l.T("entry.section.matters")
	m.resize(n)
	return m
}

func (m *matters) resize(n int) {
	for len(m.items) < n {
		m.newItem()
	}
	if n < len(m.items) {
		m.items = m.items[:n]
	}
	m.number()
}

func (m *matters) newItem() *matterFields {
	b := m.b
	it := &matterFields{}
	it.name = b.make(kLine, "")
	it.name.label = b.label("petitioner")
	it.name.required = true
	it.group = b.pick("", m.ctx.Settings.Groups)
	it.group.label = b.label("group")
	it.address = b.make(kLine, "")
	it.address.label = b.label("address")
	it.idNumber = b.make(kLine, "")
	it.idNumber.label = b.label("id_number")
	it.idNumber.in.CharLimit = 20
	it.phone = b.make(kLine, "")
	it.phone.label = b.label("phone")
	it.phone.in.CharLimit = 20
	it.class = b.choice("", "class", model.Strings(model.Classifications))
	it.class.label = b.label("classification")
	it.class.setValue(string(model.ClassProposal))
	it.summary = b.text("")
	it.summary.label = b.label("summary")
	it.summary.required = true
	m.items = append(m.items, it)
	return it
}

// number keys the fields "matters.N.field" and heads each matter.
func (m *matters) number() {
	for i, it := range m.items {
		n := strconv.Itoa(i + 1)
		it.name.section = m.b.l.F("entry.section.matter", i+1)
		it.name.key = "matters." + n + ".name"
		it.group.key = "matters." + n + ".group"
		it.address.key = "matters." + n + ".address"
		it.idNumber.key = "matters." + n + ".id_number"
		it.phone.key = "matters." + n + ".phone"
		it.class.key = "matters." + n + ".classification"
		it.summary.key = "matters." + n + ".summary"
	}
	if len(m.items) > 0 {
		m.addBtn.section = ""
		m.items[0].name.section = m.b.l.T("entry.section.matters") + " · " + m.b.l.F("entry.section.matter", 1)
	} else {
		m.addBtn.section = m.b.l.T("entry.section.matters")
	}
}

func (m *matters) fields() []*field {
	var out []*field
	for _, it := range m.items {
		out = append(out, it.name, it.group, it.address, it.idNumber, it.phone, it.class, it.summary)
	}
	return append(out, m.addBtn)
}

func (m *matters) add() *field {
	it := m.newItem()
	m.number()
	return it.name
}

func (m *matters) itemOf(f *field) int {
	for i, it := range m.items {
		if f == it.name || f == it.group || f == it.address || f == it.idNumber || f == it.phone || f == it.class || f == it.summary {
			return i + 1
		}
	}
	return 0
}

func (m *matters) blank(it *matterFields) bool {
	for _, f := range []*field{it.name, it.summary, it.group, it.address, it.idNumber, it.phone} {
		if strings.TrimSpace(f.value()) != "" {
			return false
		}
	}
	return true
}

func (m *matters) itemEmpty(item int) bool { return m.blank(m.items[item-1]) }

func (m *matters) remove(item int) string {
	m.items = append(m.items[:item-1], m.items[item:]...)
	m.number()
	return ""
}

// petitions are the matters as petitions raised at a session held on
// heldOn; a matter left blank is skipped.
func (m *matters) petitions(heldOn model.Date) []*model.Petition {
	var out []*model.Petition
	for _, it := range m.items {
		if m.blank(it) {
			continue
		}
		out = append(out, it.petition(heldOn, ""))
	}
	return out
}

// petition is the matter as the petition it becomes, raised at a session
// held on heldOn.
func (it *matterFields) petition(heldOn model.Date, sessionID string) *model.Petition {
	p := &model.Petition{ReceivedOn: heldOn, Channel: model.ChannelSession, SessionID: sessionID,
		Classification: model.Classification(it.class.value()),
		Name:           line(it.name), Group: line(it.group), Address: line(it.address),
		IDNumber: line(it.idNumber), Phone: line(it.phone), Summary: text(it.summary), People: 1}
	p.Normalize()
	return p
}

// check validates each matter as the petition it becomes; only its own
// fields' errors are reported (the session's date is checked above).
func (m *matters) check(heldOn model.Date) model.FieldErrors {
	var errs model.FieldErrors
	for i, it := range m.items {
		if m.blank(it) {
			continue
		}
		p := it.petition(heldOn, "-")
		n := "matters." + strconv.Itoa(i+1) + "."
		for _, fe := range p.Validate() {
			switch fe.Field {
			case "name", "group", "address", "id_number", "phone", "classification", "summary":
				errs.Add(n+fe.Field, fe.Key)
			}
		}
	}
	return errs
}

// mattersSpec is AddMatters: the matters group under a line naming the
// session.
type mattersSpec struct {
	ctx  *Context
	sess *model.Session
	info *field
	m    *matters
}

func (s *mattersSpec) fields() []*field {
	return append([]*field{s.info}, s.m.fields()...)
}

func (s *mattersSpec) changed(*field) {}

func (s *mattersSpec) check() model.FieldErrors {
	errs := s.m.check(s.sess.HeldOn)
	if len(s.m.petitions(s.sess.HeldOn)) == 0 {
		errs.Add("matters.1.name", "err.required")
	}
	return errs
}

func (s *mattersSpec) save() saveOp {
	ps := s.m.petitions(s.sess.HeldOn)
	id, ref, by := s.sess.ID, s.sess.Ref, s.ctx.by()
	return func(st *store.Store) (tea.Msg, error) {
		recs := make([]model.Record, len(ps))
		for i, p := range ps {
			p.SessionID = id
			recs[i] = p
		}
		if err := st.CreateBatch(recs, by); err != nil {
			return nil, err
		}
		return SavedMsg{Kind: model.KindSession, ID: id, Ref: ref}, nil
	}
}

func (s *mattersSpec) add() *field                { return s.m.add() }
func (s *mattersSpec) itemOf(f *field) int        { return s.m.itemOf(f) }
func (s *mattersSpec) itemEmpty(item int) bool    { return s.m.itemEmpty(item) }
func (s *mattersSpec) groups() map[string]int     { return map[string]int{"matters": len(s.m.items)} }
func (s *mattersSpec) setGroups(g map[string]int) { s.m.resize(max(g["matters"], 1)) }
func (s *mattersSpec) remove(item int) string {
	if len(s.m.items) == 1 {
		return "entry.notice.last_matter"
	}
	return s.m.remove(item)
}
