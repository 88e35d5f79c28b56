//! Pages and blocks: where each line, box and rule of the document goes, page breaks, and
//! the page numbers. Produces drawing operations per page; `write` turns them into PDF.

use crate::document::{Block, Document};
use crate::text::{clean_block, clean_line};

use super::font::FontInfo;
use super::wrap::{wrap, Line, Run, Style};

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

const TEXT_GRAY: f32 = 0.1;
const ACCENT: [f32; 3] = [0.09, 0.24, 0.40];
const FOOTER_GRAY: f32 = 0.4;

const BODY: Style = Style { size: BODY_SIZE, bold: false, color: [TEXT_GRAY; 3] };
const BODY_BOLD: Style = Style { size: BODY_SIZE, bold: true, color: [TEXT_GRAY; 3] };

/// What reaches the page: one clean line ([`clean_line`]), or for the letter a block with
/// its line breaks ([`clean_block`]). No-break spaces are drawn as the space they are.
fn clean(text: &str, keep_newlines: bool) -> String {
    if keep_newlines {
        clean_block(text)
    } else {
        clean_line(text)
    }
}

pub(super) enum Op {
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

pub(super) struct Layout {
    width: f32,
    height: f32,
    pages: Vec<Vec<Op>>,
    /// The top of the next line, from the page bottom.
    y: f32,
    /// Nothing placed on the current page yet (no space before the first block).
    page_empty: bool,
}

impl Layout {
    pub(super) fn new(width: f32, height: f32) -> Self {
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

    pub(super) fn document(&mut self, font: &mut FontInfo, doc: &Document) {
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
    /// A line followed by another of the same paragraph ends with a space, as a wrapped one
    /// does (see [`wrap`]): "Kind regards," and "Jan" read as two words, not one.
    fn letter_lines(&self, font: &mut FontInfo, text: &str) -> Vec<Line> {
        let text = clean(text, true);
        let space = font.glyph(' ');
        let mut lines: Vec<Line> = Vec::new();
        for source_line in text.trim_end_matches('\n').split('\n') {
            let source_line = source_line.trim_end();
            if source_line.is_empty() {
                lines.push(Vec::new());
                continue;
            }
            if let (Some(space), Some(run)) = (space, lines.last_mut().and_then(|line| line.last_mut())) {
                run.glyphs.push(space.id);
            }
            lines.extend(wrap(font, &[(source_line, BODY)], self.text_width() - 12.0));
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
    pub(super) fn finish(mut self, font: &mut FontInfo) -> Vec<Vec<Op>> {
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
