"""Regenerates the font the PDF documents embed, from the npm package's Noto Sans SC (OFL-1.1).

The result, NotoSansSC-Regular.documents.ttf, is committed beside this script with the font's
licence (OFL.txt), so installing, testing and packaging need no Python. Run this only after
changing extra-characters.txt or the source font, on a machine with Debian's python3-fonttools
(`apt-get install python3-fonttools`), from the repository root after `npm ci`:

    /usr/bin/python3 functions/assets/fonts/prepare_document_font.py

Two things happen here, both needed by pdf-lib + @pdf-lib/fontkit (see docs/electronic-documents.md):
- subset to the characters documents need: printable ASCII, GB 2312 (levels 1 and 2, symbols and
  full-width forms) and the characters listed in extra-characters.txt (symbols outside GB 2312 and
  rare name characters an insurer adds), which takes the 10.5 MB font to about 2.4 MB — small
  enough for a Lambda package and quick to parse on a cold start;
- re-save with 4-byte glyph padding: @pdf-lib/fontkit's subsetter corrupts glyphs that start at
  odd offsets, which leaves about half the Chinese characters blank in the PDF.

Usage: prepare_document_font.py [SOURCE.ttf EXTRA_CHARACTERS.txt OUTPUT.ttf]
(defaults: the npm package's 400 Regular, extra-characters.txt and the committed font here).
"""
import os
import shutil
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.join(HERE, "..", "..", "..", "node_modules", "@expo-google-fonts", "noto-sans-sc")
DEFAULTS = [
    os.path.join(PACKAGE, "400Regular", "NotoSansSC_400Regular.ttf"),
    os.path.join(HERE, "extra-characters.txt"),
    os.path.join(HERE, "NotoSansSC-Regular.documents.ttf"),
]


def gb2312_characters():
    characters = []
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                characters.append(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return characters


def main(source, extra_file, output):
    with open(extra_file, encoding="utf-8") as handle:
        extra = [c for line in handle if not line.startswith("#") for c in line.strip()]
    text = "".join([chr(c) for c in range(0x20, 0x7F)] + gb2312_characters() + extra)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    font["glyf"].padding = 4
    font.save(output)
    licence = os.path.join(os.path.dirname(os.path.abspath(source)), "..", "LICENSE_FONT")
    if os.path.exists(licence):
        shutil.copyfile(licence, os.path.join(os.path.dirname(os.path.abspath(output)), "OFL.txt"))


if __name__ == "__main__":
    main(*(sys.argv[1:4] if len(sys.argv) > 1 else DEFAULTS))
