package model

import (
	"encoding/json"
	"testing"
	"time"
)

func benchPetition() *Petition {
	at := time.Date(2025, 3, 4, 8, 15, 30, 0, time.UTC)
	return &Petition{Meta: Meta{ID: "01JNMQ8Z5W3X6Y7Z8A9B0C1D2E", Ref: "KN-2025-0042", Ward: "HB-02", CreatedAt: at, CreatedBy: "Trần Thị Thu Hà", UpdatedAt: at, UpdatedBy: "Nguyễn Văn Hùng"},
		ReceivedOn: 20250304, Channel: ChannelWalkIn, Classification: ClassReport, Name: "Nguyễn Văn An", Group: "Tổ dân phố 7",
		Address: "Số 12 ngõ 4 phố Lê Lợi", IDNumber: "001203456789", Phone: "0912345678", People: 1,
		Summary: "Phản ánh việc hộ liền kề xây dựng lấn sang phần đất của gia đình.", Handling: HandlingAccepted,
		AssigneeUnit: "Công an phường", AssigneeOfficer: "Lê Minh Tuấn", AcceptedOn: 20250310, AckDue: 20250318, AcknowledgedOn: 20250310,
		ResolutionDue: 20250420, Status: StatusResolved, Result: "Đã kiểm tra, xử lý xong; kết quả đã thông báo cho công dân.",
		ResolvedOn: 20250401, ReportedBackOn: 20250403,
		Log: []LogEntry{{On: 20250401, By: "Phạm Thị Lan", Kind: "status", Status: StatusResolved, Text: "Đã giải quyết."}}}
}

// go test ./model -run '^$' -bench RecordJSON -benchmem
func BenchmarkRecordJSON(b *testing.B) {
	p := benchPetition()
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("AppendJSON", func(b *testing.B) {
		buf := make([]byte, 0, 2048)
		for b.Loop() {
			var err error
			if buf, err = AppendJSON(buf[:0], p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("RowOf", func(b *testing.B) {
		for b.Loop() {
			_ = RowOf(p)
		}
	})
}
