package model

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestProfileNumber(t *testing.T) {
	party, committee := DefaultProfiles()[0], DefaultProfiles()[1]
	for _, c := range []struct {
		p        Profile
		in, want string
	}{
		{party, "12", "12-BC/ĐU"},
		{party, " 12 ", "12-BC/ĐU"},
		{party, "15-BC/ĐU", "15-BC/ĐU"},
		{committee, "7", "7/BC-UBND"},
		{committee, "", "     /BC-UBND"},
		{Profile{NumberPattern: "/BC"}, "3", "3/BC"},
	} {
		if got := c.p.Number(c.in); got != c.want {
			t.Errorf("%s Number(%q) = %q, want %q", c.p.Name, c.in, got, c.want)
		}
	}
}

func TestProfileFilledFromSettings(t *testing.T) {
	st := DefaultSettings()
	for _, c := range []struct {
		ward, province       string
		sender               Sender
		superior, issuer, pl string
	}{
		{"Hòa Bình", "Thành phố Hà Nội", SenderParty, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "ĐẢNG ỦY PHƯỜNG HÒA BÌNH", "Phường Hòa Bình"},
		{"Phường Hòa Bình", "Lào Cai", SenderParty, "ĐẢNG BỘ TỈNH LÀO CAI", "ĐẢNG ỦY PHƯỜNG HÒA BÌNH", "Phường Hòa Bình"},
		{"Xã Tân Lập", "Tỉnh Phú Thọ", SenderCommittee, "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "Xã Tân Lập"},
		{"Hòa Bình", "", SenderFront, "ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "Phường Hòa Bình"},
		{"Hòa Bình", "", SenderParty, "", "ĐẢNG ỦY PHƯỜNG HÒA BÌNH", "Phường Hòa Bình"},
	} {
		st.WardName, st.Province = c.ward, c.province
		p := Profile{Sender: c.sender}.Filled(&st)
		if p.Superior != c.superior || p.Issuer != c.issuer || p.Place != c.pl || p.Subject != DefaultSubject {
			t.Errorf("%s %q/%q: %q %q %q", c.sender, c.ward, c.province, p.Superior, p.Issuer, p.Place)
		}
	}
	// What an officer typed wins over the settings.
	st.WardName = "Hòa Bình"
	p := Profile{Sender: SenderParty, Issuer: "ĐẢNG ỦY KHỐI CƠ QUAN"}.Filled(&st)
	if p.Issuer != "ĐẢNG ỦY KHỐI CƠ QUAN" {
		t.Errorf("typed issuer replaced: %q", p.Issuer)
	}
}

func TestProfileValidate(t *testing.T) {
	for _, p := range DefaultProfiles() {
		if errs := p.Validate(); len(errs) > 0 {
			t.Errorf("default %s invalid: %v", p.Name, errs)
		}
	}
	for _, bad := range []Profile{
		{Name: "", Sender: SenderParty},
		{Name: "x y", Sender: SenderParty},
		{Name: "x", Sender: "bogus"},
		{Name: "x", Sender: SenderFront, NumberPattern: "%d/BC"},
		{Name: "x", Sender: SenderFront, NumberPattern: "%s/%s"},
	} {
		if errs := bad.Validate(); len(errs) == 0 {
			t.Errorf("%+v accepted", bad)
		}
	}
}

// Counts read back from JSON keep their order and values, so a sent
// report's tables come out as they went.
func TestCountsJSONRoundTrip(t *testing.T) {
	c := countsOf(Classifications)
	c.Add("denunciation", 3)
	c.Add("newer_kind", 1)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back Counts
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back, c) {
		t.Fatalf("%v, want %v", back, c)
	}
	if err := json.Unmarshal([]byte(`[1]`), &back); err == nil {
		t.Error("an array read as counts")
	}
}
