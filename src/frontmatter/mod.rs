//! Front matter: finds the `---` block, parses its YAML and maps parser positions to lines
//! of the file. This is the only module that imports the YAML crate (`yaml_serde`), so a
//! change of YAML library is a one-file change.
//!
//! Input: a file's text. Output: a `FrontMatter` (keys with their file lines, typed access
//! through `Fields`) and the Markdown body with the line it starts on. It knows nothing of
//! sections or the content model.

mod danish;

use serde::de::DeserializeOwned;

/// A parsed front-matter block.
#[derive(Debug)]
pub struct FrontMatter<'a> {
    /// Top-level keys in file order with their values and 1-based file line.
    pub keys: Vec<(String, yaml_serde::Value, usize)>,
    /// The YAML text, for finding nested keys' lines.
    yaml: &'a str,
    /// File line of the first YAML line (the line after the opening `---`).
    yaml_first_line: usize,
    /// File line of the opening `---`.
    pub open_line: usize,
    pub body: &'a str,
    /// File line the body starts on.
    pub body_first_line: usize,
}

/// The file line of each top-level key, kept with what was read from the front matter
/// (an entry, a translation) so that later stages can point at a key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyLines(Vec<(String, usize)>);

impl KeyLines {
    pub fn of(fm: &FrontMatter) -> KeyLines {
        KeyLines(fm.keys.iter().map(|(k, _, l)| (k.clone(), *l)).collect())
    }

    /// The 1-based file line of `key`, if the front matter has it.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, l)| *l)
    }
}

/// A problem found while splitting or parsing front matter, positioned in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlProblem {
    /// The diagnostic code: `empty-file`, `no-front-matter`, `unclosed-front-matter`,
    /// `invalid-yaml` or `not-a-mapping`.
    pub code: &'static str,
    pub line: usize,
    pub column: Option<usize>,
    pub message: String,
    pub hint: String,
    /// The key a document may not have (`unknown field` from serde), for "did you mean".
    pub unknown_field: Option<String>,
}

/// Split `text` into front matter and body, and parse the front matter as a YAML mapping.
/// Leading blank lines before the opening `---` are allowed and counted.
pub fn parse(text: &str) -> Result<FrontMatter<'_>, YamlProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut offset = 0usize;
    let mut line_no = 1usize;
    // Skip blank lines before the opening fence.
    loop {
        let rest = &text[offset..];
        let (line, len) = next_line(rest);
        if len == 0 {
            return Err(YamlProblem {
                code: "empty-file",
                line: 1,
                column: None,
                message: "filen er tom".into(),
                hint: "en side begynder med front matter mellem to linjer med `---`, fx `---\\ntitle: \"...\"\\nsummary: \"...\"\\n---`".into(),
                unknown_field: None,
            });
        }
        if line.trim().is_empty() {
            offset += len;
            line_no += 1;
            continue;
        }
        if line.trim_end() != "---" {
            return Err(YamlProblem {
                code: "no-front-matter",
                line: line_no,
                column: Some(1),
                message: "filen mangler front matter".into(),
                hint: "begynd filen med en linje `---`, derefter felterne (title, summary, …) og så en linje `---` før selve teksten".into(),
                unknown_field: None,
            });
        }
        offset += len;
        break;
    }
    let open_line = line_no;
    let yaml_start = offset;
    let yaml_first_line = open_line + 1;
    let mut cur = offset;
    let mut cur_line = yaml_first_line;
    loop {
        let rest = &text[cur..];
        let (line, len) = next_line(rest);
        if len == 0 {
            return Err(YamlProblem {
                code: "unclosed-front-matter",
                line: open_line,
                column: Some(1),
                message: "front matter bliver aldrig lukket".into(),
                hint: "tilføj en linje med `---` efter det sidste felt".into(),
                unknown_field: None,
            });
        }
        if line.trim_end() == "---" {
            let yaml = &text[yaml_start..cur];
            let body = &text[cur + len..];
            let keys = parse_mapping(yaml, yaml_first_line)?;
            return Ok(FrontMatter {
                keys,
                yaml,
                yaml_first_line,
                open_line,
                body,
                body_first_line: cur_line + 1,
            });
        }
        cur += len;
        cur_line += 1;
    }
}

/// Parse a whole YAML document (such as site.yaml) into `T`, with errors positioned in the file.
pub fn parse_document<T: DeserializeOwned>(text: &str) -> Result<T, YamlProblem> {
    yaml_serde::from_str::<T>(text).map_err(|e| to_problem(&e, 1))
}

fn next_line(s: &str) -> (&str, usize) {
    match s.find('\n') {
        Some(i) => (&s[..i], i + 1),
        None => (s, s.len()),
    }
}

fn to_problem(e: &yaml_serde::Error, first_line: usize) -> YamlProblem {
    let raw = e.to_string();
    // yaml_serde writes positions relative to the YAML block ("at line 4 column 1"); we
    // print file positions ourselves, so drop them from the text. When the parser says
    // "…, while scanning a quoted scalar at line 2 column 10", the second position is where
    // the editor must look (the opening quote), not where the parser gave up.
    let positions = yaml_positions(&raw);
    let (line, column) = match (positions.last(), e.location()) {
        (Some(&(l, c)), _) if raw.contains("while ") => (first_line + l - 1, Some(c)),
        (_, Some(loc)) => (first_line + loc.line() - 1, Some(loc.column())),
        (Some(&(l, c)), None) => (first_line + l - 1, Some(c)),
        (None, None) => (first_line, None),
    };
    let mut message = raw.clone();
    while let Some(i) = message.find(" at line ") {
        let rest = &message[i + " at line ".len()..];
        let end = rest
            .find(" column ")
            .map(|j| {
                let after = &rest[j + " column ".len()..];
                j + " column ".len() + after.chars().take_while(|c| c.is_ascii_digit()).count()
            })
            .unwrap_or(0);
        message = format!("{}{}", &message[..i], &rest[end..]);
    }
    let hint = if raw.contains("quoted scalar") {
        "et anførselstegn bliver ikke lukket: sæt \" i slutningen af teksten"
    } else {
        "tjek indrykning, kolon efter hvert feltnavn og anførselstegn om tekst, der indeholder `:` eller `#`"
    };
    YamlProblem {
        code: "invalid-yaml",
        line,
        column,
        message: format!("ugyldig YAML: {}", danish::yaml_message(&message)),
        hint: hint.into(),
        unknown_field: unknown_field_name(&raw),
    }
}

/// The field named by serde's "unknown field `x`, expected …", if that is the message.
fn unknown_field_name(msg: &str) -> Option<String> {
    let rest = msg.split("unknown field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// Every "line L column C" pair in a YAML error message.
fn yaml_positions(msg: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut rest = msg;
    while let Some(i) = rest.find("line ") {
        rest = &rest[i + 5..];
        let l: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if let Some(j) = rest.find("column ") {
            let c: String = rest[j + 7..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let (Ok(l), Ok(c)) = (l.parse(), c.parse()) {
                out.push((l, c));
            }
        }
    }
    out
}

fn parse_mapping(
    yaml: &str,
    first_line: usize,
) -> Result<Vec<(String, yaml_serde::Value, usize)>, YamlProblem> {
    if yaml.trim().is_empty() {
        return Ok(Vec::new());
    }
    let value: yaml_serde::Value =
        yaml_serde::from_str(yaml).map_err(|e| to_problem(&e, first_line))?;
    let map = match value {
        yaml_serde::Value::Mapping(m) => m,
        yaml_serde::Value::Null => return Ok(Vec::new()),
        _ => {
            return Err(YamlProblem {
                code: "not-a-mapping",
                line: first_line,
                column: Some(1),
                message: "front matter skal være en liste af felter (`navn: værdi`)".into(),
                hint: "skriv hvert felt på sin egen linje, fx `title: \"Min side\"`".into(),
                unknown_field: None,
            })
        }
    };
    let lines = top_level_key_lines(yaml, first_line);
    let mut keys = Vec::new();
    for (k, v) in map {
        let key = match k {
            yaml_serde::Value::String(s) => s,
            other => yaml_serde::to_string(&other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        let line = lines
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, l)| *l)
            .unwrap_or(first_line);
        keys.push((key, v, line));
    }
    Ok(keys)
}

/// Lines of top-level keys: a line at indent 0 that looks like `key:`.
fn top_level_key_lines(yaml: &str, first_line: usize) -> Vec<(&str, usize)> {
    yaml.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            if l.starts_with([' ', '\t', '#', '-']) {
                return None;
            }
            let colon = l.find(':')?;
            let key = l[..colon].trim().trim_matches(['"', '\'']);
            (!key.is_empty()).then_some((key, first_line + i))
        })
        .collect()
}

impl<'a> FrontMatter<'a> {
    /// Typed access to the keys, recording which were read.
    pub fn fields(&self) -> Fields<'_, 'a> {
        Fields {
            fm: self,
            used: Vec::new(),
        }
    }

    /// Best-effort file line of `child` nested under top-level `parent`.
    pub fn nested_line(&self, parent: &str, child: &str) -> Option<usize> {
        let parent_line = self.keys.iter().find(|(k, _, _)| k == parent)?.2;
        let start = parent_line - self.yaml_first_line + 1;
        for (i, l) in self.yaml.lines().enumerate().skip(start) {
            if !l.starts_with([' ', '\t', '-']) && !l.trim().is_empty() {
                break;
            }
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            if let Some(rest) = t.strip_prefix(child) {
                if rest.trim_start().starts_with(':') {
                    return Some(self.yaml_first_line + i);
                }
            }
        }
        None
    }
}

/// A failed typed read of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub key: String,
    pub line: usize,
    pub message: String,
}

/// Typed, per-key access to a front-matter block, so that every bad field is reported, not
/// just the first one serde would stop at.
pub struct Fields<'f, 'a> {
    fm: &'f FrontMatter<'a>,
    used: Vec<&'static str>,
}

impl Fields<'_, '_> {
    /// The line of `key`, or the opening `---` when it is absent.
    pub fn line(&self, key: &str) -> usize {
        self.fm
            .keys
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, l)| *l)
            .unwrap_or(self.fm.open_line)
    }

    pub fn has(&self, key: &str) -> bool {
        self.fm.keys.iter().any(|(k, _, _)| k == key)
    }

    /// Read an optional field. `Ok(None)` when absent (or explicitly null).
    pub fn get<T: DeserializeOwned>(
        &mut self,
        key: &'static str,
        expected: &str,
    ) -> Result<Option<T>, FieldProblem> {
        self.used.push(key);
        let Some((_, value, line)) = self.fm.keys.iter().find(|(k, _, _)| k == key) else {
            return Ok(None);
        };
        if value.is_null() {
            return Ok(None);
        }
        yaml_serde::from_value::<T>(value.clone())
            .map(Some)
            .map_err(|e| {
                let raw = e.to_string();
                let detail = danish::value_message(raw.split(" at line ").next().unwrap_or(&raw));
                FieldProblem {
                    key: key.to_string(),
                    line: *line,
                    message: format!("`{key}` skal være {expected} ({detail})"),
                }
            })
    }

    /// Keys present in the block that no `get` asked for, with their lines.
    pub fn unknown_keys(&self) -> Vec<(String, usize)> {
        self.fm
            .keys
            .iter()
            .filter(|(k, _, _)| !self.used.iter().any(|u| u == k))
            .map(|(k, _, l)| (k.clone(), *l))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_yaml_lines_to_file_lines_with_leading_blank_lines() {
        let text = "\n\n---\ntitle: \"A\"\nsummary: \"B\"\n---\nBody\n";
        let fm = parse(text).unwrap();
        assert_eq!(fm.open_line, 3);
        assert_eq!(fm.keys[0].2, 4);
        assert_eq!(fm.keys[1].2, 5);
        assert_eq!(fm.body_first_line, 7);
        assert_eq!(fm.body, "Body\n");
    }

    #[test]
    fn yaml_syntax_error_points_at_file_line() {
        // Line 4 of the file has an unclosed quote / bad mapping.
        let text = "---\ntitle: \"A\"\nsummary: \"B\"\nweight: [1, 2\n---\n";
        let err = parse(text).unwrap_err();
        assert!(err.message.starts_with("ugyldig YAML"), "{err:?}");
        assert!((4..=5).contains(&err.line), "line {}", err.line);
    }

    #[test]
    fn unclosed_quote_points_at_the_opening_quote() {
        let err = parse("---\ntitle: \"A\"\nsummary: \"B\nfocus_area: 1\n---\n").unwrap_err();
        assert_eq!((err.line, err.column), (3, Some(10)));
        assert!(!err.message.contains("at line"), "{}", err.message);
        assert!(err.hint.contains("anførselstegn"));
    }

    #[test]
    fn yaml_error_line_is_shifted_by_leading_blank_lines() {
        let a = parse("---\ntitle: a: b\n---\n").unwrap_err();
        let b = parse("\n\n---\ntitle: a: b\n---\n").unwrap_err();
        assert_eq!(a.line, 2);
        assert_eq!(b.line, 4);
    }

    #[test]
    fn missing_and_unclosed_front_matter() {
        assert_eq!(
            parse("# Hej\n").unwrap_err().message,
            "filen mangler front matter"
        );
        assert_eq!(parse("").unwrap_err().message, "filen er tom");
        assert_eq!(
            parse("---\ntitle: a\n").unwrap_err().message,
            "front matter bliver aldrig lukket"
        );
    }

    #[test]
    fn typed_fields_report_type_errors_and_unknown_keys() {
        let fm = parse("---\ntitle: \"A\"\nweight: tung\ntitel: x\n---\n").unwrap();
        let mut f = fm.fields();
        assert_eq!(
            f.get::<String>("title", "tekst").unwrap().as_deref(),
            Some("A")
        );
        let err = f.get::<i64>("weight", "et heltal").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.starts_with("`weight` skal være et heltal"));
        assert_eq!(f.unknown_keys(), vec![("titel".to_string(), 4)]);
    }

    #[test]
    fn finds_nested_key_lines() {
        let fm =
            parse("---\ntitle: a\ncontact:\n  phones:\n    - number: \"1\"\n  address: x\n---\n")
                .unwrap();
        assert_eq!(fm.nested_line("contact", "address"), Some(6));
        assert_eq!(fm.nested_line("contact", "number"), Some(5));
        assert_eq!(fm.nested_line("contact", "email"), None);
    }
}
