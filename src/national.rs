//! A national text must not speak as one municipality: "Københavns Kommune henviser til …"
//! on a national partner page is wrong on Randers' site. The build warns where a national
//! entry (no `municipality:`) names a municipality other than the site's outside its
//! `local:` block and its sources, so the sentence can be moved where it belongs.
//!
//! A practice is national but about its municipalities by nature: the names in its
//! `municipalities` are not reported.

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::entry::Entry;
use crate::locality::{named_municipalities, same_municipality};

/// The warnings for one entry of the site: a pure function of the entry and the config, so
/// `serve` computes it once per file version (`incremental.rs`) and the build runs it in
/// parallel with validation. The driver reports them for the entries on the site, in site
/// order.
pub fn check_entry(e: &Entry, config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !e.local_to.is_empty() {
        return out;
    }
    let here = config.municipality_short();
    let own: &[String] = e.practice().map_or(&[], |p| &p.municipalities);
    let summary_line = e.line_of("summary").unwrap_or(1);
    let found = named_municipalities(&e.summary)
        .into_iter()
        .map(|(name, _)| (name, summary_line))
        .chain(
            named_municipalities(&e.body)
                .into_iter()
                .map(|(name, i)| (name, e.body_line + i)),
        );
    let mut reported: Vec<String> = Vec::new();
    for (name, line) in found {
        if same_municipality(&name, here)
            || own.iter().any(|m| same_municipality(&name, m))
            || reported.contains(&name)
        {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "national-names-municipality",
                &e.path,
                format!(
                    "siden er landsdækkende, men teksten nævner »{name} Kommune«; på sitet for {} passer det ikke",
                    config.municipality.name
                ),
            )
            .at(line, None)
            .hint("flyt sætningen til et lokalt afsnit i front matter (`local:` med kommunens navn), eller skriv `municipality: …` øverst, hvis hele siden hører til den kommune"),
        );
        reported.push(name);
    }
    out
}
