//! Validate: turns one `SourceFile` into a typed `Entry`. Required fields are non-optional
//! here, so templates never see a missing title; every problem in the file is reported
//! with its line, not only the first one.
//!
//! Checks that need other entries (partner slugs, related, links, duplicates) live in
//! `model.rs`.

use crate::config::{Config, Phone, RawVerified};
use crate::date::{Date, PartialDate};
use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::frontmatter::{self, FieldProblem, Fields};
use crate::slug;
use crate::source::SourceFile;
use serde::{Deserialize, Serialize};

pub use crate::section::Section;

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
    /// and the source's own date where it gives one ("Danner, februar 2021").
    pub fn stated_by(&self, entry_title: &str) -> String {
        let who = self.publisher.as_deref().unwrap_or(entry_title);
        match self.source_date {
            Some(d) => format!("{who}, {}", d.danish()),
            None => who.to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PracticeMeta {
    pub focus_area: u32,
    pub example: u32,
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

/// One validated content entry.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
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
    pub key_lines: Vec<(String, usize)>,
    pub kind: EntryKind,
}

impl Entry {
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.key_lines
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, l)| *l)
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

/// Collects problems for one file, with file lines.
struct FileCheck<'a> {
    path: &'a str,
    diags: &'a mut Diagnostics,
    failed: bool,
}

impl FileCheck<'_> {
    fn error(
        &mut self,
        code: &'static str,
        line: usize,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.failed = true;
        self.diags.push(
            Diagnostic::error(code, self.path, msg)
                .at(line, None)
                .hint(hint),
        );
    }
    fn warn(
        &mut self,
        code: &'static str,
        line: usize,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags.push(
            Diagnostic::warning(code, self.path, msg)
                .at(line, None)
                .hint(hint),
        );
    }
    fn field_problem(&mut self, p: FieldProblem, hint: &str) {
        self.error("wrong-type", p.line, p.message, hint);
    }
}

/// Read a field, turning a type problem into a diagnostic.
macro_rules! field {
    ($f:expr, $chk:expr, $key:literal, $ty:ty, $expected:literal, $hint:literal) => {
        match $f.get::<$ty>($key, $expected) {
            Ok(v) => v,
            Err(p) => {
                $chk.field_problem(p, $hint);
                None
            }
        }
    };
}

const COMMON_KEYS: [&str; 5] = ["title", "summary", "source", "weight", "draft"];

fn section_keys(section: Section) -> &'static [&'static str] {
    match section {
        Section::Praksis => &[
            "focus_area",
            "example",
            "municipalities",
            "organisations",
            "criteria",
            "target_groups",
            "evaluated",
            "period",
            "partners",
            "status",
            "ended_on",
            "duration",
            "group_size",
            "staff",
            "referral",
            "funding",
            "offers",
        ],
        Section::Partnere => &[
            "kind",
            "audiences",
            "violence_forms",
            "offers",
            "anonymous",
            "free",
            "coverage",
            "languages",
            "contact",
            "verified",
            "address_confidential",
            "status",
            "ended_on",
            "replaced_by",
        ],
        Section::Kvalitetsstandard => &[],
        Section::Viden => &["violence_forms", "audiences", "related"],
        Section::Plakater => &[
            "layout", "audience", "sizes", "headline", "contacts", "qr", "tear_off",
        ],
        Section::Hjaelp => &["audience"],
    }
}

/// Validate one source file against the content model. `None` when it has errors.
pub fn validate(file: &SourceFile, config: &Config, diags: &mut Diagnostics) -> Option<Entry> {
    let mut chk = FileCheck {
        path: &file.path,
        diags,
        failed: false,
    };
    if !slug::is_valid_slug(&file.stem) {
        let good = slug::slugify(&file.stem);
        chk.error(
            "bad-slug",
            1,
            format!("filnavnet `{}.md` er ikke en gyldig slug", file.stem),
            format!(
                "omdøb filen til `{good}.md` (små bogstaver, æ→ae, ø→oe, å→aa, `-` mellem ord)"
            ),
        );
    }
    let fm = match frontmatter::parse(&file.text) {
        Ok(fm) => fm,
        Err(p) => {
            chk.failed = true;
            chk.diags.push(
                Diagnostic::error(p.code, chk.path, p.message)
                    .at(p.line, p.column)
                    .hint(p.hint),
            );
            return None;
        }
    };
    let mut f = fm.fields();
    let open = fm.open_line;

    let title = field!(
        f,
        chk,
        "title",
        String,
        "en tekst",
        "skriv titlen i anførselstegn: title: \"…\""
    );
    let summary = field!(
        f,
        chk,
        "summary",
        String,
        "en tekst",
        "skriv en eller to sætninger i anførselstegn"
    );
    let source =
        field!(f, chk, "source", SourceRef, "en kilde med document (og evt. pages, note)",
        "skriv fx\n    source:\n      document: \"001_9d617f8347943508.txt\"\n      pages: \"9\"");
    let weight = field!(f, chk, "weight", i64, "et heltal", "fx weight: 10").unwrap_or(0);
    let draft = field!(
        f,
        chk,
        "draft",
        bool,
        "true eller false",
        "skriv draft: true eller fjern linjen"
    )
    .unwrap_or(false);

    for (name, v) in [("title", &title), ("summary", &summary)] {
        match v {
            None if !f.has(name) => chk.error(
                "missing-field",
                open,
                format!("feltet `{name}` mangler"),
                format!("tilføj `{name}: \"…\"` i front matter"),
            ),
            Some(s) if s.trim().is_empty() => chk.error(
                "empty-field",
                f.line(name),
                format!("feltet `{name}` er tomt"),
                "skriv en tekst",
            ),
            _ => {}
        }
    }
    if file.section.requires_source() && source.is_none() && !f.has("source") {
        chk.error(
            "missing-source",
            open,
            "feltet `source` mangler: hvor kommer oplysningerne fra?",
            "tilføj\n    source:\n      document: \"<kildedokument eller URL>\"",
        );
    }

    let kind = match file.section {
        Section::Praksis => practice(&mut f, &mut chk, config, open),
        Section::Partnere => partner(&mut f, &fm, &mut chk, config, open),
        Section::Kvalitetsstandard => Some(EntryKind::Standard),
        Section::Viden => knowledge(&mut f, &mut chk, config),
        Section::Plakater => poster(&mut f, &mut chk, open),
        Section::Hjaelp => guidance(&mut f, &mut chk, config, open),
    };

    if let Some(src) = &source {
        if let Some(raw) = &src.date {
            if PartialDate::parse(raw).is_none() {
                chk.error(
                    "bad-date",
                    fm.nested_line("source", "date").unwrap_or(f.line("source")),
                    format!("source.date `{raw}` er ikke en dato"),
                    "skriv kildens dato som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD i anførselstegn, fx \"2019-06\"",
                );
            }
        }
    }
    // Offers people are sent to (partners) are checked; practices record the booklet's
    // state of 2019 and would only cost a scan of every body at 10,000 entries.
    let still_active = match &kind {
        Some(EntryKind::Partner(p)) => p.status == OfferStatus::Active,
        _ => false,
    };
    if still_active {
        let own_text = [
            summary.as_deref().unwrap_or(""),
            fm.body,
            source
                .as_ref()
                .and_then(|s| s.note.as_deref())
                .unwrap_or(""),
        ]
        .join("\n");
        if let Some(phrase) = ended_phrase(&own_text) {
            chk.warn(
                "ended-in-text",
                open,
                format!("teksten siger »{phrase}«, men tilbuddet står som aktivt"),
                "er tilbuddet slut, så skriv status: ended og ended_on: \"ÅÅÅÅ\"; så vises det aldrig som hjælp",
            );
        }
    }

    if !draft {
        for (line, text) in placeholders(&file.text, fm.body_first_line) {
            chk.error(
                "placeholder",
                line,
                format!("`{text}` er en skabelontekst fra `vejviser new`, der ikke er udfyldt"),
                "skriv den rigtige tekst i stedet, eller sæt `draft: true`, så siden ikke udgives",
            );
        }
    }

    let unknown = f.unknown_keys();
    // A file in the wrong folder shows as a row of unknown keys: say where it belongs.
    let looks_like = Section::ALL
        .iter()
        .filter(|s| **s != file.section)
        .map(|s| {
            let hits = unknown
                .iter()
                .filter(|(k, _)| section_keys(*s).contains(&k.as_str()))
                .count();
            (hits, *s)
        })
        .max_by_key(|(hits, _)| *hits);
    if let Some((_, other)) = looks_like.filter(|(hits, _)| *hits >= 2) {
        chk.error(
            "wrong-section",
            1,
            format!(
                "filen ligner en side til {}/ (den har felter som {}), men ligger i {}/",
                other.dir(),
                unknown
                    .iter()
                    .filter(|(k, _)| section_keys(other).contains(&k.as_str()))
                    .map(|(k, _)| format!("`{k}`"))
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(", "),
                file.section.dir()
            ),
            format!("flyt filen til content/{}/{}.md", other.dir(), file.stem),
        );
    }
    for (key, line) in unknown {
        let known: Vec<&str> = COMMON_KEYS
            .iter()
            .chain(section_keys(file.section))
            .copied()
            .collect();
        let hint = match closest(&key, known.iter().copied()) {
            Some(k) => format!("mente du `{k}`?"),
            None => format!(
                "tilladte felter i {}: {}",
                file.section.dir(),
                known.join(", ")
            ),
        };
        chk.error("unknown-key", line, format!("ukendt felt `{key}`"), hint);
    }

    if chk.failed {
        return None;
    }
    let key_lines = fm.keys.iter().map(|(k, _, l)| (k.clone(), *l)).collect();
    Some(Entry {
        section: file.section,
        slug: file.stem.clone(),
        path: file.path.clone(),
        title: title?,
        summary: summary?,
        source,
        weight,
        draft,
        body: fm.body.to_string(),
        body_line: fm.body_first_line,
        key_lines,
        kind: kind?,
    })
}

/// A required field whose value must be a key of a `site.yaml` label list: missing, or
/// unknown, each with the valid keys. `field` is the key and the message when it is missing;
/// `labels` the list and its name in site.yaml.
fn required_label(
    chk: &mut FileCheck,
    f: &Fields,
    open: usize,
    field: (&str, &str),
    value: &Option<String>,
    labels: (&crate::config::Labels, &str),
) {
    let (key, missing) = field;
    match value {
        None if !f.has(key) => chk.error(
            "missing-field",
            open,
            missing,
            format!(
                "vælg en af: {}",
                labels.0.keys().collect::<Vec<_>>().join(", ")
            ),
        ),
        Some(v) => check_labels(
            chk,
            f.line(key),
            key,
            std::slice::from_ref(v),
            labels.0,
            labels.1,
        ),
        None => {}
    }
}

fn check_labels(
    chk: &mut FileCheck,
    line: usize,
    key: &str,
    values: &[String],
    labels: &crate::config::Labels,
    what: &str,
) {
    for v in values {
        if !labels.contains(v) {
            let hint = match closest(v, labels.keys()) {
                Some(k) => {
                    format!("mente du `{k}`? Gyldige værdier står under `{what}` i site.yaml")
                }
                None => format!(
                    "gyldige værdier: {}",
                    labels.keys().collect::<Vec<_>>().join(", ")
                ),
            };
            chk.error(
                "unknown-value",
                line,
                format!("`{key}`: `{v}` er ikke en kendt værdi"),
                hint,
            );
        }
    }
}

fn practice(
    f: &mut Fields,
    chk: &mut FileCheck,
    config: &Config,
    open: usize,
) -> Option<EntryKind> {
    let focus_area = field!(f, chk, "focus_area", u32, "et nummer", "fx focus_area: 3");
    let example = field!(f, chk, "example", u32, "et nummer", "fx example: 2");
    let municipalities = field!(
        f,
        chk,
        "municipalities",
        Vec<String>,
        "en liste af kommunenavne",
        "fx municipalities: [\"Køge\", \"Stevns\"]"
    )
    .unwrap_or_default();
    let organisations = field!(
        f,
        chk,
        "organisations",
        Vec<String>,
        "en liste af tekster",
        "fx organisations: [\"Københavns Politi\"]"
    )
    .unwrap_or_default();
    let criteria = field!(
        f,
        chk,
        "criteria",
        Vec<u32>,
        "en liste af numre 1–6",
        "fx criteria: [1, 3, 4]"
    );
    let target_groups = field!(
        f,
        chk,
        "target_groups",
        Vec<String>,
        "en liste af målgrupper",
        "fx target_groups: [voldsudsatte, medarbejdere]"
    )
    .unwrap_or_default();
    let evaluated = field!(
        f,
        chk,
        "evaluated",
        bool,
        "true eller false",
        "skriv evaluated: true eller evaluated: false"
    );
    let period = field!(
        f,
        chk,
        "period",
        String,
        "en tekst",
        "fx period: \"2011–2014\""
    );
    let partners = field!(
        f,
        chk,
        "partners",
        Vec<String>,
        "en liste af partner-slugs",
        "fx partners: [dialog-mod-vold]"
    )
    .unwrap_or_default();
    let (status, ended_on) = offer_status(f, chk);
    let mut fact = |key: &'static str| -> Option<String> {
        match f.get::<String>(key, "en tekst") {
            Ok(Some(v)) if v.trim().is_empty() => {
                chk.error(
                    "empty-field",
                    f.line(key),
                    format!("feltet `{key}` er tomt"),
                    "skriv hæftets ord, eller fjern linjen",
                );
                None
            }
            Ok(v) => v,
            Err(p) => {
                chk.field_problem(p, "skriv en kort tekst i anførselstegn");
                None
            }
        }
    };
    let facts = PracticeFacts {
        duration: fact("duration"),
        group_size: fact("group_size"),
        staff: fact("staff"),
        referral: fact("referral"),
        funding: fact("funding"),
    };
    let offers = field!(
        f,
        chk,
        "offers",
        Vec<String>,
        "en liste",
        "fx offers: [gruppeforloeb]"
    )
    .unwrap_or_default();
    check_labels(
        chk,
        f.line("offers"),
        "offers",
        &offers,
        &config.offers,
        "offers",
    );

    for (key, present) in [
        ("focus_area", focus_area.is_some()),
        ("example", example.is_some()),
        ("criteria", criteria.is_some()),
        ("evaluated", evaluated.is_some()),
    ] {
        if !present && !f.has(key) {
            chk.error(
                "missing-field",
                open,
                format!("feltet `{key}` mangler"),
                format!("en god praksis skal have `{key}` (se docs/front-matter.md)"),
            );
        }
    }
    if let Some(fa) = focus_area {
        if !config.focus_areas.contains(&fa.to_string()) {
            chk.error(
                "unknown-value",
                f.line("focus_area"),
                format!("focus_area: {fa} er ikke et fokusområde"),
                format!(
                    "fokusområderne er {}",
                    config.focus_areas.keys().collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
    if example == Some(0) {
        chk.error(
            "unknown-value",
            f.line("example"),
            "example skal være 1 eller mere",
            "eksemplerne nummereres fra 1 inden for hvert fokusområde",
        );
    }
    if let Some(c) = &criteria {
        if c.is_empty() {
            chk.error(
                "empty-field",
                f.line("criteria"),
                "criteria er tom",
                "angiv de kvalitetskriterier, hæftet nævner for eksemplet",
            );
        }
        for n in c {
            if !config.criteria.contains(&n.to_string()) {
                chk.error(
                    "unknown-value",
                    f.line("criteria"),
                    format!(
                        "criteria: {n} er ikke et kvalitetskriterium ({})",
                        config.criteria.keys().collect::<Vec<_>>().join(", ")
                    ),
                    "brug numrene på kvalitetskriterierne i site.yaml",
                );
            }
        }
    }
    check_labels(
        chk,
        f.line("target_groups"),
        "target_groups",
        &target_groups,
        &config.target_groups,
        "target_groups",
    );
    for p in &partners {
        if !slug::is_valid_slug(p) {
            chk.error(
                "bad-slug",
                f.line("partners"),
                format!("partners: `{p}` er ikke en slug"),
                format!("skriv `{}`", slug::slugify(p)),
            );
        }
    }
    let mut criteria = criteria?;
    criteria.sort_unstable();
    criteria.dedup();
    Some(EntryKind::Practice(Box::new(PracticeMeta {
        focus_area: focus_area?,
        example: example?,
        municipalities,
        organisations,
        criteria,
        target_groups,
        evaluated: evaluated?,
        period,
        partners,
        status,
        ended_on,
        facts,
        offers,
    })))
}

/// `status` and `ended_on`, shared by practices and partners.
fn offer_status(f: &mut Fields, chk: &mut FileCheck) -> (OfferStatus, Option<PartialDate>) {
    let status = field!(
        f,
        chk,
        "status",
        OfferStatus,
        "active, paused eller ended",
        "skriv status: active, status: paused eller status: ended"
    )
    .unwrap_or_default();
    let ended_raw = field!(
        f,
        chk,
        "ended_on",
        String,
        "en dato",
        "fx ended_on: \"2014\" eller ended_on: \"2021-06\""
    );
    let ended_on = ended_raw.and_then(|raw| {
        let parsed = PartialDate::parse(&raw);
        if parsed.is_none() {
            chk.error(
                "bad-date",
                f.line("ended_on"),
                format!("ended_on `{raw}` er ikke en dato"),
                "skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD i anførselstegn, fx \"2014\"",
            );
        }
        parsed
    });
    if ended_on.is_some() && status == OfferStatus::Active {
        chk.error(
            "ended-but-active",
            f.line("ended_on"),
            "ended_on er udfyldt, men status er ikke ended eller paused",
            "skriv status: ended (eller fjern ended_on, hvis tilbuddet stadig findes)",
        );
    }
    (status, ended_on)
}

/// HTML elements a text may legitimately write in angle brackets; anything else in the
/// form `<Et par ord>` is a placeholder `vejviser new` left.
#[rustfmt::skip]
const HTML_TAGS: [&str; 66] = [
    "a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "body", "br",
    "button", "caption", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "embed", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "li", "link",
    "main", "mark", "meta", "nav", "object", "ol", "p", "pre", "q", "s", "script", "section",
    "small", "span", "strong", "style", "sub", "summary", "sup", "table", "ul",
];

/// `(line, text)` of every `<placeholder>` in a file, skipping YAML comments in the front
/// matter (the archetypes keep optional fields there, commented out).
fn placeholders(text: &str, body_first_line: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if n < body_first_line && line.trim_start().starts_with('#') {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('>') else { break };
            let inner = &after[..end];
            let first_is_letter = inner.chars().next().is_some_and(char::is_alphabetic);
            let plain = !inner.contains(['<', '=', '/', '"']);
            let tag = inner.split_whitespace().next().unwrap_or("").to_lowercase();
            if first_is_letter && plain && !HTML_TAGS.contains(&tag.as_str()) {
                out.push((n, format!("<{inner}>")));
            }
            rest = &after[end + 1..];
        }
    }
    out
}

/// Phrases that, in an active offer's own text, say the whole offer has ended (not one of its
/// lines: "LOKKs tidligere hotline er lukket" is no reason to warn). The build warns, because
/// an ended offer listed as help sends people to a door that is closed.
const ENDED_WORDS: [&str; 7] = [
    "findes ikke længere",
    "tilbuddet er lukket",
    "tilbuddet er afsluttet",
    "tilbuddet er ophørt",
    "tilbuddet er nedlagt",
    "projektet er afsluttet",
    "projektet blev afsluttet",
];

/// The first ended-phrase in `text`, if any.
pub fn ended_phrase(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    ENDED_WORDS.into_iter().find(|w| t.contains(w))
}

/// An ISO 639-1 or 639-3 code: two or three lower-case letters.
pub fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn partner(
    f: &mut Fields,
    fm: &frontmatter::FrontMatter,
    chk: &mut FileCheck,
    config: &Config,
    open: usize,
) -> Option<EntryKind> {
    let kind = field!(f, chk, "kind", String, "en tekst", "fx kind: ngo");
    let audiences = field!(
        f,
        chk,
        "audiences",
        Vec<String>,
        "en liste",
        "fx audiences: [udsat, paaroerende]"
    )
    .unwrap_or_default();
    let violence_forms = field!(
        f,
        chk,
        "violence_forms",
        Vec<String>,
        "en liste",
        "fx violence_forms: [fysisk, psykisk]"
    )
    .unwrap_or_default();
    let offers = field!(
        f,
        chk,
        "offers",
        Vec<String>,
        "en liste",
        "fx offers: [raadgivning]"
    )
    .unwrap_or_default();
    let anonymous = field!(
        f,
        chk,
        "anonymous",
        YesNo,
        "yes, no eller unknown",
        "skriv anonymous: yes, no eller unknown"
    )
    .unwrap_or_default();
    let free = field!(
        f,
        chk,
        "free",
        YesNo,
        "yes, no eller unknown",
        "skriv free: yes, no eller unknown"
    )
    .unwrap_or_default();
    let coverage = field!(
        f,
        chk,
        "coverage",
        String,
        "en tekst",
        "fx coverage: \"national\""
    );
    let languages = field!(
        f,
        chk,
        "languages",
        Vec<String>,
        "en liste",
        "fx languages: [da, en]"
    )
    .unwrap_or_default();
    for l in languages.iter().filter(|l| !is_language_code(l)) {
        chk.error(
            "language-code",
            f.line("languages"),
            format!("languages: `{l}` er ikke en sprogkode"),
            "skriv sprogkoder efter ISO 639-1 med to små bogstaver, fx `da`, `en` eller `ar`",
        );
    }
    let contact = field!(f, chk, "contact", Contact, "kontaktoplysninger (phones, website, email, address, chat)",
        "skriv fx\n    contact:\n      phones:\n        - number: \"…\"\n          label: \"…\"\n          hours: \"…\"\n      website: \"https://…\"").unwrap_or_default();
    let verified = field!(f, chk, "verified", RawVerified, "on (dato), against (kilde) og evt. source_date, publisher",
        "skriv\n    verified:\n      on: ÅÅÅÅ-MM-DD\n      against: \"<adressen på siden, du tjekkede>\"\n      source_date: \"<sidens egen dato, ÅÅÅÅ-MM>\"  # eller unknown");
    let (status, ended_on) = offer_status(f, chk);
    let replaced_by = field!(
        f,
        chk,
        "replaced_by",
        String,
        "en partner-slug",
        "fx replaced_by: dialog-mod-vold"
    );
    let address_confidential = field!(
        f,
        chk,
        "address_confidential",
        bool,
        "true eller false",
        "skriv address_confidential: true"
    )
    .unwrap_or(false);

    required_label(
        chk,
        f,
        open,
        ("kind", "feltet `kind` mangler"),
        &kind,
        (&config.partner_kinds, "partner_kinds"),
    );
    check_labels(
        chk,
        f.line("audiences"),
        "audiences",
        &audiences,
        &config.audiences,
        "audiences",
    );
    check_labels(
        chk,
        f.line("violence_forms"),
        "violence_forms",
        &violence_forms,
        &config.violence_forms,
        "violence_forms",
    );
    check_labels(
        chk,
        f.line("offers"),
        "offers",
        &offers,
        &config.offers,
        "offers",
    );

    if address_confidential {
        if let Some(_addr) = &contact.address {
            let line = fm
                .nested_line("contact", "address")
                .unwrap_or(f.line("contact"));
            chk.error("confidential-address", line,
                "adressen er hemmelig (address_confidential: true), men der står alligevel en adresse",
                "fjern contact.address: et hemmeligt krisecenters adresse må aldrig stå på sitet eller på plakater");
        }
    }
    for p in &contact.phones {
        let digits: String = p.number.chars().filter(|c| c.is_ascii_digit()).collect();
        let allowed = p
            .number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '+' || c == '-');
        if digits.len() < 3 || !allowed {
            let line = fm
                .nested_line("contact", "number")
                .unwrap_or(f.line("contact"));
            chk.error(
                "bad-phone",
                line,
                format!("`{}` ligner ikke et telefonnummer", p.number),
                "skriv kun cifre og mellemrum, fx \"70 20 30 40\"",
            );
        }
    }
    if let Some(email) = &contact.email {
        if !crate::config::is_email(email) {
            let line = fm
                .nested_line("contact", "email")
                .unwrap_or(f.line("contact"));
            chk.error(
                "bad-email",
                line,
                format!("contact.email `{email}` er ikke en e-mailadresse"),
                "skriv adressen sådan: navn@organisation.dk",
            );
        }
    }
    for (name, url) in [("website", &contact.website), ("chat", &contact.chat)] {
        if let Some(u) = url {
            if !u.starts_with("https://") && !u.starts_with("http://") {
                let line = fm.nested_line("contact", name).unwrap_or(f.line("contact"));
                chk.error(
                    "bad-url",
                    line,
                    format!("contact.{name} `{u}` er ikke en fuld webadresse"),
                    "begynd med https://",
                );
            }
        }
    }
    let today = config.today;
    let verified = verified.and_then(|v| {
        let line = |key: &str| fm.nested_line("verified", key).unwrap_or(f.line("verified"));
        let Some(on_date) = Date::parse(&v.on) else {
            chk.error(
                "bad-date",
                line("on"),
                format!("verified.on `{}` er ikke en dato", v.on),
                "skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-22",
            );
            return None;
        };
        if on_date > today {
            chk.error(
                "future-date",
                line("on"),
                format!("verified.on {} ligger i fremtiden", v.on),
                "skriv den dato, oplysningerne faktisk blev tjekket",
            );
            return None;
        }
        let source_date = match crate::freshness::parse_source_date(v.source_date.as_deref()) {
            Ok(d) => d,
            Err(raw) => {
                chk.error(
                    "bad-date",
                    line("source_date"),
                    format!("verified.source_date `{raw}` er ikke en dato"),
                    "skriv sidens egen dato som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD i anførselstegn, eller unknown",
                );
                return None;
            }
        };
        Some(Verified {
            on: v.on,
            on_date,
            against: v.against,
            source_date,
            publisher: v.publisher.filter(|p| !p.trim().is_empty()),
            information_date: crate::freshness::information_date(on_date, source_date),
        })
    });
    let contact_status = crate::freshness::contact_status(
        !contact.is_empty(),
        verified.as_ref().map(|v| (v.on_date, v.source_date)),
        today,
        config.verification_max_age_days,
    );
    match (contact_status, verified.as_ref()) {
        (ContactStatus::Unverified, _) => chk.warn("unverified-contact", f.line("contact"),
            "kontaktoplysningerne er ikke bekræftet",
            "tjek dem mod organisationens egen side og tilføj verified: { on: ÅÅÅÅ-MM-DD, against: \"<adresse>\" }"),
        (ContactStatus::Stale, Some(v)) => {
            let age = match v.source_date {
                Some(d) if d.first_day() < v.on_date => format!("kilden er fra {}", d.danish()),
                _ => format!("de blev sidst tjekket {}", v.on),
            };
            chk.warn("stale-contact", f.line("verified"),
                format!("kontaktoplysningerne er for gamle: {age}, mere end {} dage før byggedatoen", config.verification_max_age_days),
                "find en nyere side fra organisationen, tjek oplysningerne mod den, og opdatér verified.on, against og source_date")
        }
        _ => {}
    }
    Some(EntryKind::Partner(Box::new(PartnerMeta {
        kind: kind?,
        audiences,
        violence_forms,
        offers,
        anonymous,
        free,
        coverage,
        languages,
        contact,
        verified,
        address_confidential,
        contact_status,
        status,
        ended_on,
        replaced_by,
    })))
}

fn guidance(
    f: &mut Fields,
    chk: &mut FileCheck,
    config: &Config,
    open: usize,
) -> Option<EntryKind> {
    let audience = field!(
        f,
        chk,
        "audience",
        String,
        "en målgruppe",
        "fx audience: udsat"
    );
    required_label(
        chk,
        f,
        open,
        (
            "audience",
            "feltet `audience` mangler: hvilken hjælpeside skal rådene stå på?",
        ),
        &audience,
        (&config.audiences, "audiences"),
    );
    Some(EntryKind::Guidance(GuidanceMeta {
        audience: audience?,
    }))
}

fn knowledge(f: &mut Fields, chk: &mut FileCheck, config: &Config) -> Option<EntryKind> {
    let violence_forms = field!(
        f,
        chk,
        "violence_forms",
        Vec<String>,
        "en liste",
        "fx violence_forms: [psykisk]"
    )
    .unwrap_or_default();
    let audiences = field!(
        f,
        chk,
        "audiences",
        Vec<String>,
        "en liste",
        "fx audiences: [udsat]"
    )
    .unwrap_or_default();
    let related = field!(
        f,
        chk,
        "related",
        Vec<String>,
        "en liste af sektion/slug",
        "fx related: [partnere/dialog-mod-vold]"
    )
    .unwrap_or_default();
    check_labels(
        chk,
        f.line("violence_forms"),
        "violence_forms",
        &violence_forms,
        &config.violence_forms,
        "violence_forms",
    );
    check_labels(
        chk,
        f.line("audiences"),
        "audiences",
        &audiences,
        &config.audiences,
        "audiences",
    );
    Some(EntryKind::Knowledge(KnowledgeMeta {
        violence_forms,
        audiences,
        related,
    }))
}

fn poster(f: &mut Fields, chk: &mut FileCheck, open: usize) -> Option<EntryKind> {
    let layout = field!(
        f,
        chk,
        "layout",
        PosterLayout,
        "poster eller leaflet",
        "skriv layout: poster eller layout: leaflet"
    )
    .unwrap_or(PosterLayout::Poster);
    let audience = field!(
        f,
        chk,
        "audience",
        PosterAudience,
        "borgere eller medarbejdere",
        "skriv audience: borgere eller audience: medarbejdere"
    );
    let sizes = field!(
        f,
        chk,
        "sizes",
        Vec<PaperSize>,
        "en liste af A5, A4, A3",
        "fx sizes: [A4, A3]"
    );
    let headline = field!(
        f,
        chk,
        "headline",
        String,
        "en tekst",
        "fx headline: \"Bliver du udsat for vold?\""
    );
    let contacts = field!(
        f,
        chk,
        "contacts",
        Vec<String>,
        "en liste af partner-slugs eller kommune",
        "fx contacts: [kommune, dialog-mod-vold]"
    )
    .unwrap_or_default();
    let qr = field!(
        f,
        chk,
        "qr",
        String,
        "en sti på sitet",
        "fx qr: \"/hjaelp/\""
    );
    let tear_off = field!(
        f,
        chk,
        "tear_off",
        bool,
        "true eller false",
        "skriv tear_off: true"
    )
    .unwrap_or(false);
    for (key, present) in [
        ("audience", audience.is_some()),
        ("sizes", sizes.is_some()),
        ("headline", headline.is_some()),
    ] {
        if !present && !f.has(key) {
            chk.error(
                "missing-field",
                open,
                format!("feltet `{key}` mangler"),
                format!("en plakat skal have `{key}` (se docs/front-matter.md)"),
            );
        }
    }
    if let Some(s) = &sizes {
        if s.is_empty() {
            chk.error(
                "empty-field",
                f.line("sizes"),
                "sizes er tom",
                "fx sizes: [A4, A3]",
            );
        }
    }
    if let Some(q) = &qr {
        if !q.starts_with('/') {
            chk.error(
                "bad-url",
                f.line("qr"),
                format!("qr `{q}` skal være en sti på sitet"),
                "begynd med /, fx \"/hjaelp/\"",
            );
        }
    }
    let mut sizes = sizes?;
    sizes.sort();
    sizes.dedup();
    Some(EntryKind::Poster(PosterMeta {
        layout,
        audience: audience?,
        sizes,
        headline: headline?,
        contacts,
        qr,
        tear_off,
    }))
}

#[cfg(test)]
mod tests {
    use super::ended_phrase;

    #[test]
    fn placeholders_are_found_but_html_and_comments_are_not() {
        let text = "---\ntitle: \"<Få, store ord>\"\n# hours: \"<åbningstider>\"\n---\n\nEn <em>vigtig</em> tekst.<br>\n<Teksten i klart sprog.>\n";
        assert_eq!(
            super::placeholders(text, 5),
            vec![
                (2, "<Få, store ord>".to_string()),
                (7, "<Teksten i klart sprog.>".to_string())
            ]
        );
    }

    #[test]
    fn ended_phrases_mean_the_whole_offer() {
        assert_eq!(
            ended_phrase("Projektet løb 2012–2014. Tilbuddet findes ikke længere."),
            Some("findes ikke længere")
        );
        assert_eq!(
            ended_phrase("Projektet blev afsluttet i 2014."),
            Some("projektet blev afsluttet")
        );
        // One closed line of a running organisation is not the end of the offer.
        assert_eq!(ended_phrase("LOKKs tidligere hotline er lukket."), None);
        assert_eq!(ended_phrase("Rådgivningen er åben hele døgnet."), None);
    }
}
