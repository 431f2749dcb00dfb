package render

import (
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// Attachments: the files of a registration and of its results report are
// copied beside the registration's page, those of the report in a folder
// of their own (a report's file may have the name of one of the
// registration's), and listed on the page.

// resultAttachmentsDir is the folder, under a registration's page, of its
// results report's files.
const resultAttachmentsDir = "ket-qua/"

// Attachment is where a file attached to r is published; ofResult when it
// is attached to r's results report.
func (u URLs) Attachment(r *content.Registration, a content.Attachment, ofResult bool) string {
	url := u.Registration(r)
	if ofResult {
		url += resultAttachmentsDir
	}
	return url + a.Name
}

// attachmentLine is an attached file as a page lists it.
type attachmentLine struct {
	Name  string
	URL   string
	About string // its type and size: "PDF, 1,2 MB"
	Image bool   // shown, not only linked
	Alt   string // for an image: its file name in words
}

func attachmentLines(r *content.Registration, list []content.Attachment, ofResult bool, u URLs) []attachmentLine {
	lines := make([]attachmentLine, len(list))
	for i, a := range list {
		lines[i] = attachmentLine{
			Name:  a.Name,
			URL:   u.Attachment(r, a, ofResult),
			About: strings.ToUpper(a.Type) + ", " + sizeInWords(a.Size),
		}
		if a.Type != "pdf" {
			stem, _, _ := strings.Cut(a.Name, ".")
			lines[i].Image, lines[i].Alt = true, strings.ReplaceAll(stem, "-", " ")
		}
	}
	return lines
}

// sizeInWords writes a file size as a reader of Vietnamese expects it: a
// decimal comma, one decimal from a megabyte on ("1,2 MB", "340 KB").
func sizeInWords(n int64) string {
	switch {
	case n < 1<<10:
		return strconv.FormatInt(n, 10) + " byte"
	case n < 1<<20-1<<9: // under what rounds to 1024 KB
		return strconv.FormatInt((n+1<<9)>>10, 10) + " KB"
	}
	tenths := (n*10 + 1<<19) >> 20
	return strconv.FormatInt(tenths/10, 10) + "," + strconv.FormatInt(tenths%10, 10) + " MB"
}

// attachmentJobs copies the attached files of every registration and
// results report from files, the site folder; none when files is nil.
// Each file streams from the content to the output: none is held whole.
func attachmentJobs(site *content.Site, u URLs, files fs.FS) []job {
	if files == nil {
		return nil
	}
	var jobs []job
	add := func(r *content.Registration, list []content.Attachment, ofResult bool) {
		for _, a := range list {
			jobs = append(jobs, fileJob(u.Attachment(r, a, ofResult), func(w io.Writer) error {
				return copyAttachment(w, files, a)
			}))
		}
	}
	for _, r := range site.Registrations {
		add(r, r.Attachments, false)
		if r.Result != nil {
			add(r, r.Result.Attachments, true)
		}
	}
	return jobs
}

// AttachmentSources maps the output file of every file attached in site
// to the attachment it is copied from: what serve reads from the site
// folder when the file is asked for, rather than hold it in memory.
func (r *Renderer) AttachmentSources(site *content.Site) map[string]content.Attachment {
	m := map[string]content.Attachment{}
	add := func(reg *content.Registration, list []content.Attachment, ofResult bool) {
		for _, a := range list {
			m[r.urls.outputPath(r.urls.Attachment(reg, a, ofResult))] = a
		}
	}
	for _, reg := range site.Registrations {
		add(reg, reg.Attachments, false)
		if reg.Result != nil {
			add(reg, reg.Result.Attachments, true)
		}
	}
	return m
}

func copyAttachment(w io.Writer, files fs.FS, a content.Attachment) error {
	f, err := files.Open(a.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	// The loader checked the size; a file grown since is not published
	// cut short, but refused.
	n, err := io.Copy(w, io.LimitReader(f, content.MaxAttachmentSize+1))
	if err == nil && n != a.Size {
		err = fmt.Errorf("%s changed while the site was built", a.Path)
	}
	return err
}
