//! The front-matter keys, one table per section: the one place a key's name, whether it is
//! required, what its value must be and how to write it are kept. The tables drive reading
//! (`EntryReader::read`), the required and unknown-key checks, the hints, the "did you mean"
//! list, and a unit test that holds `docs/front-matter.md` to the same keys.
//!
//! A section's reader names a row with `key!(TABLE, "name")`, which is looked up at compile
//! time: a key read but missing from its table does not build.

use crate::config::{Config, Labels};
use crate::section::Section;

/// Whether a key must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Optional,
    /// A missing key is an error (`missing-field`).
    Required,
    /// Required in the sections whose entries cite where their facts come from
    /// ([`Section::requires_source`]); a missing one is `missing-source`.
    Source,
    /// Required in entries whose `source.document` is the booklet ([`BOOKLET`]); a
    /// missing one is `missing-field`.
    Booklet,
}

/// The seed file of the booklet (Lev Uden Vold 2019, "22 gode eksempler"): practices citing
/// it carry its focus area and example number.
pub const BOOKLET: &str = "001_9d617f8347943508.txt";

/// The `site.yaml` list whose keys a field's values must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelList {
    Audiences,
    ViolenceForms,
    Offers,
    TargetGroups,
    PartnerKinds,
}

impl LabelList {
    /// Its name in site.yaml.
    pub fn name(self) -> &'static str {
        match self {
            LabelList::Audiences => "audiences",
            LabelList::ViolenceForms => "violence_forms",
            LabelList::Offers => "offers",
            LabelList::TargetGroups => "target_groups",
            LabelList::PartnerKinds => "partner_kinds",
        }
    }
    pub fn of(self, config: &Config) -> &Labels {
        match self {
            LabelList::Audiences => &config.audiences,
            LabelList::ViolenceForms => &config.violence_forms,
            LabelList::Offers => &config.offers,
            LabelList::TargetGroups => &config.target_groups,
            LabelList::PartnerKinds => &config.partner_kinds,
        }
    }
}

/// One row of a section's table.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub need: Need,
    /// What the value must be, for a type error: "`kind` skal være en tekst (…)".
    pub expected: &'static str,
    /// How to write the key, shown with a type error (and for a required key left empty).
    pub hint: &'static str,
    /// For a key whose values are keys of a site.yaml list: that list.
    pub labels: Option<LabelList>,
    /// Why a required key matters, added to "feltet `…` mangler" when it is missing.
    pub why: Option<&'static str>,
    /// The hint for a missing required key, where the section's general one would not do.
    pub missing_hint: Option<&'static str>,
}

/// An optional key without a site.yaml list; the rows below change what differs.
const fn optional(name: &'static str, expected: &'static str, hint: &'static str) -> Key {
    Key {
        name,
        need: Need::Optional,
        expected,
        hint,
        labels: None,
        why: None,
        missing_hint: None,
    }
}

const fn required(k: Key) -> Key {
    Key {
        need: Need::Required,
        ..k
    }
}

const fn labels(k: Key, list: LabelList) -> Key {
    Key {
        labels: Some(list),
        ..k
    }
}

/// Keys every entry may carry.
pub const COMMON: &[Key] = &[
    Key {
        missing_hint: Some("tilføj `title: \"…\"` i front matter"),
        ..required(optional(
            "title",
            "en tekst",
            "skriv titlen i anførselstegn: title: \"…\"",
        ))
    },
    Key {
        missing_hint: Some("tilføj `summary: \"…\"` i front matter"),
        ..required(optional(
            "summary",
            "en tekst",
            "skriv en eller to sætninger i anførselstegn",
        ))
    },
    Key {
        need: Need::Source,
        why: Some("hvor kommer oplysningerne fra?"),
        missing_hint: Some("tilføj\n    source:\n      document: \"<kildedokument eller URL>\""),
        ..optional(
            "source",
            "en kilde med document (og evt. pages, note)",
            "skriv fx\n    source:\n      document: \"001_9d617f8347943508.txt\"\n      pages: \"9\"",
        )
    },
    optional("weight", "et heltal", "fx weight: 10"),
    optional("draft", "true eller false", "skriv draft: true eller fjern linjen"),
    optional(
        "municipality",
        "et kommunenavn eller en liste af kommunenavne",
        "fx municipality: Randers, eller municipality: [København, Hvidovre]",
    ),
    optional(
        "local",
        "kommunenavne med en tekst til hver",
        "skriv fx\n    local:\n      Randers: |\n        Randers Kommune henviser til …",
    ),
];

/// `status` and `ended_on`, the same for practices and partners.
pub const STATUS: Key = optional(
    "status",
    "active, paused eller ended",
    "skriv status: active, status: paused eller status: ended",
);
pub const ENDED_ON: Key = optional(
    "ended_on",
    "en dato",
    "fx ended_on: \"2014\" eller ended_on: \"2021-06\"",
);

/// The hint for a practice fact written as something other than a text.
const FACT_HINT: &str = "skriv en kort tekst i anførselstegn";

/// `praksis`: a good practice, from the booklet or another source.
pub const PRACTICE: &[Key] = &[
    required(optional("focus_area", "et nummer", "fx focus_area: 3")),
    Key {
        need: Need::Booklet,
        why: Some("praksis fra hæftet har hæftets eksempelnummer"),
        missing_hint: Some(
            "tilføj fx `example: 2` (eksemplets nummer i fokusområdet i hæftet), eller angiv den rigtige kilde i source.document",
        ),
        ..optional("example", "et nummer", "fx example: 2")
    },
    optional(
        "municipalities",
        "en liste af kommunenavne",
        "fx municipalities: [\"Køge\", \"Stevns\"]",
    ),
    optional(
        "organisations",
        "en liste af tekster",
        "fx organisations: [\"Københavns Politi\"]",
    ),
    required(optional(
        "criteria",
        "en liste af numre 1–6",
        "fx criteria: [1, 3, 4]",
    )),
    labels(
        optional(
            "target_groups",
            "en liste af målgrupper",
            "fx target_groups: [voldsudsatte, medarbejdere]",
        ),
        LabelList::TargetGroups,
    ),
    required(optional(
        "evaluated",
        "true eller false",
        "skriv evaluated: true eller evaluated: false",
    )),
    optional("period", "en tekst", "fx period: \"2011–2014\""),
    optional(
        "partners",
        "en liste af partner-slugs",
        "fx partners: [dialog-mod-vold]",
    ),
    STATUS,
    ENDED_ON,
    optional("duration", "en tekst", FACT_HINT),
    optional("group_size", "en tekst", FACT_HINT),
    optional("staff", "en tekst", FACT_HINT),
    optional("referral", "en tekst", FACT_HINT),
    optional("funding", "en tekst", FACT_HINT),
    labels(
        optional("offers", "en liste", "fx offers: [gruppeforloeb]"),
        LabelList::Offers,
    ),
];

/// `partnere`: a referral partner or local offer.
pub const PARTNER: &[Key] = &[
    required(labels(
        optional("kind", "en tekst", "fx kind: ngo"),
        LabelList::PartnerKinds,
    )),
    labels(
        optional("audiences", "en liste", "fx audiences: [udsat, paaroerende]"),
        LabelList::Audiences,
    ),
    labels(
        optional(
            "violence_forms",
            "en liste",
            "fx violence_forms: [fysisk, psykisk]",
        ),
        LabelList::ViolenceForms,
    ),
    labels(
        optional("offers", "en liste", "fx offers: [raadgivning]"),
        LabelList::Offers,
    ),
    optional(
        "anonymous",
        "yes, no eller unknown",
        "skriv anonymous: yes, no eller unknown",
    ),
    optional(
        "free",
        "yes, no eller unknown",
        "skriv free: yes, no eller unknown",
    ),
    optional("coverage", "en tekst", "fx coverage: \"national\""),
    optional("languages", "en liste", "fx languages: [da, en]"),
    optional(
        "contact",
        "kontaktoplysninger (phones, website, email, address, chat)",
        "skriv fx\n    contact:\n      phones:\n        - number: \"…\"\n          label: \"…\"\n          hours: \"…\"\n      website: \"https://…\"",
    ),
    optional(
        "verified",
        "on (dato), against (kilde) og evt. source_date, publisher",
        "skriv\n    verified:\n      on: ÅÅÅÅ-MM-DD\n      against: \"<adressen på siden, du tjekkede>\"\n      source_date: \"<sidens egen dato, ÅÅÅÅ-MM>\"  # eller unknown",
    ),
    optional(
        "address_confidential",
        "true eller false",
        "skriv address_confidential: true",
    ),
    STATUS,
    ENDED_ON,
    optional(
        "replaced_by",
        "en partner-slug",
        "fx replaced_by: dialog-mod-vold",
    ),
];

/// `kvalitetsstandard`: only the common keys.
pub const STANDARD: &[Key] = &[];

/// `viden`: a knowledge page.
pub const KNOWLEDGE: &[Key] = &[
    labels(
        optional("violence_forms", "en liste", "fx violence_forms: [psykisk]"),
        LabelList::ViolenceForms,
    ),
    labels(
        optional("audiences", "en liste", "fx audiences: [udsat]"),
        LabelList::Audiences,
    ),
    optional(
        "related",
        "en liste af sektion/slug",
        "fx related: [partnere/dialog-mod-vold]",
    ),
];

/// `plakater`: a poster or leaflet.
pub const POSTER: &[Key] = &[
    optional(
        "layout",
        "poster eller leaflet",
        "skriv layout: poster eller layout: leaflet",
    ),
    required(optional(
        "audience",
        "borgere eller medarbejdere",
        "skriv audience: borgere eller audience: medarbejdere",
    )),
    required(optional(
        "sizes",
        "en liste af A5, A4, A3",
        "fx sizes: [A4, A3]",
    )),
    required(optional(
        "headline",
        "en tekst",
        "fx headline: \"Bliver du udsat for vold?\"",
    )),
    optional(
        "contacts",
        "en liste af partner-slugs eller kommune",
        "fx contacts: [kommune, dialog-mod-vold]",
    ),
    optional("qr", "en sti på sitet", "fx qr: \"/hjaelp/\""),
    optional("tear_off", "true eller false", "skriv tear_off: true"),
];

/// `hjaelp`: advice on an audience's help page.
pub const GUIDANCE: &[Key] = &[Key {
    why: Some("hvilken hjælpeside skal rådene stå på?"),
    ..required(labels(
        optional("audience", "en målgruppe", "fx audience: udsat"),
        LabelList::Audiences,
    ))
}];

/// The keys of a section, besides [`COMMON`].
pub fn section_keys(section: Section) -> &'static [Key] {
    match section {
        Section::Praksis => PRACTICE,
        Section::Partnere => PARTNER,
        Section::Kvalitetsstandard => STANDARD,
        Section::Viden => KNOWLEDGE,
        Section::Plakater => POSTER,
        Section::Hjaelp => GUIDANCE,
    }
}

/// What an entry of the section is called in "… skal have `key`".
pub fn entry_noun(section: Section) -> &'static str {
    match section {
        Section::Praksis => "en god praksis",
        Section::Partnere => "en partner",
        Section::Kvalitetsstandard => "en kvalitetsstandard",
        Section::Viden => "en videnside",
        Section::Plakater => "en plakat",
        Section::Hjaelp => "et råd",
    }
}

/// The row named `name` in `table`. Meant for const context (`key!`), where a name that is
/// not in the table stops the build.
pub const fn find(table: &'static [Key], name: &str) -> &'static Key {
    let mut i = 0;
    while i < table.len() {
        if same(table[i].name, name) {
            return &table[i];
        }
        i += 1;
    }
    panic!("a front-matter key that is not in its section's table")
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The row of a key in a table, checked when the crate is built.
macro_rules! key {
    ($table:expr, $name:literal) => {
        const { $crate::entry::keys::find($table, $name) }
    };
}
pub(crate) use key;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The keys docs/front-matter.md documents under each `## ` heading: every backticked
    /// word in the first cell of a table row.
    fn documented() -> Vec<(String, BTreeSet<String>, BTreeSet<String>)> {
        let text = include_str!("../../docs/front-matter.md");
        let mut out: Vec<(String, BTreeSet<String>, BTreeSet<String>)> = Vec::new();
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                out.push((h.to_string(), BTreeSet::new(), BTreeSet::new()));
                continue;
            }
            let Some(row) = line.strip_prefix("| `") else {
                continue;
            };
            let Some((_, keys, required)) = out.last_mut() else {
                continue;
            };
            let mut cells = row.split(" | ");
            let first = cells.next().unwrap_or("");
            let rest: Vec<&str> = cells.collect();
            // "Required" opens the meaning, or a `required` column says "yes".
            let is_required = rest
                .iter()
                .any(|c| c.starts_with("Required") || c.starts_with("yes"));
            for name in format!("`{first}").split('`').skip(1).step_by(2) {
                keys.insert(name.to_string());
                if is_required {
                    required.insert(name.to_string());
                }
            }
        }
        out
    }

    fn heading_for(section: Option<Section>) -> String {
        match section {
            None => "Every entry".into(),
            Some(s) => format!("`{}`", s.dir()),
        }
    }

    #[test]
    fn every_table_matches_docs_front_matter() {
        let docs = documented();
        let tables =
            std::iter::once((None, COMMON)).chain(Section::ALL.map(|s| (Some(s), section_keys(s))));
        for (section, table) in tables {
            let heading = heading_for(section);
            let want: BTreeSet<String> = table.iter().map(|k| k.name.to_string()).collect();
            let want_required: BTreeSet<String> = table
                .iter()
                .filter(|k| k.need != Need::Optional)
                .map(|k| k.name.to_string())
                .collect();
            let (_, have, have_required) = docs
                .iter()
                .find(|(h, _, _)| h.starts_with(&heading))
                .unwrap_or_else(|| panic!("docs/front-matter.md has no heading {heading}"));
            assert_eq!(&want, have, "keys under {heading}");
            assert_eq!(
                &want_required, have_required,
                "required keys under {heading}"
            );
        }
    }

    #[test]
    fn rows_are_found_by_name() {
        assert_eq!(find(PARTNER, "kind").labels, Some(LabelList::PartnerKinds));
        assert_eq!(key!(POSTER, "qr").name, "qr");
    }
}
