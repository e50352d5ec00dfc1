//! The Danish folding rule: æ→ae, ø→oe, å→aa, and accents dropped. One table, used for
//! slugs, for the search index and (exported in soeg/index.json) by the browser's search
//! client, so a word folds the same way everywhere. A leaf module.

/// Lower-case letters and what they fold to.
pub const DANISH: &[(char, &str)] = &[
    ('æ', "ae"),
    ('ä', "ae"),
    ('ø', "oe"),
    ('ö', "oe"),
    ('å', "aa"),
    ('ü', "ue"),
    ('é', "e"),
    ('è', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('á', "a"),
    ('à', "a"),
    ('â', "a"),
    ('í', "i"),
    ('ì', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ó', "o"),
    ('ò', "o"),
    ('ô', "o"),
    ('ú', "u"),
    ('ù', "u"),
    ('û', "u"),
];

/// Fold a lower-case word or text.
pub fn fold(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len() + 4);
    for c in lower.chars() {
        // Most letters are ASCII: no table look-up for them (this runs for every word
        // the search index analyses).
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match DANISH.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => out.push_str(to),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_danish_letters_and_accents() {
        assert_eq!(super::fold("rådgivning"), "raadgivning");
        assert_eq!(super::fold("mødrehjælpen"), "moedrehjaelpen");
        assert_eq!(super::fold("café über"), "cafe ueber");
    }
}
