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
//! Size choices, all measured (wasm32, opt-level z, LTO, wasm-opt -Oz; see the PDF issue):
//! - The font is embedded as it comes (38.8 KB, already a subset made by
//!   `scripts/make-font.sh`): subsetting it again per document (`subsetter`) or deflating
//!   the streams (`miniz_oxide`, +8 KB brotli of wasm) would shrink a ~65 KB PDF to ~30 KB
//!   but cost every visitor's first load, for a file few download.
//! - ttf-parser is used through its table parsers (`RawFace`, `cmap`, `hmtx`…), not `Face`,
//!   whose CFF and variation code weighs ~10 KB brotli more.
//! - pdf-writer gets integers only, and content streams are written here with integer
//!   arithmetic: its float formatting would bring in ryu and core's float printing.

use std::fmt;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Finish, Name, Pdf, Ref, Str, TextStr};
use ttf_parser::{cmap, head, hhea, hmtx, maxp, GlyphId, RawFace, Tag};

use crate::document::{Block, Document};
use crate::i18n::Paper;
use crate::text::{clean_block, clean_line};

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

/// Page geometry and type sizes, in PostScript points.
const MARGIN_X: f32 = 56.0;
const MARGIN_TOP: f32 = 56.0;
const MARGIN_BOTTOM: f32 = 64.0;
const FOOTER_BASELINE: f32 = 32.0;

const TITLE_SIZE: f32 = 20.0;
const H2_SIZE: f32 = 14.5;
const H3_SIZE: f32 = 12.0;
const BODY_SIZE: f32 = 10.5;
const FOOTER_SIZE: f32 = 8.5;
const LEADING: f32 = 1.4;

/// Synthetic bold: the stroke width as a fraction of the font size. The same amount is
/// added as character spacing so that thickened glyphs keep their distance.
const BOLD_STROKE: f32 = 0.032;

const TEXT_GRAY: f32 = 0.1;
const ACCENT: [f32; 3] = [0.09, 0.24, 0.40];
const FOOTER_GRAY: f32 = 0.4;
const RULE_GRAY: f32 = 0.65;

/// The subset tag + family name in `/BaseFont` (six capitals mark an embedded subset).
const BASE_FONT: &[u8] = b"CCHKUP+DejaVuSans";
const FONT_RES: Name<'static> = Name(b"F1");

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
    let pages = layout.finish(&mut font);
    Ok(write(&font, &pages, width, height, doc, lang))
}

// ---------------------------------------------------------------------------------------------
// Text clean-up

/// What reaches the page: one clean line ([`clean_line`]), or for the letter a block with
/// its line breaks ([`clean_block`]). No-break spaces are drawn as the space they are.
fn clean(text: &str, keep_newlines: bool) -> String {
    if keep_newlines {
        clean_block(text)
    } else {
        clean_line(text)
    }
}

// ---------------------------------------------------------------------------------------------
// Font

/// What the renderer needs from the font, read with ttf-parser's table parsers (not
/// `Face`, which would also bring its CFF, variation and layout code into the wasm).
struct FontInfo<'a> {
    data: &'a [u8],
    cmap: cmap::Subtable4<'a>,
    hmtx: hmtx::Table<'a>,
    head: head::Table,
    hhea: hhea::Table,
    /// Font units per em, as f32.
    upem: f32,
    /// Glyph for characters the font lacks, and the character it extracts as.
    fallback: (u16, char),
    /// By glyph id: the character the glyph extracts as (ToUnicode) and its advance, for
    /// every glyph drawn; `None` for glyphs not used.
    used: Vec<Option<(char, u16)>>,
}

impl<'a> FontInfo<'a> {
    fn new(data: &'a [u8]) -> Result<Self, PdfError> {
        let raw = RawFace::parse(data, 0).map_err(|_| PdfError::FontUnreadable)?;
        let table = |tag: &[u8; 4]| raw.table(Tag::from_bytes(tag)).ok_or(PdfError::FontUnreadable);
        let head = head::Table::parse(table(b"head")?).ok_or(PdfError::FontUnreadable)?;
        let hhea = hhea::Table::parse(table(b"hhea")?).ok_or(PdfError::FontUnreadable)?;
        let maxp = maxp::Table::parse(table(b"maxp")?).ok_or(PdfError::FontUnreadable)?;
        let hmtx = hmtx::Table::parse(hhea.number_of_metrics, maxp.number_of_glyphs, table(b"hmtx")?)
            .ok_or(PdfError::FontUnreadable)?;
        // A CIDFontType2 embeds TrueType outlines only.
        table(b"glyf").map_err(|_| PdfError::FontUnsuitable)?;
        // The Unicode subtable in format 4 (the BMP), which the subset and every common
        // TrueType font have.
        let cmap = cmap::Table::parse(table(b"cmap")?)
            .ok_or(PdfError::FontUnreadable)?
            .subtables
            .into_iter()
            .find_map(|t| match t.format {
                cmap::Format::SegmentMappingToDeltaValues(t4) if t.is_unicode() => Some(t4),
                _ => None,
            })
            .ok_or(PdfError::FontUnsuitable)?;
        let mut font = FontInfo {
            data,
            cmap,
            hmtx,
            head,
            hhea,
            upem: f32::from(head.units_per_em.max(16)),
            fallback: (0, '\u{FFFD}'),
            used: vec![None; usize::from(maxp.number_of_glyphs.get())],
        };
        if font.lookup('a').is_none() {
            return Err(PdfError::FontUnsuitable);
        }
        font.fallback =
            ['\u{FFFD}', '?'].into_iter().find_map(|c| font.lookup(c).map(|g| (g, c))).unwrap_or((0, '\u{FFFD}'));
        Ok(font)
    }

    fn lookup(&self, c: char) -> Option<u16> {
        self.cmap.glyph_index(u32::from(c)).map(|g| g.0).filter(|&g| usize::from(g) < self.used.len())
    }

    /// The glyph for `c` (the fallback when the font lacks it, `None` for a combining
    /// mark the font lacks: the base letter alone reads better than a replacement sign),
    /// recorded as used.
    fn glyph(&mut self, c: char) -> Option<Glyph> {
        let (gid, ch) = match self.lookup(c) {
            Some(g) => (g, c),
            None if is_combining(c) => return None,
            None => self.fallback,
        };
        let advance = self.hmtx.advance(GlyphId(gid)).unwrap_or(0);
        let slot = &mut self.used[usize::from(gid)];
        match slot {
            // Two characters sharing a glyph (e.g. '-' and U+2010): extract as the smaller,
            // the plainer one.
            Some((used, _)) if *used <= ch => {}
            _ => *slot = Some((ch, advance)),
        }
        Some(Glyph { id: gid, advance })
    }

    /// Width of `advance` font units at `size`, plus the character spacing of `style`.
    fn width(&self, advance: u16, size: f32, bold: bool) -> f32 {
        f32::from(advance) * size / self.upem + if bold { BOLD_STROKE * size } else { 0.0 }
    }

    fn text_width(&mut self, text: &str, size: f32, bold: bool) -> f32 {
        let mut total = 0.0;
        for c in text.chars() {
            if let Some(g) = self.glyph(c) {
                total += self.width(g.advance, size, bold);
            }
        }
        total
    }

    /// Converts font units to the PDF's 1/1000 text space units, rounded.
    fn to_pdf(&self, units: impl Into<f32>) -> i32 {
        (units.into() * 1000.0 / self.upem).round() as i32
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[derive(Clone, Copy)]
struct Glyph {
    id: u16,
    advance: u16,
}

// ---------------------------------------------------------------------------------------------
// Line breaking

#[derive(Clone, Copy, PartialEq)]
struct Style {
    size: f32,
    bold: bool,
    color: [f32; 3],
}

const BODY: Style = Style { size: BODY_SIZE, bold: false, color: [TEXT_GRAY; 3] };
const BODY_BOLD: Style = Style { size: BODY_SIZE, bold: true, color: [TEXT_GRAY; 3] };

/// One glyph placed in a line, with the style of the span it came from.
#[derive(Clone, Copy)]
struct Atom {
    glyph: Glyph,
    ch: char,
    style: Style,
    width: f32,
}

/// A run of glyphs in one style, at `x` relative to the line start.
struct Run {
    x: f32,
    style: Style,
    glyphs: Vec<u16>,
}

type Line = Vec<Run>;

/// Breaks styled spans into lines no wider than `width`: at spaces (which are dropped at the
/// break) or after a hyphen, dash or slash; a word longer than a whole line is cut where
/// the line is full.
fn wrap(font: &mut FontInfo, spans: &[(&str, Style)], width: f32) -> Vec<Line> {
    let mut atoms = Vec::new();
    for (text, style) in spans {
        for ch in text.chars() {
            if let Some(glyph) = font.glyph(ch) {
                let width = font.width(glyph.advance, style.size, style.bold);
                atoms.push(Atom { glyph, ch, style: *style, width });
            }
        }
    }

    let mut lines = Vec::new();
    let mut line: Vec<Atom> = Vec::new();
    let mut line_width = 0.0;
    // Where the current line may be broken: the index of the first atom of the next line
    // (spaces there are dropped when the break is taken).
    let mut break_at: Option<usize> = None;
    for atom in atoms {
        if atom.ch == ' ' && line.is_empty() && !lines.is_empty() {
            continue; // no leading space on a continuation line
        }
        if line_width + atom.width > width && atom.ch != ' ' && !line.is_empty() {
            // No break opportunity: the word is longer than the line, cut it here.
            let rest = break_at.map_or_else(Vec::new, |at| line.split_off(at));
            lines.push(finish_line(std::mem::take(&mut line)));
            line = rest;
            while line.first().is_some_and(|a| a.ch == ' ') {
                line.remove(0);
            }
            line_width = line.iter().map(|a| a.width).sum();
            break_at = None;
        }
        line_width += atom.width;
        let ch = atom.ch;
        line.push(atom);
        if ch == ' ' || (line.len() > 1 && matches!(ch, '-' | '‐' | '–' | '—' | '/')) {
            break_at = Some(line.len());
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(finish_line(line));
    }
    lines
}

/// Trims trailing spaces and groups atoms into runs of one style.
fn finish_line(mut atoms: Vec<Atom>) -> Line {
    while atoms.last().is_some_and(|a| a.ch == ' ') {
        atoms.pop();
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut x = 0.0;
    for atom in atoms {
        match runs.last_mut() {
            Some(run) if run.style == atom.style => run.glyphs.push(atom.glyph.id),
            _ => runs.push(Run { x, style: atom.style, glyphs: vec![atom.glyph.id] }),
        }
        x += atom.width;
    }
    runs
}

// ---------------------------------------------------------------------------------------------
// Page layout

enum Op {
    Text {
        x: f32,
        y: f32,
        run: Run,
    },
    /// An empty check box, lower left corner and side.
    Box {
        x: f32,
        y: f32,
        side: f32,
    },
    /// A vertical rule (the letter's left edge) or a horizontal one (under the title).
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
}

struct Layout {
    width: f32,
    height: f32,
    pages: Vec<Vec<Op>>,
    /// The top of the next line, from the page bottom.
    y: f32,
    /// Nothing placed on the current page yet (no space before the first block).
    page_empty: bool,
}

impl Layout {
    fn new(width: f32, height: f32) -> Self {
        Layout { width, height, pages: vec![Vec::new()], y: height - MARGIN_TOP, page_empty: true }
    }

    fn left(&self) -> f32 {
        MARGIN_X
    }

    fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.height - MARGIN_TOP;
        self.page_empty = true;
    }

    /// Starts a new page unless `needed` points still fit above the bottom margin.
    fn ensure(&mut self, needed: f32) {
        if self.y - needed < MARGIN_BOTTOM && !self.page_empty {
            self.new_page();
        }
    }

    /// Vertical space between blocks, dropped at the top of a page.
    fn space(&mut self, points: f32) {
        if !self.page_empty {
            self.y -= points;
        }
    }

    fn push(&mut self, op: Op) {
        self.page_empty = false;
        self.pages.last_mut().expect("always one page").push(op);
    }

    /// Reserves one line of `size` (breaking the page when full) and returns its baseline.
    fn next_line(&mut self, size: f32) -> f32 {
        let height = size * LEADING;
        self.ensure(height);
        let baseline = self.y - height + (height - size) / 2.0 + 0.24 * size;
        self.y -= height;
        self.page_empty = false;
        baseline
    }

    fn place(&mut self, line: Line, x: f32, baseline: f32) {
        for run in line {
            self.push(Op::Text { x: x + run.x, y: baseline, run });
        }
    }

    fn lines(&mut self, lines: Vec<Line>, x: f32, size: f32) {
        for line in lines {
            let baseline = self.next_line(size);
            self.place(line, x, baseline);
        }
    }

    fn document(&mut self, font: &mut FontInfo, doc: &Document) {
        let title = clean(&doc.title, false);
        if !title.is_empty() {
            let style = Style { size: TITLE_SIZE, bold: true, color: ACCENT };
            let lines = wrap(font, &[(&title, style)], self.text_width());
            self.lines(lines, self.left(), TITLE_SIZE);
            self.y -= 4.0;
            let (x1, x2, y) = (self.left(), self.left() + self.text_width(), self.y);
            self.push(Op::Line { x1, y1: y, x2, y2: y, width: 0.8 });
            self.y -= 10.0;
        }

        // The date column is as wide as the widest date, within reason.
        let date_column = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Dated { date, .. } => Some(font.text_width(&clean(date, false), BODY_SIZE, true)),
                _ => None,
            })
            .fold(0.0_f32, f32::max);
        let date_column = (date_column + 0.9 * BODY_SIZE).min(0.38 * self.text_width());

        let mut previous: Option<&Block> = None;
        let mut blocks = doc.blocks.iter().peekable();
        while let Some(block) = blocks.next() {
            match block {
                Block::Heading { level, text } => {
                    let text = clean(text, false);
                    if text.is_empty() {
                        continue;
                    }
                    let size = if *level <= 2 { H2_SIZE } else { H3_SIZE };
                    let style = Style { size, bold: true, color: ACCENT };
                    let lines = wrap(font, &[(&text, style)], self.text_width());
                    self.space(if *level <= 2 { 14.0 } else { 10.0 });
                    // Keep the heading with at least two lines of what follows, or with the
                    // whole letter that follows when that fits on a page.
                    let mut next = 2.0 * BODY_SIZE * LEADING;
                    if let Some(Block::Letter(letter)) = blocks.peek() {
                        let letter = self.letter_height(font, letter);
                        if letter <= self.page_capacity() - 40.0 {
                            next = letter + 8.0;
                        }
                    }
                    self.ensure(lines.len() as f32 * size * LEADING + 3.0 + next);
                    self.lines(lines, self.left(), size);
                    self.y -= 3.0;
                }
                Block::Paragraph(text) => {
                    let text = clean(text, false);
                    if text.is_empty() {
                        continue;
                    }
                    self.space(6.0);
                    let lines = wrap(font, &[(&text, BODY)], self.text_width());
                    self.lines(lines, self.left(), BODY_SIZE);
                }
                Block::Checklist(items) | Block::Bullets(items) => {
                    let checklist = matches!(block, Block::Checklist(_));
                    self.space(6.0);
                    let indent = if checklist { 1.7 } else { 1.4 } * BODY_SIZE;
                    for item in items {
                        let text = clean(item, false);
                        let lines = wrap(font, &[(&text, BODY)], self.text_width() - indent);
                        for (i, line) in lines.into_iter().enumerate() {
                            let baseline = self.next_line(BODY_SIZE);
                            if i == 0 {
                                let x = self.left();
                                if checklist {
                                    let side = 0.78 * BODY_SIZE;
                                    self.push(Op::Box { x: x + 0.5, y: baseline - 0.08 * BODY_SIZE, side });
                                } else if let Some(bullet) = font.glyph('•') {
                                    let run = Run { x: 0.0, style: BODY, glyphs: vec![bullet.id] };
                                    self.push(Op::Text { x: x + 0.35 * BODY_SIZE, y: baseline, run });
                                }
                            }
                            self.place(line, self.left() + indent, baseline);
                        }
                        self.y -= 1.5;
                    }
                }
                Block::Dated { date, text, .. } => {
                    if !matches!(previous, Some(Block::Dated { .. })) {
                        self.space(6.0);
                    } else {
                        self.y -= 2.0;
                    }
                    let date = clean(date, false);
                    let text = clean(text, false);
                    let date_lines = wrap(font, &[(&date, BODY_BOLD)], date_column - 0.9 * BODY_SIZE);
                    let text_lines = wrap(font, &[(&text, BODY)], self.text_width() - date_column);
                    let rows = date_lines.len().max(text_lines.len());
                    let mut date_lines = date_lines.into_iter();
                    let mut text_lines = text_lines.into_iter();
                    for _ in 0..rows {
                        let baseline = self.next_line(BODY_SIZE);
                        if let Some(line) = date_lines.next() {
                            self.place(line, self.left(), baseline);
                        }
                        if let Some(line) = text_lines.next() {
                            self.place(line, self.left() + date_column, baseline);
                        }
                    }
                }
                Block::Letter(text) => {
                    self.space(8.0);
                    // A draft to copy reads best in one piece: start it on a new page rather
                    // than split it, when it fits on one.
                    let height = self.letter_height(font, text);
                    if height <= self.page_capacity() {
                        self.ensure(height);
                    }
                    let indent = 12.0;
                    let rule_x = self.left() + 2.0;
                    for line in self.letter_lines(font, text) {
                        let top = self.y;
                        let baseline = self.next_line(BODY_SIZE);
                        // The line may have moved to a new page: the rule follows it.
                        let top = if baseline > top { self.y + BODY_SIZE * LEADING } else { top };
                        self.push(Op::Line { x1: rule_x, y1: top, x2: rule_x, y2: self.y, width: 1.2 });
                        self.place(line, self.left() + indent, baseline);
                    }
                }
            }
            previous = Some(block);
        }
    }

    /// The letter's lines: its own line breaks kept (blank lines too), long lines wrapped.
    fn letter_lines(&self, font: &mut FontInfo, text: &str) -> Vec<Line> {
        let text = clean(text, true);
        let mut lines = Vec::new();
        for source_line in text.trim_end_matches('\n').split('\n') {
            let source_line = source_line.trim_end();
            if source_line.is_empty() {
                lines.push(Vec::new());
            } else {
                lines.extend(wrap(font, &[(source_line, BODY)], self.text_width() - 12.0));
            }
        }
        lines
    }

    fn letter_height(&self, font: &mut FontInfo, text: &str) -> f32 {
        self.letter_lines(font, text).len() as f32 * BODY_SIZE * LEADING
    }

    /// The height available for text on a page.
    fn page_capacity(&self) -> f32 {
        self.height - MARGIN_TOP - MARGIN_BOTTOM
    }

    /// Adds the page numbers, "n / N", centred in the footer.
    fn finish(mut self, font: &mut FontInfo) -> Vec<Vec<Op>> {
        let total = self.pages.len();
        let style = Style { size: FOOTER_SIZE, bold: false, color: [FOOTER_GRAY; 3] };
        for (i, page) in self.pages.iter_mut().enumerate() {
            let label = format!("{} / {}", i + 1, total);
            let label_width = font.text_width(&label, FOOTER_SIZE, false);
            let x = (self.width - label_width) / 2.0;
            for run in wrap(font, &[(&label, style)], self.width).into_iter().flatten() {
                page.push(Op::Text { x: x + run.x, y: FOOTER_BASELINE, run });
            }
        }
        self.pages
    }
}

// ---------------------------------------------------------------------------------------------
// PDF objects

fn write(font: &FontInfo, pages: &[Vec<Op>], width: f32, height: f32, doc: &Document, lang: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog_id = Ref::new(1);
    let tree_id = Ref::new(2);
    let info_id = Ref::new(3);
    let type0_id = Ref::new(4);
    let cid_id = Ref::new(5);
    let descriptor_id = Ref::new(6);
    let file_id = Ref::new(7);
    let cmap_id = Ref::new(8);
    let page_ids: Vec<Ref> = (0..pages.len()).map(|i| Ref::new(9 + 2 * i as i32)).collect();

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    if let Some(lang) = lang_tag(lang) {
        catalog.lang(TextStr(lang));
    }
    catalog.viewer_preferences().display_doc_title(true);
    catalog.finish();

    let title: String = clean(&doc.title, false).chars().take(300).collect();
    let mut info = pdf.document_info(info_id);
    info.title(TextStr(&title));
    info.producer(TextStr("Client Checkup"));
    info.finish();

    pdf.pages(tree_id).kids(page_ids.iter().copied()).count(pages.len() as i32);

    // Numbers go to pdf-writer as integers only (content streams are written by `Ops`):
    // its float formatting would add ryu and core's float printing to the wasm.
    for (i, (page_id, ops)) in page_ids.iter().zip(pages).enumerate() {
        let content_id = Ref::new(10 + 2 * i as i32);
        let mut page = pdf.page(*page_id);
        page.parent(tree_id).contents(content_id);
        page.insert(Name(b"MediaBox")).array().items([0, 0, width as i32, height as i32]);
        page.resources().fonts().pair(FONT_RES, type0_id);
        page.finish();
        pdf.stream(content_id, &content(ops));
    }

    // The font: Type0 → CIDFontType2 (CID = glyph id) → descriptor → embedded TrueType.
    pdf.type0_font(type0_id)
        .base_font(Name(BASE_FONT))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    let system_info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(Name(BASE_FONT))
        .system_info(system_info)
        .font_descriptor(descriptor_id)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let fallback_advance = font.hmtx.advance(GlyphId(font.fallback.0)).unwrap_or(0);
    cid.pair(Name(b"DW"), font.to_pdf(fallback_advance));
    // /W [first [w w …] first [w …] …]: one entry per run of consecutive used glyphs.
    let mut widths = cid.insert(Name(b"W")).array();
    let mut gid = 0;
    while gid < font.used.len() {
        if font.used[gid].is_none() {
            gid += 1;
            continue;
        }
        widths.item(gid as i32);
        let mut run = widths.push().array();
        while let Some(Some((_, advance))) = font.used.get(gid) {
            run.item(font.to_pdf(*advance));
            gid += 1;
        }
    }
    widths.finish();
    cid.finish();

    let bbox = font.head.global_bbox;
    let mut descriptor = pdf.font_descriptor(descriptor_id);
    descriptor.name(Name(BASE_FONT)).flags(FontFlags::SYMBOLIC).font_file2(file_id);
    descriptor
        .insert(Name(b"FontBBox"))
        .array()
        .items([bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max].map(|v| font.to_pdf(v)));
    descriptor.pair(Name(b"ItalicAngle"), 0);
    descriptor.pair(Name(b"Ascent"), font.to_pdf(font.hhea.ascender));
    descriptor.pair(Name(b"Descent"), font.to_pdf(font.hhea.descender));
    // No OS/2 parsing for one number: DejaVu's capitals are 0.73 em, 0.78 of its ascender.
    descriptor.pair(Name(b"CapHeight"), font.to_pdf(f32::from(font.hhea.ascender) * 0.78));
    descriptor.pair(Name(b"StemV"), 80);
    descriptor.finish();

    // The committed subset, embedded as it is (see the module docs for why it is neither
    // subset again nor compressed here).
    pdf.stream(file_id, font.data).pair(Name(b"Length1"), font.data.len() as i32);

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), system_info);
    for (gid, used) in font.used.iter().enumerate() {
        if let Some((ch, _)) = used {
            cmap.pair(gid as u16, *ch);
        }
    }
    let cmap = cmap.finish();
    pdf.cmap(cmap_id, &cmap).name(Name(b"Custom")).system_info(system_info);

    pdf.finish()
}

/// A page's content stream.
fn content(ops: &[Op]) -> Vec<u8> {
    let mut out = Ops(Vec::with_capacity(ops.len() * 64));
    // The text state (rendering mode, character spacing) outlives BT…ET: track it.
    let mut bold = false;
    for op in ops {
        match op {
            Op::Text { x, y, run } => {
                let Style { size, bold: run_bold, color } = run.style;
                out.raw(b"BT ");
                out.color(color, b"rg");
                out.raw(b"/F1 ");
                out.num(size);
                out.raw(b"Tf ");
                if run_bold {
                    // Synthetic bold: fill and stroke the outlines, spaced apart a little.
                    out.color(color, b"RG");
                    out.num(BOLD_STROKE * size);
                    out.raw(b"w 2 Tr ");
                    out.num(BOLD_STROKE * size);
                    out.raw(b"Tc ");
                } else if bold {
                    out.raw(b"0 Tr 0 Tc ");
                }
                bold = run_bold;
                out.raw(b"1 0 0 1 ");
                out.num(*x);
                out.num(*y);
                out.raw(b"Tm <");
                for glyph in &run.glyphs {
                    for shift in [12, 8, 4, 0] {
                        out.0.push(b"0123456789ABCDEF"[usize::from(glyph >> shift & 15)]);
                    }
                }
                out.raw(b"> Tj ET\n");
            }
            Op::Box { x, y, side } => {
                out.raw(b"0.25 G 0.8 w ");
                for v in [*x, *y, *side, *side] {
                    out.num(v);
                }
                out.raw(b"re S\n");
            }
            Op::Line { x1, y1, x2, y2, width } => {
                out.num(RULE_GRAY);
                out.raw(b"G ");
                out.num(*width);
                out.raw(b"w ");
                out.num(*x1);
                out.num(*y1);
                out.raw(b"m ");
                out.num(*x2);
                out.num(*y2);
                out.raw(b"l S\n");
            }
        }
    }
    out.0
}

/// Content-stream writing, numbers to two decimals (1/100 pt is far below what any printer
/// resolves).
struct Ops(Vec<u8>);

impl Ops {
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// Writes `value` and a space.
    fn num(&mut self, value: f32) {
        let hundredths = (value * 100.0).round() as i64;
        if hundredths < 0 {
            self.0.push(b'-');
        }
        let abs = hundredths.unsigned_abs();
        self.int(abs / 100);
        let frac = abs % 100;
        if frac != 0 {
            self.0.push(b'.');
            self.0.push(b'0' + (frac / 10) as u8);
            if !frac.is_multiple_of(10) {
                self.0.push(b'0' + (frac % 10) as u8);
            }
        }
        self.0.push(b' ');
    }

    fn int(&mut self, value: u64) {
        if value >= 10 {
            self.int(value / 10);
        }
        self.0.push(b'0' + (value % 10) as u8);
    }

    fn color(&mut self, [r, g, b]: [f32; 3], op: &[u8]) {
        for v in [r, g, b] {
            self.num(v);
        }
        self.raw(op);
        self.0.push(b' ');
    }
}

/// A BCP 47-shaped tag (letters, digits, hyphens, at most 35 characters), or nothing.
fn lang_tag(lang: &str) -> Option<&str> {
    let ok = !lang.is_empty()
        && lang.len() <= 35
        && lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && lang.as_bytes()[0].is_ascii_alphabetic();
    ok.then_some(lang)
}
