#!/usr/bin/python3
"""Makes the document typeface: Liberation Serif 2 (Debian fonts-liberation2),
subset to the characters Vietnamese documents use and renamed "Mohinh Serif"
as the SIL Open Font License requires of a modified version (the Reserved
Font Names are Liberation, Tinos, Arimo and Cousine). Needs python3-fonttools
and python3-brotli. Run from the layouts folder: /usr/bin/python3 make-fonts.py; it writes
assets/fonts/mohinh-serif-*.woff2 (the licence is assets/fonts/OFL.txt).
"""
import io
from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/liberation2/LiberationSerif-%s.ttf"
STYLES = {"Regular": "regular", "Bold": "bold", "Italic": "italic", "BoldItalic": "bold-italic"}
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

for style, slug in STYLES.items():
    font = TTFont(SOURCE % style, recalcTimestamp=False)
    opts = subset.Options()
    opts.flavor = "woff2"
    opts.layout_features = ["kern", "liga", "ccmp", "mark", "mkmk", "locl"]
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    opts.notdef_outline = True
    s = subset.Subsetter(opts)
    s.populate(unicodes=UNICODES)
    s.subset(font)
    name = font["name"]
    family, full = "Mohinh Serif", "Mohinh Serif " + STYLE_NAMES[style]
    postscript = "MohinhSerif-" + style
    for rec in name.names:
        if rec.nameID == 1:
            rec.string = family
        elif rec.nameID == 3:
            rec.string = "Mohinh Serif " + STYLE_NAMES[style] + " (subset of Liberation Serif 2.1.5)"
        elif rec.nameID == 4:
            rec.string = full
        elif rec.nameID == 6:
            rec.string = postscript
    name.names = [r for r in name.names if r.nameID not in (16, 17)]
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    with open("assets/fonts/mohinh-serif-%s.woff2" % slug, "wb") as f:
        f.write(out.getvalue())
    print(slug, len(out.getvalue()), "bytes")
