package store_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// The property: whatever sequence of creates, updates and deletes, Check
// finds nothing wrong, and every query's Count, Page (forward and backward,
// any page size) and Each agree with a brute-force filter over every record.

var (
	propNames = []string{"Nguyễn Văn An", "Nguyễn Văn Bình", "Nguyễn Thị Văn", "Trần Thị Hoa", "Đặng Đức Đạt",
		"Lê Văn Nguyên", "NGUYỄN VĂN AN", "Phạm Quốc Việt", "Võ Thị Ánh", "Hoàng Ước"}
	propTexts = []string{"Tranh chấp đất đai giữa hai hộ liền kề.", "ĐẤT ĐAI bị lấn chiếm tại bờ sông.",
		"Ô nhiễm môi trường do xưởng gỗ.", "Đèn chiếu sáng công cộng bị hỏng.", "Đề nghị công khai quy hoạch sử dụng đất.",
		"Dat dai chua duoc cap giay.", "Xe tải đi vào khu dân cư."}
	propSearches = []string{"nguyen van", "dat dai", "Đất đai", "NGUYỄN", "moi truong", "van an", "kn-2025", "gy-2026-00",
		"đèn", "zzz", "  Nguyễn   Văn  ", "ước", "to dan pho 2", "uoc"}
	propWards  = []string{"HB", "PX"}
	propTodays = []model.Date{day(2024, 6, 1), day(2025, 6, 1), day(2026, 6, 15), day(2026, 12, 31)}
	propStart  = day(2024, 1, 1)
	propSpan   = 900 // days
)

type world struct {
	t   *testing.T
	s   *store.Store
	c   *clock
	r   *rand.Rand
	ids map[model.Kind][]string
}

func (w *world) date() model.Date       { return propStart.AddDays(w.r.IntN(propSpan)) }
func (w *world) pick(l []string) string { return l[w.r.IntN(len(l))] }

func pickEnum[T any](r *rand.Rand, l []T) T { return l[r.IntN(len(l))] }

func (w *world) newRecord() model.Record {
	d := w.date()
	var rec model.Record
	switch x := w.r.IntN(10); {
	case x < 4:
		p := &model.Petition{ReceivedOn: d, Channel: model.ChannelWalkIn,
			Classification: pickEnum(w.r, model.Classifications), Name: w.pick(propNames),
			Group: fmt.Sprintf("Tổ dân phố %d", 1+w.r.IntN(5)), Summary: w.pick(propTexts)}
		if ses := w.ids[model.KindSession]; len(ses) > 0 && w.r.IntN(5) == 0 {
			p.Channel, p.SessionID = model.ChannelSession, ses[w.r.IntN(len(ses))]
		}
		if w.r.IntN(10) == 0 {
			p.Confidential = true
		}
		w.setState(p, pickEnum(w.r, model.PetitionStatuses))
		rec = p
	case x < 7:
		f := &model.Feedback{GivenOn: d, SourceKind: pickEnum(w.r, model.SourceKinds), SourceName: w.pick(propNames),
			Form: pickEnum(w.r, model.FeedbackForms), TargetKind: pickEnum(w.r, model.TargetKinds), Subject: w.pick(propTexts)}
		for i := 1 + w.r.IntN(3); i > 0; i-- {
			f.Points = append(f.Points, model.Point{Content: w.pick(propTexts)})
			if w.r.IntN(2) == 0 {
				w.answer(f, len(f.Points)-1)
			}
		}
		rec = f
	default:
		rec = &model.Session{Type: pickEnum(w.r, model.SessionKinds), HeldOn: d, HostRole: pickEnum(w.r, model.HostRoles),
			HostName: w.pick(propNames), Location: w.pick(propTexts), Participants: w.r.IntN(100)}
	}
	rec.GetMeta().Ward = w.pick(propWards)
	return rec
}

// setState moves a petition to a status the way an officer would.
func (w *world) setState(p *model.Petition, st model.PetitionStatus) {
	p.Handling, p.HandlingAgency, p.AcknowledgedOn, p.ResolvedOn, p.Result = "", "", 0, 0, ""
	p.AcceptedOn = 0
	p.Status = st
	ack := p.ReceivedOn.AddDays(w.r.IntN(20))
	switch st {
	case model.StatusInProgress:
		p.Handling, p.AcknowledgedOn, p.AcceptedOn = model.HandlingAccepted, ack, ack
	case model.StatusResolved:
		p.Handling, p.AcknowledgedOn, p.AcceptedOn = model.HandlingAccepted, ack, ack
		if w.r.IntN(3) == 0 {
			p.Handling, p.HandlingAgency, p.AcceptedOn = model.HandlingTransferred, "Công an phường", 0
		}
		p.ResolvedOn, p.Result = ack.AddDays(w.r.IntN(60)), "Đã giải quyết."
	case model.StatusReturned:
		p.Handling, p.AcknowledgedOn = model.HandlingReturned, ack
	case model.StatusTransferred:
		p.Handling, p.HandlingAgency, p.AcknowledgedOn = model.HandlingTransferred, "Thanh tra tỉnh", ack
	}
}

func (w *world) answer(f *model.Feedback, i int) {
	pt := &f.Points[i]
	pt.Status = pickEnum(w.r, model.AnswerStatuses[1:])
	pt.AnsweredOn = f.GivenOn.AddDays(w.r.IntN(60))
	pt.Answer = "Đã trả lời bằng văn bản."
}

func (w *world) mutate(rec model.Record) {
	switch v := rec.(type) {
	case *model.Petition:
		switch w.r.IntN(5) {
		case 0, 1:
			w.setState(v, pickEnum(w.r, model.PetitionStatuses))
		case 2: // the date was typed wrong: every date moves with it, dues are recomputed
			delta := w.r.IntN(400) - 200
			for _, d := range []*model.Date{&v.ReceivedOn, &v.AcceptedOn, &v.AcknowledgedOn, &v.ResolvedOn, &v.ReportedBackOn} {
				*d = d.AddDays(delta)
			}
			v.AckDue, v.ResolutionDue = 0, 0
		case 3:
			v.Classification = pickEnum(w.r, model.Classifications)
			v.ResolutionDue = 0
		default:
			v.Name, v.Summary = w.pick(propNames), w.pick(propTexts)
			v.Confidential = w.r.IntN(4) == 0
		}
	case *model.Feedback:
		switch w.r.IntN(4) {
		case 0, 1:
			i := w.r.IntN(len(v.Points))
			if v.Points[i].Status == model.AnswerPending {
				w.answer(v, i)
			} else {
				v.Points[i] = model.Point{Content: v.Points[i].Content, Status: model.AnswerPending}
			}
		case 2:
			delta := w.r.IntN(400) - 200
			v.GivenOn = v.GivenOn.AddDays(delta)
			for i := range v.Points {
				v.Points[i].AnsweredOn = v.Points[i].AnsweredOn.AddDays(delta)
			}
			v.ResponseDue = 0
		default:
			v.Points = append(v.Points, model.Point{Content: w.pick(propTexts)})
			v.SourceKind = pickEnum(w.r, model.SourceKinds)
		}
	case *model.Session:
		switch w.r.IntN(3) {
		case 0:
			v.Type = pickEnum(w.r, model.SessionKinds)
		case 1:
			v.HeldOn = v.HeldOn.AddDays(w.r.IntN(400) - 200)
		default:
			v.HostRole, v.HostName = pickEnum(w.r, model.HostRoles), w.pick(propNames)
		}
	}
}

func (w *world) step() {
	w.t.Helper()
	w.c.Add(time.Minute)
	kinds := []model.Kind{}
	for _, k := range model.Kinds {
		if len(w.ids[k]) > 0 {
			kinds = append(kinds, k)
		}
	}
	x := w.r.IntN(10)
	switch {
	case x < 5 || len(kinds) == 0:
		rec := w.newRecord()
		if err := w.s.Create(rec, officer); err != nil {
			w.t.Fatalf("create %+v: %v", rec, err)
		}
		w.ids[rec.Kind()] = append(w.ids[rec.Kind()], rec.GetMeta().ID)
	case x < 9:
		k := kinds[w.r.IntN(len(kinds))]
		id := w.ids[k][w.r.IntN(len(w.ids[k]))]
		rec := mustGet(w.t, w.s, k, id)
		w.mutate(rec)
		if err := w.s.Update(rec, officer); err != nil {
			w.t.Fatalf("update %+v: %v", rec, err)
		}
	default:
		k := kinds[w.r.IntN(len(kinds))]
		i := w.r.IntN(len(w.ids[k]))
		if err := w.s.Delete(k, w.ids[k][i], officer); err != nil {
			w.t.Fatal(err)
		}
		w.ids[k] = slices.Delete(w.ids[k], i, i+1)
	}
}

// expect is the brute-force answer to q: every record read back whole,
// filtered and sorted by hand.
func (w *world) expect(q store.Query) []model.Row {
	var out, rest []model.Row
	openDue := map[string]model.Date{}
	fold := model.Fold(q.Search)
	for _, id := range w.ids[q.Kind] {
		rec := mustGet(w.t, w.s, q.Kind, id)
		row := model.RowOf(rec)
		status := row.Status
		if p, ok := rec.(*model.Petition); ok && q.Status == store.StatusUnaccepted && p.Unaccepted() {
			status = store.StatusUnaccepted
		}
		if q.Status != "" && status != q.Status || q.Sub != "" && row.Sub != q.Sub || q.Ward != "" && rec.GetMeta().Ward != q.Ward {
			continue
		}
		if q.From != 0 && rec.Date() < q.From || q.To != 0 && rec.Date() > q.To {
			continue
		}
		if fold != "" {
			field, ok := model.SearchFold(row.Kind, []byte(row.Fold), []byte(fold))
			if !ok {
				continue
			}
			row.Matched = field
		}
		// The deadline the record can still miss, from the record: a
		// petition's acceptance due until a decision, then its
		// resolution due; a feedback's response due while a point pends.
		var due, stored model.Date
		canBeOverdue, overdue := false, false
		switch v := rec.(type) {
		case *model.Petition:
			var kind model.DueKind
			due, kind = v.OpenDue()
			stored, canBeOverdue, overdue = v.ResolutionDue, kind != "" && due != 0, v.Overdue(q.Today)
		case *model.Feedback:
			due, canBeOverdue, overdue = v.ResponseDue, v.PendingPoints() > 0 && v.ResponseDue != 0, v.Overdue(q.Today)
			stored = v.ResponseDue
			if v.PendingPoints() == 0 {
				stored = 0
			}
		}
		if q.Overdue && !overdue || q.Open && !canBeOverdue {
			continue
		}
		if row.Due != stored {
			w.t.Fatalf("%s: row due %v, record due %v", row.Ref, row.Due, stored)
		}
		row.Fold = ""
		if q.Order == store.DueFirst && !q.Overdue && !q.Open && !canBeOverdue {
			rest = append(rest, row)
			continue
		}
		openDue[row.ID] = due
		out = append(out, row)
	}
	byDate := func(a, b model.Row) int {
		if a.Date != b.Date {
			return int(a.Date - b.Date)
		}
		return strings.Compare(a.ID, b.ID)
	}
	switch {
	case q.Order == store.ByWho:
		// Overdue or not: the filters keep their order.
		slices.SortFunc(out, func(a, b model.Row) int {
			aw, bw := a.Who, b.Who
			if q.Kind == model.KindPetition { // a person: by given name
				aw, bw = model.GivenNameFirst(aw), model.GivenNameFirst(bw)
			}
			if c := model.Compare(aw, bw); c != 0 {
				return c
			}
			return byDate(a, b)
		})
	case q.Order == store.ByRef:
		slices.SortFunc(out, func(a, b model.Row) int {
			if c := strings.Compare(a.Ref, b.Ref); c != 0 {
				return c
			}
			return byDate(a, b)
		})
	case q.Overdue || q.Open || q.Order == store.DueFirst:
		// Overdue lists come most overdue first, whatever the order asked;
		// "due first" puts the rest after them, newest first.
		slices.SortFunc(out, func(a, b model.Row) int {
			if a.ID != b.ID && openDue[a.ID] != openDue[b.ID] {
				return int(openDue[a.ID] - openDue[b.ID])
			}
			return byDate(a, b)
		})
		slices.SortFunc(rest, func(a, b model.Row) int { return byDate(b, a) })
		out = append(out, rest...)
	case q.Order == store.OldestFirst:
		slices.SortFunc(out, byDate)
	default:
		slices.SortFunc(out, func(a, b model.Row) int { return byDate(b, a) })
	}
	return out
}

func (w *world) randomQuery(k model.Kind) store.Query {
	q := store.Query{Kind: k, Order: store.Order(w.r.IntN(5)), Today: propTodays[w.r.IntN(len(propTodays))]}
	if w.r.IntN(3) == 0 {
		switch k {
		case model.KindPetition:
			q.Status = string(pickEnum(w.r, append(model.PetitionStatuses, store.StatusUnaccepted)))
		case model.KindFeedback:
			q.Status = string(pickEnum(w.r, model.FeedbackStates))
		default:
			q.Status = string(pickEnum(w.r, model.SessionKinds))
		}
	}
	if w.r.IntN(5) == 0 {
		switch k {
		case model.KindPetition:
			q.Sub = string(pickEnum(w.r, model.Classifications))
		case model.KindFeedback:
			q.Sub = string(pickEnum(w.r, model.SourceKinds))
		default:
			q.Sub = string(pickEnum(w.r, model.HostRoles))
		}
	}
	if w.r.IntN(4) == 0 {
		q.Ward = w.pick(append(propWards, "ZZ", "H"))
	}
	if w.r.IntN(3) == 0 {
		q.From = w.date()
	}
	if w.r.IntN(3) == 0 {
		q.To = w.date()
	}
	if w.r.IntN(4) == 0 {
		q.Overdue = true
	}
	if w.r.IntN(6) == 0 {
		q.Open = true
	}
	if w.r.IntN(4) == 0 {
		q.Search = w.pick(propSearches)
	}
	return q
}

func fixedQueries(k model.Kind) []store.Query {
	today := day(2026, 6, 15)
	var qs []store.Query
	for _, o := range []store.Order{store.NewestFirst, store.OldestFirst, store.DueFirst, store.ByWho, store.ByRef} {
		qs = append(qs,
			store.Query{Kind: k, Order: o},
			store.Query{Kind: k, Order: o, Overdue: true, Today: today},
			store.Query{Kind: k, Order: o, Search: "nguyen van"},
			store.Query{Kind: k, Order: o, Search: "dat dai"},
			store.Query{Kind: k, Order: o, Ward: "PX", From: day(2025, 1, 1), To: day(2025, 12, 31)},
			store.Query{Kind: k, Order: o, Status: "in_progress", Overdue: true, Today: today},
			store.Query{Kind: k, Order: o, Status: "pending", Ward: "HB", Search: "dat"},
			store.Query{Kind: k, Order: o, Open: true},
			store.Query{Kind: k, Order: o, Status: store.StatusUnaccepted, Overdue: true, Today: today},
		)
	}
	return qs
}

func ids(rows []model.Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Ref + "/" + r.Date.ISO() + "/" + r.Due.ISO()
	}
	return out
}

func (w *world) verify(q store.Query) {
	w.t.Helper()
	want := w.expect(q)
	n, err := w.s.Count(q)
	if err != nil {
		w.t.Fatalf("count %+v: %v", q, err)
	}
	if n != len(want) {
		w.t.Fatalf("count %+v = %d, brute force %d", q, n, len(want))
	}
	size := []int{1, 3, 7, 30}[w.r.IntN(4)]
	for _, reverse := range []bool{false, true} {
		var got []model.Row
		var after []byte
		for pages := 0; ; pages++ {
			if pages > len(want)+2 {
				w.t.Fatalf("paging %+v (reverse %v) does not end", q, reverse)
			}
			page, err := w.s.Page(q, after, size, reverse)
			if err != nil {
				w.t.Fatalf("page %+v: %v", q, err)
			}
			for _, e := range page {
				got = append(got, e.Row)
			}
			if len(page) < size {
				break
			}
			after = page[len(page)-1].Key
		}
		exp := want
		if reverse {
			exp = slices.Clone(want)
			slices.Reverse(exp)
		}
		if !reflect.DeepEqual(ids(got), ids(exp)) {
			w.t.Fatalf("page %+v size %d reverse %v:\n got %v\nwant %v", q, size, reverse, ids(got), ids(exp))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], exp[i]) {
				w.t.Fatalf("page %+v: row\n%+v\nwant\n%+v", q, got[i], exp[i])
			}
		}
	}
	var each []model.Row
	if err := w.s.Each(q, func(r *model.Row) error { each = append(each, *r); return nil }); err != nil {
		w.t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(each), ids(want)) {
		w.t.Fatalf("each %+v:\n got %v\nwant %v", q, ids(each), ids(want))
	}
}

func TestIndexesProperty(t *testing.T) {
	s, _, c := openTest(t)
	w := &world{t: t, s: s, c: c, r: rand.New(rand.NewPCG(20260615, 1)), ids: map[model.Kind][]string{}}
	const ops, batch = 400, 50
	for done := 0; done < ops; done += batch {
		for i := 0; i < batch; i++ {
			w.step()
		}
		mustClean(t, s)
		for _, k := range model.Kinds {
			if n := total(t, s, k); n != len(w.ids[k]) {
				t.Fatalf("%s: total %d, live %d", k, n, len(w.ids[k]))
			}
			for _, q := range fixedQueries(k) {
				w.verify(q)
			}
			for i := 0; i < 25; i++ {
				w.verify(w.randomQuery(k))
			}
		}
	}
	for _, k := range model.Kinds {
		t.Logf("%s: %d live records", k, len(w.ids[k]))
	}
}

// The search examples of the SPEC, on known data.
func TestSearchFolding(t *testing.T) {
	s, _, _ := openTest(t)
	mk := func(name, summary string, conf bool) {
		p := petition(day(2026, 5, 1), model.ClassReport)
		p.Name, p.Summary, p.Confidential = name, summary, conf
		mustCreate(t, s, p)
	}
	mk("Nguyễn Văn An", "Hỏi về thủ tục hành chính.", false)
	mk("NGUYỄN VĂN BÌNH", "Tranh chấp đất đai.", false)
	mk("Trần Thị Hoa", "ĐẤT ĐAI bị lấn chiếm.", false)
	mk("Nguyễn Văn Cường", "Tố giác ẩn danh.", true) // identity is not searchable
	mk("Đặng Đức Đạt", "Đèn đường hỏng.", false)
	for _, tc := range []struct {
		q    string
		want int
	}{
		{"nguyen van", 2}, {"nguyen van an", 1}, {"Nguyễn Văn", 2}, {"dat dai", 2}, {"đất đai", 2},
		{"DAT   DAI", 2}, {"dang duc dat", 1}, {"den duong", 1}, {"cuong", 0}, {"an danh", 1},
		{"kn-2026-0001", 1}, {"thu tuc hanh chinh", 1}, {"xyz", 0}, {"", 5},
	} {
		n, err := s.Count(store.Query{Kind: model.KindPetition, Search: tc.q})
		if err != nil || n != tc.want {
			t.Errorf("search %q: %d, %v; want %d", tc.q, n, err, tc.want)
		}
	}
}

// Overdue by the SPEC's definition as the deadlines issue amends it: open
// past the deadline it can miss — the acceptance due while no decision is
// taken, else the resolution due; feedback with a point still pending past
// its response due.
func TestOverdueCounts(t *testing.T) {
	s, _, _ := openTest(t)
	today := day(2026, 6, 15)
	mk := func(received model.Date, st model.PetitionStatus) *model.Petition {
		p := petition(received, model.ClassReport)
		p.Status = st
		switch st {
		case model.StatusInProgress:
			p.Handling, p.AcknowledgedOn = model.HandlingAccepted, received
		case model.StatusResolved:
			p.Handling, p.AcknowledgedOn, p.ResolvedOn = model.HandlingAccepted, received, received.AddDays(40)
		case model.StatusReturned:
			p.Handling, p.AcknowledgedOn = model.HandlingReturned, received
		case model.StatusTransferred:
			p.Handling, p.HandlingAgency, p.AcknowledgedOn = model.HandlingTransferred, "Thanh tra tỉnh", received
		}
		mustCreate(t, s, p)
		return p
	}
	// Fri 01/05/2026: 10 working days (04–08/05, 11–15/05): ack due
	// 15/05; 30 days: Sun 31/05 → resolution due Mon 01/06.
	mk(day(2026, 5, 1), model.StatusReceived)    // no decision by 15/05: overdue, unaccepted
	mk(day(2026, 5, 1), model.StatusInProgress)  // past 01/06: overdue
	mk(day(2026, 5, 1), model.StatusTransferred) // past 01/06, still open: overdue
	mk(day(2026, 5, 1), model.StatusResolved)    // closed
	mk(day(2026, 5, 1), model.StatusReturned)    // closed
	// Sat 16/05: ack due Fri 29/05 (18–22, 25–29/05): no decision, overdue.
	mk(day(2026, 5, 16), model.StatusReceived)
	// Wed 10/06: ack due Wed 24/06 (11–12, 15–19, 22–24/06): not yet.
	mk(day(2026, 6, 10), model.StatusReceived)
	q := store.Query{Kind: model.KindPetition, Overdue: true, Today: today}
	if n, _ := s.Count(q); n != 4 {
		t.Errorf("overdue petitions %d, want 4", n)
	}
	uq := store.Query{Kind: model.KindPetition, Status: store.StatusUnaccepted, Overdue: true, Today: today}
	if n, _ := s.Count(uq); n != 2 {
		t.Errorf("overdue unaccepted petitions %d, want 2", n)
	}
	if n, _ := s.Count(store.Query{Kind: model.KindPetition, Status: store.StatusUnaccepted}); n != 3 {
		t.Errorf("unaccepted petitions %d, want 3", n)
	}
	q.Today = day(2026, 6, 25)
	if n, _ := s.Count(q); n != 5 {
		t.Errorf("overdue petitions on 25/06 %d, want 5", n)
	}

	answered := feedback(day(2026, 5, 1), "Một.")
	answered.Points[0].Status, answered.Points[0].AnsweredOn = model.AnswerAccepted, day(2026, 5, 5)
	mustCreate(t, s, answered)
	mustCreate(t, s, feedback(day(2026, 5, 1), "Một.", "Hai.")) // due 31/05, pending: overdue
	mustCreate(t, s, feedback(day(2026, 6, 1), "Một."))         // due 01/07
	fq := store.Query{Kind: model.KindFeedback, Overdue: true, Today: today}
	if n, _ := s.Count(fq); n != 1 {
		t.Errorf("overdue feedback %d, want 1", n)
	}
}

// Page returns "up to n" entries: none for n ≤ 0 (a list squeezed to no
// visible rows), never a panic.
func TestPageSizeZero(t *testing.T) {
	s, _, _ := openTest(t)
	mustCreate(t, s, petition(day(2026, 6, 1), model.ClassReport))
	for _, n := range []int{0, -1} {
		rows, err := s.Page(store.Query{Kind: model.KindPetition}, nil, n, false)
		if err != nil || len(rows) != 0 {
			t.Errorf("Page(n=%d): %d rows, %v", n, len(rows), err)
		}
	}
}
