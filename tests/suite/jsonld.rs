//! schema.org JSON-LD in the built default site: every block parses, has the types and
//! properties it must, and holds only current facts (no address at all, no number that is
//! not the entry's verified, current one).

use crate::open_data::default_files;
use serde_json::Value;
use vejviser::entry::{ContactStatus, OfferStatus, Section};

const OPEN: &str = "<script type=\"application/ld+json\">";

fn blocks(html: &str) -> Vec<Value> {
    html.match_indices(OPEN)
        .map(|(i, _)| {
            let rest = &html[i + OPEN.len()..];
            let end = rest.find("</script>").expect("closed");
            serde_json::from_str(&rest[..end]).unwrap_or_else(|e| panic!("{e}: {}", &rest[..end]))
        })
        .collect()
}

fn page(path: &str) -> String {
    String::from_utf8(default_files()[path].clone()).unwrap()
}

/// Every `telephone` anywhere in `v`.
fn phones(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                assert_ne!(k, "address", "no address in JSON-LD");
                if k == "telephone" {
                    out.push(x.as_str().unwrap().to_string());
                }
                phones(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| phones(x, out)),
        _ => {}
    }
}

#[test]
fn every_json_ld_block_parses_with_its_type_and_facts() {
    let mut total = 0;
    for (path, bytes) in default_files().iter().filter(|(p, _)| p.ends_with(".html")) {
        for b in blocks(&String::from_utf8_lossy(bytes)) {
            assert_eq!(b["@context"], "https://schema.org", "{path}");
            let t = b["@type"].as_str().unwrap();
            assert!(
                [
                    "GovernmentOrganization",
                    "Organization",
                    "GovernmentService"
                ]
                .contains(&t),
                "{path}: {t}"
            );
            assert!(b["name"].as_str().is_some_and(|n| !n.is_empty()), "{path}");
            assert!(b["areaServed"]["@type"].is_string(), "{path}");
            total += 1;
        }
    }
    let home = blocks(&page("index.html"));
    assert_eq!(home.len(), 1);
    assert_eq!(home[0]["@type"], "GovernmentOrganization");
    assert_eq!(home[0]["name"], "Københavns Kommune");
    // The switchboard number is from 2020: too old to state.
    assert!(home[0].get("contactPoint").is_none());
    assert!(total > 15, "blocks: {total}");
}

#[test]
fn partner_json_ld_states_only_current_numbers() {
    let (loaded, _) = crate::open_data::default_loaded();
    let mut with_phone = 0;
    for e in loaded.site.section(Section::Partnere) {
        let p = e.partner().unwrap();
        let b = blocks(&page(&format!("partnere/{}/index.html", e.slug)));
        if p.status == OfferStatus::Ended {
            assert!(b.is_empty(), "{}: an ended offer has no JSON-LD", e.slug);
            continue;
        }
        assert_eq!(b.len(), 1, "{}", e.slug);
        let b = &b[0];
        assert_eq!(b["name"], e.title.as_str());
        let mut found = Vec::new();
        phones(b, &mut found);
        let current =
            p.contact_status == ContactStatus::Verified && p.status == OfferStatus::Active;
        let expected: Vec<String> = if current {
            p.contact.phones.iter().map(|x| x.number.clone()).collect()
        } else {
            vec![]
        };
        assert_eq!(found, expected, "{}", e.slug);
        with_phone += usize::from(!found.is_empty());
        if b["@type"] == "GovernmentService" {
            assert_eq!(
                b["provider"]["@type"], "GovernmentOrganization",
                "{}",
                e.slug
            );
        }
        for cp in b["contactPoint"].as_array().into_iter().flatten() {
            assert_eq!(cp["@type"], "ContactPoint");
        }
    }
    assert!(with_phone > 0);
}
