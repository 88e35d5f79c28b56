//! The plan as a PDF file, written in the browser.
//!
//! One embedded TrueType font (the committed subset `assets/fonts/checkup-sans.ttf`, which the
//! UI fetches only when a visitor asks for a PDF, and passes in as bytes) drawn as a Type0 font
//! with a CIDFontType2 descendant, Identity-H encoding (two-byte codes = glyph ids), a `/W`
//! widths array and a ToUnicode CMap, so the text is selectable and extracts as the exact
//! Unicode that went in. Lines are broken by the font's own glyph advances.
//!
//! Bold is synthesised (fill + a thin stroke of the same glyphs), so one font file serves
//! headings, dates and body text.
//!
//! Visitor-typed text is made safe first: control and invisible formatting characters
//! (bidi overrides, zero-width joiners, variation selectors…) are dropped, and any character
//! the font lacks is drawn as its replacement glyph (U+FFFD, "�"), which is also what it
//! extracts as. The output is deterministic: no dates or ids that change between runs.
//!
//! ## Accessible: tagged, PDF/UA-1 as the bar
//!
//! The file is a tagged PDF (`/MarkInfo << /Marked true >>`) whose structure tree follows
//! the document: `Document` → `H1` (the title), `H2`/`H3`, `P`, lists as `L` → `LI` →
//! `Lbl` + `LBody` (bullets, the checklist with a ☐ label, each run of dated steps with the
//! date as label), and the letter as a `Sect` of `P`s. Every piece of page content is either
//! a marked-content sequence (MCID) of its element, reached back through the parent tree,
//! or an artifact (rules; page numbers as `/Pagination`). Word breaks are real spaces (see
//! `wrap`), so the tagged text reads as words. The catalog carries `/Lang`, XMP metadata
//! with `dc:title` and `pdfuaid:part` 1, `/DisplayDocTitle`, bookmarks for the sections, and
//! each page `/Tabs /S`. `tests/pdf.rs` checks all of it with poppler and qpdf. Checked once
//! by hand with outloud 0.2.1 (PyPI; its PDF/UA-1 rules are calibrated against veraPDF,
//! which could not be fetched here): every sample plan in every language passes.
//!
//! Why pdf-writer and not krilla (measured 2026-12-03; the renderer alone as a wasm32
//! cdylib, opt-level z, LTO, one codegen unit, panic abort, wasm-opt -Oz, brotli -q 11):
//!
//! | | wasm, brotli | wasm after wasm-opt | code lines in `render/pdf*` |
//! |---|---|---|---|
//! | untagged (before) | 30.9 KB | 75.7 KB | 657 |
//! | tagged with pdf-writer (this) | 36.3 KB | 88.9 KB | 955 |
//! | tagged with krilla 0.8.2 (same layout) | 369.8 KB | 1,248 KB | 741 |
//!
//! krilla builds for wasm32, its own PDF/UA-1 validation passed the same tree (once headings
//! carried their text as `/T`, which it asks for), and it
//! subsets and compresses (the sample exit plan's PDF: 39 KB instead of 105 KB); but it brings
//! skrifa's hinting and colour-glyph code, a font subsetter and writer, deflate and float
//! formatting: ten times the download at the moment a visitor asks for the PDF, to save
//! ~210 lines. Tagging by hand costs 5.3 KB.
//!
//! Size choices, all measured (wasm32, opt-level z, LTO, wasm-opt -Oz; see the PDF issue):
//! - The font is embedded as it comes (38.8 KB, already a subset made by
//!   `scripts/make-font.sh`): subsetting it again per document (`subsetter`) or deflating
//!   the streams (`miniz_oxide`, +8 KB brotli of wasm) would shrink a ~65 KB PDF to ~30 KB
//!   but cost every visitor's first load, for a file few download.
//! - ttf-parser is used through its table parsers (`RawFace`, `cmap`, `hmtx`…), not `Face`,
//!   whose CFF and variation code weighs ~10 KB brotli more.
//! - pdf-writer gets integers only, and content streams are written here with integer
//!   arithmetic: its float formatting would bring in ryu and core's float printing.
//!
//! The rooms, in the order a document passes through them: `font` (the TrueType tables
//! read, glyph lookup, widths), `wrap` (line breaking), `layout` (pages and blocks, as
//! drawing operations, each marked with what it is), `tags` (the structure tree),
//! `outline` (bookmarks) and `write` (PDF objects and content streams). Text cleaning is
//! not here: it is [`crate::text`]'s, shared with every other rendering.

mod font;
mod layout;
mod outline;
mod tags;
mod wrap;
mod write;

use std::fmt;

use crate::document::Document;
use crate::i18n::Paper;

use font::FontInfo;
use layout::Layout;
use write::write;

/// Why no PDF could be made. The only input that can be wrong is the font.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// The bytes are not a TrueType/OpenType font ttf-parser can read.
    FontUnreadable,
    /// The font has no glyph outlines in a `glyf` table (e.g. a CFF font), which a
    /// CIDFontType2 cannot embed, or it lacks the basic Latin letters.
    FontUnsuitable,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PdfError::FontUnreadable => "the PDF font could not be read",
            PdfError::FontUnsuitable => "the PDF font is not a TrueType font covering Latin text",
        })
    }
}

impl std::error::Error for PdfError {}

/// Renders `doc` as a PDF on `paper`, with `font` (the bytes of
/// `assets/fonts/checkup-sans.ttf`, or any TrueType font with a `glyf` table) embedded.
/// `lang` is the document language for `/Lang` (a BCP 47 tag such as `cs`; ignored when
/// it is not one).
pub fn pdf(doc: &Document, font: &[u8], paper: Paper, lang: &str) -> Result<Vec<u8>, PdfError> {
    let mut font = FontInfo::new(font)?;
    let (width, height) = match paper {
        Paper::A4 => (595.0, 842.0),
        Paper::Letter => (612.0, 792.0),
    };
    let mut layout = Layout::new(width, height);
    layout.document(&mut font, doc);
    let laid = layout.finish(&mut font);
    Ok(write(&font, &laid, width, height, doc, lang))
}
