//! National and local content. An entry with `municipality:` belongs to that municipality
//! (or those); one without is national and is published on every municipality's site. A
//! national text must not speak as one municipality ("Københavns Kommune henviser til …"):
//! on Randers' site that sentence is wrong. This module finds such wording, so the build can
//! warn and point to the `local:` block where it belongs.
//!
//! Pure text functions; the model decides what to do with the answers.

/// Whether `name` (as an entry or a text writes it) is the municipality `short` (the site's
/// `municipality.short_name`). Accepts the genitive ("Københavns" for "København") and an
/// added "Kommune".
pub fn same_municipality(name: &str, short: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim();
        let s = s
            .strip_suffix(" Kommune")
            .or_else(|| s.strip_suffix(" kommune"))
            .unwrap_or(s);
        s.trim_end_matches('\'').to_lowercase()
    };
    let (a, b) = (norm(name), norm(short));
    a == b || a.strip_suffix('s') == Some(b.as_str()) || b.strip_suffix('s') == Some(a.as_str())
}

/// Words that can stand before "Kommune" without naming one ("Hver Kommune …").
const NOT_NAMES: &[&str] = &["Den", "En", "Hver", "Din", "Jeres", "Vores", "Sin", "Egen"];

/// Every "<Name> Kommune" / "<Name>s Kommunes" in `text`, as (name as written, 0-based line
/// within `text`), first occurrence per name. Lines under a heading "Kilder" or "Kilde" are
/// skipped: a source list names its publishers, which is not speaking for them.
pub fn named_municipalities(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut in_sources = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with('#') {
            let heading = t.trim_start_matches('#').trim().to_lowercase();
            in_sources = heading == "kilder" || heading == "kilde";
            continue;
        }
        if in_sources {
            continue;
        }
        for name in names_before_kommune(line) {
            if !out.iter().any(|(n, _)| n == &name) {
                out.push((name, i));
            }
        }
    }
    out
}

fn names_before_kommune(line: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut from = 0;
    while let Some(pos) = line[from..].find(" Kommune") {
        let at = from + pos;
        from = at + " Kommune".len();
        // "Kommune", "Kommunes", "Kommunen" only as a whole word.
        let after = line[from..].chars().next();
        if after.is_some_and(|c| c.is_alphabetic() && c != 's' && c != 'n') {
            continue;
        }
        let before = &line[..at];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || *c == '-' || *c == '\'')
            .last()
            .map(|(i, _)| i);
        let Some(start) = start else { continue };
        let word = &before[start..];
        if word.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&word) {
            names.push(word.trim_end_matches('\'').to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genitive_and_kommune_suffix_name_the_same_municipality() {
        assert!(same_municipality("Københavns", "København"));
        assert!(same_municipality("Københavns Kommune", "København"));
        assert!(same_municipality("Randers", "Randers"));
        assert!(same_municipality("Randers Kommune", "Randers"));
        assert!(!same_municipality("Hvidovre", "København"));
    }

    #[test]
    fn finds_names_before_kommune_but_not_in_sources() {
        let text = "Københavns Kommune henviser til os.\nDet gør Hvidovre Kommunes jobcenter også.\nHver Kommune skal.\n## Kilder\n- Aarhus Kommune (2020)\n";
        assert_eq!(
            named_municipalities(text),
            vec![("Københavns".to_string(), 0), ("Hvidovre".to_string(), 1)]
        );
    }

    #[test]
    fn kommunen_and_lowercase_words_are_not_names() {
        assert!(named_municipalities("i kommunen. Alle kommuner. Kommunekontoret").is_empty());
        assert_eq!(
            named_municipalities("I Randers Kommune.")[0].0,
            "Randers".to_string()
        );
    }
}
