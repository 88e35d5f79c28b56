//! The structure tree (tagged PDF, PDF/UA-1): what each piece of a page *is* — the title,
//! a heading, a paragraph, a list item's label or body, the letter — so that a screen
//! reader gets headings, lists and reading order instead of one run of text.
//!
//! Layout builds a [`Tree`] as it places blocks and marks every drawing operation with a
//! [`Mark`]: the element whose content it is, or an artifact (rules, page numbers). The
//! writer numbers the marked-content sequences of each page (MCIDs) as it writes them and
//! hands the result to [`write_tree`], which writes the elements with their content and
//! the parent tree that leads from each page's MCIDs back to their elements.
//!
//! The tree of a plan: `Document` → `H1` (title), `H2`/`H3` (headings, never skipping a
//! level), `P`, `L` → `LI` → `Lbl` (bullet, check box or date) + `LBody` (bullets, the
//! checklist, and each run of dated steps as one list), and `Sect` → `P` per paragraph
//! for the letter.

use pdf_writer::types::{ListNumbering, StructRole};
use pdf_writer::{Finish, Pdf, Ref};

/// What a drawing operation is, for the structure tree.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mark {
    /// Content of the element with this index in the [`Tree`].
    Content(usize),
    /// Decoration that carries no meaning (rules): not read out.
    Artifact,
    /// Page furniture (the page numbers): not read out.
    Pagination,
}

/// One structure element.
pub(super) struct Node {
    pub(super) role: StructRole,
    /// The index of the enclosing element (the root, 0, is its own parent).
    parent: usize,
    /// For lists: how their items are labelled.
    numbering: Option<ListNumbering>,
}

/// The structure elements in reading order (a parent always before its children).
pub(super) struct Tree {
    pub(super) nodes: Vec<Node>,
    /// The element new ones go into.
    open: usize,
}

impl Tree {
    pub(super) fn new() -> Self {
        Tree { nodes: vec![Node { role: StructRole::Document, parent: 0, numbering: None }], open: 0 }
    }

    fn add(&mut self, role: StructRole, numbering: Option<ListNumbering>) -> usize {
        self.nodes.push(Node { role, parent: self.open, numbering });
        self.nodes.len() - 1
    }

    /// Adds an element that holds content (a heading, a paragraph, a label…) to the open
    /// one; draw its content with the returned mark.
    pub(super) fn leaf(&mut self, role: StructRole) -> Mark {
        Mark::Content(self.add(role, None))
    }

    /// Adds an element that holds other elements (a list, a list item, a section) and
    /// opens it: what is added next goes into it, until [`Tree::close`].
    pub(super) fn open(&mut self, role: StructRole) {
        self.open = self.add(role, None);
    }

    /// Opens a list whose items are labelled as `numbering` says.
    pub(super) fn open_list(&mut self, numbering: ListNumbering) {
        self.open = self.add(StructRole::L, Some(numbering));
    }

    /// Closes the open element: what is added next goes into its parent.
    pub(super) fn close(&mut self) {
        self.open = self.nodes[self.open].parent;
    }

    /// Whether a list is open (a run of dated steps continues it).
    pub(super) fn in_list(&self) -> bool {
        self.nodes[self.open].role == StructRole::L
    }
}

/// Writes the structure tree root with id `root` and its elements, from `marked`: for each
/// page, the element index of each of its MCIDs (the page's `/StructParents` key is its
/// index). Elements without any content are left out.
pub(super) fn write_tree(pdf: &mut Pdf, alloc: &mut Ref, root: Ref, tree: &Tree, marked: &[Vec<usize>], pages: &[Ref]) {
    let nodes = &tree.nodes;
    // Each element's content in reading order: (page, MCID).
    let mut content: Vec<Vec<(usize, i32)>> = vec![Vec::new(); nodes.len()];
    for (page, mcids) in marked.iter().enumerate() {
        for (mcid, &node) in mcids.iter().enumerate() {
            content[node].push((page, mcid as i32));
        }
    }
    // Keep the root, elements with content, and those holding a kept element: children
    // come after their parents, so one backwards pass settles it.
    let mut keep: Vec<bool> = content.iter().map(|c| !c.is_empty()).collect();
    keep[0] = true;
    for i in (1..nodes.len()).rev() {
        if keep[i] {
            keep[nodes[i].parent] = true;
        }
    }
    let refs: Vec<Option<Ref>> = keep.iter().map(|&k| k.then(|| alloc.bump())).collect();
    let mut children: Vec<Vec<Ref>> = vec![Vec::new(); nodes.len()];
    for (i, node) in nodes.iter().enumerate().skip(1) {
        if let Some(id) = refs[i] {
            children[node.parent].push(id);
        }
    }

    for (i, node) in nodes.iter().enumerate() {
        let Some(id) = refs[i] else { continue };
        let mut element = pdf.struct_element(id);
        element.kind(node.role);
        element.parent(if i == 0 { root } else { refs[node.parent].unwrap_or(root) });
        if let Some(numbering) = node.numbering {
            element.attributes().push().list().list_numbering(numbering);
        }
        // `/Pg` names the page of the first content; content on later pages (a paragraph
        // broken across pages) names its own.
        let first_page = content[i].first().map(|&(page, _)| page);
        if let Some(page) = first_page {
            element.page(pages[page]);
        }
        let mut kids = element.children();
        for &child in &children[i] {
            kids.struct_element(child);
        }
        for &(page, mcid) in &content[i] {
            if Some(page) == first_page {
                kids.marked_content_id(mcid);
            } else {
                kids.marked_content_ref().marked_content_id(mcid).page(pages[page]);
            }
        }
    }

    // The parent tree: for each page, an array leading from its MCIDs to their elements.
    let arrays: Vec<Ref> = marked.iter().map(|_| alloc.bump()).collect();
    for (array, mcids) in arrays.iter().zip(marked) {
        pdf.indirect(*array).array().items(mcids.iter().map(|&node| refs[node].unwrap_or(root)));
    }
    let mut tree_root = pdf.indirect(root).start::<pdf_writer::writers::StructTreeRoot>();
    if let Some(document) = refs[0] {
        tree_root.child(document);
    }
    let mut parents = tree_root.parent_tree();
    let mut nums = parents.nums();
    for (key, array) in arrays.iter().enumerate() {
        nums.insert(key as i32, *array);
    }
    nums.finish();
    parents.finish();
    tree_root.parent_tree_next_key(marked.len() as i32);
}
