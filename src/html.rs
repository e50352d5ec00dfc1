//! The one HTML escaper: templates (Tera's autoescape) and search snippets use it, so text
//! is escaped the same way everywhere. A leaf module: it uses nothing of the crate.

/// Append `input` to `out`, escaped for HTML text and attribute values.
pub fn escape_into(input: &str, out: &mut String) {
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `input` escaped for HTML text and attribute values.
pub fn escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    escape_into(input, &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
