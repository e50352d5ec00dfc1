//! Publishing settings in site.yaml that are about the site's reuse by others: the open-data
//! licence and publisher (`open_data`), and which web sites may frame the embeddable help box
//! (`embed`). Kept out of config.rs, which reads them and calls [`check`].

use crate::diag::{Diagnostic, Diagnostics};
use serde::{Deserialize, Serialize};

/// site.yaml (config.rs names it too; this module is read by config, not the other way).
const SITE_FILE: &str = "site.yaml";

/// `open_data`: how the files under `/data/` may be reused.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OpenData {
    /// Licence identifier (SPDX / Open Definition), e.g. `CC-BY-4.0`.
    #[serde(default)]
    pub license: Option<String>,
    /// Where the licence text is.
    #[serde(default)]
    pub license_url: Option<String>,
    /// Who publishes the data; the municipality's name when left out.
    #[serde(default)]
    pub publisher: Option<String>,
}

/// `embed`: the "find hjælp" box under `/indlejr/`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Embed {
    /// Origins (`https://www.kommune.dk`) allowed to show the box in an iframe.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
}

impl Embed {
    /// The CSP `frame-ancestors` source list: the site itself and the allowed origins.
    pub fn frame_ancestors(&self) -> String {
        let mut s = String::from("'self'");
        for o in &self.allowed_origins {
            s.push(' ');
            s.push_str(o);
        }
        s
    }
}

/// Whether `o` is an origin a CSP source list can name: scheme, host, optional port, no path.
pub fn is_origin(o: &str) -> bool {
    let Some(rest) = o
        .strip_prefix("https://")
        .or_else(|| o.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// Problems with the two settings; `false` when there were errors.
pub fn check(
    open_data: &OpenData,
    embed: &Embed,
    line_of: &dyn Fn(&str) -> Option<usize>,
    diags: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    if let Some(url) = open_data
        .license_url
        .as_deref()
        .filter(|u| !(u.starts_with("https://") || u.starts_with("http://")))
    {
        diags.push(
            Diagnostic::error(
                "config-license-url",
                SITE_FILE,
                format!("open_data.license_url `{url}` er ikke en webadresse"),
            )
            .at_line(line_of("license_url"))
            .hint("skriv den fulde adresse på licensteksten, fx `https://creativecommons.org/licenses/by/4.0/`"),
        );
        ok = false;
    }
    for o in embed.allowed_origins.iter().filter(|o| !is_origin(o)) {
        diags.push(
            Diagnostic::error(
                "config-embed-origin",
                SITE_FILE,
                format!("embed.allowed_origins: `{o}` er ikke en oprindelse (origin)"),
            )
            .at_line(line_of("allowed_origins"))
            .hint("skriv kun protokol og domæne uden sti og uden / til sidst, fx `https://www.kommune.dk`"),
        );
        ok = false;
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_have_no_path() {
        assert!(is_origin("https://www.kk.dk"));
        assert!(is_origin("http://localhost:8080"));
        assert!(!is_origin("https://www.kk.dk/"));
        assert!(!is_origin("www.kk.dk"));
        assert!(!is_origin("https://www.kk.dk/vold"));
        assert!(!is_origin("https://*.kk.dk"));
        let e = Embed {
            allowed_origins: vec!["https://www.kk.dk".into()],
        };
        assert_eq!(e.frame_ancestors(), "'self' https://www.kk.dk");
    }
}
