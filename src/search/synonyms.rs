//! `content/synonymer.yaml`: groups of words and phrases that mean the same to a searcher
//! ("partnervold" ~ "vold i nære relationer"). Editors extend it; a query for one member
//! also finds the others, ranked a little lower than the words typed. Each other language
//! has its own file beside it, `content/synonymer.<code>.yaml`.

use super::analyze::{words, Analysis};
use crate::diag::{Diagnostic, Diagnostics};
use std::path::Path;

pub const FILE: &str = "content/synonymer.yaml";

/// Each group as members, each member as folded words without stopwords. A missing file
/// means no synonyms; a broken one is an error naming the line.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Vec<Vec<Vec<String>>> {
    load_for(root, None, Analysis::Danish, diags)
}

/// The synonyms of one language: `content/synonymer.yaml` for the source language,
/// `content/synonymer.<code>.yaml` for another (`lang`), read with its analysis.
pub fn load_for(
    root: &Path,
    lang: Option<&str>,
    analysis: Analysis,
    diags: &mut Diagnostics,
) -> Vec<Vec<Vec<String>>> {
    let file = match lang {
        None => FILE.to_string(),
        Some(code) => FILE.replace(".yaml", &format!(".{code}.yaml")),
    };
    let Ok(text) = std::fs::read_to_string(root.join(&file)) else {
        return Vec::new();
    };
    let groups: Vec<Vec<String>> = match crate::frontmatter::parse_document(&text) {
        Ok(g) => g,
        Err(p) => {
            diags.push(
                Diagnostic::error("synonyms", &file, format!("kan ikke læses: {}", p.message))
                    .at(p.line, p.column)
                    .hint("filen er en liste af grupper, fx `- [partnervold, vold i nære relationer]`"),
            );
            return Vec::new();
        }
    };
    parse_groups_with(&groups, analysis)
}

pub fn parse_groups(groups: &[Vec<String>]) -> Vec<Vec<Vec<String>>> {
    parse_groups_with(groups, Analysis::Danish)
}

fn parse_groups_with(groups: &[Vec<String>], analysis: Analysis) -> Vec<Vec<Vec<String>>> {
    groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|m| {
                    words(m)
                        .map(|w| analysis.fold(&w))
                        .filter(|w| !analysis.is_stopword(w))
                        .collect::<Vec<_>>()
                })
                .filter(|m| !m.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|g| g.len() > 1)
        .collect()
}
