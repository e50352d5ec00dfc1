//! Danish for the YAML parser's and serde's English messages: editors read Danish, so no
//! message of a dependency reaches them as it is. Each known form is translated with the
//! parts an editor needs (the value found, the field named); anything else is summarised.

/// A YAML syntax or structure message (positions already removed), in Danish.
pub fn yaml_message(raw: &str) -> String {
    let (path, msg) = split_path(raw);
    if let Some(d) = serde_message(msg) {
        return format!("{path}{d}");
    }
    // libyaml: "<problem>, while <context>" (the context is optional).
    let (problem, context) = match msg.split_once(", while ") {
        Some((p, c)) => (p, Some(c)),
        None => (msg, None),
    };
    let problem = syntax_problem(problem.trim());
    match context.and_then(syntax_context) {
        Some(c) => format!("{path}{problem} {c}"),
        None => format!("{path}{problem}"),
    }
}

/// A serde message about one field's value, in Danish: what was found instead.
pub fn value_message(raw: &str) -> String {
    let (path, msg) = split_path(raw);
    let d = serde_message(msg).unwrap_or_else(|| "værdien kan ikke læses".to_string());
    format!("{path}{d}")
}

/// yaml_serde puts the path of a nested value first: `contact.phones[0]: …`.
fn split_path(raw: &str) -> (String, &str) {
    let raw = raw.trim();
    match raw.split_once(": ") {
        Some((p, rest))
            if !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || "_.[]-".contains(c)) =>
        {
            (format!("{p}: "), rest)
        }
        _ => (String::new(), raw),
    }
}

fn serde_message(msg: &str) -> Option<String> {
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let found = rest.split(", expected").next().unwrap_or(rest);
        return Some(format!("der står {}", unexpected(found)));
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let found = rest.split(", expected").next().unwrap_or(rest);
        return Some(format!("{} er ikke en gyldig værdi", unexpected(found)));
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let n = rest.split(',').next().unwrap_or(rest);
        return Some(format!(
            "listen har {n} elementer, og det er ikke det rigtige antal"
        ));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (name, allowed) = name_and_choices(rest);
        return Some(match allowed {
            Some(a) => format!("ukendt felt {name}; tilladte felter: {a}"),
            None => format!("ukendt felt {name}"),
        });
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (name, allowed) = name_and_choices(rest);
        return Some(match allowed {
            Some(a) => format!("{name} er ikke en af {a}"),
            None => format!("{name} er ikke en gyldig værdi"),
        });
    }
    if let Some(name) = msg.strip_prefix("missing field ") {
        return Some(format!("feltet {name} mangler"));
    }
    if let Some(name) = msg.strip_prefix("duplicate field ") {
        return Some(format!("feltet {name} står to gange"));
    }
    if let Some(key) = msg.strip_prefix("duplicate entry with key ") {
        return Some(format!("feltet {key} står to gange"));
    }
    None
}

/// "`x`, expected one of `a`, `b`" → ("`x`", Some("`a`, `b`")).
fn name_and_choices(rest: &str) -> (&str, Option<String>) {
    match rest.split_once(", expected ") {
        Some((name, exp)) => {
            let choices = exp
                .strip_prefix("one of ")
                .map(str::to_string)
                .or_else(|| exp.split_once(" or ").map(|(a, b)| format!("{a}, {b}")))
                .or_else(|| exp.starts_with('`').then(|| exp.to_string()));
            (name, choices)
        }
        None => (rest, None),
    }
}

/// serde's `Unexpected` ("string \"tung\"", "integer `5`", "sequence") in Danish.
fn unexpected(found: &str) -> String {
    let found = found.trim();
    let value = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim().trim_matches('`').to_string())
    };
    if let Some(v) = value("string ") {
        return format!("teksten {v}");
    }
    if let Some(v) = value("integer ") {
        return format!("tallet {v}");
    }
    if let Some(v) = value("floating point ") {
        return format!("decimaltallet {v}");
    }
    if let Some(v) = value("boolean ") {
        return v;
    }
    if let Some(v) = value("character ") {
        return format!("tegnet {v}");
    }
    match found {
        "sequence" => "en liste".into(),
        "map" => "en gruppe af felter".into(),
        "unit value" | "null" => "ingen værdi".into(),
        _ => "en anden slags værdi".into(),
    }
}

fn syntax_problem(p: &str) -> String {
    let known: &[(&str, &str)] = &[
        (
            "found unexpected end of stream",
            "teksten slutter for tidligt",
        ),
        ("EOF while parsing a value", "teksten slutter for tidligt"),
        (
            "mapping values are not allowed in this context",
            "et kolon står et sted, hvor det ikke må stå",
        ),
        ("did not find expected key", "et feltnavn var ventet"),
        ("did not find expected node content", "en værdi var ventet"),
        (
            "could not find expected ':'",
            "kolonet efter et feltnavn mangler",
        ),
        (
            "found character that cannot start any token",
            "et tegn, der ikke kan begynde en værdi",
        ),
        (
            "found a tab character that violates indentation",
            "tabulator i indrykningen",
        ),
        (
            "found a tab character where an indentation space is expected",
            "tabulator i indrykningen",
        ),
        (
            "did not find expected ',' or ']'",
            "en liste i [ ] bliver ikke lukket med ]",
        ),
        (
            "did not find expected ',' or '}'",
            "en gruppe i { } bliver ikke lukket med }",
        ),
        (
            "block sequence entries are not allowed in this context",
            "en linje med - står et sted, hvor den ikke må stå",
        ),
        (
            "did not find expected '-' indicator",
            "en linje med - var ventet",
        ),
        (
            "found unexpected ':'",
            "et kolon står et sted, hvor det ikke må stå",
        ),
        (
            "found unknown escape character",
            "ukendt tegn efter \\ i en tekst i anførselstegn",
        ),
        ("found undefined alias", "ukendt henvisning (*navn)"),
        ("unknown anchor", "ukendt henvisning (*navn)"),
        (
            "did not find expected comment or line break",
            "der står mere på linjen efter værdien",
        ),
    ];
    known
        .iter()
        .find(|(en, _)| p.starts_with(en))
        .map(|(_, da)| da.to_string())
        .unwrap_or_else(|| "teksten kan ikke læses som YAML".to_string())
}

fn syntax_context(c: &str) -> Option<&'static str> {
    let known: &[(&str, &str)] = &[
        ("scanning a quoted scalar", "i en tekst i anførselstegn"),
        ("parsing a quoted scalar", "i en tekst i anførselstegn"),
        ("scanning a plain scalar", "i en tekst"),
        ("scanning a block scalar", "i en tekst over flere linjer"),
        ("parsing a block mapping", "i en gruppe af felter"),
        ("parsing a flow mapping", "i en gruppe i { }"),
        ("parsing a flow sequence", "i en liste i [ ]"),
        ("parsing a block collection", "i en liste"),
        ("scanning a simple key", "i et feltnavn"),
    ];
    known
        .iter()
        .find(|(en, _)| c.trim().starts_with(en))
        .map(|(_, da)| *da)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_messages_are_danish() {
        assert_eq!(
            yaml_message("found unexpected end of stream, while scanning a quoted scalar"),
            "teksten slutter for tidligt i en tekst i anførselstegn"
        );
        assert_eq!(
            yaml_message("mapping values are not allowed in this context"),
            "et kolon står et sted, hvor det ikke må stå"
        );
        assert_eq!(
            yaml_message("something new from the parser"),
            "teksten kan ikke læses som YAML"
        );
    }

    #[test]
    fn serde_messages_name_what_was_found() {
        assert_eq!(
            value_message("invalid type: string \"tung\", expected i64"),
            "der står teksten \"tung\""
        );
        assert_eq!(
            value_message("unknown variant `ja`, expected one of `yes`, `no`, `unknown`"),
            "`ja` er ikke en af `yes`, `no`, `unknown`"
        );
        assert_eq!(
            value_message("unknown field `titel`, expected one of `document`, `pages`"),
            "ukendt felt `titel`; tilladte felter: `document`, `pages`"
        );
        assert_eq!(
            yaml_message("municipality: missing field `name`"),
            "municipality: feltet `name` mangler"
        );
        assert_eq!(
            value_message("invalid type: sequence, expected a string"),
            "der står en liste"
        );
    }
}
