//! Pages and blocks: where each line, label and rule of the document goes, page breaks, and
//! the page numbers. Produces drawing operations per page, each marked with what it is in
//! the structure tree built alongside, and the bookmarks; `write` turns them into PDF.

use pdf_writer::types::{ListNumbering, StructRole};

use crate::document::{Block, Document};
use crate::text::{clean_block, clean_line};

use super::font::FontInfo;
use super::outline::Bookmark;
use super::tags::{Mark, Tree};
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
    /// A vertical rule (the letter's left edge) or a horizontal one (under the title).
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
}

/// A page's drawing operations, in reading order, each with what it is.
pub(super) type PageOps = Vec<(Mark, Op)>;

/// What layout hands to the writer.
pub(super) struct LaidOut {
    pub(super) pages: Vec<PageOps>,
    pub(super) tree: Tree,
    pub(super) bookmarks: Vec<Bookmark>,
}

pub(super) struct Layout {
    width: f32,
    height: f32,
    pages: Vec<PageOps>,
    /// The top of the next line, from the page bottom.
    y: f32,
    /// Nothing placed on the current page yet (no space before the first block).
    page_empty: bool,
    tree: Tree,
    /// The level of the last heading tagged (1: the title), so that none skips a level.
    heading: u8,
    bookmarks: Vec<Bookmark>,
}

impl Layout {
    pub(super) fn new(width: f32, height: f32) -> Self {
        Layout {
            width,
            height,
            pages: vec![Vec::new()],
            y: height - MARGIN_TOP,
            page_empty: true,
            tree: Tree::new(),
            heading: 0,
            bookmarks: Vec::new(),
        }
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

    fn push(&mut self, mark: Mark, op: Op) {
        self.page_empty = false;
        self.pages.last_mut().expect("always one page").push((mark, op));
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

    fn place(&mut self, mark: Mark, line: Line, x: f32, baseline: f32) {
        for run in line {
            self.push(mark, Op::Text { x: x + run.x, y: baseline, run });
        }
    }

    fn lines(&mut self, mark: Mark, lines: Vec<Line>, x: f32, size: f32) {
        for line in lines {
            let baseline = self.next_line(size);
            self.place(mark, line, x, baseline);
        }
    }

    /// Tags a heading of `level` (1 for the title), one level below the last at most, and
    /// bookmarks a section's heading where it starts: at the current position.
    fn heading(&mut self, level: u8, text: &str) -> Mark {
        let level = level.min(self.heading + 1);
        self.heading = level;
        if level > 1 {
            let (page, top, left) = (self.pages.len() - 1, self.y, self.left());
            self.bookmarks.push(Bookmark { level, title: text.to_string(), page, top, left });
        }
        self.tree.leaf(match level {
            1 => StructRole::H1,
            2 => StructRole::H2,
            _ => StructRole::H3,
        })
    }

    pub(super) fn document(&mut self, font: &mut FontInfo, doc: &Document) {
        let title = clean(&doc.title, false);
        if !title.is_empty() {
            let style = Style { size: TITLE_SIZE, bold: true, color: ACCENT };
            let lines = wrap(font, &[(&title, style)], self.text_width());
            let mark = self.heading(1, &title);
            self.lines(mark, lines, self.left(), TITLE_SIZE);
            self.y -= 4.0;
            let (x1, x2, y) = (self.left(), self.left() + self.text_width(), self.y);
            self.push(Mark::Artifact, Op::Line { x1, y1: y, x2, y2: y, width: 0.8 });
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
            // A run of dated steps is one list: it ends at the first other block.
            if self.tree.in_list() && !matches!(block, Block::Dated { .. }) {
                self.tree.close();
            }
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
                    let mark = self.heading(if *level <= 2 { 2 } else { 3 }, &text);
                    self.lines(mark, lines, self.left(), size);
                    self.y -= 3.0;
                }
                Block::Paragraph(text) => {
                    let text = clean(text, false);
                    if text.is_empty() {
                        continue;
                    }
                    self.space(6.0);
                    let lines = wrap(font, &[(&text, BODY)], self.text_width());
                    let mark = self.tree.leaf(StructRole::P);
                    self.lines(mark, lines, self.left(), BODY_SIZE);
                }
                Block::Checklist(items) | Block::Bullets(items) => {
                    let checklist = matches!(block, Block::Checklist(_));
                    self.space(6.0);
                    let indent = if checklist { 1.7 } else { 1.4 } * BODY_SIZE;
                    self.tree.open_list(if checklist { ListNumbering::None } else { ListNumbering::Disc });
                    for item in items {
                        let text = clean(item, false);
                        let lines = wrap(font, &[(&text, BODY)], self.text_width() - indent);
                        self.tree.open(StructRole::LI);
                        let (label, body) = (self.tree.leaf(StructRole::Lbl), self.tree.leaf(StructRole::LBody));
                        for (i, line) in lines.into_iter().enumerate() {
                            let baseline = self.next_line(BODY_SIZE);
                            if i == 0 {
                                let x = self.left();
                                // The label is a character, so that it is read out and copied
                                // too: a ballot box (in synthetic bold, as heavy as the text)
                                // or a bullet.
                                let (c, style, x) =
                                    if checklist { ('☐', BODY_BOLD, x) } else { ('•', BODY, x + 0.35 * BODY_SIZE) };
                                if let Some(glyph) = font.glyph(c) {
                                    let run = Run { x: 0.0, style, glyphs: vec![glyph.id] };
                                    self.push(label, Op::Text { x, y: baseline, run });
                                }
                            }
                            self.place(body, line, self.left() + indent, baseline);
                        }
                        self.tree.close();
                        self.y -= 1.5;
                    }
                    self.tree.close();
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
                    if !self.tree.in_list() {
                        self.tree.open_list(ListNumbering::None);
                    }
                    self.tree.open(StructRole::LI);
                    let (label, body) = (self.tree.leaf(StructRole::Lbl), self.tree.leaf(StructRole::LBody));
                    self.tree.close();
                    for _ in 0..rows {
                        let baseline = self.next_line(BODY_SIZE);
                        if let Some(line) = date_lines.next() {
                            self.place(label, line, self.left(), baseline);
                        }
                        if let Some(line) = text_lines.next() {
                            self.place(body, line, self.left() + date_column, baseline);
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
                    // Its own section, a paragraph for each group of lines between blank ones.
                    self.tree.open(StructRole::Sect);
                    let mut paragraph = None;
                    // The rule along the letter's left edge, on each page it covers: its
                    // page, top and bottom.
                    let mut rule: Option<(usize, f32, f32)> = None;
                    for line in self.letter_lines(font, text) {
                        let (before, mut top) = (self.pages.len(), self.y);
                        let baseline = self.next_line(BODY_SIZE);
                        let page = self.pages.len() - 1;
                        if page == before {
                            // The line moved to a new page: the rule follows it.
                            top = self.y + BODY_SIZE * LEADING;
                        }
                        match &mut rule {
                            Some((on, _, bottom)) if *on == page => *bottom = self.y,
                            _ => {
                                self.rule(rule.take(), rule_x);
                                rule = Some((page, top, self.y));
                            }
                        }
                        if line.is_empty() {
                            paragraph = None;
                            continue;
                        }
                        let mark = *paragraph.get_or_insert_with(|| self.tree.leaf(StructRole::P));
                        self.place(mark, line, self.left() + indent, baseline);
                    }
                    self.rule(rule, rule_x);
                    self.tree.close();
                }
            }
            previous = Some(block);
        }
    }

    /// Draws the letter's rule, from `(page, top, bottom)`, at `x`.
    fn rule(&mut self, rule: Option<(usize, f32, f32)>, x: f32) {
        if let Some((page, y1, y2)) = rule {
            self.pages[page].push((Mark::Artifact, Op::Line { x1: x, y1, x2: x, y2, width: 1.2 }));
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

    /// Adds the page numbers, "n / N", centred in the footer, as page furniture.
    pub(super) fn finish(mut self, font: &mut FontInfo) -> LaidOut {
        let total = self.pages.len();
        let style = Style { size: FOOTER_SIZE, bold: false, color: [FOOTER_GRAY; 3] };
        for (i, page) in self.pages.iter_mut().enumerate() {
            let label = format!("{} / {}", i + 1, total);
            let label_width = font.text_width(&label, FOOTER_SIZE, false);
            let x = (self.width - label_width) / 2.0;
            for run in wrap(font, &[(&label, style)], self.width).into_iter().flatten() {
                page.push((Mark::Pagination, Op::Text { x: x + run.x, y: FOOTER_BASELINE, run }));
            }
        }
        LaidOut { pages: self.pages, tree: self.tree, bookmarks: self.bookmarks }
    }
}
