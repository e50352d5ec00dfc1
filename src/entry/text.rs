//! Text checks on a whole entry file: placeholders `vejviser new` left, and an active offer
//! whose own text says it has ended.

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
pub(super) fn placeholders(text: &str, body_first_line: usize) -> Vec<(usize, String)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_but_html_and_comments_are_not() {
        let text = "---\ntitle: \"<Få, store ord>\"\n# hours: \"<åbningstider>\"\n---\n\nEn <em>vigtig</em> tekst.<br>\n<Teksten i klart sprog.>\n";
        assert_eq!(
            placeholders(text, 5),
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
