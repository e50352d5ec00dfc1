//! Site settings: `site.yaml` → `Config`. Parsed strictly (unknown keys are errors) and
//! validated; labels keep the order they have in the file, because that order is the order
//! editors want on the site (the 10 forms of violence are listed as the source lists them).

use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::frontmatter;
pub use crate::publishing::{Embed, OpenData};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// An ordered list of `key: label` pairs from site.yaml.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Labels(pub Vec<(String, String)>);

impl Labels {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
    pub fn position(&self, key: &str) -> usize {
        self.0
            .iter()
            .position(|(k, _)| k == key)
            .unwrap_or(usize::MAX)
    }
}

impl<'de> Deserialize<'de> for Labels {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Labels;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping of key: label")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Labels, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<KeyScalar, String>()? {
                    out.push((k.0, v));
                }
                Ok(Labels(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// A map key that may be written as a number (`1:`) or a word (`fysisk:`).
struct KeyScalar(String);
impl<'de> Deserialize<'de> for KeyScalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum K {
            I(i64),
            S(String),
        }
        Ok(KeyScalar(match K::deserialize(d)? {
            K::I(i) => i.to_string(),
            K::S(s) => s,
        }))
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    pub number: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub hours: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RawVerified {
    pub on: String,
    pub against: String,
    /// The date the checked page states (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or `unknown`.
    #[serde(default)]
    pub source_date: Option<String>,
    /// Who published the checked page.
    #[serde(default)]
    pub publisher: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub verified: Option<RawVerified>,
    #[serde(default)]
    pub accessibility_statement: String,
    /// An SVG or PNG in the site folder, printed on the posters (checked by `logo.rs`).
    #[serde(default)]
    pub logo: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuickExit {
    pub url: String,
    #[serde(default = "default_quick_exit_label")]
    pub label: String,
}

fn default_quick_exit_label() -> String {
    "Forlad siden".into()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencyNumber {
    pub number: String,
    pub label: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default = "default_language")]
    language: String,
    /// Every language the site is published in, its own language first.
    #[serde(default)]
    languages: Vec<String>,
    base_url: String,
    #[serde(default = "default_max_age")]
    verification_max_age_days: i64,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "default_paginate")]
    paginate: usize,
    municipality: Municipality,
    quick_exit: QuickExit,
    #[serde(default)]
    emergency: Vec<EmergencyNumber>,
    #[serde(default)]
    danger_lines: Vec<String>,
    #[serde(default)]
    help_lines: std::collections::BTreeMap<String, Vec<String>>,
    focus_areas: Labels,
    criteria: Labels,
    #[serde(default)]
    criteria_descriptions: Labels,
    target_groups: Labels,
    audiences: Labels,
    violence_forms: Labels,
    offers: Labels,
    partner_kinds: Labels,
    #[serde(default)]
    sources: Labels,
    #[serde(default)]
    open_data: OpenData,
    #[serde(default)]
    embed: Embed,
}

fn default_language() -> String {
    "da".into()
}
fn default_max_age() -> i64 {
    365
}
fn default_paginate() -> usize {
    100
}
fn default_theme() -> String {
    "default".into()
}

/// Validated site settings.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub language: String,
    /// The languages of the site (`languages`), `language` (the source) first.
    pub languages: Vec<String>,
    /// Without trailing slash, e.g. `https://example.org/vold`.
    pub base_url: String,
    /// Path part of base_url without trailing slash (`/vold`, or `` at the root).
    pub base_path: String,
    pub verification_max_age_days: i64,
    pub theme: String,
    /// Items per page on long practice lists.
    pub paginate: usize,
    pub municipality: Municipality,
    /// Whether the municipality's own contact details are within the verification window.
    pub municipality_verified: bool,
    pub municipality_verified_on: Option<String>,
    pub quick_exit: QuickExit,
    pub emergency: Vec<EmergencyNumber>,
    /// Partner slugs whose current lines join 112/114 in the "Er du i fare lige nu?" box.
    pub danger_lines: Vec<String>,
    /// Per audience key: partner slugs pinned at the top of that audience's help page.
    pub help_lines: std::collections::BTreeMap<String, Vec<String>>,
    pub focus_areas: Labels,
    pub criteria: Labels,
    /// What each quality criterion means, shown on its page.
    pub criteria_descriptions: Labels,
    pub target_groups: Labels,
    pub audiences: Labels,
    pub violence_forms: Labels,
    pub offers: Labels,
    pub partner_kinds: Labels,
    /// Human titles of source documents named in entries' `source.document`.
    pub sources: Labels,
    /// Licence and publisher of the open data under `/data/`.
    pub open_data: OpenData,
    /// Origins allowed to frame the help box under `/indlejr/`.
    pub embed: Embed,
    /// The date verification ages are measured against.
    #[serde(skip)]
    pub today: Date,
    /// The text of site.yaml, for the lines of later diagnostics.
    #[serde(skip)]
    pub source_text: String,
}

impl Config {
    /// The name entries use for this municipality (`municipality: Randers`): `short_name`,
    /// or `name` without " Kommune".
    pub fn municipality_short(&self) -> &str {
        match self.municipality.short_name.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => s,
            _ => self
                .municipality
                .name
                .trim()
                .trim_end_matches(" Kommune")
                .trim_end_matches(" kommune"),
        }
    }
}

pub const CONFIG_FILE: &str = "site.yaml";

/// Load and validate `site.yaml` under `root`. Problems go to `diags`; `None` when the file
/// cannot be used at all.
pub fn load(root: &Path, today: Date, diags: &mut Diagnostics) -> Option<Config> {
    let path = root.join(CONFIG_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    "config-missing",
                    CONFIG_FILE,
                    format!("kan ikke læse site.yaml: {e}"),
                )
                .hint("kør vejviser i mappen med site.yaml, eller angiv mappen med --root"),
            );
            return None;
        }
    };
    parse(&text, today, diags)
}

pub fn parse(text: &str, today: Date, diags: &mut Diagnostics) -> Option<Config> {
    let raw: RawConfig = match frontmatter::parse_document(text) {
        Ok(r) => r,
        Err(p) => {
            diags.push(invalid_document(p));
            return None;
        }
    };
    let mut chk = ConfigCheck {
        text,
        diags,
        ok: true,
    };
    let (base_url, base_path) = check_base_url(&mut chk, &raw.base_url);
    if raw.verification_max_age_days <= 0 {
        chk.error(
            "config-max-age",
            "verification_max_age_days skal være et positivt antal dage",
            chk.line_of("verification_max_age_days"),
            "standard er 365",
        );
    }
    check_label_keys(&mut chk, &raw);
    if !(raw.quick_exit.url.starts_with("https://") || raw.quick_exit.url.starts_with("http://")) {
        chk.error(
            "config-quick-exit",
            "quick_exit.url skal være en fuld webadresse",
            chk.line_of("url"),
            "vælg en neutral side, fx en nyheds- eller vejrside: `https://…`",
        );
    }
    let (municipality_verified, municipality_verified_on) =
        municipality_verification(&mut chk, &raw, today);
    for key in raw.help_lines.keys() {
        if !raw.audiences.contains(key) {
            chk.error(
                "config-help-lines",
                format!("help_lines: `{key}` er ikke en målgruppe under audiences"),
                chk.line_of(key),
                format!(
                    "brug en af: {}",
                    raw.audiences.keys().collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
    check_municipality(&mut chk, &raw, municipality_verified);
    let text_lines = |key: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(&format!("{key}:")))
            .map(|i| i + 1)
    };
    if !crate::publishing::check(&raw.open_data, &raw.embed, &text_lines, chk.diags) {
        chk.ok = false;
    }
    if !chk.ok {
        return None;
    }
    let languages = languages_of(&raw);
    Some(Config {
        title: raw.title,
        description: raw.description,
        languages,
        language: raw.language,
        base_url,
        base_path,
        verification_max_age_days: raw.verification_max_age_days,
        theme: raw.theme,
        paginate: raw.paginate,
        municipality: raw.municipality,
        municipality_verified,
        municipality_verified_on,
        quick_exit: raw.quick_exit,
        emergency: raw.emergency,
        danger_lines: raw.danger_lines,
        help_lines: raw.help_lines,
        focus_areas: raw.focus_areas,
        criteria: raw.criteria,
        criteria_descriptions: raw.criteria_descriptions,
        target_groups: raw.target_groups,
        audiences: raw.audiences,
        violence_forms: raw.violence_forms,
        offers: raw.offers,
        partner_kinds: raw.partner_kinds,
        sources: raw.sources,
        open_data: raw.open_data,
        embed: raw.embed,
        today,
        source_text: text.to_string(),
    })
}

/// `language` first, then the other `languages` once each.
fn languages_of(raw: &RawConfig) -> Vec<String> {
    let mut out = vec![raw.language.clone()];
    for l in &raw.languages {
        if !out.contains(l) {
            out.push(l.clone());
        }
    }
    out
}

/// Every key site.yaml may have, at any level, for "did you mean" on an unknown one.
const KNOWN_KEYS: [&str; 43] = [
    "title",
    "description",
    "language",
    "languages",
    "base_url",
    "verification_max_age_days",
    "theme",
    "paginate",
    "municipality",
    "quick_exit",
    "emergency",
    "danger_lines",
    "help_lines",
    "focus_areas",
    "criteria",
    "criteria_descriptions",
    "target_groups",
    "audiences",
    "violence_forms",
    "offers",
    "partner_kinds",
    "name",
    "short_name",
    "phones",
    "website",
    "email",
    "verified",
    "accessibility_statement",
    "sources",
    "url",
    "label",
    "number",
    "note",
    "hours",
    "on",
    "against",
    "source_date",
    "publisher",
    "open_data",
    "license",
    "license_url",
    "embed",
    "allowed_origins",
];

/// site.yaml that does not parse: the parser's problem, with the closest known key when
/// the problem is an unknown one.
fn invalid_document(p: frontmatter::YamlProblem) -> Diagnostic {
    let d = Diagnostic::error("config-invalid", CONFIG_FILE, p.message).at(p.line, p.column);
    match p.unknown_field {
        Some(field) => match crate::diag::closest(&field, KNOWN_KEYS) {
            Some(k) => d.hint(format!(
                "mente du `{k}`? Se docs/site-yaml.md for alle felter"
            )),
            None => d.hint("se docs/site-yaml.md for alle felter"),
        },
        None => d.hint(p.hint),
    }
}

/// Collects the problems of a parsed site.yaml with the lines they are on.
struct ConfigCheck<'a> {
    text: &'a str,
    diags: &'a mut Diagnostics,
    /// False after an error: there is then no `Config`.
    ok: bool,
}

impl ConfigCheck<'_> {
    /// The first line that sets `key` (at any level).
    fn line_of(&self, key: &str) -> Option<usize> {
        self.text
            .lines()
            .position(|l| l.trim_start().starts_with(&format!("{key}:")))
            .map(|i| i + 1)
    }
    fn error(
        &mut self,
        code: &'static str,
        msg: impl Into<String>,
        line: Option<usize>,
        hint: impl Into<String>,
    ) {
        self.ok = false;
        self.diags.push(
            Diagnostic::error(code, CONFIG_FILE, msg)
                .at_line(line)
                .hint(hint),
        );
    }
    fn warn(
        &mut self,
        code: &'static str,
        msg: impl Into<String>,
        line: Option<usize>,
        hint: impl Into<String>,
    ) {
        self.diags.push(
            Diagnostic::warning(code, CONFIG_FILE, msg)
                .at_line(line)
                .hint(hint),
        );
    }
}

/// base_url without a trailing slash, and its path part (`/vold`, or empty at the root).
fn check_base_url(chk: &mut ConfigCheck, raw_url: &str) -> (String, String) {
    let base_url = raw_url.trim_end_matches('/').to_string();
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        chk.error(
            "config-base-url",
            format!("base_url `{raw_url}` er ikke en webadresse"),
            chk.line_of("base_url"),
            "skriv den fulde adresse, hvor sitet skal ligge, fx `https://www.kommune.dk/vold`",
        );
    }
    let base_path = base_url
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{}", p.trim_end_matches('/')))
        .unwrap_or_default();
    (base_url, base_path)
}

/// Label keys are slugs (they end up in addresses); focus areas and criteria are numbered.
fn check_label_keys(chk: &mut ConfigCheck, raw: &RawConfig) {
    for (name, labels) in [
        ("target_groups", &raw.target_groups),
        ("audiences", &raw.audiences),
        ("violence_forms", &raw.violence_forms),
        ("offers", &raw.offers),
        ("partner_kinds", &raw.partner_kinds),
    ] {
        for k in labels.keys() {
            if !crate::slug::is_valid_slug(k) {
                chk.error(
                    "config-label-key",
                    format!("`{k}` under {name} er ikke en gyldig nøgle"),
                    chk.line_of(k),
                    format!(
                        "brug små bogstaver a-z, tal og `-`, fx `{}`",
                        crate::slug::slugify(k)
                    ),
                );
            }
        }
    }
    for (name, labels) in [
        ("focus_areas", &raw.focus_areas),
        ("criteria", &raw.criteria),
    ] {
        for k in labels.keys() {
            if k.parse::<u32>().is_err() {
                chk.error(
                    "config-label-key",
                    format!("`{k}` under {name} skal være et nummer"),
                    chk.line_of(name),
                    "nummerér fra 1, fx `1: \"Organisering og beredskab\"`",
                );
            }
        }
    }
}

/// Whether the municipality's own contact details are current, and the date they were
/// checked; a date that does not parse is an error.
fn municipality_verification(
    chk: &mut ConfigCheck,
    raw: &RawConfig,
    today: Date,
) -> (bool, Option<String>) {
    let Some(v) = &raw.municipality.verified else {
        return (false, None);
    };
    let source_date = crate::freshness::parse_source_date(v.source_date.as_deref());
    match (Date::parse(&v.on), source_date) {
        (Some(d), Ok(source_date)) => (
            crate::freshness::contact_status(
                true,
                Some((d, source_date)),
                today,
                raw.verification_max_age_days,
            ) == crate::freshness::ContactStatus::Verified,
            Some(v.on.clone()),
        ),
        (on, source_date) => {
            let (what, value) = if on.is_none() {
                ("on", v.on.as_str())
            } else {
                ("source_date", source_date.err().unwrap_or_default())
            };
            chk.error(
                "config-date",
                format!("municipality.verified.{what} `{value}` er ikke en dato"),
                chk.line_of(what),
                "skriv datoen som ÅÅÅÅ-MM-DD (source_date også ÅÅÅÅ-MM eller unknown)",
            );
            (false, None)
        }
    }
}

/// The municipality's name, e-mail, accessibility statement and numbers (and the emergency
/// numbers), which every page and poster prints.
fn check_municipality(chk: &mut ConfigCheck, raw: &RawConfig, verified: bool) {
    let m = &raw.municipality;
    if !m.phones.is_empty() && !verified {
        chk.warn(
            "unverified-contact",
            format!(
                "kommunens telefonnummer er ikke bekræftet inden for {} dage",
                raw.verification_max_age_days
            ),
            chk.line_of("municipality"),
            "tjek nummeret mod en kilde og sæt municipality.verified.on og .against",
        );
    }
    if m.name.trim().is_empty() {
        chk.error(
            "config-empty",
            "municipality.name er tom",
            chk.line_of("name"),
            "skriv kommunens navn, fx \"Randers Kommune\"",
        );
    }
    if let Some(email) = m.email.as_deref().filter(|e| !is_email(e)) {
        chk.error(
            "config-email",
            format!("municipality.email `{email}` er ikke en e-mailadresse"),
            chk.line_of("email"),
            "skriv adressen sådan: navn@kommune.dk",
        );
    }
    let numbers = (m.phones.iter())
        .map(|p| ("municipality.phones", p.number.as_str()))
        .chain(
            raw.emergency
                .iter()
                .map(|e| ("emergency", e.number.as_str())),
        );
    for (key, number) in numbers {
        if !is_danish_phone(number) {
            let line = (chk.text.lines())
                .position(|l| l.contains("number:") && l.contains(number))
                .map(|i| i + 1);
            chk.error(
                "config-phone",
                format!("{key}: `{number}` er ikke et dansk telefonnummer"),
                line,
                "skriv 8 cifre, fx \"89 15 15 15\", eller et kort nummer som 112 eller 1888",
            );
        }
    }
    if m.accessibility_statement.trim().is_empty() {
        chk.warn(
            "no-accessibility-statement",
            "der er ingen adresse på kommunens tilgængelighedserklæring",
            chk.line_of("accessibility_statement"),
            "lav erklæringen i Digitaliseringsstyrelsens WAS-Tool og sæt municipality.accessibility_statement til dens adresse",
        );
    }
}

/// A plausible e-mail address: one `@`, something before it, a dot in the domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// A Danish phone number as people write it: 8 digits (with or without +45 and spaces),
/// a short number (1xx, 1xxx: 112, 114, 1888), or a 116 xxx helpline.
pub fn is_danish_phone(number: &str) -> bool {
    let compact: String = number.chars().filter(|c| *c != ' ' && *c != '-').collect();
    let digits = compact
        .strip_prefix("+45")
        .or_else(|| compact.strip_prefix("0045"))
        .unwrap_or(&compact);
    digits.chars().all(|c| c.is_ascii_digit())
        && (digits.len() == 8
            || ((3..=4).contains(&digits.len()) && digits.starts_with('1'))
            || (digits.len() == 6 && digits.starts_with("116")))
}

/// Whether `url` is still a placeholder (the example.org of the default site.yaml, or any
/// example.* domain reserved for documentation): then posters print no QR code to it.
pub fn is_placeholder_url(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    matches!(host, "example.org" | "example.com" | "example.net") || host.ends_with(".example")
}

/// The warning for a placeholder `base_url`, naming site.yaml and the key.
pub fn placeholder_base_url(config: &Config) -> Diagnostic {
    Diagnostic::warning(
        "placeholder-base-url",
        CONFIG_FILE,
        format!(
            "base_url er stadig eksempeladressen `{}`: plakaterne trykkes uden QR-kode, og links i sitemap.xml peger forkert",
            config.base_url
        ),
    )
    .at_line(
        config
            .source_text
            .lines()
            .position(|l| l.starts_with("base_url:"))
            .map(|i| i + 1),
    )
    .hint("skriv sitets rigtige adresse i site.yaml under base_url (fx `https://www.kommune.dk/vold`), eller byg med --base-url")
}

#[cfg(test)]
pub(crate) const TEST_CONFIG: &str = r#"
title: "Test"
base_url: "https://example.org/vold"
municipality:
  name: "Testrup Kommune"
  phones:
    - number: "11 22 33 44"
  verified: { on: "2026-01-10", against: "test" }
  accessibility_statement: "https://example.org/was"
quick_exit: { url: "https://example.org/" }
emergency:
  - { number: "112", label: "Ring 112 ved akut fare" }
focus_areas: { 1: "Organisering", 2: "Opsporing" }
criteria: { 1: "Viden", 2: "Systematik", 3: "Koordinering" }
target_groups: { voldsudsatte: "Voldsudsatte", medarbejdere: "Medarbejdere" }
audiences: { udsat: "Udsat", udoever: "Udøver" }
violence_forms: { fysisk: "Fysisk vold", psykisk: "Psykisk vold" }
offers: { raadgivning: "Rådgivning" }
partner_kinds: { ngo: "NGO", kommune: "Kommune" }
"#;

#[cfg(test)]
mod phone_tests {
    #[test]
    fn danish_numbers() {
        for n in [
            "33 66 33 66",
            "+45 33 66 33 66",
            "112",
            "1888",
            "116 111",
            "35301717",
        ] {
            assert!(super::is_danish_phone(n), "{n}");
        }
        for n in ["89 15 XX XX", "8915", "33 66 33", "+46 8 123 456 78", ""] {
            assert!(!super::is_danish_phone(n), "{n}");
        }
    }
}

#[cfg(test)]
mod placeholder_tests {
    #[test]
    fn example_domains_are_placeholders() {
        for u in [
            "https://example.org",
            "https://www.example.com/vold",
            "http://example.net:8080/",
        ] {
            assert!(super::is_placeholder_url(u), "{u}");
        }
        for u in [
            "https://www.kk.dk/vold",
            "http://127.0.0.1:8000",
            "https://example.org.dk/",
        ] {
            assert!(!super::is_placeholder_url(u), "{u}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-06-01").unwrap()
    }

    #[test]
    fn parses_valid_config_keeping_label_order() {
        let mut d = Diagnostics::new();
        let c = parse(TEST_CONFIG, today(), &mut d).expect("valid");
        assert!(!d.has_errors(), "{}", d.render_report());
        assert_eq!(c.base_path, "/vold");
        assert_eq!(
            c.violence_forms.keys().collect::<Vec<_>>(),
            ["fysisk", "psykisk"]
        );
        assert_eq!(c.focus_areas.get("2"), Some("Opsporing"));
        assert!(c.municipality_verified);
    }

    #[test]
    fn unknown_key_gets_did_you_mean() {
        let text = TEST_CONFIG.replace("base_url:", "base_ulr:");
        let mut d = Diagnostics::new();
        assert!(parse(&text, today(), &mut d).is_none());
        let report = d.render_report();
        assert!(report.contains("ukendt felt `base_ulr`"), "{report}");
        assert!(report.contains("mente du `base_url`?"), "{report}");
    }

    #[test]
    fn stale_municipality_number_is_a_warning() {
        let mut d = Diagnostics::new();
        let c = parse(TEST_CONFIG, Date::parse("2027-06-01").unwrap(), &mut d).unwrap();
        assert!(!c.municipality_verified);
        assert!(d
            .render_report()
            .contains("kommunens telefonnummer er ikke bekræftet"));
    }
}
