//! `content/synonymer.yaml`: groups of words and phrases that mean the same to a searcher
//! ("partnervold" ~ "vold i nære relationer"). Editors extend it; a query for one member
//! also finds the others, ranked a little lower than the words typed.

use super::analyze::{fold, is_stopword, words};
use crate::diag::{Diagnostic, Diagnostics};
use std::path::Path;

pub const FILE: &str = "content/synonymer.yaml";

/// Each group as members, each member as folded words without stopwords. A missing file
/// means no synonyms; a broken one is an error naming the line.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Vec<Vec<Vec<String>>> {
    let path = root.join(FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let groups: Vec<Vec<String>> = match crate::frontmatter::parse_document(&text) {
        Ok(g) => g,
        Err(p) => {
            diags.push(
                Diagnostic::error("synonyms", FILE, format!("kan ikke læses: {}", p.message))
                    .at(p.line, p.column)
                    .hint("filen er en liste af grupper, fx `- [partnervold, vold i nære relationer]`"),
            );
            return Vec::new();
        }
    };
    parse_groups(&groups)
}

pub fn parse_groups(groups: &[Vec<String>]) -> Vec<Vec<Vec<String>>> {
    groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|m| {
                    words(m)
                        .map(|w| fold(&w))
                        .filter(|w| !is_stopword(w))
                        .collect::<Vec<_>>()
                })
                .filter(|m| !m.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|g| g.len() > 1)
        .collect()
}
