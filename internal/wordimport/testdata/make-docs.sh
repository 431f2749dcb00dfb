#!/bin/sh
# Makes the test documents of internal/wordimport with LibreOffice, the
# way an organisation's office would: each docs/*.html (and the TCVN3
# letter, written from docs/van-ban-tcvn3.txt in the ".VnTime" fonts) is
# converted to .docx, and docs/danh-sach.csv to .xlsx. The sources and
# the results are kept; run again only when a source changes:
#
#	cd internal/wordimport/testdata && sh make-docs.sh
set -eu
cd "$(dirname "$0")/docs"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
office() { soffice -env:UserInstallation="file://$profile" --headless "$@" >/dev/null; }

# The TCVN3 letter: each line "H|text" (a heading, set in .VnTimeH, a
# font of capitals) or "T|text" (.VnTime), its text in TCVN3 bytes as
# Word shows them ("§¶ng ñy").
{
	echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>TCVN3</title></head><body>'
	while IFS='|' read -r kind text; do
		case $kind in H) font=.VnTimeH ;; *) font=.VnTime ;; esac
		enc=$(printf %s "$text" | go run ../tcvn3enc)
		printf '<p><span style="font-family:\047%s\047">%s</span></p>\n' "$font" "$enc"
	done <van-ban-tcvn3.txt
	echo '</body></html>'
} >van-ban-tcvn3.html

for f in *.html; do
	office --convert-to 'docx:MS Word 2007 XML' "$f"
done
office --infilter='Text - txt - csv (StarCalc):44,34,76,1,8/4' --convert-to xlsx danh-sach.csv

# The old binary Word format, for the import through LibreOffice.
office --convert-to 'doc:MS Word 97' mot-mo-hinh.docx
