//! The booklet of the practices, /praksis/samlet.pdf, read back: its page count, a table
//! of contents (bookmarks and linked entries) naming all 22 practices, internal links,
//! embedded fonts, tagged Danish PDF; and its print page /praksis/samlet/.

use crate::open_data::{default_files, default_loaded};
use crate::print::{assert_fonts_embedded, assert_tagged_danish};
use lopdf::{Document, Object};
use vejviser::entry::Section;

fn pdf() -> Document {
    Document::load_mem(&default_files()["praksis/samlet.pdf"]).expect("a PDF")
}

/// A PDF text string: UTF-16BE with a byte-order mark, or PDFDocEncoding (≈ Latin-1).
fn text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|b| *b as char).collect()
    }
}

/// Every bookmark title, depth first.
fn bookmarks(doc: &Document) -> Vec<String> {
    let deref = |o: &Object| doc.dereference(o).ok().map(|(_, o)| o.clone());
    let mut out = Vec::new();
    let root = doc.catalog().unwrap().get(b"Outlines").ok().and_then(deref);
    let mut stack: Vec<Object> = root
        .and_then(|r| r.as_dict().ok().and_then(|d| d.get(b"First").ok().cloned()))
        .into_iter()
        .collect();
    while let Some(o) = stack.pop() {
        let Some(item) = deref(&o) else { continue };
        let Ok(d) = item.as_dict() else { continue };
        if let Ok(Object::String(t, _)) = d.get(b"Title") {
            out.push(text(t));
        }
        for k in [b"Next".as_slice(), b"First".as_slice()] {
            if let Ok(n) = d.get(k) {
                stack.push(n.clone());
            }
        }
    }
    out
}

/// Internal links (a destination, or a GoTo action) per page number.
fn internal_links(doc: &Document) -> Vec<usize> {
    doc.get_pages()
        .values()
        .map(|id| {
            doc.get_page_annotations(*id)
                .map(|annots| {
                    annots
                        .iter()
                        .filter(|a| {
                            a.has(b"Dest")
                                || a.get(b"A")
                                    .ok()
                                    .and_then(|x| doc.dereference(x).ok())
                                    .and_then(|(_, x)| x.as_dict().ok().cloned())
                                    .is_some_and(|x| {
                                        x.get(b"S").ok().and_then(|s| s.as_name().ok())
                                            == Some(b"GoTo".as_slice())
                                    })
                        })
                        .count()
                })
                .unwrap_or(0)
        })
        .collect()
}

#[test]
fn booklet_has_every_practice_in_its_contents_and_is_tagged_danish() {
    let doc = pdf();
    let pages = doc.get_pages().len();
    assert!((20..=60).contains(&pages), "pages: {pages}");
    let marks = bookmarks(&doc);
    let (loaded, _) = default_loaded();
    let practices: Vec<_> = loaded.site.section(Section::Praksis).collect();
    assert_eq!(practices.len(), 22);
    for e in &practices {
        assert!(
            marks.iter().any(|m| m.ends_with(&e.title)),
            "no contents entry for {}: {marks:?}",
            e.title
        );
    }
    for (n, label) in &loaded.site.config.focus_areas.0 {
        assert!(
            marks.iter().any(|m| m.contains(label)),
            "focus area {n} missing"
        );
    }
    // The contents (page 2) and the criteria matrix link to each practice.
    let links = internal_links(&doc);
    assert!(links[1] >= 22 + 5, "links in the contents: {}", links[1]);
    assert!(
        links.iter().skip(2).any(|n| *n >= 22),
        "the criteria matrix links each practice: {links:?}"
    );
    assert_fonts_embedded(&doc, "samlet.pdf");
    assert_tagged_danish(&doc, "samlet.pdf");
}

#[test]
fn booklet_data_has_the_edition_date_and_every_source() {
    let (loaded, _) = default_loaded();
    let data = vejviser::print::booklet::data(&loaded.site, &loaded.theme.strings);
    assert_eq!(data["edition"], "Udgave 2. december 2026");
    let all: Vec<&serde_json::Value> = data["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["practices"].as_array().unwrap())
        .collect();
    assert_eq!(all.len(), 22);
    for p in all {
        assert!(
            p["source"].as_str().is_some_and(|s| !s.is_empty()),
            "{}",
            p["slug"]
        );
        assert!(!p["facts"].as_array().unwrap().is_empty(), "{}", p["slug"]);
    }
}

#[test]
fn print_page_lists_every_practice_and_links_the_pdf() {
    let html = String::from_utf8(default_files()["praksis/samlet/index.html"].clone()).unwrap();
    let (loaded, _) = default_loaded();
    for e in loaded.site.section(Section::Praksis) {
        assert!(
            html.contains(&format!("<h3 id=\"{}\">", e.slug)),
            "{}",
            e.slug
        );
    }
    assert!(html.contains("href=\"/praksis/samlet.pdf\""));
    let section = String::from_utf8(default_files()["praksis/index.html"].clone()).unwrap();
    assert!(section.contains("href=\"/praksis/samlet/\""));
}
