package store

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"gopy/model"
	"gopy/store/dictflate"
)

// A record is stored as its JSON deflated with a preset dictionary
// (schema 5): a record's JSON was 0.9 KB of the 2.4 KB a record cost at a
// million records, and the field names, enum values and administrative
// words it repeats are what deflate finds in the dictionary. The stored
// value is recPacked ‖ deflate(JSON); a value that starts with '{' is JSON
// as schema 4 stored it (read still, never written). The bytes unpacked
// are exactly the JSON packed: a bundle's record keeps its bytes.
const (
	recPacked = 0x01
	// recNoID: packed without the leading "id" field, which the key gives.
	recNoID = 0x02
)

// recDict is part of the stored format: changing it makes every packed
// record unreadable. A new dictionary needs a new first byte.
//
// It holds only the schema's own vocabulary: the JSON field names of each
// kind in the order encoding/json writes them, the stored enum values, the
// words every ward's administrative text uses (the places, the bodies, the
// kinds of petition, the fields petitions are about), and the commonest
// Vietnamese family and middle names (every record names its officers).
// No sentence of the demo's.
// Deflate finds matches best near the dictionary's end, so the most
// common kind (petitions) comes last.
var recDict = []byte(`Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Văn Thị Hữu Đức Minh Quang Thanh ` +
	`phường xã thị trấn tổ dân phố khu phố thôn ấp số ngõ ngách hẻm đường phố quận huyện tỉnh thành phố ` +
	`Ủy ban nhân dân UBND Hội đồng nhân dân HĐND Mặt trận Tổ quốc MTTQ Đảng ủy Công an Phòng Văn phòng Ban ` +
	`cán bộ công dân người dân đề nghị kiến nghị phản ánh khiếu nại tố cáo giải quyết xử lý thực hiện ` +
	`đất đai xây dựng trật tự an ninh môi trường giao thông vệ sinh hạ tầng chính sách an sinh xã hội thủ tục hành chính ` +
	`y tế giáo dục văn hóa quy định hướng dẫn thông báo kết quả tiếp nhận chuyển ` +
	`"pending","accepted","partial","explained","satisfied","not_satisfied","partly","answered",` +
	`"front","organisation","citizen","other","conference","written","direct","supervision","inspection_board","dialogue",` +
	`"party","government","individual","reception","reception_adhoc","consultation","party_secretary","committee_chair","front_chair",` +
	`"received","in_progress","resolved","returned","transferred","done","dropped","provided","meeting",` +
	`"walk_in","session","feedback","phone","complaint","denunciation","report","proposal","status","note","assign",` +
	`{"id":"","ref":"TT-","ward":"","created_at":"","created_by":"","updated_at":"","updated_by":"","item":"","category":"","owed_by":"","owed_by_name":"","owed_to":"","due_on":"","provided_on":"","how":"","doc_no":"","note":""}` +
	`{"id":"","ref":"CK-","ward":"","created_at":"","created_by":"","updated_at":"","updated_by":"","made_on":"","feedback_id":"","point_no":,"session_id":"","what":"","unit":"","officer":"","due":"","state":"","done_on":"","dropped_reason":"","evidence_doc_no":"","evidence_date":"","progress":[{"on":"","by":"","text":""}]}` +
	`{"id":"","ref":"DT-","ward":"","created_at":"","created_by":"","updated_at":"","updated_by":"","kind":"","held_on":"","location":"","host_role":"","host_name":"","other_leaders":"","organised_by":"","participants":,"topics":[""],"minutes":"","commitments":"","announced_on":"","results_published_on":"","voter_requested":true}` +
	`{"id":"","ref":"GY-","ward":"","created_at":"","created_by":"","updated_at":"","updated_by":"","given_on":"","source_kind":"","source_name":"","form":"","target_kind":"","target_name":"","subject":"","topics":[""],"draft_received_on":"","comment_deadline":"","draft_sent_by":"","response_due":"","points":[{"content":"","status":"","answered_on":"","answer":"","answered_by":"","assessment":"","assessed_on":"","assessment_note":""}]}` +
	`{"id":"","ref":"KN-","ward":"","created_at":"","created_by":"","updated_at":"","updated_by":"","received_on":"","channel":"","session_id":"","feedback_id":"","point_no":,"classification":"","name":"","group":"","address":"","id_number":"","phone":"","people":1,"confidential":true,"summary":"","previously_handled_by":"","repeat_of":"","repeat_ref":"","repeat_no":,"repeat_root":"","handling":"","handling_agency":"","handling_doc_no":"","assignee_unit":"","assignee_officer":"","accepted_on":"","complex":true,"especially_complex":true,"multi_site":true,"extensions":[{"on":"","days":,"decision_no":"","reason":""}],"ack_due":"","acknowledged_on":"","resolution_due":"","status":"","result":"","resolved_on":"","reported_back_on":"","log":[{"on":"","by":"","kind":"status","text":"","status":""}],"sealed":`)

var errRecordCorrupt = errors.New("stored record corrupt")

// recEncoder packs records: compress/flate's Writer cost a bulk load most
// of its time (see package dictflate); compress/flate reads them.
// It is made at its first use: a command that stores nothing (a count, a
// report) does not hash the dictionary.
var recEncoder = sync.OnceValue(func() *dictflate.Encoder { return dictflate.New(recDict) })

type unpacker struct {
	src bytes.Reader
	r   io.ReadCloser
	out bytes.Buffer
}

var unpackers = sync.Pool{New: func() any {
	u := &unpacker{}
	u.r = flate.NewReaderDict(&u.src, recDict)
	return u
}}

// packRecord is the stored value of the JSON of the record stored under
// id. Its "id" field, which repeats the key, is left out (recNoID): 26
// characters that hardly compress.
func packRecord(id, js []byte) []byte {
	out := make([]byte, 1, 16+len(js)/2)
	out[0] = recPacked
	var hb [idHeadLen]byte
	head := idHeadTo(&hb, id)
	if bytes.HasPrefix(js, head) && len(js) > len(head) && js[len(head)] == ',' {
		out[0] = recNoID
		js = js[len(head):] // from the comma: the stream starts ",\"ref\""
	}
	return recEncoder().Append(out, js)
}

// idHeadLen is the length of idHead's result.
const idHeadLen = len(`{"id":"`) + 26 + 1

// idHeadTo writes into dst how a record's JSON stored under id begins.
func idHeadTo(dst *[idHeadLen]byte, id []byte) []byte {
	n := copy(dst[:], `{"id":"`)
	model.IDText((*[26]byte)(dst[n:n+26]), id)
	dst[n+26] = '"'
	return dst[:]
}

// recordJSON is the JSON of the record value v stored under id, in a new
// slice (a value read from bbolt is valid only in its transaction).
func recordJSON(id, v []byte) ([]byte, error) {
	var out []byte
	err := withRecordJSON(id, v, func(js []byte) error {
		out = bytes.Clone(js)
		return nil
	})
	return out, err
}

// withRecordJSON calls fn with the JSON of the record value v stored under
// id, valid only during the call.
func withRecordJSON(id, v []byte, fn func(js []byte) error) error {
	if len(v) == 0 {
		return errRecordCorrupt
	}
	if v[0] == '{' {
		return fn(v)
	}
	if v[0] != recPacked && v[0] != recNoID {
		return errRecordCorrupt
	}
	u := unpackers.Get().(*unpacker)
	defer unpackers.Put(u)
	u.src.Reset(v[1:])
	if err := u.r.(flate.Resetter).Reset(&u.src, recDict); err != nil {
		return errRecordCorrupt
	}
	u.out.Reset()
	var head []byte
	if v[0] == recNoID {
		var hb [idHeadLen]byte
		head = idHeadTo(&hb, id)
		u.out.Write(head)
	}
	if _, err := u.out.ReadFrom(u.r); err != nil {
		return fmt.Errorf("%w: %v", errRecordCorrupt, err)
	}
	js := u.out.Bytes()
	if len(js) < 2 || js[0] != '{' || head != nil && (len(js) <= len(head) || js[len(head)] != ',') {
		return errRecordCorrupt
	}
	return fn(js)
}

// decodeRecordInto decodes the record value v stored under id into rec (a
// record, or a struct of some of its fields).
func decodeRecordInto(id, v []byte, rec any) error {
	return withRecordJSON(id, v, func(js []byte) error { return json.Unmarshal(js, rec) })
}

// decodeRecord decodes the record of kind k stored under id.
func decodeRecord(k model.Kind, id, v []byte) (model.Record, error) {
	rec := newRecord(k)
	if err := decodeRecordInto(id, v, rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// PlainBytes is b (a database file's bytes, or a backup's) followed by the
// JSON of every packed record found in it (without its id), at any offset: in a bucket, or
// on a page bbolt freed. A search of a file for text in clear (the
// confidentiality tests: no sealed or erased identity may be found) must
// search this, since a packed record hides its text from a plain search.
func PlainBytes(b []byte) []byte {
	out := bytes.Clone(b)
	u := unpackers.Get().(*unpacker)
	defer unpackers.Put(u)
	for i := 0; i < len(b)-1; i++ {
		if b[i] != recPacked && b[i] != recNoID {
			continue
		}
		u.src.Reset(b[i+1:])
		if u.r.(flate.Resetter).Reset(&u.src, recDict) == nil {
			u.out.Reset()
			_, err := u.out.ReadFrom(io.LimitReader(u.r, 16<<20))
			if js := u.out.Bytes(); err == nil && len(js) > 1 && (js[0] == '{' || js[0] == ',') {
				out = append(append(out, '\n'), js...)
			}
		}
	}
	return out
}
