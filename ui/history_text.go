package ui

import (
	"strconv"
	"strings"

	"gopy/model"
	"gopy/ui/i18n"
	"gopy/ui/kit"
)

// fieldLabel names a stored field of a history entry: "status" →
// "Trạng thái", "points.2.status" → "Ý kiến 2 · Trạng thái".
func fieldLabel(l i18n.Lang, field string) string {
	parts := strings.Split(field, ".")
	var out []string
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if p == "state" {
			p = "c_state" // only a commitment stores a state
		}
		if (p == "points" || p == "log" || p == "topics" || p == "progress") && i+1 < len(parts) {
			out = append(out, l.T("field."+p+"_item")+" "+parts[i+1])
			i++
			continue
		}
		if l.Has("field." + p) {
			out = append(out, l.T("field."+p))
		} else {
			out = append(out, db(p))
		}
	}
	return strings.Join(out, " · ")
}

// enumGroups maps a stored field to the catalog group of its values.
var enumGroups = map[string]string{
	"source_kind": "source", "form": "form", "target_kind": "target", "host_role": "host",
	"channel": "channel", "classification": "class", "handling": "handling",
	// follow-through (issue 12)
	"state": "commitment", "assessment": "assess", "category": "infocat", "how": "infohow", "owed_by": "target",
}

// historyValue shows a stored value of a history entry the way the detail
// shows it: translated enums, dd/mm/yyyy dates, inert text.
func historyValue(l i18n.Lang, field, v string) string {
	if v == "" {
		return "—"
	}
	name := field[strings.LastIndexByte(field, '.')+1:]
	switch {
	case name == "status" && strings.HasPrefix(field, "points."):
		return l.Enum("answer", v)
	case name == "status":
		return l.Enum("status", v)
	case name == "kind" && !strings.HasPrefix(field, "log."):
		return l.Enum("session", v)
	case name == "kind":
		return l.Enum("log", v)
	case name == "confidential":
		if v == "true" {
			return l.T("word.yes")
		}
		return l.T("word.no")
	case enumGroups[name] != "":
		return l.Enum(enumGroups[name], v)
	case strings.HasSuffix(name, "_on") || strings.HasSuffix(name, "_due") || name == "comment_deadline" || name == "on" ||
		name == "due" || name == "evidence_date":
		if d, err := model.ParseDate(v); err == nil {
			return d.String()
		}
	}
	return kit.Clip(db(v), 200)
}

// historyLines turns the field changes of one history entry into
// sentences a person reads at a glance: a follow-up log entry, a
// commitment's progress entry or a feedback point added is one sentence (not five "Nhật ký 1 · Người ghi:
// — → …" lines); any other field was set, changed or cleared. hidden
// fields (a confidential identity) show as such.
func historyLines(l i18n.Lang, fields []model.FieldChange, hidden func(field string) bool) []string {
	var out []string
	for i := 0; i < len(fields); {
		// A log entry or a point added: its fields, all new, side by side.
		if group, n, ok := addedItem(fields[i:]); ok {
			out = append(out, addedSentence(l, group, fields[i:i+n]))
			i += n
			continue
		}
		fc := fields[i]
		i++
		label := fieldLabel(l, fc.Field)
		oldV, newV := historyValue(l, fc.Field, fc.Old), historyValue(l, fc.Field, fc.New)
		if hidden(fc.Field) {
			oldV, newV = l.T("word.confidential"), l.T("word.confidential")
		}
		switch {
		case fc.Old == "":
			out = append(out, l.F("history.set", label, newV))
		case fc.New == "":
			out = append(out, l.F("history.cleared", label, oldV))
		default:
			out = append(out, l.F("history.changed", label, oldV, newV))
		}
	}
	return out
}

// addedItem: fields starts with the fields of one log entry or point
// ("log.3.on", "log.3.by", …) that were all empty before: the item was
// added. It returns the group ("log.3") and how many fields it holds.
func addedItem(fields []model.FieldChange) (group string, n int, ok bool) {
	parts := strings.SplitN(fields[0].Field, ".", 3)
	if len(parts) != 3 || parts[0] != "log" && parts[0] != "points" && parts[0] != "progress" {
		return "", 0, false
	}
	group = parts[0] + "." + parts[1] + "."
	for n < len(fields) && strings.HasPrefix(fields[n].Field, group) {
		if fields[n].Old != "" {
			return "", 0, false
		}
		n++
	}
	return strings.TrimSuffix(group, "."), n, true
}

func addedSentence(l i18n.Lang, group string, fields []model.FieldChange) string {
	v := map[string]string{}
	for _, fc := range fields {
		v[fc.Field[len(group)+1:]] = fc.New
	}
	no, _ := strconv.Atoi(group[strings.IndexByte(group, '.')+1:])
	if strings.HasPrefix(group, "points.") {
		return l.F("history.point_added", no, kit.Clip(db(v["content"]), 200))
	}
	var parts []string
	if d, err := model.ParseDate(v["on"]); err == nil {
		parts = append(parts, d.String())
	}
	key := "history.progress_added"
	if strings.HasPrefix(group, "log.") {
		key = "history.log_added"
		kind := l.Enum("log", v["kind"])
		if v["status"] != "" {
			kind += " → " + l.Enum("status", v["status"])
		}
		parts = append(parts, kind)
	}
	if v["by"] != "" {
		parts = append(parts, db(v["by"]))
	}
	s := l.F(key, strings.Join(parts, ", "))
	if t := v["text"]; t != "" {
		s += ": «" + kit.Clip(db(t), 200) + "»"
	}
	return s
}
