// Package demo fills a database with realistic Vietnamese demo records:
// names with full diacritics, the Front's organisations, residential groups,
// the usual topics, every status, some overdue, over the last three years.
// The same seed gives the same records.
package demo

import (
	"container/heap"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"

	"gopy/model"
	"gopy/store"
)

// Options for Generate.
type Options struct {
	Records int
	Ward    string // ward code to set when the database has none
	Wards   int    // spread records over this many wards (≥ 1)
	Seed    uint64
	Today   model.Date // the "now" the data is built around; zero: today
	// Progress, when set, is called after each batch with records done.
	Progress func(done int)
	// MarkDemo counts the records as demo data (Store.DemoRecords) in
	// each batch's own transaction.
	MarkDemo bool
}

// batch is the unit records are made in: a session's petitions and
// commitments stay in their session's batch, so it shapes the records a
// seed gives, and must not change.
const batch = 5000

// perCommit is the records one transaction writes (a multiple of batch).
// Larger transactions rewrite the index pages their records touch (a
// name lands anywhere in the who index) less often, but hold more in
// memory until the commit, and the collector works harder: at a million
// records 10,000 a transaction took more time (64 s of CPU against 51)
// and memory (289 MB against 263) than 5,000.
const perCommit = batch

// Generate adds opt.Records records. It sets the ward (and a demo officer)
// when none is set yet.
func Generate(s *store.Store, opt Options) (err error) {
	if opt.Records < 0 {
		return fmt.Errorf("demo: negative record count")
	}
	if opt.Wards < 1 {
		opt.Wards = 1
	}
	if opt.Today == 0 {
		opt.Today = s.Today()
	}
	st, err := s.Settings()
	if err != nil {
		return err
	}
	if st.WardCode == "" {
		code := opt.Ward
		if code == "" {
			code = "HB"
		}
		if !model.ValidWardCode(code) {
			return fmt.Errorf("demo: ward code %q: letters, digits, - and _ only", code)
		}
		st.WardCode = code
		st.WardName = "Phường Hòa Bình"
		st.Province = "Thành phố Hà Nội"
		if st.Officer == "" {
			st.Officer = "Trần Thị Thu Hà"
		}
		st.Officers = officers
		st.Agencies = agencies
		st.Groups = groups()
		if err := s.SaveSettings(st, st.Officer); err != nil {
			return err
		}
	}
	wards := []string{st.WardCode}
	for i := 2; i <= opt.Wards; i++ {
		wards = append(wards, fmt.Sprintf("%s-%02d", st.WardCode, i))
	}
	// The ward code enters the seed so two wards' demo data never share IDs.
	// So does the number of records already there: running demo again adds
	// new records instead of failing on the first run's IDs.
	h := fnv.New64a()
	h.Write([]byte(st.WardCode))
	for _, k := range model.Kinds {
		n, err := s.Total(k)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "/%d", n)
	}
	seed := opt.Seed ^ h.Sum64()
	g := &gen{
		r:     rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		today: opt.Today,
		start: opt.Today.AddDays(-3 * 365),
		wards: wards,
		st:    st,
		cal:   model.NewCalendar(st.Holidays),
	}
	g.entropy = ulid.Monotonic(g.r2(), 0)
	// Dates ascend through the run, so index keys are mostly appended.
	// The next batch is made while the store writes this one.
	span := g.start.DaysUntil(opt.Today) + 1
	batches := make(chan []model.Record)
	stop := make(chan struct{})
	go func() {
		defer close(batches)
		var carry []model.Record
		for done := 0; done < opt.Records; {
			recs := make([]model.Record, 0, len(carry)+min(perCommit, opt.Records-done))
			recs = append(recs, carry...)
			for end := done + perCommit; done < opt.Records && done < end; done += batch {
				n := min(batch, opt.Records-done)
				for i := 0; i < n; {
					day := g.start.AddDays(int(int64(done+i) * int64(span) / int64(max(opt.Records, 1))))
					recs = g.later.due(recs, day)
					made := g.record(day, n-i)
					for _, rec := range made {
						// A commitment made in answer to feedback is made
						// when the answer is given: written then.
						if rec.Date() > day {
							g.later.push(rec)
						} else {
							recs = append(recs, rec)
						}
					}
					i += len(made)
				}
			}
			if done >= opt.Records {
				recs = g.later.due(recs, opt.Today)
			}
			recs, carry = dayCut(recs, done < opt.Records)
			g.keepRecent()
			// Checked and normalised here, while the last batch is
			// written; an error is reported by CreateBatch.
			_ = s.PrepareBatch(recs)
			select {
			case batches <- recs:
			case <-stop:
				return
			}
		}
	}()
	defer func() {
		close(stop)
		for range batches {
		}
	}()
	done := 0
	create := s.CreateBatch
	if opt.MarkDemo {
		create = s.CreateDemoBatch
	}
	if heldBack {
		// The who keys and links, which land all over their buckets, are
		// written once at the end, in key order (store.Load).
		load := s.StartLoad()
		defer func() {
			if ferr := load.Finish(); err == nil && ferr != nil {
				err = fmt.Errorf("demo: %w", ferr)
			}
		}()
		create = func(recs []model.Record, by string) error { return load.CreateBatch(recs, by, opt.MarkDemo) }
	}
	for recs := range batches {
		if err := create(recs, st.Officer); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		done += len(recs)
		if opt.Progress != nil {
			opt.Progress(done)
		}
	}
	return nil
}

// heldBack: Generate writes through a store.Load (a variable for the test
// comparing it with batch by batch).
var heldBack = true

// dayCut splits a batch before the records of its last day when more
// follow (carry: written with the next batch). A day's records take
// their ids, and so their keys in the record and list buckets, in no
// order within the day: a day cut between two transactions had the
// second one's keys land among the first one's, on pages the first had
// left full, and each of those split (at a million records, 5.5 days a
// transaction, the file took 1,250 bytes a record instead of 1,190).
// The records made are the same; only where the transactions end moves.
func dayCut(recs []model.Record, more bool) (write, carry []model.Record) {
	if !more || len(recs) == 0 {
		return recs, nil
	}
	last := recs[len(recs)-1].Date()
	j := len(recs)
	for j > 0 && recs[j-1].Date() >= last {
		j--
	}
	if j == 0 {
		return recs, nil // one day fills the batch
	}
	return recs[:j], slices.Clone(recs[j:])
}

type gen struct {
	r       *rand.Rand
	entropy *ulid.MonotonicEntropy
	today   model.Date
	start   model.Date
	wards   []string
	st      model.Settings
	cal     *model.Calendar
	recent  []*model.Petition // see maybeRepeat
	later   later             // records made ahead of their day
}

// later holds the records made ahead of the day they are dated (a
// commitment is made on the day a point is answered), so that records
// are written in the order they were created: IDs (from the creation
// time), dates and references ascend, and index keys are appended to the
// end of their buckets instead of splitting pages already written.
type later []model.Record

func (l *later) push(rec model.Record) { heap.Push(l, rec) }

// due appends to recs the records dated day or before, oldest first.
func (l *later) due(recs []model.Record, day model.Date) []model.Record {
	for len(*l) > 0 && (*l)[0].Date() <= day {
		recs = append(recs, heap.Pop(l).(model.Record))
	}
	return recs
}

func (l later) Len() int { return len(l) }
func (l later) Less(i, j int) bool {
	if di, dj := l[i].Date(), l[j].Date(); di != dj {
		return di < dj
	}
	return l[i].GetMeta().ID < l[j].GetMeta().ID
}
func (l later) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l *later) Push(x any)   { *l = append(*l, x.(model.Record)) }
func (l *later) Pop() any {
	old := *l
	x := old[len(old)-1]
	*l = old[:len(old)-1]
	return x
}

type randReader struct{ r *rand.Rand }

func (rr randReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(rr.r.Uint32())
	}
	return len(p), nil
}

func (g *gen) r2() randReader { return randReader{g.r} }

func (g *gen) pick(l []string) string { return l[g.r.IntN(len(l))] }
func (g *gen) chance(p float64) bool  { return g.r.Float64() < p }

func (g *gen) meta(day model.Date) model.Meta {
	t := day.Time().Add(time.Duration(1+g.r.IntN(9))*time.Hour + time.Duration(g.r.IntN(3600))*time.Second - 7*time.Hour)
	id := ulid.MustNew(ulid.Timestamp(t), g.entropy)
	ward := g.wards[g.r.IntN(len(g.wards))]
	return model.Meta{ID: id.String(), Ward: ward, CreatedAt: t, CreatedBy: g.pick(officers), UpdatedAt: t, UpdatedBy: g.pick(officers)}
}

func (g *gen) person() string {
	for {
		mid := g.pick(middles)
		name := g.pick(surnames) + " " + mid + " " + g.pick(givens)
		// Not even part of a cadre's name ("Vũ Thị Mai" in "Vũ Thị Mai
		// Anh"): a bundle stripped of citizens' names still holds cadres'.
		if !slices.ContainsFunc(cadres, func(c string) bool { return strings.Contains(c, name) }) {
			return name
		}
	}
}

// record makes one record dated day (a session may bring its petitions
// with it, up to room records).
func (g *gen) record(day model.Date, room int) []model.Record {
	switch x := g.r.IntN(100); {
	case x < 30:
		f := g.feedback(day)
		return append([]model.Record{f}, g.feedbackFollow(f, room-1)...)
	case x < 33:
		return []model.Record{g.information(day)}
	case x < 47:
		s := g.session(day)
		out := []model.Record{s}
		for i := g.r.IntN(3); i > 0 && len(out) < room; i-- {
			p := g.petition(day)
			p.Channel, p.SessionID, p.Ward = model.ChannelSession, s.ID, s.Ward
			out = append(out, p)
		}
		return append(out, g.sessionFollow(s, room-len(out))...)
	default:
		return []model.Record{g.petition(day)}
	}
}

func (g *gen) answerDate(from model.Date, within int) (model.Date, bool) {
	d := from.AddDays(1 + g.r.IntN(within))
	return d, d <= g.today
}

func (g *gen) feedback(day model.Date) *model.Feedback {
	f := &model.Feedback{Meta: g.meta(day), GivenOn: day}
	f.SourceKind = model.SourceKinds[g.r.IntN(len(model.SourceKinds))]
	switch f.SourceKind {
	case model.SourceFront:
		f.SourceName = "Ủy ban MTTQ Việt Nam " + g.st.WardName
	case model.SourceOrganisation:
		f.SourceName = g.pick(g.st.Organisations[1:])
	case model.SourceCitizen:
		f.SourceName = "Cử tri " + g.pick(groupNames)
	default:
		f.SourceName = "Ban Thanh tra nhân dân"
	}
	f.Form = model.FeedbackForms[g.r.IntN(len(model.FeedbackForms))]
	f.TargetKind = model.TargetKinds[g.r.IntN(len(model.TargetKinds))]
	switch f.TargetKind {
	case model.TargetParty:
		f.TargetName = "Đảng ủy phường"
	case model.TargetGovernment:
		f.TargetName = g.pick([]string{"UBND phường", "Công an phường", "Trạm Y tế phường"})
	default:
		f.TargetName = "Đồng chí " + g.pick(cadres)
	}
	topic := g.r.IntN(len(g.st.Topics))
	f.Topics = []string{g.st.Topics[topic]}
	f.Subject = g.pick(subjects)
	if g.chance(0.3) {
		f.DraftReceivedOn = day.AddDays(-(3 + g.r.IntN(25)))
		f.CommentDeadline = f.DraftReceivedOn.AddDays(3 + g.r.IntN(20))
		if f.CommentDeadline > day {
			f.CommentDeadline = day
		}
	}
	n := 1 + g.r.IntN(4)
	age := day.DaysUntil(g.today)
	for i := 0; i < n; i++ {
		p := model.Point{Content: g.pick(pointTexts[topic%len(pointTexts)]), Status: model.AnswerPending}
		// Older feedback is mostly answered; recent feedback mostly waits.
		if g.chance(min(0.97, float64(age)/60)) {
			if on, ok := g.answerDate(day, 45); ok {
				p.AnsweredOn = on
				p.AnsweredBy = g.pick(officers)
				switch x := g.r.IntN(10); {
				case x < 6:
					p.Status = model.AnswerAccepted
					if g.chance(0.5) {
						p.Answer = "Tiếp thu, giao bộ phận chuyên môn triển khai thực hiện."
					}
				case x < 8:
					p.Status = model.AnswerPartial
					p.Answer = "Tiếp thu một phần; phần còn lại vượt thẩm quyền, đã báo cáo cấp trên."
				default:
					p.Status = model.AnswerExplained
					p.Answer = "Đã giải trình: nội dung đã được thực hiện theo quy định hiện hành."
				}
			}
		}
		f.Points = append(f.Points, p)
	}
	return f
}

func (g *gen) session(day model.Date) *model.Session {
	s := &model.Session{Meta: g.meta(day), HeldOn: day}
	switch x := g.r.IntN(20); {
	case x < 2:
		s.Type = model.SessionDialogue
	case x < 14:
		s.Type = model.SessionReception
	case x < 17:
		s.Type = model.SessionReceptionAdhoc
	default:
		s.Type = model.SessionConsultation
	}
	switch x := g.r.IntN(10); {
	case x < 4:
		s.HostRole, s.HostName = model.HostPartySecretary, "Bí thư "+leaderSecretary
	case x < 8:
		s.HostRole, s.HostName = model.HostCommitteeChair, "Chủ tịch "+leaderChair
	case x < 9:
		s.HostRole, s.HostName = model.HostFrontChair, "Chủ tịch UB MTTQ "+leaderFront
	default:
		s.HostRole, s.HostName = model.HostOther, "Phó Chủ tịch "+g.pick(cadres)
	}
	s.Location = g.pick([]string{"Hội trường UBND phường", "Trụ sở tiếp công dân phường", "Nhà văn hóa " + g.pick(groupNames)})
	s.OrganisedBy = g.pick([]string{"Văn phòng Đảng ủy", "Văn phòng HĐND-UBND", "Ủy ban MTTQ phường"})
	s.Participants = 5 + g.r.IntN(150)
	s.Topics = []string{g.pick(g.st.Topics)}
	s.Minutes = "Đồng chí chủ trì nghe ý kiến của Nhân dân về " + s.Topics[0] + "; các ý kiến đã được ghi nhận và giao xử lý."
	if s.Type == model.SessionDialogue {
		s.Commitments = "Giải quyết dứt điểm các kiến nghị trong vòng 30 ngày; công khai kết quả tại nhà văn hóa các tổ dân phố."
		s.AnnouncedOn = day.AddDays(-(3 + g.r.IntN(10)))
		if pub := day.AddDays(3 + g.r.IntN(12)); pub <= g.today {
			s.ResultsPublishedOn = pub
		}
	}
	return s
}

func (g *gen) petition(day model.Date) *model.Petition {
	p := &model.Petition{Meta: g.meta(day), ReceivedOn: day}
	p.Channel = []model.Channel{model.ChannelWalkIn, model.ChannelWritten, model.ChannelPhone, model.ChannelOther}[g.r.IntN(4)]
	switch x := g.r.IntN(20); {
	case x < 3:
		p.Classification = model.ClassComplaint
	case x < 4:
		p.Classification = model.ClassDenunciation
	case x < 12:
		p.Classification = model.ClassProposal
	default:
		p.Classification = model.ClassReport
	}
	p.Name = g.person()
	p.Group = g.pick(groupNames)
	p.Address = "Số " + strconv.Itoa(1+g.r.IntN(120)) + " ngõ " + strconv.Itoa(1+g.r.IntN(60)) + " phố " + g.pick(streets)
	if g.chance(0.6) {
		// fmt.Sprintf("0%02d%d%09d", …) as it was, without fmt.
		province, sex, n := 1+g.r.IntN(96), g.r.IntN(4), g.r.IntN(1_000_000_000)
		var b [12]byte
		p.IDNumber = string(model.AppendPadded(model.AppendPadded(model.AppendPadded(append(b[:0], '0'), province, 2), sex, 1), n, 9))
	}
	if g.chance(0.7) {
		var b [10]byte
		p.Phone = string(model.AppendPadded(append(b[:0], "09"...), g.r.IntN(100_000_000), 8))
	}
	p.People = 1
	if g.chance(0.1) {
		p.People = 2 + g.r.IntN(30)
	}
	p.Summary = g.pick(petitionTexts[p.Classification])
	g.maybeRepeat(p)
	p.Status = model.StatusReceived
	p.FillDues(&g.st, g.cal)
	age := day.DaysUntil(g.today)
	if age > 2 && g.chance(0.9) {
		if on, ok := g.answerDate(day, 16); ok {
			p.AcknowledgedOn = on
		}
		switch x := g.r.IntN(20); {
		case x < 2:
			p.Handling = model.HandlingReturned
			p.HandlingAgency = "UBND phường"
			p.HandlingDocNo = strconv.Itoa(1+g.r.IntN(400)) + "/TB-UBND"
			p.Log = append(p.Log, model.LogEntry{On: p.AcknowledgedOn, By: g.pick(officers), Kind: "note", Text: "Hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền."})
		case x < 5:
			p.Handling = model.HandlingTransferred
			p.HandlingAgency = g.pick(agencies)
			p.HandlingDocNo = strconv.Itoa(1+g.r.IntN(400)) + "/PC-UBND"
		default:
			p.Handling = model.HandlingAccepted
			p.AssigneeUnit = g.pick(agencies[:4])
			p.AssigneeOfficer = g.pick(officers)
			p.Status = model.StatusInProgress
		}
		if p.Handling != model.HandlingReturned && g.chance(min(0.95, float64(age)/50)) {
			if on, ok := g.answerDate(day, 40); ok {
				p.Status = model.StatusResolved
				p.ResolvedOn = on
				p.Result = "Đã kiểm tra, xử lý xong; kết quả đã thông báo cho công dân."
				if g.chance(0.85) {
					if rb, ok := g.answerDate(on, 5); ok {
						p.ReportedBackOn = rb
					}
				}
				p.Log = append(p.Log, model.LogEntry{On: on, By: g.pick(officers), Kind: "status", Status: model.StatusResolved, Text: "Đã giải quyết."})
			}
		}
	}
	if p.AcknowledgedOn == 0 {
		p.Handling = ""
	}
	// Accepted the day the notice went out; some complaints and
	// denunciations are complex, and half the complex denunciations are
	// extended once. Their terms start at acceptance.
	if p.Handling == model.HandlingAccepted {
		p.AcceptedOn = p.AcknowledgedOn
		if p.Classification == model.ClassComplaint || p.Classification == model.ClassDenunciation {
			p.Complex = g.chance(0.15)
		}
		if p.Classification == model.ClassDenunciation && p.Complex && g.chance(0.5) {
			p.Extensions = []model.Extension{{On: p.AcceptedOn.AddDays(25), Days: 30,
				DecisionNo: strconv.Itoa(1+g.r.IntN(400)) + "/QĐ-UBND", Reason: "Cần xác minh thêm tại nhiều nơi."}}
		}
		p.FillDues(&g.st, g.cal)
	}
	return p
}

const (
	leaderSecretary = "Nguyễn Văn Thành"
	leaderChair     = "Lê Thị Hồng Nhung"
	leaderFront     = "Phạm Quốc Việt"
)

var (
	// cadres are the ward's leaders; citizens' names come from person(), so
	// a petitioner's name never turns up as a cadre's by construction.
	cadres   = []string{"Hoàng Minh Đức", "Vũ Thị Mai Anh", "Đinh Công Thịnh", "Trịnh Thị Kim Oanh"}
	surnames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Đoàn"}
	middles  = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Thị Thu", "Văn An", "Xuân", "Hoài", "Công", "Bảo"}
	givens   = []string{"An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Vân", "Yến", "Ánh", "Ơn", "Ước"}
	streets  = []string{"Hòa Bình", "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Quang Trung", "Lý Thường Kiệt", "Hai Bà Trưng", "Bạch Đằng"}
	officers = []string{"Trần Thị Thu Hà", "Nguyễn Văn Hùng", "Lê Minh Tuấn", "Phạm Thị Lan", "Đỗ Quang Huy"}
	agencies = []string{"UBND phường", "Công an phường", "Văn phòng HĐND-UBND", "Phòng Kinh tế, Hạ tầng và Đô thị",
		"Phòng Văn hóa - Xã hội", "Sở Nông nghiệp và Môi trường", "Thanh tra tỉnh", "Tòa án nhân dân khu vực"}
	subjects = []string{
		"Dự thảo Nghị quyết Đại hội Đảng bộ phường nhiệm kỳ 2025-2030",
		"Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026",
		"Công tác cải cách thủ tục hành chính tại bộ phận một cửa",
		"Tình hình an ninh trật tự trên địa bàn",
		"Kết quả giám sát việc thực hiện chính sách an sinh xã hội",
		"Dự thảo phương án bồi thường, hỗ trợ giải phóng mặt bằng",
		"Việc tu dưỡng, rèn luyện đạo đức, lối sống của cán bộ, đảng viên",
		"Hội nghị tiếp xúc cử tri trước kỳ họp HĐND",
	}
	pointTexts = [][]string{
		{"Việc cấp giấy chứng nhận quyền sử dụng đất còn chậm, đề nghị rút ngắn thời gian.", "Đề nghị công khai quy hoạch sử dụng đất của phường.", "Đề nghị xử lý dứt điểm việc lấn chiếm đất công tại tổ dân phố."},
		{"Rác thải chưa được thu gom đúng giờ, gây ô nhiễm môi trường.", "Cống thoát nước bị tắc, mưa lớn gây ngập úng cục bộ.", "Đề nghị kiểm tra xưởng sản xuất gây tiếng ồn, khói bụi."},
		{"Đề nghị công khai danh sách hộ nghèo, cận nghèo.", "Chi trả trợ cấp cho người cao tuổi còn chậm.", "Đề nghị hỗ trợ hộ gia đình có hoàn cảnh khó khăn sửa nhà."},
		{"Tuyến đường liên tổ xuống cấp, đề nghị nâng cấp.", "Đèn chiếu sáng công cộng bị hỏng nhiều tháng chưa sửa.", "Đề nghị lắp đặt biển báo giao thông tại ngã ba."},
		{"Tình trạng tụ tập thanh thiếu niên gây mất trật tự ban đêm.", "Đề nghị tăng cường tuần tra tại khu vực chợ.", "Xe tải trọng lớn đi vào khu dân cư gây mất an toàn."},
		{"Cán bộ bộ phận một cửa hướng dẫn chưa rõ ràng, phải đi lại nhiều lần.", "Đề nghị mở rộng dịch vụ công trực tuyến.", "Thời gian chứng thực giấy tờ còn kéo dài."},
		{"Một số cán bộ có thái độ chưa đúng mực khi tiếp dân.", "Đề nghị làm rõ việc cán bộ sử dụng xe công vào việc riêng.", "Đề nghị biểu dương cán bộ tận tụy với dân."},
	}
	// petitionTexts by classification: a summary reads like its kind.
	petitionTexts = map[model.Classification][]string{
		model.ClassComplaint: {
			"Khiếu nại quyết định thu hồi đất, đề nghị xem xét lại mức bồi thường.",
			"Khiếu nại việc xử phạt vi phạm hành chính về trật tự xây dựng.",
			"Khiếu nại việc không được xét duyệt hộ cận nghèo năm nay.",
		},
		model.ClassDenunciation: {
			"Tố cáo cán bộ địa chính có dấu hiệu nhũng nhiễu khi giải quyết hồ sơ.",
			"Tố cáo việc thu tiền trái quy định khi cấp giấy xác nhận.",
		},
		model.ClassProposal: {
			"Kiến nghị sửa chữa đoạn đường bị sụt lún trước nhà văn hóa tổ dân phố.",
			"Kiến nghị lắp camera an ninh tại khu vực ngõ thường xảy ra trộm cắp.",
			"Đề nghị cấp lại giấy chứng nhận quyền sử dụng đất bị mất.",
			"Kiến nghị xem xét lại việc xét duyệt hộ cận nghèo năm nay.",
		},
		model.ClassReport: {
			"Phản ánh việc hộ liền kề xây dựng lấn sang phần đất của gia đình.",
			"Phản ánh tình trạng đổ trộm rác thải xây dựng ra bờ sông.",
			"Phản ánh quán karaoke hoạt động quá giờ, gây tiếng ồn.",
			"Phản ánh việc chậm chi trả tiền hỗ trợ cho người có công.",
			"Phản ánh nước sinh hoạt bị nhiễm bẩn, có mùi lạ.",
		},
	}
)

// groupNames are groups() made once: the generator picks from them for
// every other record.
var groupNames = groups()

func groups() []string {
	out := make([]string, 12)
	for i := range out {
		out[i] = fmt.Sprintf("Tổ dân phố %d", i+1)
	}
	return out
}
