package newreg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// ResultDraft is a results report about to be written (mohinh new
// --results): the report on Registration, dated Date. Its file is at the
// registration's path under content/results (content.ResultPath), with
// every key of a results report (content.ResultKeys), each with a comment,
// the signer taken from the registration and its expected results quoted
// as comments above "achieved", so that the report answers them.
type ResultDraft struct {
	Registration *content.Registration
	Date         content.Date
}

// Path is where the report goes, relative to the site's folder.
func (d ResultDraft) Path() string { return content.ResultPath(d.Registration) }

// FindRegistration returns the registration ref names: "<year>/<organisation>/<slug>",
// or its file's path (content/registrations/….md), and checks that it may
// be reported on (content.Registration.ResultProblem).
func FindRegistration(site *content.Site, ref string) (*content.Registration, error) {
	p := strings.TrimSuffix(strings.TrimPrefix(path.Clean(filepath.ToSlash(ref)), content.RegistrationsDir+"/"), ".md")
	parts := strings.Split(p, "/")
	if len(parts) != 3 {
		return nil, fmt.Errorf("--results %q: hãy ghi <năm>/<mã-tổ-chức>/<tên-tệp>, ví dụ 2024/xa-ka-do/so-tay-dang-vien-dien-tu, hoặc đường dẫn tệp đăng ký", ref)
	}
	year, err := strconv.Atoi(parts[0])
	if err != nil {
		return nil, fmt.Errorf("--results %q: %q không phải năm: hãy ghi <năm>/<mã-tổ-chức>/<tên-tệp>", ref, parts[0])
	}
	r := site.RegistrationByPath[content.RegistrationPath(year, parts[1], parts[2])]
	if r == nil {
		var refs []string
		if c := site.CampaignByYear[year]; c != nil {
			for _, r := range c.Registrations {
				refs = append(refs, strconv.Itoa(year)+"/"+content.RegistrationRef(r))
			}
		}
		if best := content.Closest(p, refs); best != "" {
			return nil, fmt.Errorf("không có bản đăng ký %s — có phải %s?", p, best)
		}
		return nil, fmt.Errorf("không có bản đăng ký %s: báo cáo kết quả có cùng năm, mã tổ chức và tên tệp với bản đăng ký trong %s", p, content.RegistrationsDir)
	}
	if why := r.ResultProblem(); why != "" {
		return nil, errors.New(why)
	}
	return r, nil
}

// File returns the report as it is written.
func (d ResultDraft) File() []byte {
	r := d.Registration
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("# Báo cáo kết quả thực hiện mô hình \"" + oneLine(r.Title) + "\" (" + oneLine(r.Organisation.Title) + ").\n")
	b.WriteString("# Điền sau dấu hai chấm của mỗi dòng; phần từ dấu # trở đi là ghi chú, có thể xóa.\n")
	b.WriteString("# Hướng dẫn đầy đủ: docs/huong-dan-dang-ky.md, mục \"Báo cáo kết quả\".\n")
	for _, key := range content.ResultKeys() {
		e, ok := d.entry(key)
		if !ok { // a key this template has no line for yet: TestResultTemplateKnowsEveryKey fails
			e = entry{value: `""`, comment: key}
		}
		b.WriteString(e.before)
		writeEntry(&b, key, e)
	}
	b.WriteString("# Sau dòng --- dưới đây (không bắt buộc): toàn văn báo cáo.\n")
	b.WriteString("---\n")
	b.WriteString("\n## Tình hình triển khai\n")
	b.WriteString("\n## Kết quả cụ thể\n")
	b.WriteString("\n## Phương hướng thời gian tới\n")
	return []byte(b.String())
}

func (d ResultDraft) entry(key string) (entry, bool) {
	r := d.Registration
	switch key {
	case "number":
		return entry{value: `""`, comment: `Số báo cáo, ví dụ 45-BC/ĐU, không ghi chữ "Số"`}, true
	case "date":
		note := "Ngày ký báo cáo, NĂM-THÁNG-NGÀY"
		if c := r.Campaign; c != nil && !c.ResultsDeadline.IsZero() {
			note += "; sau " + c.ResultsDeadline.Short() + " là nộp muộn"
		}
		return entry{value: d.Date.String(), comment: note}, true
	case "signer":
		return entry{value: content.YAMLScalar(r.Signer), comment: "Họ tên người ký (như bản đăng ký; sửa nếu khác)"}, true
	case "signer_title":
		return entry{value: content.YAMLScalar(r.SignerTitle), comment: "Chức vụ người ký"}, true
	case "achieved":
		before := "# Dự kiến kết quả đã đăng ký:\n"
		for _, line := range wrapComment(r.ExpectedResults, 70) {
			before += "#   " + line + "\n"
		}
		before += "# Mục bắt buộc dưới đây: thay \"\" bằng dấu >, xuống dòng rồi viết đoạn văn,\n" +
			"# mỗi dòng bắt đầu bằng hai dấu cách; ghi số liệu cụ thể, so với dự kiến.\n"
		return entry{value: `""`, comment: "Kết quả đạt được", before: before}, true
	case "lessons":
		return entry{value: `""`, comment: "Bài học kinh nghiệm (không bắt buộc)"}, true
	}
	return entry{}, false
}

// wrapComment cuts s into lines of at most width characters, at spaces.
func wrapComment(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// CreateResult writes d's file into the site folder siteDir, creating its
// folders, and returns its path; never over a file that is there.
func CreateResult(siteDir string, d ResultDraft) (string, error) {
	file := filepath.Join(siteDir, filepath.FromSlash(d.Path()))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return file, err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return file, fmt.Errorf("tệp %s đã có, không ghi đè: hãy mở tệp đó để sửa: %w", file, ErrExists)
	}
	if err != nil {
		return file, err
	}
	_, err = f.Write(d.File())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
	}
	return file, err
}
