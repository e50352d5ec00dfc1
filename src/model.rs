//! Model: all validated entries → `Site`, with the checks that need every entry (partner
//! slugs, related entries, poster contacts, duplicate examples). Entries are sorted once
//! here (section, weight, title, slug) so everything downstream is deterministic.

use crate::config::Config;
use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::entry::{Entry, Section};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Shared, so a preview server keeps an unchanged entry between rebuilds without copying
    /// it (and a language's copy of the site shares the entries it does not translate).
    pub entries: Vec<Arc<Entry>>,
    /// Site directories (`partnere/x/`) of drafts left out of this build: links to them are
    /// shown as text with a warning, not reported as missing pages.
    pub draft_dirs: std::collections::HashSet<String>,
    /// Site directories of other municipalities' local entries (`municipality:`), left out
    /// of this site like drafts, with whose they are.
    pub other_municipality: HashMap<String, Vec<String>>,
    /// Entry positions by section and slug (looked up without making a key string).
    index: HashMap<Section, HashMap<String, usize>>,
}

/// Why a page that exists as a file is not on this site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut<'a> {
    Draft,
    /// Local content of these municipalities.
    Municipality(&'a [String]),
}

/// The contact keyword in poster definitions that means the municipality in site.yaml.
pub const MUNICIPALITY_CONTACT: &str = "kommune";

impl Site {
    pub fn section(&self, s: Section) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .map(|e| &**e)
            .filter(move |e| e.section == s)
    }
    /// The position in `entries` of `section/slug`.
    pub fn index_of(&self, s: Section, slug: &str) -> Option<usize> {
        self.index.get(&s)?.get(slug).copied()
    }
    pub fn get(&self, s: Section, slug: &str) -> Option<&Entry> {
        self.index_of(s, slug).map(|i| &*self.entries[i])
    }
    /// The advice blocks (`content/hjaelp/`) for `audience`, with their entry index.
    pub fn advice_for<'s, 'k>(
        &'s self,
        audience: &'k str,
    ) -> impl Iterator<Item = (usize, &'s Entry)> + 'k
    where
        's: 'k,
    {
        self.entries
            .iter()
            .map(|e| &**e)
            .enumerate()
            .filter(move |(_, e)| e.guidance().is_some_and(|g| g.audience == audience))
    }
    /// Why the page in site directory `dir` (`partnere/x/`) is left out, if it is.
    pub fn left_out(&self, dir: &str) -> Option<LeftOut<'_>> {
        if let Some(owners) = self.other_municipality.get(dir) {
            return Some(LeftOut::Municipality(owners));
        }
        self.draft_dirs.contains(dir).then_some(LeftOut::Draft)
    }
    /// The same site with other entries (a language's copy): the index is rebuilt, the
    /// drafts and left-out pages stay.
    pub fn with_entries(&self, config: Config, entries: Vec<Arc<Entry>>) -> Site {
        let mut index: HashMap<Section, HashMap<String, usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            index
                .entry(e.section)
                .or_default()
                .insert(e.slug.clone(), i);
        }
        Site {
            config,
            entries,
            draft_dirs: self.draft_dirs.clone(),
            other_municipality: self.other_municipality.clone(),
            index,
        }
    }
    /// Look up `section/slug` as written in `related`.
    pub fn get_ref(&self, r: &str) -> Option<&Entry> {
        let (sec, slug) = r.trim_matches('/').split_once('/')?;
        self.get(Section::from_dir(sec)?, slug.trim_end_matches('/'))
    }
}

/// Build the site model. Drafts are dropped unless `include_drafts`.
/// `invalid` names entries whose files exist but failed validation; references to them are
/// not reported again.
pub fn build(
    config: Config,
    mut entries: Vec<Arc<Entry>>,
    include_drafts: bool,
    invalid: &HashSet<(Section, String)>,
    diags: &mut Diagnostics,
) -> Site {
    let mut draft_dirs = std::collections::HashSet::new();
    let other_municipality = leave_out_other_municipalities(&config, &mut entries, diags);
    draft_dirs.extend(other_municipality.keys().cloned());
    if !include_drafts {
        for e in entries.iter().filter(|e| e.draft) {
            draft_dirs.insert(crate::urls::entry_dir(e.section, &e.slug));
        }
        entries.retain(|e| !e.draft);
    }
    entries.sort_by(|a, b| {
        (a.section, a.weight, &a.title, &a.slug).cmp(&(b.section, b.weight, &b.title, &b.slug))
    });
    let mut index: HashMap<Section, HashMap<String, usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(prev) = index
            .entry(e.section)
            .or_default()
            .insert(e.slug.clone(), i)
        {
            let other = &entries[prev];
            diags.push(
                Diagnostic::error(
                    "duplicate-slug",
                    &e.path,
                    format!("slug `{}` findes allerede i {}", e.slug, other.path),
                )
                .at(1, None)
                .hint("to sider i samme sektion kan ikke have samme adresse: omdøb den ene fil"),
            );
        }
    }
    let site = Site {
        config,
        entries,
        draft_dirs,
        other_municipality,
        index,
    };
    check_references(&site, invalid, diags);
    site
}

/// Drop the local entries (`municipality:`) that belong to other municipalities than the
/// site's, with a warning each: they would send a citizen to another town's offices.
fn leave_out_other_municipalities(
    config: &Config,
    entries: &mut Vec<Arc<Entry>>,
    diags: &mut Diagnostics,
) -> HashMap<String, Vec<String>> {
    let here = config.municipality_short();
    let mut left_out = HashMap::new();
    entries.retain(|e| {
        let ours = e.local_to.is_empty()
            || e.local_to
                .iter()
                .any(|m| crate::locality::same_municipality(m, here));
        if !ours {
            diags.push(
                Diagnostic::warning(
                    "other-municipality",
                    &e.path,
                    format!(
                        "siden hører til {} (municipality:) og kommer ikke med på sitet for {}",
                        e.local_to.join(" og "),
                        config.municipality.name
                    ),
                )
                .at_line(e.line_of("municipality"))
                .hint(format!(
                    "slet filen, hvis I ikke bruger den, eller skriv `municipality: {here}`, hvis den også gælder jer"
                )),
            );
            left_out.insert(
                crate::urls::entry_dir(e.section, &e.slug),
                e.local_to.clone(),
            );
        }
        ours
    });
    left_out
}

fn check_references(site: &Site, invalid: &HashSet<(Section, String)>, diags: &mut Diagnostics) {
    let refs = Refs {
        site,
        invalid,
        partner_slugs: site
            .section(Section::Partnere)
            .map(|e| e.slug.as_str())
            .collect(),
    };
    let mut examples: HashMap<(u32, u32), &Entry> = HashMap::new();
    for e in &site.entries {
        if let Some(p) = e.practice() {
            refs.partners(e, "partners", &p.partners, "content/partnere/", diags);
            if let Some(example) = p.example {
                if let Some(first) = examples.insert((p.focus_area, example), e) {
                    diags.push(duplicate_example(first, e, p.focus_area, example));
                }
            }
        }
        if let Some(k) = e.knowledge() {
            for r in &k.related {
                refs.related(e, r, diags);
            }
        }
        if let Some(slug) = e.partner().and_then(|p| p.replaced_by.as_ref()) {
            let slugs = std::slice::from_ref(slug);
            refs.partners(e, "replaced_by", slugs, "content/partnere/", diags);
        }
        if let Some(p) = e.poster() {
            let named: Vec<String> = (p.contacts.iter())
                .filter(|c| *c != MUNICIPALITY_CONTACT)
                .cloned()
                .collect();
            let place = "content/partnere/ (eller `kommune`)";
            refs.partners(e, "contacts", &named, place, diags);
        }
        if e.section == Section::Partnere && e.slug == MUNICIPALITY_CONTACT {
            diags.push(
                Diagnostic::error(
                    "reserved-slug",
                    &e.path,
                    "`kommune` er reserveret til kommunen i site.yaml",
                )
                .at(1, None)
                .hint("omdøb filen, fx til `kommune-raadgivning.md`"),
            );
        }
    }
    refs.pinned_lines(diags);
    if site.entries.is_empty() && invalid.is_empty() {
        diags.push(
            Diagnostic::error("no-entries", "content", "der er ingen sider at bygge")
                .hint("læg mindst én .md-fil i content/praksis, content/partnere, content/viden, content/kvalitetsstandard eller content/plakater"),
        );
    }
}

/// Two practices with one focus area and example number: the later path is reported.
/// Practices without an example number never clash.
fn duplicate_example<'e>(
    first: &'e Entry,
    e: &'e Entry,
    focus_area: u32,
    example: u32,
) -> Diagnostic {
    let (a, b) = if first.path < e.path {
        (first, e)
    } else {
        (e, first)
    };
    Diagnostic::error(
        "duplicate-example",
        &b.path,
        format!(
            "fokusområde {} eksempel {} er allerede brugt i {}",
            focus_area, example, a.path
        ),
    )
    .at_line(b.line_of("example"))
    .hint("hvert eksempel har sit eget nummer inden for fokusområdet")
}

/// What reference checks look entries up in.
struct Refs<'s> {
    site: &'s Site,
    /// Files that failed validation: a reference to one is not reported as missing too.
    invalid: &'s HashSet<(Section, String)>,
    partner_slugs: Vec<&'s str>,
}

impl Refs<'_> {
    fn exists(&self, s: Section, slug: &str) -> bool {
        self.site.get(s, slug).is_some() || self.invalid.contains(&(s, slug.to_string()))
    }

    /// Each of `slugs` (the value of `key` in `e`) names a partner; `place` says where
    /// partners live, for the hint.
    fn partners(
        &self,
        e: &Entry,
        key: &str,
        slugs: &[String],
        place: &str,
        diags: &mut Diagnostics,
    ) {
        for slug in slugs {
            if !self.exists(Section::Partnere, slug) {
                diags.push(missing_ref(
                    self.site,
                    e,
                    key,
                    slug,
                    &self.partner_slugs,
                    place,
                ));
            }
        }
    }

    /// A `related` entry (`section/slug`) exists, is left out of this site (a warning), or
    /// is an error with the closest existing one.
    fn related(&self, e: &Entry, r: &str, diags: &mut Diagnostics) {
        let site = self.site;
        let failed_validation = r.split_once('/').is_some_and(|(sec, sl)| {
            Section::from_dir(sec).is_some_and(|sec| {
                self.invalid
                    .contains(&(sec, sl.trim_end_matches('/').to_string()))
            })
        });
        if site.get_ref(r).is_some() || failed_validation {
            return;
        }
        let dir = format!("{}/", r.trim_matches('/'));
        if let Some(why) = site.left_out(&dir) {
            let named = format!("`{r}`");
            diags.push(left_out_reference(why, e, "related", (r, &named), &dir));
            return;
        }
        let all: Vec<String> = site
            .entries
            .iter()
            .map(|x| format!("{}/{}", x.section.dir(), x.slug))
            .collect();
        let hint = match closest(r, all.iter().map(|s| s.as_str())) {
            Some(s) => format!("mente du `{s}`?"),
            None => "skriv sektion/slug, fx `partnere/dialog-mod-vold`".into(),
        };
        diags.push(
            Diagnostic::error(
                "unknown-reference",
                &e.path,
                format!("related: `{r}` findes ikke"),
            )
            .at_line(e.line_of("related"))
            .hint(hint),
        );
    }

    /// Lines pinned in site.yaml must name partners, so a typo never hides a help line.
    fn pinned_lines(&self, diags: &mut Diagnostics) {
        let c = &self.site.config;
        let pinned = c
            .danger_lines
            .iter()
            .map(|s| ("danger_lines", s))
            .chain(c.help_lines.values().flatten().map(|s| ("help_lines", s)));
        for (key, slug) in pinned {
            let dir = crate::urls::entry_dir(Section::Partnere, slug);
            if let Some(why) = self.site.left_out(&dir) {
                let d = left_out_pinned(why, key, slug, c);
                diags.push(d.at_line(config_line_of(c, slug)));
                continue;
            }
            if !self.exists(Section::Partnere, slug) {
                let hint = match closest(slug, self.partner_slugs.iter().copied()) {
                    Some(k) => format!("mente du `{k}`?"),
                    None => format!("opret content/partnere/{slug}.md eller ret navnet"),
                };
                diags.push(
                    Diagnostic::error(
                        "unknown-partner",
                        crate::config::CONFIG_FILE,
                        format!("{key}: partneren `{slug}` findes ikke"),
                    )
                    .at_line(config_line_of(c, slug))
                    .hint(hint),
                );
            }
        }
    }
}

/// A reference (`related`, `partners`, `contacts`, …) to a page that exists but is left
/// out of this site: a warning, and the page is simply not shown.
/// `named` is how the message names it: "`viden/x`" or "partneren `x`".
fn left_out_reference(
    why: LeftOut,
    e: &Entry,
    key: &str,
    (what, named): (&str, &str),
    dir: &str,
) -> Diagnostic {
    let file = format!("content/{}.md", dir.trim_end_matches('/'));
    match why {
        LeftOut::Draft => Diagnostic::warning(
            "draft-reference",
            &e.path,
            format!("{key}: {named} er en kladde (draft: true) og vises ikke"),
        )
        .hint(format!(
            "fjern `draft: true` i {file} for at udgive den, eller byg med --drafts"
        )),
        LeftOut::Municipality(owners) => Diagnostic::warning(
            "other-municipality-reference",
            &e.path,
            format!(
                "{key}: {named} hører til {} og vises ikke på dette site",
                owners.join(" og ")
            ),
        )
        .hint(format!("fjern `{what}` fra {key}")),
    }
    .at_line(e.line_of(key))
}

/// A line pinned in site.yaml (`help_lines`, `danger_lines`) that is left out of this site.
fn left_out_pinned(why: LeftOut, key: &str, slug: &str, c: &Config) -> Diagnostic {
    match why {
        LeftOut::Draft => Diagnostic::warning(
            "draft-reference",
            crate::config::CONFIG_FILE,
            format!("{key}: partneren `{slug}` er en kladde (draft: true) og vises ikke"),
        )
        .hint(format!(
            "fjern `draft: true` i content/partnere/{slug}.md for at udgive den, eller byg med --drafts"
        )),
        LeftOut::Municipality(owners) => Diagnostic::warning(
            "other-municipality-reference",
            crate::config::CONFIG_FILE,
            format!(
                "{key}: `{slug}` er et lokalt tilbud for {} og vises ikke som hjælp på sitet for {}",
                owners.join(" og "),
                c.municipality.name
            ),
        )
        .hint(format!(
            "fjern `{slug}` fra {key}, og sæt jeres eget tilbud ind i stedet"
        )),
    }
}

fn missing_ref(
    site: &Site,
    e: &Entry,
    key: &str,
    slug: &str,
    known: &[&str],
    dir: &str,
) -> Diagnostic {
    // The page exists but is left out (a draft, another municipality's): say so, and leave
    // it out of this build instead of failing it.
    let page_dir = crate::urls::entry_dir(Section::Partnere, slug);
    if let Some(why) = site.left_out(&page_dir) {
        let named = format!("partneren `{slug}`");
        return left_out_reference(why, e, key, (slug, &named), &page_dir);
    }
    let hint = match closest(slug, known.iter().copied()) {
        Some(k) => format!("mente du `{k}`?"),
        None => format!("opret {dir}{slug}.md eller ret navnet"),
    };
    Diagnostic::error(
        "unknown-partner",
        &e.path,
        format!("{key}: partneren `{slug}` findes ikke"),
    )
    .at_line(e.line_of(key))
    .hint(hint)
}

/// The site.yaml line naming `slug`, when the config text is at hand.
fn config_line_of(c: &Config, slug: &str) -> Option<usize> {
    c.source_text
        .lines()
        .position(|l| {
            let l = l.trim_start();
            !l.starts_with('#')
                && l.split(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
                    .any(|w| w == slug)
        })
        .map(|i| i + 1)
}
