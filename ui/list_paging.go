package ui

import (
	"bytes"
	"slices"

	tea "charm.land/bubbletea/v2"

	"gopy/store"
)

// Paging a list: the window of rows, the pages fetched after its last key
// or before its first, and the generations that drop what comes back for
// a query or a window that is no longer shown.

// Messages of a list's own commands.
type (
	pageMsg struct {
		screen int
		wgen   int
		dir    pageDir
		after  []byte // the key the page was asked after (next/prev)
		rows   []store.Entry
		err    error
	}
	countMsg struct {
		screen int
		qgen   int
		n      int
		err    error
	}
)

func (m pageMsg) target() int  { return m.screen }
func (m countMsg) target() int { return m.screen }

type pageDir int

const (
	pageFirst pageDir = iota
	pageLast
	pageNext
	pagePrev
)

// reset starts the window again from the first or the last row; newQuery
// also forgets the count (the filter or the search changed).
func (l *listScreen) reset(dir pageDir, newQuery bool) tea.Cmd {
	l.wgen++
	if newQuery {
		l.qgen++
		l.total = -1
	}
	if l.resetting {
		// One reset at a time: typing fast into the search starts only the
		// latest query once the one running comes back.
		l.queued, l.hasQueued = dir, true
		return nil
	}
	return l.fetch(dir, nil)
}

func (l *listScreen) fetch(dir pageDir, after []byte) tea.Cmd {
	switch dir {
	case pageFirst, pageLast:
		l.resetting = true
	case pageNext:
		l.loadingNext = true
	case pagePrev:
		l.loadingPrev = true
	}
	s, sid, wgen := l.c.store, l.sid, l.wgen
	spec := l.spec
	q := spec.query(l.c.today(), l.query, l.c.settings.Officer)
	reverse := dir == pageLast || dir == pagePrev
	return func() tea.Msg {
		rows, err := s.Page(q, after, pageSize, reverse)
		return pageMsg{screen: sid, wgen: wgen, dir: dir, after: after, rows: rows, err: err}
	}
}

// wantCount starts counting the current query unless a count runs: at a
// million records a count walks the index, and a search typed letter by
// letter must not start one walk per letter.
func (l *listScreen) wantCount() tea.Cmd {
	if l.counting {
		return nil
	}
	l.counting = true
	return l.count()
}

func (l *listScreen) count() tea.Cmd {
	s, sid, qgen, spec := l.c.store, l.sid, l.qgen, l.spec
	q := spec.query(l.c.today(), l.query, l.c.settings.Officer)
	return func() tea.Msg {
		n, err := s.Count(q)
		return countMsg{screen: sid, qgen: qgen, n: n, err: err}
	}
}

func (l *listScreen) onPage(msg pageMsg) tea.Cmd {
	var cmds []tea.Cmd
	switch msg.dir {
	case pageFirst, pageLast:
		l.resetting = false
		if l.hasQueued {
			// A newer query or jump is waiting: this result is stale.
			l.hasQueued = false
			return l.fetch(l.queued, nil)
		}
		if msg.wgen != l.wgen {
			return nil
		}
		l.loaded, l.loadingNext, l.loadingPrev = true, false, false
		l.err = msg.err
		rows := msg.rows
		full := len(rows) == pageSize
		if msg.dir == pageLast {
			slices.Reverse(rows)
			l.rows, l.atEnd, l.atStart = rows, true, !full
			l.cursor = max(len(rows)-1, 0)
			l.first = -1
			if l.atStart {
				l.first = 0
			} else if l.total >= 0 {
				l.first = l.total - len(rows)
			}
		} else {
			l.rows, l.atStart, l.atEnd = rows, true, !full
			l.first = 0
			l.cursor = min(l.cursor, max(len(rows)-1, 0))
		}
		l.scrollToCursor()
		if !full && l.atStart {
			l.total = len(rows)
		} else if l.total < 0 {
			cmds = append(cmds, l.wantCount())
		}
	case pageNext:
		l.loadingNext = false
		if msg.wgen != l.wgen || len(l.rows) == 0 || !bytes.Equal(l.rows[len(l.rows)-1].Key, msg.after) {
			return nil
		}
		if msg.err != nil {
			l.err = msg.err
			return nil
		}
		l.rows = append(l.rows, msg.rows...)
		l.atEnd = len(msg.rows) < pageSize
		if drop := len(l.rows) - maxWindow; drop > 0 {
			l.rows = slices.Clone(l.rows[drop:])
			l.cursor -= drop
			l.offset -= drop
			if l.first >= 0 {
				l.first += drop
			}
			l.atStart = false
		}
	case pagePrev:
		l.loadingPrev = false
		if msg.wgen != l.wgen || len(l.rows) == 0 || !bytes.Equal(l.rows[0].Key, msg.after) {
			return nil
		}
		if msg.err != nil {
			l.err = msg.err
			return nil
		}
		rows := msg.rows
		slices.Reverse(rows)
		l.rows = append(rows, l.rows...)
		l.cursor += len(rows)
		l.offset += len(rows)
		l.atStart = len(rows) < pageSize
		if l.first >= 0 {
			l.first -= len(rows)
		}
		if l.atStart {
			l.first = 0
		}
		if len(l.rows) > maxWindow {
			l.rows = l.rows[:maxWindow:maxWindow]
			l.atEnd = false
		}
	}
	cmds = append(cmds, l.prefetch())
	return tea.Batch(cmds...)
}

// prefetch asks for the next (or previous) page before the cursor gets
// there, so moving and paging never wait for the disk.
func (l *listScreen) prefetch() tea.Cmd {
	if !l.loaded || l.resetting || len(l.rows) == 0 {
		return nil
	}
	var cmds []tea.Cmd
	if !l.atEnd && !l.loadingNext && len(l.rows)-1-l.cursor < prefetch+l.visible() {
		cmds = append(cmds, l.fetch(pageNext, l.rows[len(l.rows)-1].Key))
	}
	if !l.atStart && !l.loadingPrev && l.cursor < prefetch+l.visible() {
		cmds = append(cmds, l.fetch(pagePrev, l.rows[0].Key))
	}
	return tea.Batch(cmds...)
}
