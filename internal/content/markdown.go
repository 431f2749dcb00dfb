package content

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
)

// Limits on the shape of a Markdown body. goldmark (internal/render) works
// in time proportional to the text for everything people write, but some
// shapes cost far more: many "]" in one long paragraph (each "[](" or
// "[[[a]]]" makes it scan to the end of the paragraph: quadratic), many
// runs of *, _ or ~ in one paragraph ("*a_ *a_ …": each closer looks back
// through every opener), lists and quotes nested hundreds deep (quadratic
// in the depth), and tables or link references that multiply (a table of
// C columns and R rows writes C×R cells; a reference used N times writes
// its address N times). Each limit is far above what a document needs and
// keeps the worst body of MaxFileSize to about a second of rendering.
const (
	maxMarkdownNesting = 64        // lists and quotes open on one line
	maxBracketWork     = 128 << 20 // "]" in a paragraph × its length in bytes, summed over the body
	maxEmphasisRuns    = 4096      // runs of *, _ and ~ in a paragraph
	maxTableCells      = 50_000    // in all the tables of a body
	maxReferenceOutput = 4 << 20   // bytes the uses of link references may write
)

// MarkdownProblem looks at a Markdown body for a shape that would make it
// slow to render or its page huge. It returns the offset where the shape
// starts and a Vietnamese explanation, or "" when there is none. It reads
// the text once; internal/render renders a body that has a problem as
// plain text, and the loader refuses it.
func MarkdownProblem(text []byte) (at int, problem string) {
	at, problem, _ = markdownShape(text)
	return at, problem
}

// maxSiteBracketWork bounds the bracket work (maxBracketWork) of all the
// bodies of a site together: many files each under the limit cost as much
// as one over it. At about a second of rendering per 2³⁰, a site renders
// its worst bodies in a few seconds, while ten thousand ordinary ones use
// a few percent of it.
const maxSiteBracketWork int64 = 32 * maxBracketWork // int64: over 2³¹, and 32-bit builds too

// markdownShape is MarkdownProblem, and the bracket work of text.
func markdownShape(text []byte) (at int, problem string, work int) {
	var (
		paraStart  = -1 // of the current paragraph; -1 between paragraphs
		brackets   int  // "]" in the current paragraph
		bracketSum int  // brackets × length of the paragraphs before it
		runs       int  // of *, _ and ~ in the current paragraph
		refStart   = -1 // of the paragraph's first definition that may span lines
		longestRef int  // bytes the longest link reference definition may span
		longestAt  int
		closers    int // "]" in the whole body: each use of a reference has one
		prevBlank  = true
		columns    int // of the table being read; 0 outside one
		tableStart int
		cells      int
	)
	endParagraph := func(end int) (int, string) {
		if paraStart >= 0 && brackets*(end-paraStart) > maxBracketWork {
			return paraStart, fmt.Sprintf("đoạn văn có %d dấu ngoặc vuông \"]\", quá nhiều để hiển thị (thường do dán nhầm): hãy chia đoạn văn bằng dòng trống, hoặc bỏ bớt dấu ngoặc vuông", brackets)
		}
		if paraStart >= 0 {
			// Each paragraph costs goldmark its "]" × its length: a body of
			// many paragraphs each just under the limit costs as much as
			// one over it.
			bracketSum += brackets * (end - paraStart)
			if bracketSum > maxBracketWork {
				return paraStart, "văn bản có quá nhiều dấu ngoặc vuông \"]\" trong các đoạn văn dài, quá nhiều để hiển thị (thường do dán nhầm): hãy bỏ bớt dấu ngoặc vuông hoặc chia thành đoạn văn ngắn hơn"
			}
		}
		if runs > maxEmphasisRuns {
			return paraStart, fmt.Sprintf("đoạn văn có %d cụm dấu *, _ hoặc ~ (dấu in đậm, in nghiêng, gạch ngang), quá nhiều để hiển thị: hãy chia đoạn văn bằng dòng trống, hoặc bỏ bớt các dấu này", runs)
		}
		if refStart >= 0 && end-refStart > longestRef {
			longestRef, longestAt = end-refStart, refStart
		}
		paraStart, brackets, runs, refStart = -1, 0, 0, -1
		return 0, ""
	}
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		// Blank as goldmark sees it: a line of no-break spaces is not.
		if len(bytes.Trim(line, " \t\r")) == 0 {
			if at, problem := endParagraph(start); problem != "" {
				return at, problem, bracketSum
			}
			columns, prevBlank = 0, true
			start = end + 1
			continue
		}
		if paraStart < 0 {
			paraStart = start
		}
		depth, rest := containerPrefix(line)
		if depth > maxMarkdownNesting {
			return start, fmt.Sprintf("danh sách hoặc trích dẫn lồng nhau quá sâu (%d cấp, tối đa %d): hãy bớt các dấu \"-\", \"*\", \">\" hoặc khoảng trắng ở đầu dòng", depth, maxMarkdownNesting), bracketSum
		}
		if isReferenceDefinition(rest) {
			next := text[min(end+1, len(text)):]
			if i := bytes.IndexByte(next, '\n'); i >= 0 {
				next = next[:i]
			}
			switch {
			case !oneLine(rest, next):
				if refStart < 0 {
					refStart = start // its title goes on: up to the paragraph's end
				}
			case end-start > longestRef:
				longestRef, longestAt = end-start, start
			}
		}
		n := bytes.Count(line, []byte("]"))
		brackets += n
		closers += n
		runs += emphasisRuns(line)
		switch {
		case columns > 0:
			cells += columns
		case !prevBlank && isDelimiterRow(rest):
			columns, tableStart = bytes.Count(bytes.Trim(bytes.TrimSpace(rest), "|"), []byte("|"))+1, start
			cells += 2 * columns // the header and this row
		}
		if cells > maxTableCells {
			return tableStart, fmt.Sprintf("bảng quá lớn (hơn %d ô): hãy chia thành nhiều bảng nhỏ, hoặc bớt cột", maxTableCells), bracketSum
		}
		prevBlank = false
		start = end + 1
	}
	if at, problem := endParagraph(len(text)); problem != "" {
		return at, problem, bracketSum
	}
	if longestRef*closers > maxReferenceOutput {
		return longestAt, "định nghĩa liên kết dạng \"[tên]: địa-chỉ\" quá dài so với số lần được dùng, trang sẽ quá lớn: hãy viết địa chỉ ngay trong liên kết, dạng [chữ](địa-chỉ)", bracketSum
	}
	return 0, "", bracketSum
}

// containerPrefix reads the quotes and list items a line opens. It returns
// how deep they nest, counting two spaces of indentation as a level (as in
// a nested list) but not the space after a marker, and the rest of the
// line.
func containerPrefix(line []byte) (depth int, rest []byte) {
	open, col, i := 0, 0, 0
	afterMarker := false
scan:
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' && afterMarker:
		case c == ' ':
			col++
		case c == '\t':
			col += 4 - col%4
		case c == '>':
			open++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			open++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || line[j] != '.' && line[j] != ')' || j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' {
				break scan
			}
			open++
			i = j
		default:
			break scan
		}
		afterMarker = c == '>' || c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9'
		i++
	}
	if open == 0 {
		return 0, line[i:]
	}
	return open + col/2, line[i:]
}

// emphasisRuns counts the runs of *, _ and ~ in line.
func emphasisRuns(line []byte) int {
	n := 0
	for i, c := range line {
		if (c == '*' || c == '_' || c == '~') && (i == 0 || line[i-1] != c) {
			n++
		}
	}
	return n
}

// isDelimiterRow reports whether line could be the row under a table's
// header: pipes, dashes, colons and spaces, with a pipe and a dash.
func isDelimiterRow(line []byte) bool {
	pipe, dash := false, false
	for _, c := range line {
		switch c {
		case '|':
			pipe = true
		case '-':
			dash = true
		case ':', ' ', '\t', '\r':
		default:
			return false
		}
	}
	return pipe && dash
}

// oneLine reports whether a link reference definition ends on its line:
// "[label]: address" with a title that closes there, or with none and no
// title starting on the next line.
func oneLine(def, next []byte) bool {
	_, after, _ := bytes.Cut(def, []byte("]:"))
	after = bytes.TrimLeft(after, " \t")
	if len(after) == 0 {
		return false // the address is on the next line
	}
	if i := bytes.IndexAny(after, " \t"); i >= 0 {
		after = bytes.TrimSpace(after[i:])
	} else {
		after = nil
	}
	if len(after) == 0 {
		_, rest := containerPrefix(next)
		return len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' && rest[0] != '('
	}
	closer := map[byte]byte{'"': '"', '\'': '\'', '(': ')'}[after[0]]
	last := len(after) - 1
	escapes := 0
	for i := last - 1; i > 0 && after[i] == '\\'; i-- {
		escapes++
	}
	return closer != 0 && last > 0 && after[last] == closer && escapes%2 == 0
}

// isReferenceDefinition reports whether line starts like "[label]:", a
// link reference definition.
func isReferenceDefinition(line []byte) bool {
	if len(line) == 0 || line[0] != '[' {
		return false
	}
	i := bytes.IndexByte(line, ']')
	return i > 0 && i+1 < len(line) && line[i+1] == ':'
}

// checkMarkdown reports a body that MarkdownProblem refuses, or the links
// in it whose address LinkAddress refuses. It returns the body's bracket
// work, which the site's bodies share (limitSiteMarkdown).
func checkMarkdown(path string, body Markdown, diags *diagnostics) (work int) {
	at, problem, work := markdownShape(body.Text)
	if problem == "" {
		checkAddresses(path, body, diags)
		return work
	}
	line, col := position(body.Text, at)
	diags.Errorf(path, body.Line+line-1, col, "markdown-too-complex", "%s", problem)
	return work
}

// limitSiteMarkdown refuses the heaviest bodies, by bracket work, until
// what is left of the site is within maxSiteBracketWork: one error each,
// so that a pull request of many heavy files is refused whole.
func limitSiteMarkdown(loaded []loadedFile, diags *diagnostics) {
	var total int64
	for _, l := range loaded {
		total += int64(l.markdownWork)
	}
	if total <= maxSiteBracketWork {
		return
	}
	heavy := make([]int, len(loaded))
	for i := range heavy {
		heavy[i] = i
	}
	slices.SortStableFunc(heavy, func(a, b int) int { return cmp.Compare(loaded[b].markdownWork, loaded[a].markdownWork) })
	for _, i := range heavy {
		if total <= maxSiteBracketWork {
			break
		}
		total -= int64(loaded[i].markdownWork)
		diags.Errorf(loaded[i].file.path, loaded[i].markdownLine, 1, "markdown-too-complex", "cùng với các tệp khác, văn bản có quá nhiều dấu ngoặc vuông \"]\" trong các đoạn văn dài, cả trang quá nặng để hiển thị: hãy bỏ bớt dấu ngoặc vuông hoặc chia thành đoạn văn ngắn hơn")
	}
}
