//! The plan as Markdown (CommonMark with GitHub's task lists).
//!
//! ## Escaping
//! Every text in the [`Document`] is treated as untrusted, because some of it is typed by
//! the visitor (nickname, deliverables) and the rest comes from translators:
//! - **Inline text** (title, headings, paragraphs, list items, dated steps) is first made
//!   one clean line ([`clean_line`]: line breaks and tabs become spaces; controls, bidi
//!   controls and invisible format characters are dropped, so text cannot display
//!   reversed or hide a part of itself). Then
//!   the characters that carry Markdown or HTML meaning, `` \ ` * _ [ ] < > # | & ~ $ ``,
//!   get a backslash (CommonMark renders an escaped ASCII punctuation character as
//!   itself), and a line that would start a block (`-`, `+`, `=`, `1.`, `1)`) has its
//!   marker escaped. No tag, link, emphasis, table cell, heading or list can be injected.
//! - **The notice letter** goes in a fenced code block so that it copies exactly as
//!   written: [`clean_block`] keeps its line breaks, turns tabs into spaces and drops
//!   hidden characters, and the fence is longer than any run of
//!   backticks inside, so the text cannot close it. Nothing inside a code block is
//!   interpreted as Markdown or HTML.

use crate::document::{Block, Document};
use crate::text::{clean_block, clean_line};

/// Characters escaped with a backslash in inline text.
const SPECIAL: [char; 13] = ['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '&', '~', '$'];

/// Renders a document as Markdown: `# title`, `##`/`###` headings, paragraphs, `- [ ]`
/// checklists, `- ` bullets, dated steps as `- [ ] **<date>** (<ISO>) — <text>` and the
/// letter as a fenced `text` block. Ends with a newline.
pub fn markdown(doc: &Document) -> String {
    let mut out = format!("# {}\n", escape_inline(&doc.title));
    let mut previous: Option<&Block> = None;
    for block in &doc.blocks {
        // Consecutive dated steps form one tight list.
        let tight = matches!((previous, block), (Some(Block::Dated { .. }), Block::Dated { .. }));
        out.push_str(if tight { "" } else { "\n" });
        render_block(&mut out, block);
        previous = Some(block);
    }
    out
}

fn render_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let hashes = "#".repeat(usize::from((*level).clamp(2, 6)));
            push_line(out, &format!("{hashes} {}", escape_inline(text)));
        }
        Block::Paragraph(text) => push_line(out, &escape_inline(text)),
        Block::Checklist(items) => items.iter().for_each(|i| push_line(out, &format!("- [ ] {}", escape_inline(i)))),
        Block::Bullets(items) => items.iter().for_each(|i| push_line(out, &format!("- {}", escape_inline(i)))),
        Block::Dated { date, iso, text } => push_line(
            out,
            &format!("- [ ] **{}** ({}) — {}", escape_inline(date), escape_inline(iso), escape_inline(text)),
        ),
        Block::Letter(text) => out.push_str(&fenced(text)),
    }
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

/// One line of text, cleaned and escaped so that Markdown shows it literally.
pub fn escape_inline(text: &str) -> String {
    let clean = clean_line(text);
    let mut out = String::with_capacity(clean.len() + 8);
    if clean.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    let digits = clean.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in clean.char_indices() {
        let ordered_marker = digits > 0 && i == digits && matches!(c, '.' | ')');
        if SPECIAL.contains(&c) || ordered_marker {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Multi-line text as a fenced code block, line breaks kept.
fn fenced(text: &str) -> String {
    let body = clean_block(text);
    let longest_run = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    format!("{fence}text\n{body}\n{fence}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_html() {
        assert_eq!(escape_inline("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(
            escape_inline("*a* _b_ [c](d) `e` #f |g| \\h"),
            "\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\#f \\|g\\| \\\\h"
        );
        assert_eq!(escape_inline("a & b ~~c~~ $x$"), "a \\& b \\~\\~c\\~\\~ \\$x\\$");
    }

    #[test]
    fn escapes_leading_block_markers() {
        assert_eq!(escape_inline("- item"), "\\- item");
        assert_eq!(escape_inline("+ item"), "\\+ item");
        assert_eq!(escape_inline("==="), "\\===");
        assert_eq!(escape_inline("12. item"), "12\\. item");
        assert_eq!(escape_inline("3) item"), "3\\) item");
        assert_eq!(escape_inline("> quote"), "\\> quote");
        assert_eq!(escape_inline("2026 was. a year"), "2026 was. a year");
        assert_eq!(escape_inline("a - b"), "a - b");
    }

    #[test]
    fn makes_one_clean_line() {
        assert_eq!(escape_inline("a\n# b\r\n\u{202E}c\u{2066}"), "a \\# b c");
        assert_eq!(escape_inline("  \u{7}  "), "");
    }

    #[test]
    fn fence_outlasts_backticks_in_the_letter() {
        let f = fenced("a\n````\nb\u{202E}\tc\u{0}\r\nd\n\n");
        assert_eq!(f, "`````text\na\n````\nb c\nd\n`````\n");
        assert_eq!(fenced("plain"), "```text\nplain\n```\n");
    }

    #[test]
    fn renders_every_block() {
        let doc = Document {
            title: "Exit plan for <b>".into(),
            blocks: vec![
                Block::Heading { level: 2, text: "Why".into() },
                Block::Paragraph("Para".into()),
                Block::Checklist(vec!["one".into()]),
                Block::Bullets(vec!["two".into()]),
                Block::Dated { date: "1 May 2026".into(), iso: "2026-05-01".into(), text: "Do it".into() },
                Block::Dated { date: "2 May 2026".into(), iso: "2026-05-02".into(), text: "Then".into() },
                Block::Heading { level: 9, text: "Deep".into() },
                Block::Letter("Dear X,\n\nBye".into()),
            ],
        };
        let expected = "# Exit plan for \\<b\\>\n\n## Why\n\nPara\n\n- [ ] one\n\n- two\n\n\
            - [ ] **1 May 2026** (2026-05-01) — Do it\n- [ ] **2 May 2026** (2026-05-02) — Then\n\n\
            ###### Deep\n\n```text\nDear X,\n\nBye\n```\n";
        assert_eq!(markdown(&doc), expected);
    }
}
