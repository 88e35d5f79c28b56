#!/usr/bin/env bash
# Builds assets/fonts/checkup-sans.ttf: the one font the PDF renderer (src/render/pdf.rs)
# embeds. Run once by hand; the result is committed, so builds never need this script.
#
# Source: DejaVu Sans from Debian's fonts-dejavu-core (free licence, see
# assets/fonts/LICENSE-DejaVu.txt). Tool: fontTools' pyftsubset (`pip install fonttools`).
#
# What is kept: the characters the widget's languages need (English, Catalan, Czech, Polish,
# Russian and neighbours) plus typographic punctuation and a few symbols; glyph outlines,
# advances and the cmap. What is dropped: hinting, OpenType layout (GSUB/GPOS/GDEF: the
# renderer places glyphs one by one), kerning, glyph names. Combining accents have no
# advance and sit over the letter before them, which is good enough without GPOS.
# U+FFFD is kept as the visible fallback for any character outside the subset.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="${DEJAVU:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}"
OUT="$ROOT/assets/fonts/checkup-sans.ttf"

if [ ! -f "$SRC" ]; then
  echo "missing $SRC: apt-get install -y fonts-dejavu-core" >&2; exit 1
fi
python3 -c 'import fontTools' 2>/dev/null || python3 -m pip install --quiet fonttools

UNICODES=(
  U+0020-007E   # Basic Latin
  U+00A0-00FF   # Latin-1 Supplement (à ç é ü « » · …)
  U+0100-017F   # Latin Extended-A (ř ů ě ł ż ś ŀ …)
  U+0218-021B   # Ș ș Ț ț
  U+02C6-02C7 U+02D8-02DD  # spacing accents (ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝)
  U+0300-0308 U+030A-030C U+0326-0328  # combining accents, for decomposed input (e + ◌́)
  U+0400-045F   # Cyrillic
  U+0490-0491   # Ґ ґ
  U+2010-2027   # General Punctuation: dashes, quotes, bullet, ellipsis
  U+2030 U+2032-2033 U+2039-203A U+2044  # ‰ ′ ″ ‹ › ⁄
  U+20AC U+20B4 U+20BD  # € ₴ ₽
  U+2116 U+2122         # № ™
  U+2190-2193 U+2212    # ← ↑ → ↓ −
  U+2610-2612 U+2713-2714  # ☐ ☑ ☒ ✓ ✔
  U+FFFD        # replacement character: the fallback glyph
)

pyftsubset "$SRC" \
  --unicodes="$(IFS=,; echo "${UNICODES[*]}" | tr -d ' ')" \
  --output-file="$OUT" \
  --no-hinting \
  --drop-tables+=GSUB,GPOS,GDEF,kern,BASE,JSTF,MATH,FFTM \
  --layout-features='' \
  --no-glyph-names \
  --notdef-outline \
  --name-IDs=0,1,2,3,4,5,6,13,14 \
  --name-languages=0x409 \
  --recalc-bounds

# The licence: Debian's copyright file, plus the full text the font carries itself (name ID
# 13), which adds the Arev section Debian's file leaves out.
LICENSE="$ROOT/assets/fonts/LICENSE-DejaVu.txt"
cp /usr/share/doc/fonts-dejavu-core/copyright "$LICENSE"
printf '\n\n%s\n\n' "----- The licence text embedded in DejaVuSans.ttf (name ID 13) -----" >>"$LICENSE"
python3 -c 'import sys; from fontTools.ttLib import TTFont; print(TTFont(sys.argv[1])["name"].getDebugName(13))' "$SRC" >>"$LICENSE"
printf '%s: %s bytes raw, %s gzip -9, %s brotli -q 11\n' "$(basename "$OUT")" \
  "$(wc -c <"$OUT")" "$(gzip -9c "$OUT" | wc -c)" "$(brotli -q 11 -c "$OUT" | wc -c)"
