//! The Danish folding rule: æ→ae, ø→oe, å→aa, and accents dropped. One table, used for
//! slugs, for the search index and (exported in soeg/index.json) by the browser's search
//! client, so a word folds the same way everywhere. Arabic search adds its normalisation
//! table ([`ARABIC`]). A leaf module.

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

/// Arabic normalisation as a folding table: the forms of alef, alef maqsura, hamza on
/// waw and ya, and ta marbuta meet their plain letters; tatweel and the short-vowel
/// marks (harakat) are dropped; Arabic-Indic digits become the Western digits printed on
/// Danish phones. Used for Arabic search only (with [`DANISH`] for Latin names).
pub const ARABIC: &[(char, &str)] = &[
    ('أ', "ا"),
    ('إ', "ا"),
    ('آ', "ا"),
    ('ٱ', "ا"),
    ('ى', "ي"),
    ('ؤ', "و"),
    ('ئ', "ي"),
    ('ة', "ه"),
    ('ـ', ""),
    ('\u{064B}', ""),
    ('\u{064C}', ""),
    ('\u{064D}', ""),
    ('\u{064E}', ""),
    ('\u{064F}', ""),
    ('\u{0650}', ""),
    ('\u{0651}', ""),
    ('\u{0652}', ""),
    ('\u{0670}', ""),
    ('٠', "0"),
    ('١', "1"),
    ('٢', "2"),
    ('٣', "3"),
    ('٤', "4"),
    ('٥', "5"),
    ('٦', "6"),
    ('٧', "7"),
    ('٨', "8"),
    ('٩', "9"),
];

/// Fold a lower-case word or text the Danish way.
pub fn fold(lower: &str) -> String {
    fold_with(lower, &[DANISH])
}

/// Fold a lower-case word or text with the first matching table of `tables`.
pub fn fold_with(lower: &str, tables: &[&[(char, &str)]]) -> String {
    let mut out = String::with_capacity(lower.len() + 4);
    for c in lower.chars() {
        // Most letters are ASCII: no table look-up for them (this runs for every word
        // the search index analyses).
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match tables
            .iter()
            .find_map(|t| t.iter().find(|(from, _)| *from == c))
        {
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

    #[test]
    fn arabic_normalisation_meets_spelling_variants() {
        let ar = |s: &str| super::fold_with(s, &[super::DANISH, super::ARABIC]);
        // Hamza on alef, ta marbuta, tatweel and a short vowel.
        assert_eq!(ar("أسرة"), ar("اسره"));
        assert_eq!(ar("عـنـف"), "عنف");
        assert_eq!(ar("عُنف"), "عنف");
        assert_eq!(ar("١١٢"), "112");
        assert_eq!(ar("mødrehjælpen"), "moedrehjaelpen");
    }
}
