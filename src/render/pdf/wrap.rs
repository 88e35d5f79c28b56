//! Line breaking by the font's own glyph advances.

use super::font::{FontInfo, Glyph};

#[derive(Clone, Copy, PartialEq)]
pub(super) struct Style {
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) color: [f32; 3],
}

/// One glyph placed in a line, with the style of the span it came from.
#[derive(Clone, Copy)]
struct Atom {
    glyph: Glyph,
    ch: char,
    style: Style,
    width: f32,
}

/// A run of glyphs in one style, at `x` relative to the line start.
pub(super) struct Run {
    pub(super) x: f32,
    pub(super) style: Style,
    pub(super) glyphs: Vec<u16>,
}

pub(super) type Line = Vec<Run>;

/// Breaks styled spans into lines no wider than `width`: at spaces or after a hyphen, dash
/// or slash; a word longer than a whole line is cut where the line is full.
///
/// A line broken at a space keeps one space at its end. It draws nothing, but it is the
/// word break in the text a screen reader reads or a copy takes (a tagged PDF's text runs
/// on from line to line), which would otherwise join the last word of a line to the first
/// of the next.
pub(super) fn wrap(font: &mut FontInfo, spans: &[(&str, Style)], width: f32) -> Vec<Line> {
    let mut atoms = Vec::new();
    for (text, style) in spans {
        for ch in text.chars() {
            if let Some(glyph) = font.glyph(ch) {
                let width = font.width(glyph.advance, style.size, style.bold);
                atoms.push(Atom { glyph, ch, style: *style, width });
            }
        }
    }

    let mut lines: Vec<Vec<Atom>> = Vec::new();
    let mut line: Vec<Atom> = Vec::new();
    let mut line_width = 0.0;
    // Where the current line may be broken: the index of the first atom of the next line
    // (spaces before it stay on this line).
    let mut break_at: Option<usize> = None;
    for atom in atoms {
        if atom.ch == ' ' && line.is_empty() {
            if let Some(previous) = lines.last_mut() {
                // No leading space on a continuation line: it ends the line before.
                previous.push(atom);
                continue;
            }
        }
        if line_width + atom.width > width && atom.ch != ' ' && !line.is_empty() {
            // No break opportunity: the word is longer than the line, cut it here.
            let rest = break_at.map_or_else(Vec::new, |at| line.split_off(at));
            lines.push(std::mem::take(&mut line));
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
        lines.push(line);
    }
    let last = lines.len() - 1;
    lines.into_iter().enumerate().map(|(i, atoms)| finish_line(atoms, i < last)).collect()
}

/// Trims trailing spaces (keeping one when the line `continues` on the next) and groups
/// atoms into runs of one style.
fn finish_line(mut atoms: Vec<Atom>, continues: bool) -> Line {
    let mut space = None;
    while atoms.last().is_some_and(|a| a.ch == ' ') {
        space = atoms.pop();
    }
    if continues {
        atoms.extend(space);
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
