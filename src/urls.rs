//! One function per page kind: where a page is written (relative output path) and its
//! permalink. Templates, search and print all go through here, so a link is computed in
//! exactly one place.

use crate::section::Section;

/// Output directory of a page, relative to the site root, ending in `/` (or empty for home).
/// The file written is `<dir>index.html`.
pub fn entry_dir(section: Section, slug: &str) -> String {
    format!("{}/{}/", section.dir(), slug)
}

pub fn section_dir(section: Section) -> String {
    format!("{}/", section.dir())
}

pub fn focus_area_dir(n: &str) -> String {
    format!("praksis/fokusomraade/{n}/")
}
pub fn focus_areas_dir() -> String {
    "praksis/fokusomraade/".into()
}
pub fn municipality_dir(slug: &str) -> String {
    format!("praksis/kommune/{slug}/")
}
pub fn municipalities_dir() -> String {
    "praksis/kommune/".into()
}
pub fn criterion_dir(n: &str) -> String {
    format!("praksis/kriterium/{n}/")
}
/// The practices × criteria matrix.
pub fn criteria_matrix_dir() -> String {
    "praksis/kriterium/".into()
}
pub fn target_group_dir(slug: &str) -> String {
    format!("praksis/maalgruppe/{slug}/")
}
pub fn target_groups_dir() -> String {
    "praksis/maalgruppe/".into()
}
/// Help for one audience: partners and local offers as cards (`/hjaelp/udsat/`).
pub fn audience_dir(slug: &str) -> String {
    format!("hjaelp/{slug}/")
}
/// The comparison of chosen practices; the choice is in the fragment (`#a,b,c`), which
/// never reaches a server.
pub fn compare_dir() -> String {
    "praksis/sammenlign/".into()
}
pub fn help_dir() -> String {
    "hjaelp/".into()
}
pub fn violence_form_dir(slug: &str) -> String {
    format!("hjaelp/voldsform/{slug}/")
}
pub fn violence_forms_dir() -> String {
    "hjaelp/voldsform/".into()
}
/// The print page of all practices (the booklet PDF is `praksis/samlet.pdf`).
pub fn booklet_dir() -> String {
    "praksis/samlet/".into()
}
/// The embeddable help box: `indlejr/<size>/`, or the page about it with `""`.
pub fn embed_dir(size: &str) -> String {
    if size.is_empty() {
        "indlejr/".into()
    } else {
        format!("indlejr/{size}/")
    }
}
pub fn search_dir() -> String {
    "soeg/".into()
}
pub fn posters_dir() -> String {
    "plakater/".into()
}
/// A poster's PDF file for one paper size.
pub fn poster_pdf(slug: &str, size: &str) -> String {
    format!("plakater/{slug}/{slug}-{}.pdf", size.to_ascii_lowercase())
}
pub fn poster_preview(slug: &str) -> String {
    format!("plakater/{slug}/{slug}.png")
}

/// Page `n` of a long list at `dir` (page 1 is `dir` itself).
pub fn page_dir(dir: &str, n: usize) -> String {
    if n <= 1 {
        dir.to_string()
    } else {
        format!("{dir}side/{n}/")
    }
}

/// The permalink path of an output dir under the site's base path.
pub fn link(base_path: &str, dir: &str) -> String {
    format!("{base_path}/{dir}")
}

/// An absolute URL (for sitemap, canonical and QR codes).
pub fn absolute(base_url: &str, dir_or_path: &str) -> String {
    let base = base_url.trim_end_matches('/');
    let path = dir_or_path.trim_start_matches('/');
    format!("{base}/{path}")
}

/// The output directory a site path such as `/partnere/x/` or `/partnere/x` refers to.
/// Fragments are removed; `None` for paths that cannot be a page.
pub fn dir_of_site_path(path: &str) -> Option<String> {
    let p = path.split(['#', '?']).next()?.trim_start_matches('/');
    if p.is_empty() {
        return Some(String::new());
    }
    if p.ends_with(".html")
        || p.ends_with(".xml")
        || p.ends_with(".txt")
        || p.ends_with(".pdf")
        || p.ends_with(".png")
    {
        return Some(p.to_string());
    }
    Some(format!("{}/", p.trim_end_matches('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_permalinks_under_base_path() {
        assert_eq!(
            link("/vold", &entry_dir(Section::Partnere, "danner")),
            "/vold/partnere/danner/"
        );
        assert_eq!(link("", &audience_dir("udsat")), "/hjaelp/udsat/");
        assert_eq!(
            absolute("https://x.dk/vold/", "/hjaelp/"),
            "https://x.dk/vold/hjaelp/"
        );
    }

    #[test]
    fn normalises_site_paths() {
        assert_eq!(
            dir_of_site_path("/partnere/danner").as_deref(),
            Some("partnere/danner/")
        );
        assert_eq!(
            dir_of_site_path("/partnere/danner/#kontakt").as_deref(),
            Some("partnere/danner/")
        );
        assert_eq!(dir_of_site_path("/").as_deref(), Some(""));
    }
}
