//! The PDF download, checked with tools that did not write it: poppler's `pdftotext`,
//! `pdfinfo` and `pdffonts` (Debian's poppler-utils) and `qpdf` (Debian's qpdf), both
//! installed by scripts/setup.sh. These tests fail, never skip, when the tools are missing.
//!
//! The tagged structure (PDF/UA-1 as the bar) is read back with `pdfinfo -struct-text`
//! and compared with what the document says, for a real plan in every language; qpdf's
//! JSON view of the objects checks that every piece of page content is tied to the
//! structure tree (or marked as an artifact), the catalog's accessibility entries and
//! the bookmarks.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use client_checkup::assessment::{assess, MODEL};
use client_checkup::document::{Block, Document};
use client_checkup::i18n::{Lang, Paper};
use client_checkup::plan::build_plan;
use client_checkup::render::pdf::{pdf, PdfError};
use client_checkup::sample::clients;
use client_checkup::text::{clean_block, clean_line};
use serde_json::Value;

const FONT: &[u8] = include_bytes!("../assets/fonts/checkup-sans.ttf");

const CS: &str = "Příliš žluťoučký kůň úpěl ďábelské ódy";
const PL: &str = "Zażółć gęślą jaźń";
const RU: &str = "Съешь же ещё этих мягких французских булок";
const CA: &str = "Col·laboració, paral·lel";
const CA_L: &str = "Col\u{140}laboració, para\u{140}lel"; // with ŀ (U+0140)
const PUNCT: &str = "“quotes” – dashes… „Zitat“ «guillemets» — ’";

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("checkup-pdf-{}", std::process::id())).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir(name).join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs a poppler tool (or qpdf) as `name args file after`; panics (fails the test) when
/// it is missing, fails, or complains on stderr.
fn tool(name: &str, args: &[&str], file: &Path, after: &[&str]) -> String {
    let package = if name == "qpdf" { "qpdf" } else { "poppler-utils" };
    let out = Command::new(name)
        .args(args)
        .arg(file)
        .args(after)
        .output()
        .unwrap_or_else(|e| panic!("`{name}` is needed for the PDF tests (apt-get install {package}): {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name} failed on {}: {stderr}", file.display());
    assert!(stderr.trim().is_empty(), "{name} complained about {}: {stderr}", file.display());
    String::from_utf8(out.stdout).expect("poppler prints UTF-8")
}

/// `pdftotext -layout`, to stdout.
fn text(file: &Path) -> String {
    tool("pdftotext", &["-layout", "-enc", "UTF-8"], file, &["-"])
}

/// `pdftotext -raw`: content-stream order, spaces exactly as drawn. Poppler's layout mode
/// drops the spaces of a line made only of one-character words ("1 / 4" → "1/4").
fn raw_text(file: &Path) -> String {
    tool("pdftotext", &["-raw", "-enc", "UTF-8"], file, &["-"])
}

fn info(file: &Path) -> (usize, String) {
    let info = tool("pdfinfo", &[], file, &[]);
    let field = |key: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
            .unwrap_or_else(|| panic!("pdfinfo has no {key}: {info}"))
    };
    (field("Pages:").parse().unwrap(), field("Page size:"))
}

fn page_count(file: &Path) -> usize {
    info(file).0
}

/// The whole text without line breaks, page footers or spaces: for words cut across lines.
fn squeezed(text: &str) -> String {
    text.lines()
        .map(|l| l.trim().trim_start_matches('\u{c}'))
        .filter(|l| !is_footer(l))
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn is_footer(line: &str) -> bool {
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    parts.len() == 2 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn long_word() -> String {
    "abcdefghij".repeat(1000).chars().enumerate().map(|(i, c)| if i % 1000 == 999 { 'Z' } else { c }).collect()
}

fn lorem(n: usize) -> String {
    let words =
        ["plan", "client", "invoice", "notice", "deadline", "handover", "agreement", "check-in", "scope", "payment"];
    (0..n).map(|i| words[(i * 7 + i / 3) % words.len()]).collect::<Vec<_>>().join(" ")
}

fn hostile_doc() -> Document {
    Document {
        title: "Exit plan for Acme ☐ “Ďábel”".into(),
        blocks: vec![
            Block::Heading { level: 2, text: "Čeština".into() },
            Block::Paragraph(CS.into()),
            Block::Heading { level: 2, text: "Polski".into() },
            Block::Paragraph(PL.into()),
            Block::Heading { level: 3, text: "Русский".into() },
            Block::Paragraph(RU.into()),
            Block::Paragraph(CA.into()),
            Block::Paragraph(CA_L.into()),
            Block::Paragraph(PUNCT.into()),
            Block::Checklist(vec![
                "Back up the files".into(),
                "Revoke access to the <script>alert(1)</script> panel".into(),
                "Emoji 👍🏽 and 🎉 in a task".into(),
            ]),
            Block::Bullets(vec!["One clear reason".into(), "Thanks \u{202E}evil\u{202C} mark".into()]),
            Block::Dated {
                date: "22 November 2026".into(),
                iso: "2026-11-22".into(),
                text: "Talk to the client".into(),
            },
            Block::Dated {
                date: "6. prosince 2026".into(),
                iso: "2026-12-06".into(),
                text: "Poslední pracovní den".into(),
            },
            Block::Paragraph("Controls:\u{0}\u{7}\u{1b}[31m bell\u{8} tab\tend \\ ( ) ) backslash".into()),
            Block::Letter(
                "Dear Anna,\n\n    I am writing to give notice.\nAmount owed: 1 200 €\n\nKind regards,\nJan".into(),
            ),
            Block::Paragraph(long_word()),
        ],
    }
}

#[test]
fn text_comes_back_intact() {
    let bytes = pdf(&hostile_doc(), FONT, Paper::A4, "cs").expect("renders");
    assert!(bytes.starts_with(b"%PDF-"));
    let file = write("hostile", &bytes);
    let text = text(&file);
    for expected in [CS, PL, RU, CA, CA_L, PUNCT, "Exit plan for Acme ☐ “Ďábel”", "Čeština", "Русский"]
    {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(text.contains("Revoke access to the <script>alert(1)</script> panel"), "{text}");
    // Emoji are not in the font: each becomes the replacement glyph, and the skin-tone
    // modifier is dropped, not drawn.
    assert!(text.contains("Emoji � and � in a task"), "{text}");
    // The bidi override is dropped: the text stays in logical order.
    assert!(text.contains("Thanks evil mark"), "{text}");
    assert!(text.contains("Controls:[31m bell tab end \\ ( ) ) backslash"), "{text}");
    assert!(text.contains("22 November 2026") && text.contains("Talk to the client"), "{text}");
    // The same exact text, read through the structure tree as a screen reader gets it.
    let tagged = struct_text(&file);
    for expected in [CS, PL, RU, CA, CA_L, PUNCT, "Exit plan for Acme ☐ “Ďábel”", "Thanks evil mark"] {
        assert!(tagged.iter().any(|e| e.text == expected), "no element reads {expected:?}: {tagged:#?}");
    }
    assert!(text.contains("6. prosince 2026") && text.contains("Poslední pracovní den"), "{text}");
    // The letter keeps its lines, and its indentation.
    assert!(text.contains("Dear Anna,"), "{text}");
    assert!(text.contains("I am writing to give notice."), "{text}");
    assert!(text.contains("Amount owed: 1 200 €"), "{text}");
    let letter: Vec<&str> = text.lines().map(str::trim).skip_while(|l| *l != "Dear Anna,").take(7).collect();
    assert_eq!(
        letter,
        ["Dear Anna,", "", "I am writing to give notice.", "Amount owed: 1 200 €", "", "Kind regards,", "Jan"]
    );
    // The 10 000-character word is cut across lines and pages, but all there, in order.
    assert!(squeezed(&text).contains(&long_word()), "the long word is not intact");
    assert!(!text.contains('\u{202E}') && !text.contains('\u{1b}'));

    // Footers number every page "n / N".
    let pages = page_count(&file);
    assert!(pages >= 3, "the long word alone fills more than two pages: {pages}");
    let raw = raw_text(&file);
    for n in 1..=pages {
        let footer = format!("{n} / {pages}");
        assert!(raw.lines().any(|l| l.trim_start_matches('\u{c}') == footer), "no footer {footer}");
    }
}

#[test]
fn font_is_embedded_as_a_searchable_cid_font() {
    let bytes = pdf(&hostile_doc(), FONT, Paper::A4, "cs").unwrap();
    let file = write("fonts", &bytes);
    let fonts = tool("pdffonts", &[], &file, &[]);
    // name  type  encoding  emb sub uni
    let row = fonts.lines().find(|l| l.contains("DejaVuSans")).unwrap_or_else(|| panic!("{fonts}"));
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cols[0], "CCHKUP+DejaVuSans", "{fonts}");
    // CID TrueType, Identity-H, embedded, subset, with a ToUnicode map.
    assert_eq!(&cols[1..7], ["CID", "TrueType", "Identity-H", "yes", "yes", "yes"], "{fonts}");
    assert_eq!(fonts.lines().count(), 3, "exactly one font: {fonts}");

    let info = tool("pdfinfo", &[], &file, &[]);
    assert!(info.contains("Exit plan for Acme ☐ “Ďábel”"), "title in the document info: {info}");
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/Lang (cs)"), "catalog /Lang");
    assert!(raw.contains("/W ["), "widths array");
    assert!(raw.contains("/ToUnicode"), "ToUnicode CMap");
    assert!(raw.contains("/CIDToGIDMap /Identity"));
    // Hostile text never reaches the file as PDF syntax.
    assert!(!raw.contains("<script>"));
}

#[test]
fn paper_sizes_and_page_counts() {
    let short = Document { title: "Repair plan".into(), blocks: vec![Block::Paragraph(PL.into())] };
    for (paper, size) in [(Paper::A4, "595 x 842 pts (A4)"), (Paper::Letter, "612 x 792 pts (letter)")] {
        let file = write(&format!("short-{paper:?}"), &pdf(&short, FONT, paper, "pl").unwrap());
        assert_eq!(info(&file), (1, size.to_string()));
        let raw = std::fs::read(&file).unwrap();
        let media = if paper == Paper::A4 { "/MediaBox [0 0 595 842]" } else { "/MediaBox [0 0 612 792]" };
        assert!(String::from_utf8_lossy(&raw).contains(media));
        assert!(raw_text(&file).contains("1 / 1"));
    }

    // A long text: 60 paragraphs of 120 words, about 900 lines' worth of text at 10.5 pt…
    // counted independently: every line holds at most ~95 characters of a 483-pt measure.
    let long = Document {
        title: "Long".into(),
        blocks: (0..60).map(|i| Block::Paragraph(format!("§{i} {}", lorem(120)))).collect(),
    };
    let a4 = write("long-a4", &pdf(&long, FONT, Paper::A4, "en").unwrap());
    let letter = write("long-letter", &pdf(&long, FONT, Paper::Letter, "en").unwrap());
    let (a4_pages, letter_pages) = (page_count(&a4), page_count(&letter));
    // 60 × ~950 characters ≈ 57 000 characters ≈ 600–700 lines; 48 lines a page on A4.
    assert!((10..=18).contains(&a4_pages), "A4 pages: {a4_pages}");
    // Letter is wider but shorter: a few more pages.
    assert!(letter_pages >= a4_pages, "Letter {letter_pages} vs A4 {a4_pages}");
    let text = text(&a4);
    for i in 0..60 {
        assert!(text.contains(&format!("§{i} ")), "paragraph {i} lost");
    }
    assert!(raw_text(&a4).contains(&format!("{a4_pages} / {a4_pages}")));
    // Every line keeps within the page: no word runs beyond the right margin, which
    // pdftotext would show as a line wider than the measure.
    let words = lorem(120);
    let first_line = text.lines().find(|l| l.trim_start().starts_with("§0 ")).unwrap().trim();
    assert!(words.starts_with(first_line.trim_start_matches("§0 ")), "{first_line}");
}

#[test]
fn deterministic_and_rejects_a_bad_font() {
    let doc = hostile_doc();
    assert_eq!(pdf(&doc, FONT, Paper::Letter, "ru").unwrap(), pdf(&doc, FONT, Paper::Letter, "ru").unwrap());
    assert_eq!(pdf(&doc, b"not a font", Paper::A4, "en"), Err(PdfError::FontUnreadable));
    assert_eq!(pdf(&doc, &[], Paper::A4, "en"), Err(PdfError::FontUnreadable));
    // A junk language tag is left out rather than written.
    let bytes = pdf(&doc, FONT, Paper::A4, "en) /Evil (x").unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("/Lang"));
}

#[test]
fn empty_document_is_one_valid_page() {
    let doc = Document {
        title: String::new(),
        blocks: vec![Block::Paragraph("\u{0}\u{202E}".into()), Block::Checklist(vec![])],
    };
    let file = write("empty", &pdf(&doc, FONT, Paper::A4, "").unwrap());
    assert_eq!(page_count(&file), 1);
    assert!(raw_text(&file).contains("1 / 1"));
}

/// Renders the first pages to PNG for a person to look at (kept in the temp dir).
#[test]
fn renders_to_png() {
    let file = write("look", &pdf(&hostile_doc(), FONT, Paper::A4, "cs").unwrap());
    let prefix = file.with_extension("");
    let out = Command::new("pdftoppm")
        .args(["-r", "60", "-png", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg(&prefix)
        .output()
        .unwrap_or_else(|e| panic!("`pdftoppm` is needed (apt-get install poppler-utils): {e}"));
    assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.path().extension().is_some_and(|x| x == "png"))
        .expect("a PNG");
    assert!(std::fs::metadata(png.path()).unwrap().len() > 1000);
    eprintln!("page 1: {}", png.path().display());
}

/// Word boxes as poppler computes them (`pdftotext -bbox`): (xMin, yMin, xMax, yMax, word),
/// y measured from the top of the page.
fn word_boxes(file: &Path) -> Vec<(f32, f32, f32, f32, String)> {
    let html = tool("pdftotext", &["-bbox"], file, &["-"]);
    html.lines()
        .filter_map(|line| {
            let line = line.trim().strip_prefix("<word ")?;
            let attr = |name: &str| -> f32 {
                let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                line[start..].split('"').next().unwrap().parse().unwrap()
            };
            let word = line.split('>').nth(1)?.split("</word").next()?.to_string();
            Some((attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"), word))
        })
        .collect()
}

#[test]
fn text_stays_inside_the_margins() {
    let mut doc = hostile_doc();
    doc.blocks.push(Block::Paragraph(lorem(400)));
    doc.blocks.push(Block::Checklist(vec![lorem(90), long_word()[..700].to_string()]));
    doc.blocks.push(Block::Dated { date: "22 de novembre de 2026".into(), iso: "2026-11-22".into(), text: lorem(80) });
    doc.blocks.push(Block::Letter(format!("{}\n{}", lorem(70), "x".repeat(300))));
    for (paper, width, height) in [(Paper::A4, 595.0, 842.0), (Paper::Letter, 612.0, 792.0)] {
        let file = write(&format!("margins-{paper:?}"), &pdf(&doc, FONT, paper, "en").unwrap());
        let boxes = word_boxes(&file);
        assert!(boxes.len() > 800, "{}", boxes.len());
        for (x0, y0, x1, y1, word) in boxes {
            // 56 pt side margins; poppler's boxes include the synthetic-bold stroke.
            assert!(x0 >= 55.5 && x1 <= width - 55.5, "{word:?} sticks out sideways: {x0}–{x1} on {width}");
            // Body text between the top margin and the footer zone; the footer below it.
            let footer = is_footer(&word) || word == "/" || word.bytes().all(|b| b.is_ascii_digit());
            if !(footer && y0 > height - 64.0) {
                assert!(y0 >= 50.0 && y1 <= height - 60.0, "{word:?} outside the text area: {y0}–{y1} on {height}");
            }
        }
    }
}

#[test]
fn a_letter_that_fits_on_a_page_is_not_split() {
    let letter = (1..=14).map(|i| format!("Line {i} of the notice")).collect::<Vec<_>>().join("\n");
    let doc = Document {
        title: "Exit plan".into(),
        blocks: vec![
            // About two thirds of an A4 page of text: the letter no longer fits below it.
            Block::Paragraph(lorem(430)),
            Block::Heading { level: 2, text: "Draft of the notice".into() },
            Block::Letter(letter),
        ],
    };
    let file = write("letter", &pdf(&doc, FONT, Paper::A4, "en").unwrap());
    assert_eq!(page_count(&file), 2);
    let page = |n: &str| tool("pdftotext", &["-layout", "-f", n, "-l", n], &file, &["-"]);
    let (first, second) = (page("1"), page("2"));
    assert!(!first.contains("Draft of the notice") && !first.contains("Line 1 "), "{first}");
    assert!(second.contains("Draft of the notice"), "the heading goes with its letter: {second}");
    for i in 1..=14 {
        assert!(second.contains(&format!("Line {i} of the notice")), "line {i}: {second}");
    }
}

// ---------------------------------------------------------------------------------------------
// Tagged PDF (PDF/UA-1)

/// One element as `pdfinfo -struct-text` prints it: its depth in the tree, its role (with
/// a list's numbering, as "L Disc"), and the text of its own content.
#[derive(Clone, Debug, PartialEq)]
struct Element {
    depth: usize,
    role: String,
    text: String,
}

/// Whitespace runs as one space (no-break spaces included: they are drawn, and read, as the
/// space they are), trimmed.
fn words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The structure tree as poppler reads it: elements in reading order. Text lines (quoted)
/// belong to the element above them; poppler prints one per marked-content run, so they
/// are joined.
fn struct_text(file: &Path) -> Vec<Element> {
    let out = tool("pdfinfo", &["-struct-text"], file, &[]);
    let mut elements: Vec<Element> = Vec::new();
    for line in out.lines() {
        let depth = (line.len() - line.trim_start().len()) / 2;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let last = elements.last_mut();
        if let Some(text) = line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
            let last = last.unwrap_or_else(|| panic!("text before any element: {out}"));
            last.text.push_str(text);
        } else if let Some(attribute) = line.strip_prefix("/ListNumbering /") {
            let last = last.unwrap_or_else(|| panic!("attribute before any element: {out}"));
            last.role = format!("{} {attribute}", last.role);
        } else {
            let role = line.split([' ', ':']).next().unwrap_or_default().to_string();
            elements.push(Element { depth, role, text: String::new() });
        }
    }
    for e in &mut elements {
        e.text = words(&e.text);
    }
    elements
}

/// The structure a document should have, derived from the document alone.
fn expected_structure(doc: &Document) -> Vec<Element> {
    let e = |depth: usize, role: &str, text: &str| Element { depth, role: role.into(), text: words(text) };
    let mut out = vec![e(0, "Document", "")];
    let title = clean_line(&doc.title);
    if !title.is_empty() {
        out.push(e(1, "H1", &title));
    }
    let mut in_timeline = false;
    for block in &doc.blocks {
        if !matches!(block, Block::Dated { .. }) {
            in_timeline = false;
        }
        match block {
            Block::Heading { level, text } => out.push(e(1, if *level <= 2 { "H2" } else { "H3" }, &clean_line(text))),
            Block::Paragraph(text) => out.push(e(1, "P", &clean_line(text))),
            Block::Checklist(items) | Block::Bullets(items) => {
                let (list, label) =
                    if matches!(block, Block::Checklist(_)) { ("L None", "☐") } else { ("L Disc", "•") };
                out.push(e(1, list, ""));
                for item in items {
                    out.extend([e(2, "LI", ""), e(3, "Lbl", label), e(3, "LBody", &clean_line(item))]);
                }
            }
            Block::Dated { date, text, .. } => {
                if !in_timeline {
                    out.push(e(1, "L None", ""));
                    in_timeline = true;
                }
                out.extend([e(2, "LI", ""), e(3, "Lbl", &clean_line(date)), e(3, "LBody", &clean_line(text))]);
            }
            Block::Letter(text) => {
                out.push(e(1, "Sect", ""));
                // A paragraph for each group of lines between blank ones, its lines read on.
                for paragraph in clean_block(text).split("\n\n").map(|p| p.trim_matches('\n')) {
                    if !paragraph.trim().is_empty() {
                        out.push(e(2, "P", &paragraph.replace('\n', " ")));
                    }
                }
            }
        }
    }
    out
}

/// The sample plans (an exit plan with every input, a repair plan) in every language,
/// built as the widget builds them.
fn plans() -> Vec<(Lang, &'static str, Document)> {
    let mut out = Vec::new();
    for (answers, inputs) in clients() {
        let assessment = assess(&MODEL, &answers);
        for lang in Lang::ALL {
            let plan = build_plan(&MODEL, &assessment, &answers, &inputs, lang);
            out.push((lang, plan.file_kind(), plan.document));
        }
    }
    out
}

#[test]
fn every_plan_is_tagged_in_reading_order_in_every_language() {
    for (lang, kind, doc) in plans() {
        let name = format!("tagged-{kind}-{}", lang.id());
        let file = write(&name, &pdf(&doc, FONT, Paper::A4, lang.id()).unwrap());

        let info = tool("pdfinfo", &[], &file, &[]);
        assert!(info.lines().any(|l| l.split_whitespace().eq(["Tagged:", "yes"])), "{name}: {info}");
        let title = info.lines().find_map(|l| l.strip_prefix("Title:")).map(str::trim);
        assert_eq!(title, Some(doc.title.as_str()), "{name}: {info}");

        // Headings, paragraphs, lists with their labels, the letter as its own section:
        // exactly the document's text, in its order, in its structure (Czech, Polish,
        // Russian and Catalan letters included).
        let tagged = struct_text(&file);
        let expected = expected_structure(&doc);
        for (i, (got, want)) in tagged.iter().zip(&expected).enumerate() {
            assert_eq!(got, want, "{name}: element {i} differs");
        }
        assert_eq!(tagged.len(), expected.len(), "{name}: {tagged:#?}");
        assert!(tagged.iter().any(|e| e.role == "LI") && tagged.iter().any(|e| e.role == "H2"), "{name}");

        // Headings never skip a level.
        let mut level = 0;
        for e in tagged.iter().filter(|e| e.role.len() == 2 && e.role.starts_with('H')) {
            let next: u32 = e.role[1..].parse().unwrap();
            assert!(next <= level + 1, "{name}: {} after H{level}", e.role);
            level = next;
        }

        // Page numbers are page furniture, not content: nowhere in the tree.
        let pages = page_count(&file);
        assert!(pages >= 2, "{name}: {pages} pages");
        assert!(raw_text(&file).contains(&format!("1 / {pages}")), "{name}: footer drawn");
        let everything: String = tagged.iter().map(|e| format!("{}\n", e.text)).collect();
        assert!(!everything.contains(&format!("/ {pages}")), "{name}: a page number is tagged");
        assert!(!everything.contains("1 / "), "{name}: a page number is tagged");
    }
}

/// qpdf's JSON view of a PDF: every object, streams with their data in files.
struct Objects {
    json: Value,
}

impl Objects {
    fn read(file: &Path) -> Objects {
        let dir = file.parent().unwrap().join("qpdf");
        std::fs::create_dir_all(&dir).unwrap();
        let prefix = format!("--json-stream-prefix={}", dir.join("stream").display());
        let out = tool("qpdf", &["--json=2", "--json-stream-data=file", &prefix], file, &[]);
        Objects { json: serde_json::from_str(&out).expect("qpdf prints JSON") }
    }

    /// The object `id` ("12 0 R"): its value, or a stream's dictionary.
    fn get(&self, id: &str) -> &Value {
        let object = &self.json["qpdf"][1][format!("obj:{id}")];
        if object["stream"].is_object() {
            &object["stream"]["dict"]
        } else {
            assert!(!object["value"].is_null(), "no object {id}");
            &object["value"]
        }
    }

    /// `value` itself, or the object it refers to.
    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        match value.as_str() {
            Some(r) if r.ends_with(" R") => self.get(r),
            _ => value,
        }
    }

    fn stream(&self, id: &str) -> String {
        let path = self.json["qpdf"][1][format!("obj:{id}")]["stream"]["datafile"].as_str().expect("a stream");
        String::from_utf8(std::fs::read(path).unwrap()).expect("content streams are ASCII")
    }

    fn catalog(&self) -> &Value {
        self.get(self.json["qpdf"][1]["trailer"]["value"]["/Root"].as_str().unwrap())
    }

    /// The pages, in order: (page object id, its dictionary).
    fn pages(&self) -> Vec<(String, &Value)> {
        let pages = self.json["pages"].as_array().unwrap();
        pages.iter().map(|p| p["object"].as_str().unwrap().to_string()).map(|id| (id.clone(), self.get(&id))).collect()
    }
}

fn items(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        one => vec![one],
    }
}

/// The MCIDs of a content stream, in order, checking on the way that every text and every
/// stroke is inside a marked-content sequence (an element's, or an artifact).
fn marked_content(content: &str) -> Vec<i64> {
    let tokens: Vec<&str> = content.split_whitespace().collect();
    let (mut depth, mut mcids) = (0, Vec::new());
    for (i, token) in tokens.iter().enumerate() {
        match *token {
            "BDC" | "BMC" => depth += 1,
            "EMC" => depth -= 1,
            "Tj" | "TJ" | "S" | "f" | "re" => assert!(depth > 0, "`{token}` outside marked content"),
            "<</MCID" | "/MCID" => mcids.push(tokens[i + 1].trim_end_matches(">>").parse().unwrap()),
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced marked content");
    mcids
}

/// Every marked-content sequence of every page is an element's content, reached from the
/// structure tree and back through the parent tree; every element's parent is the one
/// that lists it.
fn check_structure(file: &Path) {
    let objects = Objects::read(file);
    let catalog = objects.catalog();
    let root_id = catalog["/StructTreeRoot"].as_str().expect("a structure tree");
    let root = objects.get(root_id);
    let parent_tree = objects.resolve(&root["/ParentTree"]);
    let nums = parent_tree["/Nums"].as_array().expect("a flat parent tree");

    let mut on_pages = BTreeSet::new();
    for (page_id, page) in objects.pages() {
        assert_eq!(page["/Tabs"], "/S", "{page_id}: tab order follows the structure");
        let key = page["/StructParents"].as_i64().expect("/StructParents");
        let content: String = items(&page["/Contents"]).iter().map(|c| objects.stream(c.as_str().unwrap())).collect();
        let mcids = marked_content(&content);
        assert_eq!(mcids, (0..mcids.len() as i64).collect::<Vec<_>>(), "{page_id}: MCIDs in order");
        let at = nums.chunks(2).find(|pair| pair[0].as_i64() == Some(key)).expect("the page in the parent tree");
        let parents = objects.resolve(&at[1]).as_array().unwrap();
        assert_eq!(parents.len(), mcids.len(), "{page_id}: one parent per MCID");
        for (mcid, parent) in mcids.iter().zip(parents) {
            // The element the parent tree names holds this MCID of this page.
            let element = objects.get(parent.as_str().unwrap());
            let holds = items(&element["/K"]).iter().any(|k| match k {
                Value::Number(n) => n.as_i64() == Some(*mcid) && element["/Pg"] == page_id.as_str(),
                Value::Object(mcr) => mcr["/MCID"].as_i64() == Some(*mcid) && mcr["/Pg"] == page_id.as_str(),
                _ => false,
            });
            assert!(holds, "{page_id}: MCID {mcid} is not in {parent}'s /K");
            on_pages.insert((page_id.clone(), *mcid));
        }
    }

    // Down the tree from the root: each MCID exactly once, parents as listed.
    let mut in_tree = BTreeSet::new();
    let mut stack: Vec<(String, String)> =
        items(&root["/K"]).iter().map(|k| (k.as_str().unwrap().into(), root_id.into())).collect();
    let mut seen = 0;
    while let Some((id, parent)) = stack.pop() {
        seen += 1;
        let element = objects.get(&id);
        assert_eq!(element["/P"], parent.as_str(), "{id}'s /P");
        for k in items(&element["/K"]) {
            let content = match k {
                Value::String(child) => {
                    stack.push((child.clone(), id.clone()));
                    continue;
                }
                Value::Number(n) => (element["/Pg"].as_str().expect("/Pg").to_string(), n.as_i64().unwrap()),
                Value::Object(mcr) => (mcr["/Pg"].as_str().unwrap().to_string(), mcr["/MCID"].as_i64().unwrap()),
                other => panic!("{id}: unexpected kid {other}"),
            };
            assert!(in_tree.insert(content.clone()), "{content:?} twice in the tree");
        }
    }
    assert!(seen > 3, "a tree of {seen} elements");
    assert_eq!(in_tree, on_pages, "the tree and the pages hold the same content");
}

#[test]
fn all_content_is_tied_to_the_structure_tree() {
    // The hostile document (a word cut across pages, the letter, every block kind) and the
    // sample plans.
    let mut docs = vec![("hostile".to_string(), hostile_doc(), "cs")];
    for (lang, kind, doc) in plans().into_iter().filter(|(lang, ..)| matches!(lang, Lang::En | Lang::Ru)) {
        docs.push((format!("{kind}-{}", lang.id()), doc, lang.id()));
    }
    for (name, doc, lang) in docs {
        let file = write(&format!("structure-{name}"), &pdf(&doc, FONT, Paper::Letter, lang).unwrap());
        let check = tool("qpdf", &["--check"], &file, &[]);
        assert!(check.contains("No syntax or stream encoding errors"), "{name}: {check}");
        check_structure(&file);
    }
}

#[test]
fn language_title_metadata_and_bookmarks() {
    for (lang, kind, doc) in plans() {
        let name = format!("catalog-{kind}-{}", lang.id());
        let file = write(&name, &pdf(&doc, FONT, Paper::A4, lang.id()).unwrap());
        let objects = Objects::read(&file);
        let catalog = objects.catalog();
        assert_eq!(catalog["/Lang"], format!("u:{}", lang.id()), "{name}");
        assert_eq!(catalog["/MarkInfo"]["/Marked"], true, "{name}");
        assert_eq!(catalog["/ViewerPreferences"]["/DisplayDocTitle"], true, "{name}: the title is shown");

        // XMP: the title, and the PDF/UA-1 identifier.
        let xmp = tool("pdfinfo", &["-meta"], &file, &[]);
        assert!(xmp.contains(&format!("<rdf:li xml:lang=\"x-default\">{}</rdf:li>", doc.title)), "{name}: {xmp}");
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{name}: {xmp}");
        assert!(xmp.contains("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""), "{name}: {xmp}");

        // Bookmarks: the sections (H2), each with its subsections (H3), in order, each
        // opening the page the heading is on.
        let mut sections: Vec<(String, Vec<String>)> = Vec::new();
        for block in &doc.blocks {
            if let Block::Heading { level, text } = block {
                match sections.last_mut() {
                    Some((_, subsections)) if *level > 2 => subsections.push(text.clone()),
                    _ => sections.push((text.clone(), Vec::new())),
                }
            }
        }
        let outline = objects.json["outlines"].as_array().unwrap();
        let titles =
            |items: &[Value]| items.iter().map(|o| o["title"].as_str().unwrap().to_string()).collect::<Vec<_>>();
        assert_eq!(titles(outline), sections.iter().map(|s| s.0.clone()).collect::<Vec<_>>(), "{name}");
        for (item, (_, subsections)) in outline.iter().zip(&sections) {
            assert_eq!(&titles(item["kids"].as_array().unwrap()), subsections, "{name}");
        }
        let all = outline.iter().flat_map(|o| std::iter::once(o).chain(o["kids"].as_array().unwrap()));
        for item in all {
            let page = item["destpageposfrom1"].as_i64().expect("a destination page").to_string();
            let text = tool("pdftotext", &["-layout", "-f", &page, "-l", &page], &file, &["-"]);
            let title = item["title"].as_str().unwrap();
            assert!(squeezed(&text).contains(&squeezed(title)), "{name}: {title:?} is not on page {page}");
        }
    }
}
