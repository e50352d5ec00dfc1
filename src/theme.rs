//! Theme: the default theme is compiled into the binary; a site can override any single
//! file by putting it at the same place under `themes/<name>/`. This module lists the
//! theme's files, loads the UI strings, and gives the render stage a configured Tera.
//!
//! Three sub-trees with distinct readers: `templates/` (render.rs), `static/` (write),
//! `print/` (print.rs). `strings/<lang>.yaml` holds every UI text.

use crate::diag::{Diagnostic, Diagnostics};
use include_dir::{include_dir, Dir};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Path inside the theme (`templates/base.html`).
    pub path: String,
    pub bytes: Vec<u8>,
    /// Where it came from, for diagnostics (`themes/default/templates/base.html` or `(indbygget tema)/…`).
    pub origin: String,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub files: BTreeMap<String, ThemeFile>,
    pub strings: BTreeMap<String, String>,
    /// Static assets: logical name (`style.css`) → hashed output name (`static/style.1a2b3c4d.css`).
    pub assets: BTreeMap<String, String>,
    /// Per page template: the strings it (with base.html and the partials) can show. Every
    /// page's context is serialised when it renders; at 10,000 pages a full copy of every
    /// UI string per page costs a noticeable share of the build.
    template_strings: BTreeMap<String, BTreeMap<String, String>>,
}

impl Theme {
    pub fn file(&self, path: &str) -> Option<&ThemeFile> {
        self.files.get(path)
    }
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a ThemeFile> + 'a {
        self.files
            .values()
            .filter(move |f| f.path.starts_with(prefix))
    }
    pub fn text(&self, path: &str) -> Option<&str> {
        self.file(path)
            .and_then(|f| std::str::from_utf8(&f.bytes).ok())
    }
    /// The strings page template `name` may show (all of them when it looks a key up by a
    /// variable, as in `t[entry.free]`).
    pub fn strings_for(&self, name: &str) -> &BTreeMap<String, String> {
        self.template_strings.get(name).unwrap_or(&self.strings)
    }
}

/// The strings the code shows (page titles, search and poster words, facet labels), besides
/// those the templates name. The theme load refuses a strings file without one of them.
#[rustfmt::skip]
pub const CODE_STRINGS: &[&str] = &[
    "browse_criteria", "browse_focus_areas", "browse_municipalities", "browse_target_groups",
    "compare_title", "criterion", "focus_area", "focus_areas_intro", "help_title",
    "municipalities_intro", "nav_help", "nav_search", "not_found_title", "page",
    "poster_pages_many", "poster_pages_one", "search_title", "section_partnere",
    "section_praksis", "section_viden", "source", "target_groups_intro",
    "violence_form_intro", "violence_forms_intro", "violence_forms_title",
    "search_label", "search_hint", "search_none", "search_one", "search_many", "search_at_least",
    "search_filters", "search_more", "fact_duration", "fact_group_size", "fact_staff",
    "fact_referral", "fact_funding", "section_kvalitetsstandard", "section_plakater",
    "section_hjaelp", "section_praksis_intro", "section_partnere_intro",
    "section_kvalitetsstandard_intro", "section_viden_intro", "section_plakater_intro",
    "facet_section", "facet_focus_area", "facet_municipality", "facet_criterion",
    "facet_target_group", "facet_audience", "facet_violence_form", "facet_offer",
    "facet_kind", "facet_anonymous", "facet_free", "facet_evaluated", "yes", "no", "unknown",
    "evaluated", "poster_draft_mark", "poster_draft_title", "poster_unverified",
    "poster_edition", "poster_qr_to", "poster_draft_watermark", "open_day_and_night",
    "local_heading",
    "data_taxonomy_audiences", "data_taxonomy_violence_forms", "data_taxonomy_offers",
    "data_municipality_description", "data_alert_not_current", "data_fees_free",
    "data_fees_not_free", "data_coverage_national", "jsonld_country",
    "csv_title", "csv_summary", "csv_example", "csv_organisations", "csv_period", "csv_status",
    "csv_ended_on", "csv_source_pages", "csv_source_date", "csv_page", "csv_coverage",
    "csv_phones", "csv_website", "csv_email", "csv_chat", "csv_contact_status",
    "csv_information_date", "csv_verified_on", "csv_verified_against", "csv_status_active",
    "csv_status_paused", "csv_status_ended", "csv_contact_verified", "csv_contact_stale",
    "csv_contact_unverified", "csv_contact_none", "embed_title", "embed_page_title",
    "embed_frame_title", "embed_size_lille", "embed_size_mellem", "embed_size_stor",
    "booklet_title", "booklet_subtitle", "booklet_edition", "booklet_toc", "booklet_matrix",
    "booklet_matrix_intro", "booklet_browse", "booklet_practice_column", "booklet_facts", "booklet_yes_mark",
    "municipalities", "organisations", "target_groups", "period", "criteria", "evaluated",
    "status_paused", "status_ended", "example", "pages",
];

/// The `t.<key>` names a template text uses; `None` when it also looks keys up by a
/// variable (`t[...]`), so it needs every string.
fn string_keys(text: &str) -> Option<Vec<&str>> {
    let bytes = text.as_bytes();
    let mut keys = Vec::new();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    for (i, _) in text.match_indices('t') {
        if i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b'.') {
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'[') => return None,
            Some(b'.') => {
                let start = i + 2;
                let end = text[start..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(text.len(), |n| start + n);
                if end > start {
                    keys.push(&text[start..end]);
                }
            }
            _ => {}
        }
    }
    Some(keys)
}

fn template_strings(
    files: &BTreeMap<String, ThemeFile>,
    strings: &BTreeMap<String, String>,
) -> BTreeMap<String, BTreeMap<String, String>> {
    // The keys of a set of templates; `None` when one of them needs every string.
    let keys_of = |texts: &mut dyn Iterator<Item = &ThemeFile>| -> Option<Vec<String>> {
        let mut keys = Vec::new();
        for f in texts {
            let text = String::from_utf8_lossy(&f.bytes);
            keys.extend(string_keys(&text)?.into_iter().map(str::to_string));
        }
        Some(keys)
    };
    let is_template =
        |f: &&ThemeFile| f.path.starts_with("templates/") && f.path.ends_with(".html");
    // base.html and every partial may be part of any page: their keys once, for all pages.
    let Some(shared) =
        keys_of(&mut files.values().filter(is_template).filter(|f| {
            f.path == "templates/base.html" || f.path.starts_with("templates/partials/")
        }))
    else {
        return BTreeMap::new();
    };
    let mut out = BTreeMap::new();
    for f in files
        .values()
        .filter(is_template)
        .filter(|f| f.path != "templates/base.html" && !f.path.contains("/partials/"))
    {
        let Some(own) = keys_of(&mut std::iter::once(f)) else {
            continue;
        };
        let subset = strings
            .iter()
            .filter(|(k, _)| shared.contains(k) || own.contains(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        out.insert(f.path.trim_start_matches("templates/").to_string(), subset);
    }
    out
}

fn collect_embedded(dir: &Dir<'_>, out: &mut BTreeMap<String, ThemeFile>) {
    for f in dir.files() {
        let path = f.path().to_string_lossy().replace('\\', "/");
        out.insert(
            path.clone(),
            ThemeFile {
                origin: format!("(indbygget tema)/{path}"),
                path,
                bytes: f.contents().to_vec(),
            },
        );
    }
    for d in dir.dirs() {
        collect_embedded(d, out);
    }
}

/// Load the theme named in site.yaml: embedded default, then overrides from `root/themes/<name>/`.
pub fn load(root: &Path, name: &str, language: &str, diags: &mut Diagnostics) -> Option<Theme> {
    let mut files = BTreeMap::new();
    collect_embedded(&DEFAULT_THEME, &mut files);
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        read_theme_dir(&dir, name, &mut files, diags);
    } else if name != "default" {
        diags.push(
            Diagnostic::error("theme-missing", "site.yaml", format!("temaet `{name}` findes ikke i themes/"))
                .hint(format!("opret themes/{name}/ eller fjern `theme:` fra site.yaml for at bruge standardtemaet")),
        );
        return None;
    }
    let strings_path = format!("strings/{language}.yaml");
    let strings = read_strings(&files, name, language, &strings_path, diags)?;
    // Stylesheets ship without comments and indentation: every citizen's page loads one,
    // and the theme's source keeps its comments for the people who edit it.
    for f in files
        .values_mut()
        .filter(|f| f.path.starts_with("static/") && f.path.ends_with(".css"))
    {
        if let Ok(css) = std::str::from_utf8(&f.bytes) {
            f.bytes = minify_css(css).into_bytes();
        }
    }
    // Scripts likewise lose their comments and indentation (the search engine is half
    // comment).
    for f in files
        .values_mut()
        .filter(|f| f.path.starts_with("static/") && f.path.ends_with(".js"))
    {
        if let Ok(js) = std::str::from_utf8(&f.bytes) {
            f.bytes = minify_js(js).into_bytes();
        }
    }
    let mut assets = BTreeMap::new();
    for f in files.values().filter(|f| f.path.starts_with("static/")) {
        let logical = f.path.trim_start_matches("static/").to_string();
        assets.insert(logical.clone(), hashed_name(&logical, &f.bytes));
    }
    if !all_strings_present(&files, &strings, name, &strings_path, diags) {
        return None;
    }
    let template_strings = template_strings(&files, &strings);
    Some(Theme {
        files,
        strings,
        assets,
        template_strings,
    })
}

/// The site's own theme files, over the embedded default theme's (hidden files skipped).
fn read_theme_dir(
    dir: &Path,
    name: &str,
    files: &mut BTreeMap<String, ThemeFile>,
    diags: &mut Diagnostics,
) {
    for e in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !e.file_type().is_file() {
            continue;
        }
        let rel = crate::diag::display_path(e.path().strip_prefix(dir).unwrap_or(e.path()));
        if rel.starts_with('.') || rel.contains("/.") {
            continue;
        }
        match std::fs::read(e.path()) {
            Ok(bytes) => {
                files.insert(
                    rel.clone(),
                    ThemeFile {
                        origin: format!("themes/{name}/{rel}"),
                        path: rel,
                        bytes,
                    },
                );
            }
            Err(err) => diags.push(Diagnostic::error(
                "theme-unreadable",
                format!("themes/{name}/{rel}"),
                format!("kan ikke læse temafilen: {err}"),
            )),
        }
    }
}

/// The UI strings of `language`; `None` (with an error) when the file is missing or bad.
fn read_strings(
    files: &BTreeMap<String, ThemeFile>,
    name: &str,
    language: &str,
    strings_path: &str,
    diags: &mut Diagnostics,
) -> Option<BTreeMap<String, String>> {
    let Some(f) = files.get(strings_path) else {
        diags.push(
            Diagnostic::error("theme-strings", format!("themes/{name}/{strings_path}"), format!("temaet har ingen tekster for sproget `{language}`"))
                .hint("opret filen med alle tekster (kopiér strings/da.yaml fra standardtemaet og oversæt)"),
        );
        return None;
    };
    match crate::frontmatter::parse_document::<BTreeMap<String, String>>(&String::from_utf8_lossy(
        &f.bytes,
    )) {
        Ok(s) => Some(s),
        Err(p) => {
            diags.push(
                Diagnostic::error("theme-strings", &f.origin, p.message)
                    .at(p.line, p.column)
                    .hint(p.hint),
            );
            None
        }
    }
}

/// Every `t.<key>` a template names, and every string the code itself shows, must exist: a
/// missing one would otherwise show its key to readers. Reports each missing one.
fn all_strings_present(
    files: &BTreeMap<String, ThemeFile>,
    strings: &BTreeMap<String, String>,
    name: &str,
    strings_path: &str,
    diags: &mut Diagnostics,
) -> bool {
    let mut missing = false;
    for f in files
        .values()
        .filter(|f| f.path.starts_with("templates/") && f.path.ends_with(".html"))
    {
        let text = String::from_utf8_lossy(&f.bytes);
        for key in string_keys(&text).unwrap_or_default() {
            if !strings.contains_key(key) {
                let line = text
                    .lines()
                    .position(|l| l.contains(&format!("t.{key}")))
                    .map(|i| i + 1);
                diags.push(
                    Diagnostic::error(
                        "theme-string",
                        &f.origin,
                        format!(
                            "skabelonen bruger teksten `t.{key}`, som ikke findes i {strings_path}"
                        ),
                    )
                    .at_line(line)
                    .hint(format!("tilføj `{key}: \"…\"` i temaets {strings_path}")),
                );
                missing = true;
            }
        }
    }
    for key in CODE_STRINGS {
        if !strings.contains_key(*key) {
            diags.push(
                Diagnostic::error(
                    "theme-string",
                    format!("themes/{name}/{strings_path}"),
                    format!("vejviser bruger teksten `{key}`, som ikke findes i {strings_path}"),
                )
                .hint(format!(
                    "tilføj `{key}: \"…\"` (se standardtemaets strings/da.yaml)"
                )),
            );
            missing = true;
        }
    }
    !missing
}

/// Drop comments and collapse whitespace; spaces next to `{`, `}`, `;` and `,` go too.
/// Nothing else changes (a space can be a descendant combinator, so others stay).
pub fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => {
                rest = "";
            }
        }
        without_comments.push(' ');
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let chars: Vec<char> = collapsed.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let tight = |x: Option<char>| matches!(x, Some('{' | '}' | ';' | ','));
            if tight(prev) || tight(next) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Drop whole-line comments (`// …` lines, and `/* … */` blocks whose first line starts
/// with `/*` and whose last ends with `*/`), blank lines and indentation; every other line
/// stays as it is, each on a line of its own (so automatic semicolons cannot change). A
/// script whose kept lines hold a template literal or a line continuation, or with code
/// after a block comment on the same line, is left whole: a line there need not be what it
/// seems. (The first backtick or continuation that is code sits on a line that is kept.)
pub fn minify_js(js: &str) -> String {
    let out = strip_js_lines(js);
    if out.contains('`') || out.lines().any(|l| l.ends_with('\\')) {
        return js.to_string();
    }
    out
}

fn strip_js_lines(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.lines() {
        let t = line.trim();
        if in_block {
            match t.find("*/") {
                Some(i) if i + 2 == t.len() => in_block = false,
                Some(_) => return js.to_string(),
                None => {}
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("/*") {
            match rest.find("*/") {
                None => in_block = true,
                Some(i) if i + 2 == rest.len() => {}
                Some(_) => {
                    out.push_str(t);
                    out.push('\n');
                }
            }
            continue;
        }
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}

/// `static/style.css` with content → `static/style.<8 hex>.css`: safe to cache forever.
pub fn hashed_name(logical: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    match logical.rsplit_once('.') {
        Some((stem, ext)) => format!("static/{stem}.{hex}.{ext}"),
        None => format!("static/{logical}.{hex}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_lose_comment_lines_and_indentation_and_nothing_else() {
        let js = "/* Head\n * more\n */\n(function () {\n  // note\n  var a = \"// not\";\n\n  /* one */\n  /* x */ f();\n  return a; // kept\n})();\n";
        assert_eq!(
            minify_js(js),
            "(function () {\nvar a = \"// not\";\n/* x */ f();\nreturn a; // kept\n})();\n"
        );
        let template = "var s = `\n  // inside\n`;\n";
        assert_eq!(minify_js(template), template);
        let after = "/* a\n b */ f();\n";
        assert_eq!(minify_js(after), after);
    }

    #[test]
    fn stylesheets_lose_comments_and_indentation_but_keep_combinators() {
        let css = "/* note */\n.a .b > .c,\n.d {\n  color: red;\n  margin: 0 auto;\n}\n@media print { .e { content: \" (\" attr(href) \")\"; } }\n";
        assert_eq!(
            minify_css(css),
            ".a .b > .c,.d{color: red;margin: 0 auto;}@media print{.e{content: \" (\" attr(href) \")\";}}"
        );
    }

    #[test]
    fn finds_the_string_keys_a_template_uses() {
        assert_eq!(
            string_keys("{{ t.free }} {{ site.t.x }} {% if t.yes_no %}{{ at.b }}{% endif %}"),
            Some(vec!["free", "yes_no"])
        );
        assert_eq!(string_keys("{{ t[entry.free] }}"), None);
    }

    #[test]
    fn hashes_names_by_content() {
        let a = hashed_name("style.css", b"body{}");
        let b = hashed_name("style.css", b"body{color:red}");
        assert!(a.starts_with("static/style.") && a.ends_with(".css"));
        assert_ne!(a, b);
        assert_eq!(a, hashed_name("style.css", b"body{}"));
    }

    #[test]
    fn embedded_default_theme_has_templates_and_strings() {
        let mut d = Diagnostics::new();
        let t = load(Path::new("/nonexistent"), "default", "da", &mut d).expect("theme");
        assert!(t.file("templates/base.html").is_some());
        assert!(t.strings.contains_key("quick_exit"));
        assert!(t.assets.contains_key("style.css"));
    }
}
