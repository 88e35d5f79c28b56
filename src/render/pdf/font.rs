//! The embedded font: the TrueType tables the renderer reads, glyph lookup (with the
//! replacement glyph for what the font lacks) and advance widths, and the record of every
//! glyph drawn, from which the PDF's `/W` widths and ToUnicode CMap are written.

use ttf_parser::{cmap, head, hhea, hmtx, maxp, GlyphId, RawFace, Tag};

use super::PdfError;

/// Synthetic bold: the stroke width as a fraction of the font size. The same amount is
/// added as character spacing so that thickened glyphs keep their distance.
pub(super) const BOLD_STROKE: f32 = 0.032;

/// What the renderer needs from the font, read with ttf-parser's table parsers (not
/// `Face`, which would also bring its CFF, variation and layout code into the wasm).
pub(super) struct FontInfo<'a> {
    pub(super) data: &'a [u8],
    cmap: cmap::Subtable4<'a>,
    pub(super) hmtx: hmtx::Table<'a>,
    pub(super) head: head::Table,
    pub(super) hhea: hhea::Table,
    /// Font units per em, as f32.
    upem: f32,
    /// Glyph for characters the font lacks, and the character it extracts as.
    pub(super) fallback: (u16, char),
    /// By glyph id: the character the glyph extracts as (ToUnicode) and its advance, for
    /// every glyph drawn; `None` for glyphs not used.
    pub(super) used: Vec<Option<(char, u16)>>,
}

impl<'a> FontInfo<'a> {
    pub(super) fn new(data: &'a [u8]) -> Result<Self, PdfError> {
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
    pub(super) fn glyph(&mut self, c: char) -> Option<Glyph> {
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
    pub(super) fn width(&self, advance: u16, size: f32, bold: bool) -> f32 {
        f32::from(advance) * size / self.upem + if bold { BOLD_STROKE * size } else { 0.0 }
    }

    pub(super) fn text_width(&mut self, text: &str, size: f32, bold: bool) -> f32 {
        let mut total = 0.0;
        for c in text.chars() {
            if let Some(g) = self.glyph(c) {
                total += self.width(g.advance, size, bold);
            }
        }
        total
    }

    /// Converts font units to the PDF's 1/1000 text space units, rounded.
    pub(super) fn to_pdf(&self, units: impl Into<f32>) -> i32 {
        (units.into() * 1000.0 / self.upem).round() as i32
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[derive(Clone, Copy)]
pub(super) struct Glyph {
    pub(super) id: u16,
    pub(super) advance: u16,
}
