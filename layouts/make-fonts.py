#!/usr/bin/python3
"""Makes the site's typefaces: the document serif, Liberation Serif 2 (Debian
fonts-liberation2), and the monospace of files and code, Liberation Mono 2
(regular only), subset to the characters Vietnamese documents use and renamed
"Mohinh Serif" and "Mohinh Mono" as the SIL Open Font License requires of a
modified version (the Reserved Font Names are Liberation, Tinos, Arimo and
Cousine). Needs python3-fonttools and python3-brotli. Run from the layouts
folder: /usr/bin/python3 make-fonts.py; it writes assets/fonts/mohinh-serif-*.woff2
and assets/fonts/mohinh-mono-regular.woff2 (the licence is assets/fonts/OFL.txt).
"""
import io
from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/liberation2/Liberation%s-%s.ttf"
# (source family, style): (family, file slug)
FONTS = {
    ("Serif", "Regular"): ("Mohinh Serif", "serif-regular"),
    ("Serif", "Bold"): ("Mohinh Serif", "serif-bold"),
    ("Serif", "Italic"): ("Mohinh Serif", "serif-italic"),
    ("Serif", "BoldItalic"): ("Mohinh Serif", "serif-bold-italic"),
    ("Mono", "Regular"): ("Mohinh Mono", "mono-regular"),
}
STYLE_NAMES = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}

# What Vietnamese documents are written with: ASCII, Latin-1 (À Á Â Ã È É
# Ê Ì Í Ò Ó Ô Õ Ù Ú Ý and the lower case), Ă Đ Ĩ Ũ Ơ Ư, the combining tone
# marks of decomposed text, Latin Extended Additional (Ạ … ỹ), dashes,
# quotes, the ellipsis, the bullet, № and ₫.
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x0102, 0x0103), (0x0110, 0x0111),
    (0x0128, 0x0129), (0x0168, 0x0169), (0x01A0, 0x01A1), (0x01AF, 0x01B0),
    (0x0300, 0x0301), (0x0303, 0x0303), (0x0309, 0x0309), (0x0323, 0x0323),
    (0x1EA0, 0x1EF9), (0x2013, 0x2014), (0x2018, 0x201D), (0x2022, 0x2022),
    (0x2026, 0x2026), (0x2116, 0x2116), (0x20AB, 0x20AB),
]
UNICODES = [c for lo, hi in RANGES for c in range(lo, hi + 1)]

for (source, style), (family, slug) in FONTS.items():
    font = TTFont(SOURCE % (source, style), recalcTimestamp=False)
    opts = subset.Options()
    opts.flavor = "woff2"
    opts.layout_features = ["kern", "liga", "ccmp", "mark", "mkmk", "locl"]
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    opts.notdef_outline = True
    s = subset.Subsetter(opts)
    s.populate(unicodes=UNICODES)
    s.subset(font)
    name = font["name"]
    full = family + " " + STYLE_NAMES[style]
    postscript = family.replace(" ", "") + "-" + style
    for rec in name.names:
        if rec.nameID == 1:
            rec.string = family
        elif rec.nameID == 3:
            rec.string = full + " (subset of Liberation " + source + " 2.1.5)"
        elif rec.nameID == 4:
            rec.string = full
        elif rec.nameID == 6:
            rec.string = postscript
    name.names = [r for r in name.names if r.nameID not in (16, 17)]
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    with open("assets/fonts/mohinh-%s.woff2" % slug, "wb") as f:
        f.write(out.getvalue())
    print(slug, len(out.getvalue()), "bytes")
