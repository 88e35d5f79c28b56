//! Bookmarks (the document outline): one per section heading, the `H3`s under the `H2`
//! before them, each opening its page at the heading.

use pdf_writer::{Finish, Name, Null, Pdf, Ref, TextStr};

/// A heading to bookmark, where layout put it.
pub(super) struct Bookmark {
    /// 2 for a section, 3 for a subsection (nested under the section before it).
    pub(super) level: u8,
    pub(super) title: String,
    pub(super) page: usize,
    /// The top of the heading, in points from the page bottom.
    pub(super) top: f32,
    pub(super) left: f32,
}

/// Writes the outline and returns its id, or nothing when there is no heading.
pub(super) fn write_outline(pdf: &mut Pdf, alloc: &mut Ref, bookmarks: &[Bookmark], pages: &[Ref]) -> Option<Ref> {
    if bookmarks.is_empty() {
        return None;
    }
    let root = alloc.bump();
    let ids: Vec<Ref> = bookmarks.iter().map(|_| alloc.bump()).collect();
    // Each item's parent: none (the outline itself) for a section, the section before it
    // for a subsection.
    let mut section = None;
    let parents: Vec<Option<usize>> = bookmarks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if b.level <= 2 || section.is_none() {
                section = Some(i);
                None
            } else {
                section
            }
        })
        .collect();
    let kids = |parent: Option<usize>| -> Vec<usize> { (0..ids.len()).filter(|&j| parents[j] == parent).collect() };

    for (i, bookmark) in bookmarks.iter().enumerate() {
        let siblings = kids(parents[i]);
        let at = siblings.iter().position(|&j| j == i).unwrap_or(0);
        let mut item = pdf.outline_item(ids[i]);
        item.title(TextStr(&bookmark.title));
        item.parent(parents[i].map_or(root, |p| ids[p]));
        if at > 0 {
            item.prev(ids[siblings[at - 1]]);
        }
        if let Some(&next) = siblings.get(at + 1) {
            item.next(ids[next]);
        }
        let own = kids(Some(i));
        if let (Some(&first), Some(&last)) = (own.first(), own.last()) {
            item.first(ids[first]).last(ids[last]).count(own.len() as i32);
        }
        // [page /XYZ left top null], in integers (see the module docs on floats).
        let mut dest = item.insert(Name(b"Dest")).array();
        dest.item(pages[bookmark.page]).item(Name(b"XYZ"));
        dest.items([bookmark.left, bookmark.top.ceil()].map(|v| v as i32));
        dest.item(Null);
        dest.finish();
    }
    let top = kids(None);
    let mut outline = pdf.outline(root);
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        outline.first(ids[first]).last(ids[last]);
    }
    outline.count(ids.len() as i32);
    Some(root)
}
