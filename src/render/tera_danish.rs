//! Danish for Tera's English error messages, for the people who edit a theme: each known
//! form keeps the names it gives (template, variable, filter); anything else is summarised.

/// One link of a Tera error chain in Danish; `None` for a link that only repeats what the
/// next one says ("Failed to render 'x'").
pub(super) fn part(msg: &str) -> Option<String> {
    let msg = msg.trim();
    let quoted = |s: &str, open: char, close: char| -> String {
        s.split(open)
            .nth(1)
            .and_then(|r| r.split(close).next())
            .unwrap_or("")
            .to_string()
    };
    if msg.starts_with("Failed to render '") {
        return None;
    }
    if msg.starts_with("Failed to parse '") {
        let name = quoted(msg, '\'', '\'');
        return Some(format!("skabelonen `{name}` kan ikke læses"));
    }
    if msg.contains(" --> ") || msg.starts_with("-->") || msg.contains("= expected") {
        return Some("Tera-syntaksen er forkert her".into());
    }
    if msg.starts_with("Variable `") {
        let var = quoted(msg, '`', '`');
        let tpl = msg.rsplit("while rendering '").next().unwrap_or("");
        let tpl = tpl.split('\'').next().unwrap_or("");
        return Some(format!(
            "variablen `{var}` findes ikke i sidens data (i `{tpl}`)"
        ));
    }
    if msg.starts_with("Template '") && msg.contains("is inheriting from") {
        let mut names = msg.split('\'').skip(1).step_by(2);
        let (a, b) = (names.next().unwrap_or(""), names.next().unwrap_or(""));
        return Some(format!("skabelonen `{a}` bygger på `{b}`, som ikke findes"));
    }
    let kinds = [
        ("Template '", "skabelonen"),
        ("Filter '", "filteret"),
        ("Test '", "testen"),
        ("Function '", "funktionen"),
    ];
    for (prefix, what) in kinds {
        if msg.starts_with(prefix) && msg.ends_with("not found") {
            return Some(format!("{what} `{}` findes ikke", quoted(msg, '\'', '\'')));
        }
    }
    for (prefix, what) in [
        ("Filter call '", "filteret"),
        ("Function call '", "funktionen"),
        ("Test call '", "testen"),
    ] {
        if msg.starts_with(prefix) {
            return Some(format!("{what} `{}` fejlede", quoted(msg, '\'', '\'')));
        }
    }
    if msg.starts_with("Macro ") || msg.contains("macro `") {
        let name = quoted(msg, '`', '`');
        return Some(format!("fejl i makroen `{name}`"));
    }
    if msg.starts_with("Tried to iterate") {
        let name = quoted(msg, '`', '`');
        return Some(format!("`{name}` kan ikke gennemløbes med for"));
    }
    if msg.starts_with("Tried to do math") || msg.starts_with("Tried to do a modulo") {
        return Some("der regnes med noget, der ikke er et tal".into());
    }
    Some("Tera kunne ikke bruge skabelonen".into())
}

#[cfg(test)]
mod tests {
    use super::part;

    #[test]
    fn tera_messages_are_danish_with_their_names() {
        assert_eq!(part("Failed to render 'page.html'"), None);
        assert_eq!(
            part("Variable `entry.titel` not found in context while rendering 'page.html'")
                .as_deref(),
            Some("variablen `entry.titel` findes ikke i sidens data (i `page.html`)")
        );
        assert_eq!(
            part("Filter 'shout' not found").as_deref(),
            Some("filteret `shout` findes ikke")
        );
        assert_eq!(
            part("Failed to parse 'base.html'").as_deref(),
            Some("skabelonen `base.html` kan ikke læses")
        );
        assert_eq!(
            part("something new").as_deref(),
            Some("Tera kunne ikke bruge skabelonen")
        );
    }
}
