//! Markdown → safe HTML and plain text. The only module that imports pulldown-cmark and
//! ammonia.
//!
//! Raw HTML is allowed (editors paste from Word) but sanitised: scripts, event handlers,
//! `style`, and `javascript:` URLs never reach the output. Site-internal links (`/…`) are
//! collected with their file line so the render stage can check them, and are prefixed with
//! the site's base path.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone)]
pub struct InternalLink {
    pub target: String,
    /// File line of the link.
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    /// Plain text of the body, for search and snippets.
    pub text: String,
    pub links: Vec<InternalLink>,
    /// Relative links (`../partnere/x/`, `x.md`): they break on one page or another.
    pub relative_links: Vec<InternalLink>,
    /// Whether sanitising removed anything (script, handler, javascript: URL …).
    pub removed_unsafe: bool,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// Render `body`, which starts on file line `first_line`.
pub fn render(body: &str, first_line: usize, base_path: &str) -> Rendered {
    render_hiding(
        body,
        first_line,
        base_path,
        &std::collections::HashSet::new(),
    )
}

/// Render, showing links to the site directories in `hidden` (drafts left out of the
/// build, `praksis/x/`) as their plain text: never a link to a page that is not there.
pub fn render_hiding(
    body: &str,
    first_line: usize,
    base_path: &str,
    hidden: &std::collections::HashSet<String>,
) -> Rendered {
    let scanned = scan(body, first_line);
    let out_events = rewrite(&scanned.events, base_path, hidden);
    let mut raw = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, out_events.into_iter());
    // pulldown-cmark escapes text and attributes, so its HTML is safe by construction except
    // for raw HTML and link schemes: only then is the (costly) sanitiser needed.
    let needs_sanitizing = scanned.has_raw_html || scanned.unsafe_url;
    let (html, removed_unsafe) = if needs_sanitizing {
        (sanitize(&raw), looks_unsafe(&raw))
    } else {
        (raw, false)
    };
    Rendered {
        html,
        text: collapse_ws(&scanned.text),
        links: scanned.links,
        relative_links: scanned.relative_links,
        removed_unsafe,
    }
}

/// What one pass over the parsed body finds: its events, its links with their file lines,
/// its plain text, and whether it has raw HTML or an unsafe link scheme.
struct Scan<'b> {
    events: Vec<Event<'b>>,
    links: Vec<InternalLink>,
    relative_links: Vec<InternalLink>,
    text: String,
    has_raw_html: bool,
    unsafe_url: bool,
}

fn scan(body: &str, first_line: usize) -> Scan<'_> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;
    let mut s = Scan {
        events: Vec::new(),
        links: Vec::new(),
        relative_links: Vec::new(),
        text: String::with_capacity(body.len()),
        has_raw_html: false,
        unsafe_url: false,
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with('/') => {
                s.links.push(InternalLink {
                    target: dest_url.to_string(),
                    line: line_of(range.start),
                });
            }
            Event::Start(Tag::Link { dest_url, .. })
                if !dest_url.is_empty()
                    && !dest_url.starts_with('#')
                    && !dest_url.contains(':') =>
            {
                s.relative_links.push(InternalLink {
                    target: dest_url.to_string(),
                    line: line_of(range.start),
                });
            }
            Event::Text(t) | Event::Code(t) => s.text.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => s.text.push('\n'),
            Event::Html(_) | Event::InlineHtml(_) => s.has_raw_html = true,
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !is_safe_url(dest_url) =>
            {
                s.unsafe_url = true
            }
            _ => {}
        }
        s.events.push(event);
    }
    s
}

/// Give headings ids (anchors) and shift them down a level, prefix internal links with the
/// base path, and drop the link tags (not the text) of links to hidden drafts.
fn rewrite<'b>(
    events: &[Event<'b>],
    base_path: &str,
    hidden: &std::collections::HashSet<String>,
) -> Vec<Event<'b>> {
    let mut out_events: Vec<Event> = Vec::with_capacity(events.len());
    // Set between the start and end of a link to a hidden draft, whose tags are dropped.
    let mut skip_link_end = false;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                id,
            }) => {
                let id = id.clone().or_else(|| {
                    let slug = crate::slug::slugify(&heading_text(&events[i + 1..]));
                    // A heading in a script slugs do not keep (Arabic) gets a numbered id,
                    // unique on its page.
                    Some(CowStr::from(if slug.is_empty() {
                        format!("afsnit-{i}")
                    } else {
                        slug
                    }))
                });
                out_events.push(Event::Start(Tag::Heading {
                    level: shift_level(*level),
                    id,
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                out_events.push(Event::End(TagEnd::Heading(shift_level(*level))))
            }
            Event::Start(Tag::Link { dest_url, .. })
                if !hidden.is_empty()
                    && crate::urls::dir_of_site_path(dest_url)
                        .is_some_and(|d| hidden.contains(&d)) =>
            {
                skip_link_end = true;
            }
            Event::End(TagEnd::Link) if skip_link_end => {
                skip_link_end = false;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with('/') && !base_path.is_empty() => {
                out_events.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: CowStr::from(format!("{base_path}{dest_url}")),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            e => out_events.push(e.clone()),
        }
    }
    out_events
}

/// The text of a heading, from the events after its start up to its end.
fn heading_text(after_start: &[Event]) -> String {
    let mut title = String::new();
    for e in after_start {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => title.push_str(t),
            _ => {}
        }
    }
    title
}

/// `#` in a body would compete with the page title: the body's top level becomes h2.
fn shift_level(l: HeadingLevel) -> HeadingLevel {
    match l {
        HeadingLevel::H1 => HeadingLevel::H2,
        other => other,
    }
}

/// Relative links, fragments and the schemes we allow.
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    match lower.find(':') {
        None => true,
        Some(i) => {
            // A colon after a `/`, `?` or `#` is part of a path, not a scheme.
            lower[..i].contains(['/', '?', '#'])
                || ["http", "https", "mailto", "tel"].contains(&&lower[..i])
        }
    }
}

fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

fn looks_unsafe(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    lower.contains("<script")
        || lower.contains("javascript:")
        || lower.contains("<iframe")
        || lower.contains("<style")
        || lower.contains("<object")
        || lower.contains("<embed")
        || has_event_handler(&lower)
}

fn has_event_handler(lower: &str) -> bool {
    // ` on<letters>=` inside a tag.
    let b = lower.as_bytes();
    let mut in_tag = false;
    for i in 0..b.len() {
        match b[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            c if in_tag
                && c.is_ascii_whitespace()
                && b.get(i + 1) == Some(&b'o')
                && b.get(i + 2) == Some(&b'n') =>
            {
                let rest = &b[i + 3..];
                let n = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                if n > 0 && rest[n..].iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'=') {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !l.is_empty() {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// Plain text of a short Markdown string (a summary), without HTML.
pub fn plain(s: &str) -> String {
    render(s, 1, "").text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_scripts_handlers_and_javascript_urls() {
        let r = render(
            "Hej <script>alert(1)</script>\n\n<p onclick=\"steal()\">tekst</p>\n\n[klik](javascript:alert(1))\n",
            5,
            "",
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(r.html.contains("tekst"));
        assert!(r.removed_unsafe);
    }

    #[test]
    fn markdown_links_with_unsafe_schemes_are_sanitised() {
        let r = render(
            "[a](JavaScript:alert(1)) [b](data:text/html,x) [c](/ok:x) [d](tel:112)\n",
            1,
            "",
        );
        assert!(!r.html.to_lowercase().contains("javascript:"), "{}", r.html);
        assert!(!r.html.contains("data:"), "{}", r.html);
        assert!(r.html.contains("href=\"/ok:x\""), "{}", r.html);
        assert!(r.html.contains("href=\"tel:112\""), "{}", r.html);
    }

    #[test]
    fn safe_markdown_is_not_flagged() {
        let r = render(
            "## Indhold\n\nEn *god* praksis med [link](https://example.org).\n",
            1,
            "",
        );
        assert!(!r.removed_unsafe);
        assert!(
            r.html.contains("<h2 id=\"indhold\">Indhold</h2>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn collects_internal_links_with_file_lines_and_prefixes_base_path() {
        let r = render(
            "Første linje.\n\nSe [Danner](/partnere/danner/) her.\n",
            10,
            "/vold",
        );
        assert_eq!(r.links.len(), 1);
        assert_eq!(r.links[0].target, "/partnere/danner/");
        assert_eq!(r.links[0].line, 12);
        assert!(
            r.html.contains("href=\"/vold/partnere/danner/\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn body_h1_becomes_h2_and_text_is_plain() {
        let r = render("# Titel\n\nTekst med **fed**.\n", 1, "");
        assert!(r.html.contains("<h2"));
        assert_eq!(r.text, "Titel\nTekst med fed.\n");
    }
}
