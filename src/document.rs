//! A small, format-neutral document model: the plan is built once as a [`Document`] and
//! rendered to Markdown, PDF and plain text from it, so every format says the same thing.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document's title (first heading in every format).
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A section heading, level 2 or 3 (the title is level 1).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// Tasks to tick off: Markdown `- [ ]`, PDF check boxes.
    Checklist(Vec<String>),
    Bullets(Vec<String>),
    /// A dated step: the date as shown to people, its ISO form, and what to do.
    Dated {
        date: String,
        iso: String,
        text: String,
    },
    /// A block of text meant to be copied as it is (the notice draft), line breaks kept.
    Letter(String),
}

impl Document {
    /// All the visible text, one block per line group: for tests and plain-text copies.
    pub fn plain_text(&self) -> String {
        let mut out = self.title.clone();
        for block in &self.blocks {
            out.push_str("\n\n");
            match block {
                Block::Heading { text, .. } | Block::Paragraph(text) | Block::Letter(text) => out.push_str(text),
                Block::Checklist(items) | Block::Bullets(items) => out.push_str(&items.join("\n")),
                Block::Dated { date, text, .. } => {
                    out.push_str(date);
                    out.push_str(": ");
                    out.push_str(text);
                }
            }
        }
        out
    }
}
