//! Validate: turns one `SourceFile` into a typed `Entry`. Required fields are non-optional
//! here, so templates never see a missing title; every problem in the file is reported
//! with its line, not only the first one.
//!
//! Checks that need other entries (partner slugs, related, links, duplicates) live in
//! `model.rs`.

mod guidance;
pub mod keys;
mod knowledge;
mod partner;
mod poster;
mod practice;
mod reader;
mod text;

use crate::config::{Config, Phone};
use crate::date::{Date, PartialDate};
use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::frontmatter;
use crate::slug;
use crate::source::SourceFile;
use keys::{key, COMMON};
use reader::EntryReader;
use serde::{Deserialize, Serialize};

pub use crate::section::Section;
pub use text::ended_phrase;

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub document: String,
    #[serde(default)]
    pub pages: Option<String>,
    /// The source document's own date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum YesNo {
    Yes,
    No,
    #[default]
    Unknown,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub chat: Option<String>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.phones.is_empty()
            && self.website.is_none()
            && self.email.is_none()
            && self.address.is_none()
            && self.chat.is_none()
    }
}

pub use crate::freshness::ContactStatus;

/// Whether an offer runs today (HSDS 3.0 `service.status` in spirit: active, inactive /
/// temporarily closed, defunct). An ended offer is never listed as help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OfferStatus {
    #[default]
    Active,
    Paused,
    Ended,
}

/// A partner's verification: who checked what, when, and how old the checked page is.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    /// The check date as written (`YYYY-MM-DD`).
    pub on: String,
    #[serde(skip)]
    pub on_date: Date,
    pub against: String,
    /// The date the checked page states; `None` when it states none.
    #[serde(skip)]
    pub source_date: Option<PartialDate>,
    /// Who published the checked page (defaults to the entry's title in views).
    pub publisher: Option<String>,
    /// The older of the check and the source date: what freshness counts from.
    #[serde(skip)]
    pub information_date: Date,
}

impl Verified {
    /// Who stated the details and when, for "Oplyst af …": the publisher (or `entry_title`)
    /// and the source's own date where it gives one, in the page's language `lang`
    /// ("Danner, februar 2021").
    pub fn stated_by(&self, entry_title: &str, lang: &str) -> String {
        let who = self.publisher.as_deref().unwrap_or(entry_title);
        match self.source_date {
            Some(d) => format!("{who}, {}", d.long(lang)),
            None => who.to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PracticeMeta {
    pub focus_area: u32,
    /// The example's number within its focus area in the booklet; only practices from the
    /// booklet have one.
    pub example: Option<u32>,
    pub municipalities: Vec<String>,
    pub organisations: Vec<String>,
    pub criteria: Vec<u32>,
    pub target_groups: Vec<String>,
    pub evaluated: bool,
    pub period: Option<String>,
    pub partners: Vec<String>,
    pub status: OfferStatus,
    #[serde(skip)]
    pub ended_on: Option<PartialDate>,
    /// Facts the booklet gives, where it gives them (shown in the facts box and compared).
    pub facts: PracticeFacts,
    /// Types of offer (keys of `site.yaml` `offers`), for filtering practices.
    pub offers: Vec<String>,
}

/// Optional structured facts of a practice, each as the source words it.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct PracticeFacts {
    pub duration: Option<String>,
    pub group_size: Option<String>,
    pub staff: Option<String>,
    pub referral: Option<String>,
    pub funding: Option<String>,
}

/// The keys of [`PracticeFacts`], in the order pages show them.
pub const PRACTICE_FACT_KEYS: [&str; 5] =
    ["duration", "group_size", "staff", "referral", "funding"];

impl PracticeFacts {
    /// Every fact with its key, in [`PRACTICE_FACT_KEYS`] order, given or not.
    pub fn by_key(&self) -> [(&'static str, Option<&str>); 5] {
        let values = [
            &self.duration,
            &self.group_size,
            &self.staff,
            &self.referral,
            &self.funding,
        ];
        let mut out = [("", None); 5];
        for (i, (k, v)) in PRACTICE_FACT_KEYS.iter().zip(values).enumerate() {
            out[i] = (*k, v.as_deref());
        }
        out
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PartnerMeta {
    pub kind: String,
    pub audiences: Vec<String>,
    pub violence_forms: Vec<String>,
    pub offers: Vec<String>,
    pub anonymous: YesNo,
    pub free: YesNo,
    pub coverage: Option<String>,
    /// Languages the offer is given in, as ISO 639 codes (`da`, `en`), where a source says.
    pub languages: Vec<String>,
    pub contact: Contact,
    pub verified: Option<Verified>,
    pub address_confidential: bool,
    pub contact_status: ContactStatus,
    pub status: OfferStatus,
    #[serde(skip)]
    pub ended_on: Option<PartialDate>,
    /// Slug of the partner that took over, for an ended or paused offer.
    pub replaced_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct GuidanceMeta {
    /// The audience key whose help page shows the advice.
    pub audience: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct KnowledgeMeta {
    pub violence_forms: Vec<String>,
    pub audiences: Vec<String>,
    pub related: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PosterLayout {
    Poster,
    Leaflet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PosterAudience {
    Borgere,
    Medarbejdere,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PaperSize {
    A5,
    A4,
    A3,
}

impl PaperSize {
    /// Width and height in PDF points.
    pub fn points(self) -> (f64, f64) {
        match self {
            PaperSize::A5 => (419.53, 595.28),
            PaperSize::A4 => (595.28, 841.89),
            PaperSize::A3 => (841.89, 1190.55),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            PaperSize::A5 => "A5",
            PaperSize::A4 => "A4",
            PaperSize::A3 => "A3",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PosterMeta {
    pub layout: PosterLayout,
    pub audience: PosterAudience,
    pub sizes: Vec<PaperSize>,
    pub headline: String,
    pub contacts: Vec<String>,
    pub qr: Option<String>,
    pub tear_off: bool,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum EntryKind {
    Practice(Box<PracticeMeta>),
    // Boxed: practices and partners are several times the size of the other kinds.
    Partner(Box<PartnerMeta>),
    Standard,
    Knowledge(KnowledgeMeta),
    Poster(PosterMeta),
    Guidance(GuidanceMeta),
}

impl EntryKind {
    /// The section an entry of this kind lives in: the one place that split is made.
    pub fn section(&self) -> Section {
        match self {
            EntryKind::Practice(_) => Section::Praksis,
            EntryKind::Partner(_) => Section::Partnere,
            EntryKind::Standard => Section::Kvalitetsstandard,
            EntryKind::Knowledge(_) => Section::Viden,
            EntryKind::Poster(_) => Section::Plakater,
            EntryKind::Guidance(_) => Section::Hjaelp,
        }
    }
}

/// One validated content entry.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Always `kind.section()` (set from the kind when the entry is made); kept as a field
    /// because the model sorts and indexes by it.
    pub section: Section,
    pub slug: String,
    /// Site-relative source path.
    pub path: String,
    pub title: String,
    pub summary: String,
    pub source: Option<SourceRef>,
    pub weight: i64,
    pub draft: bool,
    #[serde(skip)]
    pub body: String,
    /// File line the Markdown body starts on.
    #[serde(skip)]
    pub body_line: usize,
    /// Lines of the front-matter keys, for cross-entry diagnostics.
    #[serde(skip)]
    pub key_lines: crate::frontmatter::KeyLines,
    /// The municipalities this entry belongs to (`municipality:`); empty for a national
    /// entry, which every municipality's site publishes.
    pub local_to: Vec<String>,
    /// Paragraphs shown only on one municipality's site (`local:`).
    #[serde(skip)]
    pub local: Vec<LocalText>,
    /// In a language's copy of the site: the translation shown (`translation.rs`).
    #[serde(skip)]
    pub translation: Option<TranslationNote>,
    /// In a language's copy of the site: this entry has no translation and shows in Danish.
    #[serde(skip)]
    pub untranslated: bool,
    pub kind: EntryKind,
}

/// An ISO 639-1 or 639-3 code: two or three lower-case letters.
pub fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// What a page in another language shows about its translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationNote {
    pub lang: String,
    /// The Danish source changed after this translation was made.
    pub behind: bool,
    pub reviewed: bool,
}

/// One municipality's paragraph on an entry (`local: { Randers: "…" }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalText {
    pub municipality: String,
    /// Markdown.
    pub text: String,
    /// The file line the text starts on.
    pub line: usize,
}

/// `municipality: Randers` or `municipality: [København, Hvidovre]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Entry {
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.key_lines.line_of(key)
    }
    pub fn practice(&self) -> Option<&PracticeMeta> {
        match &self.kind {
            EntryKind::Practice(p) => Some(p),
            _ => None,
        }
    }
    pub fn partner(&self) -> Option<&PartnerMeta> {
        match &self.kind {
            EntryKind::Partner(p) => Some(p),
            _ => None,
        }
    }
    pub fn partner_mut(&mut self) -> Option<&mut PartnerMeta> {
        match &mut self.kind {
            EntryKind::Partner(p) => Some(p),
            _ => None,
        }
    }
    pub fn poster(&self) -> Option<&PosterMeta> {
        match &self.kind {
            EntryKind::Poster(p) => Some(p),
            _ => None,
        }
    }
    pub fn guidance(&self) -> Option<&GuidanceMeta> {
        match &self.kind {
            EntryKind::Guidance(g) => Some(g),
            _ => None,
        }
    }
    pub fn knowledge(&self) -> Option<&KnowledgeMeta> {
        match &self.kind {
            EntryKind::Knowledge(k) => Some(k),
            _ => None,
        }
    }
}

/// The keys every entry has, read before the section's own.
struct Common {
    title: Option<String>,
    summary: Option<String>,
    source: Option<SourceRef>,
    weight: i64,
    draft: bool,
    local_to: Vec<String>,
    local: Vec<LocalText>,
}

/// Validate one source file against the content model. `None` when it has errors.
pub fn validate(file: &SourceFile, config: &Config, diags: &mut Diagnostics) -> Option<Entry> {
    let name_is_slug = check_file_name(file, diags);
    let fm = match frontmatter::parse(&file.text) {
        Ok(fm) => fm,
        Err(p) => {
            diags.push(
                Diagnostic::error(p.code, &file.path, p.message)
                    .at(p.line, p.column)
                    .hint(p.hint),
            );
            return None;
        }
    };
    let mut r = EntryReader::new(&file.path, file.section, config, &fm, diags);
    let common = read_common(&mut r);
    r.from_booklet = (common.source.as_ref()).is_some_and(|s| s.document == keys::BOOKLET);
    let kind = match file.section {
        Section::Praksis => practice::practice(&mut r),
        Section::Partnere => partner::partner(&mut r),
        Section::Kvalitetsstandard => Some(EntryKind::Standard),
        Section::Viden => knowledge::knowledge(&mut r),
        Section::Plakater => poster::poster(&mut r),
        Section::Hjaelp => guidance::guidance(&mut r),
    };
    warn_if_text_says_ended(&mut r, &common, kind.as_ref());
    if !common.draft {
        for (line, text) in text::placeholders(&file.text, fm.body_first_line) {
            r.error(
                "placeholder",
                line,
                format!("`{text}` er en skabelontekst fra `vejviser new`, der ikke er udfyldt"),
                "skriv den rigtige tekst i stedet, eller sæt `draft: true`, så siden ikke udgives",
            );
        }
    }
    report_unknown_keys(&mut r, &file.stem);
    if r.failed || !name_is_slug {
        return None;
    }
    let kind = kind?;
    Some(Entry {
        section: kind.section(),
        slug: file.stem.clone(),
        path: file.path.clone(),
        title: common.title?,
        summary: common.summary?,
        source: common.source,
        weight: common.weight,
        draft: common.draft,
        body: fm.body.to_string(),
        body_line: fm.body_first_line,
        key_lines: crate::frontmatter::KeyLines::of(&fm),
        local_to: common.local_to,
        local: common.local,
        translation: None,
        untranslated: false,
        kind,
    })
}

/// The file name is the slug, so it must be one. Whether it is.
fn check_file_name(file: &SourceFile, diags: &mut Diagnostics) -> bool {
    let is_slug = slug::is_valid_slug(&file.stem);
    if !is_slug {
        let good = slug::slugify(&file.stem);
        diags.push(
            Diagnostic::error(
                "bad-slug",
                &file.path,
                format!("filnavnet `{}.md` er ikke en gyldig slug", file.stem),
            )
            .at(1, None)
            .hint(format!(
                "omdøb filen til `{good}.md` (små bogstaver, æ→ae, ø→oe, å→aa, `-` mellem ord)"
            )),
        );
    }
    is_slug
}

fn read_common(r: &mut EntryReader) -> Common {
    const TEXT: &str = "skriv en tekst";
    let title = r.read_text(key!(COMMON, "title"), TEXT);
    let summary = r.read_text(key!(COMMON, "summary"), TEXT);
    let source = r.read::<SourceRef>(key!(COMMON, "source"));
    let weight = r.read::<i64>(key!(COMMON, "weight")).unwrap_or(0);
    let draft = r.read::<bool>(key!(COMMON, "draft")).unwrap_or(false);
    if let Some(raw) = source.as_ref().and_then(|s| s.date.as_deref()) {
        if PartialDate::parse(raw).is_none() {
            r.error(
                "bad-date",
                r.nested_line("source", "date"),
                format!("source.date `{raw}` er ikke en dato"),
                "skriv kildens dato som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD i anførselstegn, fx \"2019-06\"",
            );
        }
    }
    let (local_to, local) = read_locality(r);
    Common {
        title,
        summary,
        source,
        weight,
        draft,
        local_to,
        local,
    }
}

/// `municipality` (whose the entry is) and `local` (paragraphs for one municipality's site).
fn read_locality(r: &mut EntryReader) -> (Vec<String>, Vec<LocalText>) {
    let local_to = match r.read::<OneOrMany>(key!(COMMON, "municipality")) {
        None => Vec::new(),
        Some(OneOrMany::One(one)) => vec![one],
        Some(OneOrMany::Many(many)) => many,
    };
    if local_to.iter().any(|m| m.trim().is_empty())
        || (r.fm.keys.iter().any(|(k, _, _)| k == "municipality") && local_to.is_empty())
    {
        r.error(
            "empty-field",
            r.line("municipality"),
            "feltet `municipality` er tomt",
            "skriv kommunens navn, fx municipality: Randers, eller fjern linjen, hvis siden er landsdækkende",
        );
    }
    let map = r
        .read::<std::collections::BTreeMap<String, String>>(key!(COMMON, "local"))
        .unwrap_or_default();
    let mut local = Vec::new();
    for (municipality, text) in map {
        let line = r.nested_line("local", &municipality);
        if text.trim().is_empty() {
            r.error(
                "empty-field",
                line,
                format!("det lokale afsnit for {municipality} er tomt"),
                "skriv afsnittet efter `|` på de følgende linjer, eller fjern linjen",
            );
            continue;
        }
        local.push(LocalText {
            municipality,
            text,
            line: line + 1,
        });
    }
    (local_to, local)
}

/// `status` and `ended_on`, shared by practices and partners.
fn offer_status(r: &mut EntryReader) -> (OfferStatus, Option<PartialDate>) {
    let status = r.read::<OfferStatus>(&keys::STATUS).unwrap_or_default();
    let ended_on = r.read::<String>(&keys::ENDED_ON).and_then(|raw| {
        let parsed = PartialDate::parse(&raw);
        if parsed.is_none() {
            r.error(
                "bad-date",
                r.line("ended_on"),
                format!("ended_on `{raw}` er ikke en dato"),
                "skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD i anførselstegn, fx \"2014\"",
            );
        }
        parsed
    });
    if ended_on.is_some() && status == OfferStatus::Active {
        r.error(
            "ended-but-active",
            r.line("ended_on"),
            "ended_on er udfyldt, men status er ikke ended eller paused",
            "skriv status: ended (eller fjern ended_on, hvis tilbuddet stadig findes)",
        );
    }
    (status, ended_on)
}

/// An active partner whose own text says the offer has ended. Offers people are sent to
/// (partners) are checked; practices record the booklet's state of 2019 and would only cost
/// a scan of every body at 10,000 entries.
fn warn_if_text_says_ended(r: &mut EntryReader, common: &Common, kind: Option<&EntryKind>) {
    let Some(EntryKind::Partner(p)) = kind else {
        return;
    };
    if p.status != OfferStatus::Active {
        return;
    }
    let own_text = [
        common.summary.as_deref().unwrap_or(""),
        r.fm.body,
        common
            .source
            .as_ref()
            .and_then(|s| s.note.as_deref())
            .unwrap_or(""),
    ]
    .join("\n");
    if let Some(phrase) = ended_phrase(&own_text) {
        r.warn(
            "ended-in-text",
            r.open(),
            format!("teksten siger »{phrase}«, men tilbuddet står som aktivt"),
            "er tilbuddet slut, så skriv status: ended og ended_on: \"ÅÅÅÅ\"; så vises det aldrig som hjælp",
        );
    }
}

/// Keys no table of the section names: each is an error with the closest known key. A file
/// in the wrong folder shows as a row of unknown keys, so then say where it belongs.
fn report_unknown_keys(r: &mut EntryReader, stem: &str) {
    let unknown = r.fields.unknown_keys();
    let names_in = |s: Section| -> Vec<&str> {
        let table = keys::section_keys(s);
        unknown
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| table.iter().any(|t| t.name == *k))
            .collect()
    };
    let looks_like = Section::ALL
        .into_iter()
        .filter(|s| *s != r.section)
        .map(|s| (names_in(s), s))
        .max_by_key(|(hits, _)| hits.len());
    if let Some((hits, other)) = looks_like.filter(|(hits, _)| hits.len() >= 2) {
        let examples: Vec<String> = hits.iter().take(3).map(|k| format!("`{k}`")).collect();
        r.error(
            "wrong-section",
            1,
            format!(
                "filen ligner en side til {}/ (den har felter som {}), men ligger i {}/",
                other.dir(),
                examples.join(", "),
                r.section.dir()
            ),
            format!("flyt filen til content/{}/{stem}.md", other.dir()),
        );
    }
    let known: Vec<&str> = keys::COMMON
        .iter()
        .chain(keys::section_keys(r.section))
        .map(|k| k.name)
        .collect();
    for (key, line) in unknown {
        let hint = match closest(&key, known.iter().copied()) {
            Some(k) => format!("mente du `{k}`?"),
            None => format!(
                "tilladte felter i {}: {}",
                r.section.dir(),
                known.join(", ")
            ),
        };
        r.error("unknown-key", line, format!("ukendt felt `{key}`"), hint);
    }
}
