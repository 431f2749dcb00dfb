package content

import (
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
)

// How an organisation's documents name it (Hướng dẫn 36-HD/VPTW): the
// heading at the top left and the copy its office keeps, the last line of
// Nơi nhận.

// DocumentHeading is what o's documents write at the top left: the
// organisation above (superior) and o itself (issuer), as written, before
// they are put in capitals. An advisory body is headed by its committee
// and its short name — "Huyện ủy Đơn Dương" over "Ban Tổ chức", not
// "Đảng bộ huyện Đơn Dương" over "Ban Tổ chức Huyện ủy" — as Party
// practice writes it; everyone else by SuperiorName over its own name.
func (o *Organisation) DocumentHeading() (superior, issuer string) {
	if p := o.Parent; o.Kind == CoQuanThamMuu && p != nil {
		return p.Title, trimCommittee(o.Title, p.Title)
	}
	return o.SuperiorName(), o.Title
}

// trimCommittee drops from an advisory body's name the committee it
// belongs to, as the committee's title starts: "Ban Tổ chức Huyện ủy" of
// "Huyện ủy Đơn Dương" is "Ban Tổ chức". The name is kept whole when it
// does not end so.
func trimCommittee(name, committee string) string {
	words, cw := strings.Fields(name), strings.Fields(committee)
	if len(cw) < 2 || len(words) < 3 {
		return name
	}
	n := len(words)
	if vi.Fold(words[n-2]+" "+words[n-1]) == vi.Fold(cw[0]+" "+cw[1]) {
		return strings.Join(words[:n-2], " ")
	}
	return name
}

// FileCopy is the last line of Nơi nhận of o's documents, the copy its
// office keeps: "Lưu <archive>." as the organisation names it, else by
// its kind — Lưu Văn phòng Huyện ủy, Lưu Văn phòng Đảng ủy, Lưu Văn phòng
// of an advisory body's committee, a chi bộ's by the chi bộ.
func (o *Organisation) FileCopy() string {
	if o.Archive != "" {
		return "Lưu " + strings.TrimSuffix(o.Archive, ".") + "."
	}
	switch o.Kind {
	case DangUyCoSo:
		return "Lưu Văn phòng Đảng ủy."
	case CapUy:
		// "Huyện ủy Đơn Dương": the office of the Huyện ủy.
		if words := strings.Fields(o.Title); len(words) > 1 && vi.Fold(words[1]) == "uy" {
			return "Lưu Văn phòng " + words[0] + " " + words[1] + "."
		}
	case ChiBoCoSo, ChiBoTrucThuoc:
		return "Lưu Chi bộ."
	}
	return "Lưu Văn phòng."
}
