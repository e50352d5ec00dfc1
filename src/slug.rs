//! Slugs: lower case, folded by the one Danish rule (`fold.rs`: æ→ae, ø→oe, å→aa, ü→ue,
//! accents dropped), everything else that is not an ASCII letter or digit becomes `-`.
//! ø→o would change meaning, so we never do it (see cocur/slugify #77).

/// A slug for any text: folded, lower case, `-` between words, no leading/trailing `-`.
pub fn slugify(s: &str) -> String {
    let folded = crate::fold::fold(&s.to_lowercase());
    let mut out = String::with_capacity(folded.len());
    let mut dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// Whether `s` is already a valid slug (what `slugify` would produce for it).
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty() && slugify(s) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_danish_letters_in_slugs() {
        assert_eq!(slugify("Mødrehjælpen"), "moedrehjaelpen");
        assert_eq!(slugify("Åben rådgivning"), "aaben-raadgivning");
        assert_eq!(slugify("Æresrelateret vold"), "aeresrelateret-vold");
    }

    #[test]
    fn collapses_punctuation_and_spaces() {
        assert_eq!(slugify("  Sig det til nogen!  "), "sig-det-til-nogen");
        assert_eq!(slugify("RED – Safe House"), "red-safe-house");
        assert_eq!(slugify("§ 109 og § 110"), "109-og-110");
    }

    #[test]
    fn validates_slugs() {
        assert!(is_valid_slug("dialog-mod-vold"));
        assert!(!is_valid_slug("Dialog-mod-vold"));
        assert!(!is_valid_slug("mødrehjælpen"));
        assert!(!is_valid_slug("a--b"));
        assert!(!is_valid_slug(""));
    }
}
