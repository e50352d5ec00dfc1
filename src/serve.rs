//! `vejviser serve`: builds into a private temporary directory, serves it on 127.0.0.1,
//! rebuilds when a file under content/, themes/ or site.yaml changes, and tells open pages
//! to reload. It wraps `build`; nothing here is part of the build itself.

use crate::BuildOptions;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

pub const RELOAD_PATH: &str = "/__vejviser/version";
pub const RELOAD_SCRIPT_PATH: &str = "/__vejviser/livereload.js";

/// Run the preview server until the process is stopped.
pub fn serve(
    mut opts: BuildOptions,
    port: u16,
    report: impl Fn(&str) + Send + Sync + 'static,
) -> Result<(), String> {
    let out = std::env::temp_dir().join(format!("vejviser-serve-{}", std::process::id()));
    opts.out = out.clone();
    opts.live_reload = true;
    opts.base_url = Some(format!("http://127.0.0.1:{port}"));
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("kan ikke lytte på 127.0.0.1:{port}: {e}"))?;
    let version = Arc::new(AtomicU64::new(0));
    // The reload script lives in the theme (serve/livereload.js), never in Rust strings.
    let script = {
        let mut d = crate::diag::Diagnostics::new();
        crate::theme::load(&opts.root, "default", "da", &mut d)
            .and_then(|t| t.file("serve/livereload.js").map(|f| f.bytes.clone()))
            .unwrap_or_default()
    };
    let report = Arc::new(report);
    rebuild(&opts, &version, &*report);
    report(&format!(
        "Forhåndsvisning på http://127.0.0.1:{port}/ (stop med Ctrl+C)"
    ));

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            if !matches!(ev.kind, notify::EventKind::Access(_)) {
                let _ = tx.send(ev.paths);
            }
        }
    })
    .map_err(|e| format!("kan ikke overvåge filer: {e}"))?;
    use notify::Watcher;
    for p in [
        opts.root.join("content"),
        opts.root.join("themes"),
        opts.root.join("site.yaml"),
    ] {
        if p.exists() {
            watcher
                .watch(&p, notify::RecursiveMode::Recursive)
                .map_err(|e| format!("kan ikke overvåge {}: {e}", p.display()))?;
        }
    }
    {
        let opts = opts.clone();
        let version = version.clone();
        let report = report.clone();
        std::thread::spawn(move || {
            while let Ok(first) = rx.recv() {
                // Editors' save bursts: wait briefly and take everything that arrived.
                let mut paths = first;
                let deadline = Instant::now() + Duration::from_millis(30);
                while let Ok(more) =
                    rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
                {
                    paths.extend(more);
                }
                if paths.iter().all(|p| is_ignored(p)) {
                    continue;
                }
                rebuild(&opts, &version, &*report);
            }
        });
    }
    for req in server.incoming_requests() {
        let _ = respond(req, &out, &version, &script);
    }
    let _ = watcher;
    Ok(())
}

fn is_ignored(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp")
}

fn rebuild(opts: &BuildOptions, version: &AtomicU64, report: &(dyn Fn(&str) + Send + Sync)) {
    let t = Instant::now();
    match crate::build(opts) {
        Ok(r) => {
            let warnings = r.diagnostics.warning_count();
            version.fetch_add(1, Ordering::SeqCst);
            report(&format!(
                "Bygget {} sider på {} ms{}",
                r.pages,
                t.elapsed().as_millis(),
                if warnings > 0 {
                    format!(" ({warnings} advarsler)")
                } else {
                    String::new()
                }
            ));
        }
        Err(crate::BuildFailure::Content(d)) | Err(crate::BuildFailure::Internal(_, d)) => {
            report(&d.render_report());
            report("Bygningen fejlede; siden viser den seneste gode version.");
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Map a URL path to a file under `root`; `None` for anything that climbs out.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let mut p = root.to_path_buf();
    for part in path.split('/').filter(|s| !s.is_empty()) {
        if part == ".." || part.contains('\\') {
            return None;
        }
        p.push(part);
    }
    if p.is_dir() {
        p.push("index.html");
    }
    Some(p)
}

fn respond(req: tiny_http::Request, root: &Path, version: &AtomicU64, script: &[u8]) -> std::io::Result<()> {
    let url = req.url().to_string();
    if url.starts_with(RELOAD_SCRIPT_PATH) {
        let ct = tiny_http::Header::from_bytes("Content-Type", "text/javascript; charset=utf-8").expect("static header");
        return req.respond(tiny_http::Response::from_data(script.to_vec()).with_header(ct));
    }
    if url.starts_with(RELOAD_PATH) {
        let body = version.load(Ordering::SeqCst).to_string();
        let h = tiny_http::Header::from_bytes("Cache-Control", "no-store").expect("static header");
        return req.respond(tiny_http::Response::from_string(body).with_header(h));
    }
    let (status, file) = match resolve(root, &url) {
        Some(p) if p.is_file() => (200, p),
        _ => (404, root.join("404.html")),
    };
    match std::fs::read(&file) {
        Ok(bytes) => {
            let ct = tiny_http::Header::from_bytes("Content-Type", content_type(&file))
                .expect("static header");
            req.respond(
                tiny_http::Response::from_data(bytes)
                    .with_status_code(status)
                    .with_header(ct),
            )
        }
        Err(_) => req.respond(tiny_http::Response::from_string("404").with_status_code(404)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_climb_out() {
        let root = PathBuf::from("/srv/site");
        assert!(resolve(&root, "/../etc/passwd").is_none());
        assert_eq!(
            resolve(&root, "/a/b.css?x=1").unwrap(),
            PathBuf::from("/srv/site/a/b.css")
        );
    }
}
