//! `partnere`: a referral partner or local offer. Its contact details are what people call,
//! so they are checked hardest: the form of each number and address, and how old they are.

use super::keys::{key, PARTNER};
use super::reader::EntryReader;
use super::{offer_status, Contact, ContactStatus, EntryKind, PartnerMeta, Verified, YesNo};
use crate::config::RawVerified;
use crate::date::Date;
use crate::freshness;

pub(super) fn partner(r: &mut EntryReader) -> Option<EntryKind> {
    let kind = r.read_label(key!(PARTNER, "kind"));
    let audiences = r.read_labels(key!(PARTNER, "audiences"));
    let violence_forms = r.read_labels(key!(PARTNER, "violence_forms"));
    let offers = r.read_labels(key!(PARTNER, "offers"));
    let anonymous = r
        .read::<YesNo>(key!(PARTNER, "anonymous"))
        .unwrap_or_default();
    let free = r.read::<YesNo>(key!(PARTNER, "free")).unwrap_or_default();
    let coverage = r.read::<String>(key!(PARTNER, "coverage"));
    let languages = r
        .read::<Vec<String>>(key!(PARTNER, "languages"))
        .unwrap_or_default();
    for l in languages.iter().filter(|l| !super::is_language_code(l)) {
        r.error(
            "language-code",
            r.line("languages"),
            format!("languages: `{l}` er ikke en sprogkode"),
            "skriv sprogkoder efter ISO 639-1 med to små bogstaver, fx `da`, `en` eller `ar`",
        );
    }
    let contact = r
        .read::<Contact>(key!(PARTNER, "contact"))
        .unwrap_or_default();
    let verified = r.read::<RawVerified>(key!(PARTNER, "verified"));
    let (status, ended_on) = offer_status(r);
    let replaced_by = r.read::<String>(key!(PARTNER, "replaced_by"));
    let address_confidential = r
        .read::<bool>(key!(PARTNER, "address_confidential"))
        .unwrap_or(false);

    if address_confidential && contact.address.is_some() {
        r.error("confidential-address", r.nested_line("contact", "address"),
            "adressen er hemmelig (address_confidential: true), men der står alligevel en adresse",
            "fjern contact.address: et hemmeligt krisecenters adresse må aldrig stå på sitet eller på plakater");
    }
    check_contact_form(r, &contact);
    let verified = verified.and_then(|v| verification(r, v));
    let contact_status = freshness::contact_status(
        !contact.is_empty(),
        verified.as_ref().map(|v| (v.on_date, v.source_date)),
        r.config.today,
        r.config.verification_max_age_days,
    );
    warn_unless_current(r, contact_status, verified.as_ref());
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

/// Each phone number, e-mail address and web address has the form of one.
fn check_contact_form(r: &mut EntryReader, contact: &Contact) {
    for p in &contact.phones {
        let digits = p.number.chars().filter(|c| c.is_ascii_digit()).count();
        let allowed = p
            .number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '+' || c == '-');
        if digits < 3 || !allowed {
            r.error(
                "bad-phone",
                r.nested_line("contact", "number"),
                format!("`{}` ligner ikke et telefonnummer", p.number),
                "skriv kun cifre og mellemrum, fx \"70 20 30 40\"",
            );
        }
    }
    if let Some(email) = &contact.email {
        if !crate::config::is_email(email) {
            r.error(
                "bad-email",
                r.nested_line("contact", "email"),
                format!("contact.email `{email}` er ikke en e-mailadresse"),
                "skriv adressen sådan: navn@organisation.dk",
            );
        }
    }
    for (name, url) in [("website", &contact.website), ("chat", &contact.chat)] {
        if let Some(u) = url {
            if !u.starts_with("https://") && !u.starts_with("http://") {
                r.error(
                    "bad-url",
                    r.nested_line("contact", name),
                    format!("contact.{name} `{u}` er ikke en fuld webadresse"),
                    "begynd med https://",
                );
            }
        }
    }
}

/// `verified` with its dates parsed: a check date that is a real date and not in the
/// future, and the checked page's own date where it states one. `None` after an error.
fn verification(r: &mut EntryReader, v: RawVerified) -> Option<Verified> {
    let Some(on_date) = Date::parse(&v.on) else {
        r.error(
            "bad-date",
            r.nested_line("verified", "on"),
            format!("verified.on `{}` er ikke en dato", v.on),
            "skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-22",
        );
        return None;
    };
    if on_date > r.config.today {
        r.error(
            "future-date",
            r.nested_line("verified", "on"),
            format!("verified.on {} ligger i fremtiden", v.on),
            "skriv den dato, oplysningerne faktisk blev tjekket",
        );
        return None;
    }
    let source_date = match freshness::parse_source_date(v.source_date.as_deref()) {
        Ok(d) => d,
        Err(raw) => {
            r.error(
                "bad-date",
                r.nested_line("verified", "source_date"),
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
        information_date: freshness::information_date(on_date, source_date),
    })
}

/// Warn about contact details nobody has checked, or checked against a source that is too
/// old: the build still publishes them, but posters leave them out.
fn warn_unless_current(r: &mut EntryReader, status: ContactStatus, verified: Option<&Verified>) {
    match (status, verified) {
        (ContactStatus::Unverified, _) => r.warn("unverified-contact", r.line("contact"),
            "kontaktoplysningerne er ikke bekræftet",
            "tjek dem mod organisationens egen side og tilføj verified: { on: ÅÅÅÅ-MM-DD, against: \"<adresse>\" }"),
        (ContactStatus::Stale, Some(v)) => {
            let age = match v.source_date {
                Some(d) if d.first_day() < v.on_date => format!("kilden er fra {}", d.danish()),
                _ => format!("de blev sidst tjekket {}", v.on),
            };
            r.warn("stale-contact", r.line("verified"),
                format!("kontaktoplysningerne er for gamle: {age}, mere end {} dage før byggedatoen", r.config.verification_max_age_days),
                "find en nyere side fra organisationen, tjek oplysningerne mod den, og opdatér verified.on, against og source_date")
        }
        _ => {}
    }
}
