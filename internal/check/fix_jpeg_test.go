package check

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
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
	orig := gpsJPEG(t)
	fixed := fixGPS(t, "content/registrations/2024/xa-ka-do/chi-bo-so/anh-hien-truong.jpg", orig)
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
	samePixels(t, a, b)
}

// fixGPS writes photo, carrying coordinates, into the base site, checks
// that check warns about it, runs check --fix and that the warning goes,
// and returns the file as --fix left it.
func fixGPS(t *testing.T, photo string, orig []byte) []byte {
	t.Helper()
	repo := &gitRepo{t, t.TempDir()} // no git needed: only write
	repo.write(baseSite)
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
	if res, err = Run(Options{Site: repo.dir, Today: today, Fix: true}); err != nil {
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
	return fixed
}

// samePixels fails unless a and b are the same picture.
func samePixels(t *testing.T, a, b image.Image) {
	t.Helper()
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
}

func diagsText(res Result) string {
	var lines []string
	for _, d := range res.Diags {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}

// gpsPNG encodes a small picture and puts before its image data an eXIf
// chunk whose IFD0 points to a GPS IFD, and an XMP text naming the
// coordinates.
func gpsPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for y := range 16 {
		for x := range 24 {
			img.Set(x, y, color.RGBA{uint8(x * 10), uint8(y * 15), uint8(x ^ y), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
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
	tiff = append(tiff, make([]byte, 6)...)
	chunk := func(typ string, data []byte) []byte {
		c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
		c = append(append(c, typ...), data...)
		return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	encoded := b.Bytes()
	ihdrEnd := 8 + 8 + 13 + 4 // signature, IHDR
	out := append([]byte{}, encoded[:ihdrEnd]...)
	out = append(out, chunk("eXIf", tiff)...)
	out = append(out, chunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00<exif:GPSLatitude>11,43.5N</exif:GPSLatitude>"))...)
	return append(out, encoded[ihdrEnd:]...)
}

// A PNG carrying coordinates is warned about and --fix drops its eXIf and
// text chunks, copying every other chunk byte for byte.
func TestFixStripsGPSFromPNG(t *testing.T) {
	orig := gpsPNG(t)
	fixed := fixGPS(t, "content/registrations/2024/xa-ka-do/chi-bo-so/anh-hien-truong.png", orig)
	if bytes.Contains(fixed, []byte("eXIf")) || bytes.Contains(fixed, []byte("GPSLatitude")) {
		t.Error("the metadata is still in the file")
	}
	a, _ := png.Decode(bytes.NewReader(orig))
	b, err := png.Decode(bytes.NewReader(fixed))
	if err != nil {
		t.Fatalf("the fixed PNG does not decode: %v", err)
	}
	samePixels(t, a, b)
}
