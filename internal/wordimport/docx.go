package wordimport

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
)

// ReadDocx returns the paragraphs of a .docx file as text lines, in
// reading order: a table's cells one after the other, each cell's
// paragraphs in turn. A tab stays "\t" and a line break "\n", so that the
// form's two-column lines ("Nơi nhận:\tT/M …") can be split; a
// non-breaking space becomes a space. Runs set in a legacy font (TCVN3
// ".VnTime", VNI "VNI-Times") are read back into Unicode, and the text is
// NFC.
func ReadDocx(r io.ReaderAt, size int64) ([]string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, errors.New("tệp không phải tệp Word .docx (không đọc được như một tệp nén zip)")
	}
	var doc, styles *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "word/styles.xml":
			styles = f
		}
	}
	if doc == nil {
		return nil, errors.New("tệp không phải tệp Word .docx (không có word/document.xml)")
	}
	st := styleFonts{fonts: map[string]string{}, based: map[string]string{}}
	if styles != nil {
		if err := st.read(styles); err != nil {
			return nil, fmt.Errorf("đọc word/styles.xml: %v", err)
		}
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readDocument(rc, &st)
}

// styleFonts are the fonts the styles give runs: by style id, and the
// document default.
type styleFonts struct {
	def   string
	fonts map[string]string
	based map[string]string
}

func (s *styleFonts) font(id string) string {
	for range 20 { // basedOn chains are short; a loop must not hang
		if id == "" {
			break
		}
		if f := s.fonts[id]; f != "" {
			return f
		}
		id = s.based[id]
	}
	return s.def
}

func (s *styleFonts) read(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var style string
	inDefaults := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "docDefaults":
				inDefaults = true
			case "style":
				style = attr(t, "styleId")
			case "basedOn":
				if style != "" {
					s.based[style] = attr(t, "val")
				}
			case "rFonts":
				if f := runFont(t); f != "" {
					switch {
					case inDefaults:
						s.def = f
					case style != "":
						s.fonts[style] = f
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "docDefaults":
				inDefaults = false
			case "style":
				style = ""
			}
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// runFont is the font of w:rFonts that Latin text is set in.
func runFont(e xml.StartElement) string {
	for _, k := range []string{"ascii", "hAnsi", "cs"} {
		if f := attr(e, k); f != "" {
			return f
		}
	}
	return ""
}

// legacyFont tells the legacy encoding a font's name implies.
func legacyFont(font string) vi.Encoding {
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case strings.HasPrefix(f, ".vn"):
		return vi.TCVN3
	case strings.HasPrefix(f, "vni-") || strings.HasPrefix(f, "vni "):
		return vi.VNI
	}
	return vi.NoLegacy
}

func readDocument(r io.Reader, st *styleFonts) ([]string, error) {
	d := xml.NewDecoder(r)
	var (
		lines     []string
		para      strings.Builder
		run       strings.Builder
		pStyle    string
		rStyle    string
		rFont     string
		inPara    bool
		inRun     bool
		inRPr     bool
		inText    bool
		inDeleted int
	)
	flushRun := func() {
		text := run.String()
		run.Reset()
		font := rFont
		if font == "" && rStyle != "" {
			font = st.font(rStyle)
		}
		if font == "" {
			font = st.font(pStyle)
		}
		if enc := legacyFont(font); enc != vi.NoLegacy {
			text = fromLegacyRun(text, enc)
		} else {
			text = strings.ReplaceAll(text, "\u00ad", "")
		}
		para.WriteString(text)
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("word/document.xml: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				inPara = true
				para.Reset()
				pStyle = ""
			case "pStyle":
				pStyle = attr(t, "val")
			case "r":
				inRun = true
				rStyle, rFont = "", ""
				run.Reset()
			case "rPr":
				inRPr = inRun
			case "rStyle":
				if inRun {
					rStyle = attr(t, "val")
				}
			case "rFonts":
				if inRPr {
					rFont = runFont(t)
				}
			case "t":
				inText = inRun
			case "tab":
				if inRun && !inRPr {
					run.WriteByte('\t')
				}
			case "softHyphen":
				// In TCVN3 the byte 0xAD is "ư", which an office program
				// may store as a soft hyphen.
				if inRun {
					run.WriteRune('\u00ad')
				}
			case "noBreakHyphen":
				if inRun {
					run.WriteByte('-')
				}
			case "br", "cr":
				if inRun {
					run.WriteByte('\n')
				}
			case "del", "delText":
				inDeleted++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if inPara {
					lines = append(lines, vi.NFC(strings.ReplaceAll(para.String(), "\u00a0", " ")))
				}
				inPara = false
			case "r":
				if inRun {
					flushRun()
				}
				inRun = false
			case "rPr":
				inRPr = false
			case "t":
				inText = false
			case "del", "delText":
				inDeleted--
			}
		case xml.CharData:
			if inText && inDeleted == 0 {
				run.Write(t)
			}
		}
	}
	return lines, nil
}

// fromLegacyRun reads a run typed in a legacy font back into Unicode.
// Office programs store such text as the Windows-1252 (or symbol)
// characters of its bytes, which is what vi.FromLegacy reads.
// Bytes 0x80–0x9F may come back as the Windows-1252 characters they name
// (€, ‚, ƒ…): they are turned back into those bytes' code points first.
func fromLegacyRun(s string, enc vi.Encoding) string {
	s = strings.Map(func(r rune) rune {
		for i, c := range cp1252High {
			if c == r {
				return rune(0x80 + i)
			}
		}
		return r
	}, s)
	// What the encoding has no letter for goes back to what it was.
	return strings.Map(func(r rune) rune {
		if r >= 0x80 && r < 0xa0 && cp1252High[r-0x80] != 0 {
			return cp1252High[r-0x80]
		}
		return r
	}, vi.FromLegacy(s, enc))
}

// cp1252High are the characters of Windows-1252 at 0x80–0x9F (0 where it
// has none).
var cp1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}
