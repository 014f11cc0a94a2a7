package entry

import (
	"strings"
	"testing"
)

// Issue 13, item 1: the receipt date shows today; the first digit typed
// replaces it (it was refused at the end of a full field).
func TestTypingIntoPrefilledDateReplacesIt(t *testing.T) {
	s, _ := openStore(t)
	f := NewPetition(testCtx(t, s))
	fd := f.byKey("received_on")
	if fd.value() != today.String() {
		t.Fatalf("received_on starts as %q, want today %q", fd.value(), today.String())
	}
	focusOn(t, f, "received_on")
	typeText(f, "02/03/2026")
	if got := fd.value(); got != "02/03/2026" {
		t.Errorf("after typing 02/03/2026 the date is %q", got)
	}
	// Once typing has begun, digits add to it: backspace and retype the year.
	press(f, "backspace")
	typeText(f, "5")
	if got := fd.value(); got != "02/03/2025" {
		t.Errorf("after backspace and 5 the date is %q, want 02/03/2025", got)
	}
	// Leaving and coming back: the value is fresh again.
	press(f, "tab")
	focusOn(t, f, "received_on")
	typeText(f, "01/03/2026")
	if got := fd.value(); got != "01/03/2026" {
		t.Errorf("coming back and typing gives %q", got)
	}
}

// Issue 13, item 4: a long text, once left, shows its beginning.
func TestLeftFieldShowsItsBeginning(t *testing.T) {
	s, _ := openStore(t)
	f := NewPetition(testCtx(t, s))
	f.Resize(80, 24) // as the root does on opening
	focusOn(t, f, "name")
	typeText(f, "Bắt đầu tên rất dài "+strings.Repeat("x", 90)+" KẾT THÚC")
	mustContain(t, f, "KẾT THÚC") // while typing, the end is in sight
	press(f, "tab")
	v := view(f)
	if !strings.Contains(v, "Bắt đầu tên") {
		t.Errorf("the field left does not show its beginning:\n%s", v)
	}
	if strings.Contains(v, "KẾT THÚC") {
		t.Errorf("the field left still shows its end:\n%s", v)
	}
}

// Issue 13, item 5: "Quá dài" says the limit, and the limit counts
// letters: 300 Vietnamese letters (600 bytes) are not too long.
func TestTooLongSaysTheLimit(t *testing.T) {
	s, _ := openStore(t)
	f := NewFeedback(testCtx(t, s))
	focusOn(t, f, "subject")
	typeText(f, strings.Repeat("ư", 300))
	press(f, "tab")
	if v := view(f); strings.Contains(v, "Quá dài") {
		t.Errorf("300 letters are called too long:\n%s", v)
	}
	focusOn(t, f, "topics")
	typeText(f, strings.Repeat("a", 501))
	press(f, "tab")
	mustContain(t, f, "Quá dài: tối đa 500 ký tự")
}
