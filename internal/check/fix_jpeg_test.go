package check

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gpsJPEG encodes a small picture and puts after its SOI an Exif segment
// whose IFD0 points to a GPS IFD (tag 0x8825), as a phone writes it.
func gpsJPEG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for y := range 16 {
		for x := range 24 {
			img.Set(x, y, color.RGBA{uint8(x * 10), uint8(y * 15), uint8(x ^ y), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	tiff := le.AppendUint32([]byte("II*\x00"), 8)
	tiff = le.AppendUint16(tiff, 1)
	tiff = le.AppendUint16(tiff, 0x8825)
	tiff = le.AppendUint16(tiff, 4)
	tiff = le.AppendUint32(tiff, 1)
	tiff = le.AppendUint32(tiff, 26)
	tiff = le.AppendUint32(tiff, 0)
	tiff = append(tiff, make([]byte, 6)...) // an empty GPS IFD
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := binary.BigEndian.AppendUint16([]byte{0xFF, 0xE1}, uint16(len(payload)+2))
	out := append([]byte{0xFF, 0xD8}, append(seg, payload...)...)
	return append(out, b.Bytes()[2:]...)
}

func TestFixStripsGPSKeepingPixels(t *testing.T) {
	repo := &gitRepo{t, t.TempDir()} // no git needed: only write
	repo.write(baseSite)
	const photo = "content/registrations/2024/xa-ka-do/chi-bo-so/anh-hien-truong.jpg"
	orig := gpsJPEG(t)
	full := filepath.Join(repo.dir, filepath.FromSlash(photo))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, orig, 0o644); err != nil {
		t.Fatal(err)
	}

	res, err := Run(Options{Site: repo.dir, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if s := diagsText(res); !strings.Contains(s, photo+": cảnh báo: ảnh có tọa độ GPS") {
		t.Fatalf("before --fix, no GPS warning:\n%s", s)
	}

	res, err = Run(Options{Site: repo.dir, Today: today, Fix: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Fixes) != 1 || res.Fixes[0].Path != photo || !res.Fixes[0].Changed() {
		t.Fatalf("fixes: %v", res.Fixes)
	}
	if s := diagsText(res); strings.Contains(s, "GPS") {
		t.Errorf("after --fix, still:\n%s", s)
	}
	fixed, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(fixed, []byte("Exif")) {
		t.Error("the Exif segment is still in the file")
	}
	a, err := jpeg.Decode(bytes.NewReader(orig))
	if err != nil {
		t.Fatal(err)
	}
	b, err := jpeg.Decode(bytes.NewReader(fixed))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Bounds().Eq(b.Bounds()) {
		t.Fatalf("bounds %v, were %v", b.Bounds(), a.Bounds())
	}
	for y := range a.Bounds().Dy() {
		for x := range a.Bounds().Dx() {
			if a.At(x, y) != b.At(x, y) {
				t.Fatalf("pixel (%d, %d) changed", x, y)
			}
		}
	}

	// A second --fix has nothing left to do.
	res, err = Run(Options{Site: repo.dir, Today: today, Fix: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Fixes) != 0 {
		t.Errorf("second --fix: %v", res.Fixes)
	}
}

func diagsText(res Result) string {
	var lines []string
	for _, d := range res.Diags {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}
