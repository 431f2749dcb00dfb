package build

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An image attached to a registration is copied byte for byte beside its
// page and shown there, loaded lazily, with its file name for alt text and
// its type and size; an attachment refused by the check keeps the previous
// output as it was.
func TestAttachedImageIsCopiedAndShown(t *testing.T) {
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	writeSite(t, site, smallSite)
	img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(0, 0, color.NRGBA{255, 0, 0, 255})
	var pngData bytes.Buffer
	if err := png.Encode(&pngData, img); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(site, "content/registrations/2024/huyen-uy/mot")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "anh-hoi-nghi.png"), pngData.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Site: site, Out: out}
	if _, diags, err := Build(opts); err != nil || len(diags) > 0 {
		t.Fatalf("build: %v %v", err, diags)
	}
	copied, err := os.ReadFile(filepath.Join(out, "mo-hinh/2024/huyen-uy/mot/anh-hoi-nghi.png"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(copied, pngData.Bytes()) {
		t.Error("the copy differs from the attached file")
	}
	page, err := os.ReadFile(filepath.Join(out, "mo-hinh/2024/huyen-uy/mot/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := `<img loading="lazy" src="/mo-hinh/2024/huyen-uy/mot/anh-hoi-nghi.png" alt="anh hoi nghi">`
	if !strings.Contains(string(page), want) {
		t.Errorf("the page does not show the image: want %s", want)
	}
	if about := "anh-hoi-nghi.png (PNG, " + itoa(pngData.Len()) + " byte)"; !strings.Contains(string(page), about) {
		t.Errorf("the page does not give %q", about)
	}

	if problems := brokenLinks(t, out, "/"); len(problems) > 0 {
		t.Errorf("broken links: %v", problems)
	}
	if problems := activeContent(t, out); len(problems) > 0 {
		t.Errorf("active content: %v", problems)
	}

	before := snapshot(t, out)
	if err := os.WriteFile(filepath.Join(folder, "trang.pdf"), []byte("<html><script>alert(1)</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, diags, _ := Build(opts); !diags.HasErrors() {
		t.Fatal("an HTML page named .pdf built")
	}
	if diff := sameTree(before, snapshot(t, out)); diff != "" {
		t.Errorf("a refused attachment changed the output: %s", diff)
	}
}
