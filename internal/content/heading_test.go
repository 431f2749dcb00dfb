package content_test

import (
	"testing"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
)

// An advisory body is headed by its committee and its short name; the
// others by the organisation above; the last line of Nơi nhận names the
// office that keeps the copy, as the organisation writes it or by kind.
func TestDocumentHeadingAndFileCopy(t *testing.T) {
	fsys := fstest.MapFS{}
	add := func(p, fm string) { fsys[p] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n")} }
	add("content/_index.md", "title: Thử")
	add("content/organisations/huyen-uy.md", "title: Huyện ủy Đơn Dương\nkind: cap-uy\nparty_name: Đảng bộ huyện Đơn Dương\nsuperior: Đảng bộ tỉnh Lâm Đồng\narchive: VPHU")
	add("content/organisations/ban-to-chuc.md", "title: Ban Tổ chức Huyện ủy\nkind: co-quan-tham-muu\nparent: huyen-uy")
	add("content/organisations/ban-khac.md", "title: Ban Chỉ đạo 35\nkind: co-quan-tham-muu\nparent: huyen-uy")
	add("content/organisations/xa-ka-do.md", "title: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy\nparty_name: Đảng bộ xã Ka Đô")
	add("content/organisations/thon-a.md", "title: Chi bộ thôn A\nkind: chi-bo-truc-thuoc\nparent: xa-ka-do")
	site, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, tt := range []struct{ id, superior, issuer, copy string }{
		{"huyen-uy", "Đảng bộ tỉnh Lâm Đồng", "Huyện ủy Đơn Dương", "Lưu VPHU."},
		{"ban-to-chuc", "Huyện ủy Đơn Dương", "Ban Tổ chức", "Lưu Văn phòng."},
		{"ban-khac", "Huyện ủy Đơn Dương", "Ban Chỉ đạo 35", "Lưu Văn phòng."},
		{"xa-ka-do", "Đảng bộ huyện Đơn Dương", "Đảng ủy xã Ka Đô", "Lưu Văn phòng Đảng ủy."},
		{"thon-a", "Đảng bộ xã Ka Đô", "Chi bộ thôn A", "Lưu Chi bộ."},
	} {
		o := site.OrganisationByID[tt.id]
		superior, issuer := o.DocumentHeading()
		if superior != tt.superior || issuer != tt.issuer || o.FileCopy() != tt.copy {
			t.Errorf("%s: %q / %q, %q; want %q / %q, %q", tt.id, superior, issuer, o.FileCopy(), tt.superior, tt.issuer, tt.copy)
		}
	}
}
