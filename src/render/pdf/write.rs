//! PDF objects and content streams: the catalog, pages, the embedded font (Type0 →
//! CIDFontType2 → descriptor → file, with `/W` widths and a ToUnicode CMap) and each
//! page's drawing operations as integer-formatted content-stream bytes.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TabOrder, UnicodeCmap};
use pdf_writer::{Finish, Name, Pdf, Ref, Str, TextStr};
use ttf_parser::GlyphId;

use crate::document::Document;
use crate::text::clean_line;

use super::font::{FontInfo, BOLD_STROKE};
use super::layout::{LaidOut, Op};
use super::outline::write_outline;
use super::tags::{write_tree, Mark, Tree};
use super::wrap::Style;

const RULE_GRAY: f32 = 0.65;

/// The subset tag + family name in `/BaseFont` (six capitals mark an embedded subset).
const BASE_FONT: &[u8] = b"CCHKUP+DejaVuSans";
const FONT_RES: Name<'static> = Name(b"F1");
const PRODUCER: &str = "Client Checkup";

/// The whole file: catalog (language, structure tree, outline, XMP metadata), info, page
/// tree, pages and their content, the font.
pub(super) fn write(font: &FontInfo, laid: &LaidOut, width: f32, height: f32, doc: &Document, lang: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let tree_id = alloc.bump();
    let info_id = alloc.bump();
    let type0_id = alloc.bump();
    let cid_id = alloc.bump();
    let descriptor_id = alloc.bump();
    let file_id = alloc.bump();
    let cmap_id = alloc.bump();
    let struct_root_id = alloc.bump();
    let metadata_id = alloc.bump();
    let pages = &laid.pages;
    let page_ids: Vec<Ref> = pages.iter().map(|_| alloc.bump()).collect();
    let content_ids: Vec<Ref> = pages.iter().map(|_| alloc.bump()).collect();
    let lang = lang_tag(lang);
    let title: String = clean_line(&doc.title).chars().take(300).collect();

    // Numbers go to pdf-writer as integers only (content streams are written by `Ops`):
    // its float formatting would add ryu and core's float printing to the wasm.
    // Each page's MCIDs, numbered as its content is written: the element of each.
    let mut marked: Vec<Vec<usize>> = Vec::with_capacity(pages.len());
    for (i, ops) in pages.iter().enumerate() {
        let mut page = pdf.page(page_ids[i]);
        page.parent(tree_id).contents(content_ids[i]);
        page.insert(Name(b"MediaBox")).array().items([0, 0, width as i32, height as i32]);
        page.resources().fonts().pair(FONT_RES, type0_id);
        page.struct_parents(i as i32).tab_order(TabOrder::StructureOrder);
        page.finish();
        let mut mcids = Vec::new();
        pdf.stream(content_ids[i], &content(ops, &laid.tree, &mut mcids));
        marked.push(mcids);
    }
    pdf.pages(tree_id).kids(page_ids.iter().copied()).count(pages.len() as i32);
    write_tree(&mut pdf, &mut alloc, struct_root_id, &laid.tree, &marked, &page_ids);
    let outline_id = write_outline(&mut pdf, &mut alloc, &laid.bookmarks, &page_ids);

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    if let Some(lang) = lang {
        catalog.lang(TextStr(lang));
    }
    catalog.viewer_preferences().display_doc_title(true);
    catalog.mark_info().marked(true);
    catalog.pair(Name(b"StructTreeRoot"), struct_root_id);
    catalog.metadata(metadata_id);
    if let Some(outline_id) = outline_id {
        catalog.outlines(outline_id);
    }
    catalog.finish();

    let mut info = pdf.document_info(info_id);
    info.title(TextStr(&title));
    info.producer(TextStr(PRODUCER));
    info.finish();
    let xmp = xmp(&title, lang);
    pdf.metadata(metadata_id, xmp.as_bytes());

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

/// A page's content stream. Each run of operations with one [`Mark`] is a marked-content
/// sequence: an element's content, numbered (MCID) in `mcids` (which records the element
/// of each), or an artifact.
fn content(ops: &[(Mark, Op)], tree: &Tree, mcids: &mut Vec<usize>) -> Vec<u8> {
    let mut out = Ops(Vec::with_capacity(ops.len() * 80));
    // The text state (rendering mode, character spacing) outlives BT…ET: track it.
    let mut bold = false;
    let mut open = None;
    for (mark, op) in ops {
        if open != Some(*mark) {
            if open.is_some() {
                out.raw(b"EMC\n");
            }
            match *mark {
                Mark::Content(node) => {
                    out.raw(b"/");
                    out.raw(tree.nodes[node].role.to_name().0);
                    out.raw(b" <</MCID ");
                    out.int(mcids.len() as u64);
                    out.raw(b">> BDC\n");
                    mcids.push(node);
                }
                Mark::Artifact => out.raw(b"/Artifact BMC\n"),
                Mark::Pagination => out.raw(b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"),
            }
            open = Some(*mark);
        }
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
    if open.is_some() {
        out.raw(b"EMC\n");
    }
    out.0
}

/// The XMP metadata PDF/UA asks for: the title (as in the info dictionary), the language
/// and the PDF/UA-1 identifier.
fn xmp(title: &str, lang: Option<&str>) -> String {
    let mut escaped = String::with_capacity(title.len());
    for c in title.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            _ => escaped.push(c),
        }
    }
    let language = lang.map(|l| format!("<dc:language><rdf:Bag><rdf:li>{l}</rdf:li></rdf:Bag></dc:language>"));
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
         <dc:format>application/pdf</dc:format>\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{escaped}</rdf:li></rdf:Alt></dc:title>{}\n\
         <pdf:Producer>{PRODUCER}</pdf:Producer><pdfuaid:part>1</pdfuaid:part>\n\
         </rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>",
        language.unwrap_or_default()
    )
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
