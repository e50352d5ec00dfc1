//! `vejviser init`: a new site for one municipality, written from the default content that
//! is compiled into the binary.
//!
//! The default content is national (Lev Uden Vold's practices, the national lines, the
//! knowledge pages) plus Copenhagen's own entries, each marked `municipality: København`.
//! A new site gets the national entries with their verification (it belongs to the national
//! source) and none of another municipality's local entries. site.yaml gets the new
//! municipality's name and empty, marked fields for what only the municipality can check:
//! its phone number, website and accessibility statement. Nothing is dated as checked that
//! the municipality has not checked itself.
//!
//! The theme is not copied: the default theme is in the binary, and a site overrides a file
//! only by putting it under `themes/default/`.

use crate::frontmatter;
use crate::locality::same_municipality;
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

static DEFAULT_CONTENT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content");
static DEFAULT_SITE_YAML: &str = include_str!("../site.yaml");

/// What `init` wrote and left out.
#[derive(Debug, Default)]
pub struct InitReport {
    /// Files written, relative to the new site's folder.
    pub written: Vec<String>,
    /// Local entries of other municipalities that were left out, with whose they are.
    pub left_out: Vec<(String, Vec<String>)>,
}

/// Why `init` could not write the site.
#[derive(Debug)]
pub enum InitError {
    /// The folder exists and is not empty: init never overwrites a site.
    NotEmpty(PathBuf),
    /// The municipality's name is empty or has characters that do not belong in a name.
    BadName(String),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InitError::NotEmpty(p) => write!(
                f,
                "mappen {} findes og er ikke tom; vælg en ny mappe med --dir, så intet bliver overskrevet",
                p.display()
            ),
            InitError::BadName(n) => write!(
                f,
                "`{n}` er ikke et kommunenavn; skriv navnet uden \"Kommune\", fx --kommune \"Randers\""
            ),
            InitError::Io(p, e) => write!(f, "kunne ikke skrive {}: {e}", p.display()),
        }
    }
}

/// The municipalities an entry's front matter says it belongs to (`municipality: København`
/// or a list). Empty for a national entry, and for a file without readable front matter
/// (the build reports that).
pub fn entry_municipalities(text: &str) -> Vec<String> {
    let Ok(fm) = frontmatter::parse(text) else {
        return Vec::new();
    };
    let mut fields = fm.fields();
    if let Ok(Some(one)) = fields.get::<String>("municipality", "") {
        return vec![one];
    }
    fields
        .get::<Vec<String>>("municipality", "")
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Write a new site for municipality `kommune` (its short name, e.g. "Randers") into `dir`.
pub fn init_site(dir: &Path, kommune: &str) -> Result<InitReport, InitError> {
    let kommune = kommune.trim();
    if kommune.is_empty()
        || kommune.len() > 60
        || kommune
            .chars()
            .any(|c| c.is_control() || "\"\\:#{}[]<>/".contains(c))
    {
        return Err(InitError::BadName(kommune.to_string()));
    }
    if let Ok(mut it) = std::fs::read_dir(dir) {
        if it.next().is_some() {
            return Err(InitError::NotEmpty(dir.to_path_buf()));
        }
    }
    let mut report = InitReport::default();
    let write = |rel: &str, bytes: &[u8], report: &mut InitReport| {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| InitError::Io(parent.into(), e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| InitError::Io(path.clone(), e))?;
        report.written.push(rel.to_string());
        Ok::<(), InitError>(())
    };
    for file in all_files(&DEFAULT_CONTENT) {
        let rel = format!("content/{}", file.path().to_string_lossy());
        // A translation (`x.en.md`) belongs where its Danish source (`x.md`) belongs.
        let source = translated_source(file.path()).unwrap_or(file);
        let owners = std::str::from_utf8(source.contents())
            .ok()
            .filter(|_| rel.ends_with(".md"))
            .map(entry_municipalities)
            .unwrap_or_default();
        if !owners.is_empty() && !owners.iter().any(|o| same_municipality(o, kommune)) {
            report.left_out.push((rel, owners));
            continue;
        }
        write(&rel, file.contents(), &mut report)?;
    }
    write("site.yaml", site_yaml_for(kommune).as_bytes(), &mut report)?;
    write(".gitignore", b"public/\n", &mut report)?;
    Ok(report)
}

/// The Danish source of a translation file in the default content (`udsat.en.md` →
/// `udsat.md`), if `path` is one.
fn translated_source(path: &Path) -> Option<&'static include_dir::File<'static>> {
    let name = path.file_name()?.to_str()?;
    let (stem, lang) = name.strip_suffix(".md")?.rsplit_once('.')?;
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    DEFAULT_CONTENT.get_file(path.with_file_name(format!("{stem}.md")))
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<_> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(all_files(d));
    }
    out.sort_by(|a, b| a.path().cmp(b.path()));
    out
}

/// The default site.yaml with its `municipality:` block replaced by one for `kommune`, with
/// the fields only the municipality can fill marked `UDFYLD`.
pub fn site_yaml_for(kommune: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in DEFAULT_SITE_YAML.lines() {
        if line.starts_with("municipality:") {
            skipping = true;
            out.push_str(&municipality_block(kommune));
            continue;
        }
        if skipping {
            // The block ends at the next top-level line (a key or a comment in column 0).
            if line.is_empty() || line.starts_with([' ', '\t']) {
                continue;
            }
            skipping = false;
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn municipality_block(kommune: &str) -> String {
    format!(
        r#"municipality:
  # UDFYLD: tjek kommunens officielle navn, som det skal stå på plakaterne.
  name: "{kommune} Kommune"
  # Det navn, indholdet bruger om kommunen (`municipality: {kommune}` på jeres egne sider).
  short_name: "{kommune}"
  # UDFYLD: kommunens hovednummer, som det står på kommunens egen hjemmeside, fx
  #   phones:
  #     - number: "12 34 56 78"
  #       label: "{kommune} Kommune, hovednummer"
  #   verified:
  #     on: 2027-01-15            # den dag, du tjekkede nummeret
  #     against: "https://…"      # siden, du tjekkede det på
  #     source_date: "2027-01-10" # hvornår siden sidst blev opdateret, eller "unknown"
  #     publisher: "{kommune} Kommune"
  # Indtil da trykkes plakaterne uden kommunens nummer, og build siger det.
  phones: []
  # UDFYLD: kommunens hjemmeside, fx "https://www.….dk"
  website: ""
  # UDFYLD: adressen på kommunens tilgængelighedserklæring (Digitaliseringsstyrelsens WAS-Tool).
  accessibility_statement: ""
  # Valgfrit: kommunens logo til plakaterne, en SVG- eller PNG-fil i sitets mappe.
  # logo: "filer/logo.svg"
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_yaml_gets_the_new_municipality_and_keeps_the_rest() {
        let y = site_yaml_for("Randers");
        assert!(y.contains("  name: \"Randers Kommune\""));
        assert!(y.contains("  short_name: \"Randers\""));
        // Source labels name their publishers (Københavns Kommune among them); the
        // municipality block names no other municipality.
        let block = &y[y.find("\nmunicipality:").unwrap()..y.find("\nquick_exit:").unwrap()];
        assert!(!block.contains("København"), "{block}");
        assert!(!y.contains("33 66 33 66"));
        // The blocks after municipality are kept, with their comments.
        assert!(y.contains("\n# Where the \"Forlad siden\" button leads."));
        assert!(y.contains("\nquick_exit:\n"));
        assert!(y.contains("\nfocus_areas:\n"));
    }

    #[test]
    fn entry_owners_come_from_front_matter() {
        assert_eq!(
            entry_municipalities("---\ntitle: x\nmunicipality: København\n---\n"),
            vec!["København"]
        );
        assert_eq!(
            entry_municipalities("---\ntitle: x\nmunicipality: [København, Hvidovre]\n---\n"),
            vec!["København", "Hvidovre"]
        );
        assert!(entry_municipalities("---\ntitle: x\n---\n").is_empty());
    }

    #[test]
    fn a_name_with_yaml_or_path_characters_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["", "Randers\"", "a/b", "x: y"] {
            assert!(matches!(
                init_site(&dir.path().join("s"), bad),
                Err(InitError::BadName(_))
            ));
        }
    }
}
