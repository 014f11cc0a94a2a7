package model

import "testing"

// Issue 13, item 9: a search for a citizen finds the citizen-facing fields
// and names the one it matched; the officer a petition is assigned to is
// not searched.
func TestSearchFoldFields(t *testing.T) {
	p := &Petition{Name: "Trần Thị Bê", Address: "Số 5 phố Nguyễn Trãi", Phone: "0912000111", IDNumber: "001234567890",
		Group: "Tổ dân phố 3", Summary: "Đề nghị sửa đèn.", AssigneeUnit: "Công an phường", AssigneeOfficer: "Nguyễn Văn Hùng"}
	p.Ref = "KN-2026-0001"
	// Empty fields (no address, phone, ID) keep the layout: folding
	// squeezes the spaces around them.
	sparse := &Petition{Name: "Lò Thị Én", Summary: "Hỏi đất.", AssigneeOfficer: "Nguyễn Văn Hùng"}
	conf := *p
	conf.Confidential = true
	fb := &Feedback{SourceName: "Hội Nông dân", TargetName: "UBND phường", Subject: "Đường làng",
		Topics: []string{"Giao thông"}, Points: []Point{{Content: "Ổ gà"}, {Content: "Thiếu đèn đường"}}}
	fb.Ref = "GY-2026-0001"
	ss := &Session{HostName: "Bí thư Lò Văn Cử", Location: "Nhà văn hóa", OtherLeaders: "Ông Tư", OrganisedBy: "Văn phòng", Topics: []string{"Môi trường"}}
	ss.Ref = "DT-2026-0001"
	for _, c := range []struct {
		rec   Record
		q     string
		field string // "" = no match
	}{
		{p, "nguyen van", ""}, // only the assigned officer
		{p, "cong an", ""},    // only the assigned unit
		{p, "nguyen trai", "address"},
		{p, "tran thi be", "name"},
		{p, "0912", "phone"},
		{p, "to dan pho 3", "group"},
		{p, "sua den", "summary"},
		{p, "kn-2026-0001", "ref"},
		{sparse, "nguyen van", ""},
		{sparse, "hoi dat", "summary"},
		{&conf, "tran thi be", ""}, // identity is not in a confidential row
		{&conf, "sua den", "summary"},
		{&conf, "to dan pho 3", "group"},
		{fb, "thieu den", "points"},
		{fb, "ubnd", "target_name"},
		{fb, "giao thong", "topics"},
		{fb, "gy-2026", "ref"},
		{ss, "ong tu", "other_leaders"},
		{ss, "moi truong", "topics"},
	} {
		r := RowOf(c.rec)
		field, ok := SearchFold(r.Kind, []byte(r.Fold), []byte(Fold(c.q)))
		if ok != (c.field != "") || field != c.field {
			t.Errorf("%s %q: matched %q (%v), want %q", r.Kind, c.q, field, ok, c.field)
		}
	}
	r := RowOf(p)
	if g := FoldField(KindPetition, []byte(r.Fold), "group"); string(g) != Fold("Tổ dân phố 3") {
		t.Errorf("group field %q", g)
	}
}
