//! The municipality's logo for its posters (`municipality.logo` in site.yaml): an SVG or PNG
//! file in the site folder, checked here once so the print stage only places it.

use crate::config::{Config, CONFIG_FILE};
use crate::diag::{Diagnostic, Diagnostics};
use std::path::Path;

/// Larger files make every poster PDF larger; a logo is a few kB as SVG.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone)]
pub struct Logo {
    /// Where the print templates find it: `/logo.svg` or `/logo.png`.
    pub print_path: &'static str,
    pub bytes: Vec<u8>,
}

/// Read and check the configured logo; `None` when none is configured or it is unusable
/// (then with an error naming the site.yaml line).
pub fn load(root: &Path, config: &Config, diags: &mut Diagnostics) -> Option<Logo> {
    let rel = config.municipality.logo.as_deref()?.trim();
    let line = config
        .source_text
        .lines()
        .position(|l| l.trim_start().starts_with("logo:"))
        .map(|i| i + 1);
    let fail = |diags: &mut Diagnostics, msg: String, hint: &str| {
        diags.push(
            Diagnostic::error("config-logo", CONFIG_FILE, msg)
                .at_line(line)
                .hint(hint),
        );
        None
    };
    if rel.is_empty() {
        return fail(
            diags,
            "municipality.logo er tom".into(),
            "skriv stien til logoet i sitets mappe, fx logo: \"filer/logo.svg\", eller fjern linjen",
        );
    }
    let lower = rel.to_ascii_lowercase();
    let print_path = if lower.ends_with(".svg") {
        "/logo.svg"
    } else if lower.ends_with(".png") {
        "/logo.png"
    } else {
        return fail(
            diags,
            format!("municipality.logo `{rel}` er hverken en SVG- eller en PNG-fil"),
            "gem logoet som .svg (bedst: skarpt i alle størrelser) eller .png",
        );
    };
    if Path::new(rel).is_absolute() || rel.split(['/', '\\']).any(|p| p == "..") {
        return fail(
            diags,
            format!("municipality.logo `{rel}` ligger uden for sitets mappe"),
            "læg logoet i sitets mappe og skriv stien derfra, fx logo: \"filer/logo.svg\"",
        );
    }
    let bytes = match std::fs::read(root.join(rel)) {
        Ok(b) => b,
        Err(_) => {
            return fail(
                diags,
                format!("municipality.logo: filen `{rel}` findes ikke"),
                "skriv stien fra mappen med site.yaml, fx logo: \"filer/logo.svg\"",
            )
        }
    };
    if bytes.len() > MAX_LOGO_BYTES {
        return fail(
            diags,
            format!(
                "municipality.logo `{rel}` fylder {} kB; højst {} kB",
                bytes.len() / 1024,
                MAX_LOGO_BYTES / 1024
            ),
            "brug en SVG-udgave af logoet, eller gør PNG-filen mindre (fx 600 pixel bred)",
        );
    }
    let looks_right = match print_path {
        "/logo.png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        _ => std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")),
    };
    if !looks_right {
        return fail(
            diags,
            format!(
                "municipality.logo `{rel}` er ikke en gyldig {} fil",
                &print_path[6..]
            ),
            "gem logoet igen fra et tegneprogram som SVG eller PNG",
        );
    }
    Some(Logo { print_path, bytes })
}
