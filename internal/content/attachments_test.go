package content

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// testImage is a small picture with enough detail that a change to its
// pixels would show.
func testImage() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 32, 24))
	for y := range 24 {
		for x := range 32 {
			img.Set(x, y, color.RGBA{uint8(x * 8), uint8(y * 10), uint8(x * y), 255})
		}
	}
	return img
}

func testPNG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, testImage()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testJPEG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withExif puts after the SOI of a JPEG an APP1 Exif segment whose IFD0
// holds one entry of the given tag (0x8825: a pointer to a GPS IFD, which
// here holds a latitude), in the byte order of a phone: little-endian.
func withExif(jpg []byte, tag uint16) []byte {
	le := binary.LittleEndian
	tiff := []byte("II*\x00")
	tiff = le.AppendUint32(tiff, 8) // IFD0 right after the header
	tiff = le.AppendUint16(tiff, 1) // one entry
	tiff = le.AppendUint16(tiff, tag)
	tiff = le.AppendUint16(tiff, 4) // LONG
	tiff = le.AppendUint32(tiff, 1)
	tiff = le.AppendUint32(tiff, 26) // the GPS IFD, after IFD0
	tiff = le.AppendUint32(tiff, 0)  // no next IFD
	// The GPS IFD: GPSLatitudeRef "N".
	tiff = le.AppendUint16(tiff, 1)
	tiff = le.AppendUint16(tiff, 1)
	tiff = le.AppendUint16(tiff, 2) // ASCII
	tiff = le.AppendUint32(tiff, 2)
	tiff = append(tiff, 'N', 0, 0, 0)
	tiff = le.AppendUint32(tiff, 0)
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	seg = append(seg, payload...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// writeBaseSite writes the valid site of testdata/base-site.txtar with
// extra files, and returns its folder.
func writeBaseSite(t *testing.T, extra map[string][]byte) string {
	t.Helper()
	base, err := txtar.ParseFile("testdata/base-site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{}
	for _, f := range base.Files {
		files[f.Name] = f.Data
	}
	for name, data := range extra {
		files[name] = data
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const attachmentDoc = "content/registrations/2024/xa-ka-do/chi-bo-so"

func TestAttachmentsAreListedWithTypeAndSize(t *testing.T) {
	pdf := []byte("%PDF-1.4\n%%EOF\n")
	pngData, jpgData := testPNG(t), testJPEG(t)
	dir := writeBaseSite(t, map[string][]byte{
		attachmentDoc + "/van-ban-da-ky.pdf":   pdf,
		attachmentDoc + "/anh-hoi-nghi.png":    pngData,
		attachmentDoc + "/anh-hien-truong.jpg": jpgData,
		attachmentDoc + "/.DS_Store":           []byte("editor"),
	})
	today, _ := ParseDate("2025-06-01")
	site, diags := LoadWith(os.DirFS(dir), Options{Today: today})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	r := site.Registrations[0]
	want := []Attachment{
		{"anh-hien-truong.jpg", attachmentDoc + "/anh-hien-truong.jpg", int64(len(jpgData)), "jpeg"},
		{"anh-hoi-nghi.png", attachmentDoc + "/anh-hoi-nghi.png", int64(len(pngData)), "png"},
		{"van-ban-da-ky.pdf", attachmentDoc + "/van-ban-da-ky.pdf", int64(len(pdf)), "pdf"},
	}
	if !slices.Equal(r.Attachments, want) {
		t.Errorf("attachments:\n got %v\nwant %v", r.Attachments, want)
	}
}

func TestGPSInJPEGIsAPersonalDataWarning(t *testing.T) {
	withGPS := withExif(testJPEG(t), 0x8825)
	withoutGPS := withExif(testJPEG(t), 0x010F) // Make: metadata, but no place
	dir := writeBaseSite(t, map[string][]byte{
		attachmentDoc + "/co-toa-do.jpg":     withGPS,
		attachmentDoc + "/khong-toa-do.jpeg": withoutGPS,
	})
	today, _ := ParseDate("2025-06-01")
	site, diags := LoadWith(os.DirFS(dir), Options{Today: today})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{attachmentDoc + "/co-toa-do.jpg: cảnh báo: ảnh có tọa độ GPS, có thể lộ nơi ở của đảng viên: chạy mohinh check --fix để xóa"}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n got %q\nwant %q", got, want)
	}
	if diags.HasErrors() {
		t.Error("a GPS position is a warning, not an error")
	}
	if n := len(site.Registrations[0].Attachments); n != 2 {
		t.Errorf("%d attachments, want both images", n)
	}
}

func TestStripJPEGMetadataKeepsPixels(t *testing.T) {
	orig := withExif(testJPEG(t), 0x8825)
	var stripped bytes.Buffer
	removed, err := StripJPEGMetadata(&stripped, bytes.NewReader(orig))
	if err != nil {
		t.Fatal(err)
	}
	if removed != 1 {
		t.Errorf("removed %d segments, want the one Exif segment", removed)
	}
	if gps, err := JPEGHasGPS(bufio.NewReader(bytes.NewReader(stripped.Bytes()))); err != nil || gps {
		t.Errorf("after stripping: gps %v, err %v", gps, err)
	}
	if bytes.Contains(stripped.Bytes(), []byte("Exif\x00\x00")) {
		t.Error("the Exif segment is still there")
	}
	// Byte-copied, not encoded again: the file is the plain encoder's.
	if !bytes.Equal(stripped.Bytes(), testJPEG(t)) {
		t.Error("stripping changed more than the Exif segment")
	}
	a, err := jpeg.Decode(bytes.NewReader(orig))
	if err != nil {
		t.Fatal(err)
	}
	b, err := jpeg.Decode(bytes.NewReader(stripped.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Bounds().Eq(b.Bounds()) {
		t.Fatalf("bounds %v, want %v", b.Bounds(), a.Bounds())
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				t.Fatalf("pixel (%d, %d) changed: %v, was %v", x, y, b.At(x, y), a.At(x, y))
			}
		}
	}
}

func TestSniffAttachment(t *testing.T) {
	for _, c := range []struct {
		head, want string
	}{
		{"%PDF-1.7", "pdf"},
		{"\xFF\xD8\xFF\xE0", "jpeg"},
		{"\x89PNG\r\n\x1a\n", "png"},
		{"\x89PNG\r\n", ""}, // cut short
		{"<svg xmlns=", ""},
		{"<!doctype html>", ""},
		{"MZ\x90\x00", ""},
		{"%PDF", ""},
		{"", ""},
	} {
		if got := SniffAttachment([]byte(c.head)); got != c.want {
			t.Errorf("SniffAttachment(%q) = %q, want %q", c.head, got, c.want)
		}
	}
}

func TestJPEGScanIsBounded(t *testing.T) {
	// A JPEG of nothing but empty APP0 segments ends the scan with an
	// error, not a loop over the whole file.
	data := []byte{0xFF, 0xD8}
	for range maxSegments + 1 {
		data = append(data, 0xFF, 0xE0, 0x00, 0x02)
	}
	if _, err := JPEGHasGPS(bufio.NewReader(bytes.NewReader(data))); err == nil || !strings.Contains(err.Error(), "segments") {
		t.Errorf("err = %v, want too many segments", err)
	}
}

func TestAttachmentDocument(t *testing.T) {
	for _, c := range []struct{ p, want string }{
		{attachmentDoc + "/anh.png", attachmentDoc + ".md"},
		{attachmentDoc, attachmentDoc + ".md"},
		{attachmentDoc + "/con/anh.png", attachmentDoc + ".md"},
		{attachmentDoc + ".md", ""},
		{"content/results/2024/xa-ka-do/chi-bo-so/anh.png", "content/results/2024/xa-ka-do/chi-bo-so.md"},
		{"content/fields/kinh-te/anh.png", ""},
	} {
		if got, _ := attachmentDocument(c.p); got != c.want {
			t.Errorf("attachmentDocument(%q) = %q, want %q", c.p, got, c.want)
		}
	}
}

// serve reads again only what changed: a file added to an attachment
// folder reads its document again, and is no misplaced file.
func TestLoaderUpdateReadsAttachmentsWithTheirDocument(t *testing.T) {
	dir := writeBaseSite(t, nil)
	today, _ := ParseDate("2025-06-01")
	l := NewLoader(os.DirFS(dir), Options{Today: today})
	if _, diags := l.Load(); len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	added := attachmentDoc + "/van-ban-da-ky.pdf"
	if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(attachmentDoc)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(added)), []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, changed := range [][]string{{added}, {attachmentDoc}, {"content/registrations/2024"}} {
		site, diags := l.Update(changed)
		if len(diags) > 0 {
			t.Errorf("after a change to %v: %v", changed, diags)
		}
		if got := site.Registrations[0].Attachments; len(got) != 1 || got[0].Path != added {
			t.Errorf("after a change to %v: attachments %v", changed, got)
		}
	}
}

func TestResultsReportCarriesAttachments(t *testing.T) {
	dir := writeBaseSite(t, map[string][]byte{
		"content/decisions/2024/huyen-uy/thong-qua.md":            []byte("---\ntitle: Thông báo kết quả xét duyệt\nkind: approval\nissuer: huyen-uy\ncampaign: 2024\nnumber: 120-TB/HU\ndate: 2024-01-20\napproved:\n  - xa-ka-do/chi-bo-so\n---\n"),
		"content/results/2024/xa-ka-do/chi-bo-so.md":              []byte("---\nnumber: 45-BC/ĐU\ndate: 2024-11-15\nachieved: Toàn bộ 12 chi bộ dùng sổ tay điện tử.\n---\n"),
		"content/results/2024/xa-ka-do/chi-bo-so/anh-ket-qua.png": testPNG(t),
	})
	today, _ := ParseDate("2025-06-01")
	site, diags := LoadWith(os.DirFS(dir), Options{Today: today})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	res := site.Registrations[0].Result
	if res == nil {
		t.Fatal("no results report")
	}
	if len(res.Attachments) != 1 || res.Attachments[0].Type != "png" || res.Attachments[0].Path != "content/results/2024/xa-ka-do/chi-bo-so/anh-ket-qua.png" {
		t.Errorf("attachments %v", res.Attachments)
	}
}
