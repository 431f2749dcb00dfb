package content

import (
	"path"
	"strconv"
	"strings"
)

// Where the files of a site go, relative to the site folder and
// slash-separated, as the loader classifies them (classify) and as every
// other package names them: the path of a registration says its call and
// its organisation, and its file name is FileSlug of its title.

// RegistrationsDir is the folder of the registrations.
const RegistrationsDir = "content/registrations"

// RegistrationPathPattern is a registration's path with {year}, {org} and
// {slug} to fill in: the form fills it in the browser.
const RegistrationPathPattern = RegistrationsDir + "/{year}/{org}/{slug}.md"

// registrationPathHelp is the same, for people, in the loader's messages.
const registrationPathHelp = RegistrationsDir + "/<năm>/<mã-tổ-chức>/<tên-tệp>.md"

// RegistrationPath returns where the registration of organisation org,
// for the call of year, with file name slug (without .md) goes.
func RegistrationPath(year int, org, slug string) string {
	return path.Join(RegistrationsDir, strconv.Itoa(year), org, slug+".md")
}

// IsRegistrationPath reports whether p names a registration's file: a
// Markdown file under RegistrationsDir.
func IsRegistrationPath(p string) bool {
	return InRegistrations(p) && strings.HasSuffix(p, ".md")
}

// InRegistrations reports whether p is under RegistrationsDir: a
// registration, a folder of them, or a file misplaced there.
func InRegistrations(p string) bool {
	return strings.HasPrefix(p, RegistrationsDir+"/")
}

// IsEditorFile reports whether a file or folder name is an editor's or
// the system's, which no one means as content: dotfiles (Emacs's lock
// files among them), vim's swap files and its "4913" write probe, backups
// ending in ~, Emacs's auto-save files (#name#), temporary files. The
// loader skips them, and serve neither watches nor rebuilds for them, so
// that saving in an editor is one rebuild of what the loader reads.
func IsEditorFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") || name == "4913"
}

// DecisionsDir is the folder of the decisions: the documents by which a
// committee decides on registrations, one file per document.
const DecisionsDir = "content/decisions"

// decisionPathHelp is where a decision goes, for people, in the loader's
// messages.
const decisionPathHelp = DecisionsDir + "/<năm>/<mã-cấp-ủy-ban-hành>/<tên-tệp>.md"

// DecisionPath returns where the decision of issuer, on the call of year,
// with file name slug (without .md) goes.
func DecisionPath(year int, issuer, slug string) string {
	return path.Join(DecisionsDir, strconv.Itoa(year), issuer, slug+".md")
}

// RegistrationRef is how a decision names a registration of its call:
// "<organisation>/<slug>", the last two parts of its path.
func RegistrationRef(r *Registration) string {
	return r.OrganisationID + "/" + r.Slug
}
