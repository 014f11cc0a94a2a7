package ui

import (
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
