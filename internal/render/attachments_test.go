package render

import (
	"testing"

	"github.com/mohinh/mohinh/internal/content"
)

func TestSizeInWords(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0 byte"},
		{1023, "1023 byte"},
		{1024, "1 KB"},
		{340 << 10, "340 KB"},
		{1<<20 - 1, "1,0 MB"},
		{1258291, "1,2 MB"}, // 1.2 × 2^20
		{10 << 20, "10,0 MB"},
	} {
		if got := sizeInWords(c.n); got != c.want {
			t.Errorf("sizeInWords(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestAttachmentLines(t *testing.T) {
	u := URLs{}
	r := &content.Registration{Slug: "so-tay-dien-tu", CampaignYear: 2024, OrganisationID: "xa-ka-do"}
	list := []content.Attachment{
		{Name: "van-ban-da-ky.pdf", Size: 1258291, Type: "pdf"},
		{Name: "anh-hien-truong.jpg", Size: 2048, Type: "jpeg"},
	}
	got := attachmentLines(r, list, false, u)
	want := []attachmentLine{
		{Name: "van-ban-da-ky.pdf", URL: "/mo-hinh/2024/xa-ka-do/so-tay-dien-tu/van-ban-da-ky.pdf", About: "PDF, 1,2 MB"},
		{Name: "anh-hien-truong.jpg", URL: "/mo-hinh/2024/xa-ka-do/so-tay-dien-tu/anh-hien-truong.jpg", About: "JPEG, 2 KB", Image: true, Alt: "anh hien truong"},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if res := attachmentLines(r, list[:1], true, u); res[0].URL != "/mo-hinh/2024/xa-ka-do/so-tay-dien-tu/ket-qua/van-ban-da-ky.pdf" {
		t.Errorf("a results report's file goes to %s", res[0].URL)
	}
}
