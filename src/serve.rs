//! `vejviser serve`: a preview server on 127.0.0.1 that rebuilds when a file under content/,
//! themes/ or site.yaml changes and tells open pages to reload. It wraps the build stages;
//! nothing here is part of the build itself.
//!
//! To keep the edit → reload loop fast at thousands of entries, a change costs what it
//! changed: the load cache (`incremental.rs`) re-reads and re-validates only files whose
//! modification time or size changed, and keeps the others' entries (shared `Arc`s); the
//! prepare cache re-renders the Markdown and views of changed entries only; when only
//! Markdown changed the last plan stands and only the changed entries' own pages are planned
//! again; the link cache re-checks only their links. Cross-entry checks (duplicates,
//! references, links) still run over the whole site. Then the version the page polls is
//! bumped. The plan is kept until the next change, with its pages by path: an HTML page is
//! rendered on request from memory without planning again. A full in-memory build (search
//! index, posters, every page) follows in the background and serves every other file.
//! Nothing is written to disk. `VEJVISER_PROFILE=1` prints each rebuild's stage timings.

use crate::diag::Diagnostics;
use crate::incremental::LoadCache;
use crate::loaded::LoadedSite;
use crate::options::BuildOptions;
use crate::render::{self, Plan, PrepareCache, Prepared, RenderOptions};
use crate::stages::{self, Stages};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use yoke::Yoke;

pub const RELOAD_PATH: &str = "/__vejviser/version";
pub const RELOAD_SCRIPT_PATH: &str = "/__vejviser/livereload.js";

/// The last good build, as the server sees it.
struct Current {
    /// The rebuild this is from.
    generation: u64,
    loaded: Arc<LoadedSite>,
    tera: Arc<tera::Tera>,
    /// The pages of the site, planned once per rebuild (not per request), by path.
    plan: Arc<SitePlan>,
    /// When only some entries' Markdown changed since `plan` was made: their own pages,
    /// planned again (`render::changed_entry_pages`); they go before `plan`'s.
    overlay: Option<Arc<SitePlan>>,
    /// Every file of the last full build (assets, search index, posters, pages).
    files: Arc<HashMap<String, Vec<u8>>>,
}

type SitePlan = Yoke<Plan<'static>, Arc<PlanInputs>>;

/// What a plan borrows from: kept alive together with it.
struct PlanInputs {
    /// The load cache key it was loaded under (config, date, options, theme files).
    key: u64,
    loaded: Arc<LoadedSite>,
    prepared: Prepared,
    ropts: RenderOptions,
}

struct Server {
    opts: BuildOptions,
    current: RwLock<Option<Current>>,
    version: AtomicU64,
    /// Validated entries and themes by file, with their stamps: an edit re-reads and
    /// re-validates only what changed.
    load_cache: Mutex<LoadCache>,
    /// The templates, parsed once per theme (kept while the load cache key stands).
    tera: Mutex<Option<(u64, Arc<tera::Tera>)>>,
    md_cache: Mutex<PrepareCache>,
    /// Each entry's link diagnostics, checked again only when its Markdown or the site's
    /// pages changed.
    link_cache: Mutex<crate::links::LinkCache>,
    /// Print each rebuild's stage timings (`VEJVISER_PROFILE=1`).
    profile: bool,
    script: Vec<u8>,
    /// Incremented per rebuild so a slow background full build never overwrites a newer one.
    generation: AtomicU64,
    /// A background full build is running / another one is wanted.
    full_running: AtomicBool,
    full_pending: AtomicBool,
    /// Threads for background full builds (one: the other core stays free for edits).
    background: Option<rayon::ThreadPool>,
    /// While the last edit does not build: the error page every page request gets, so an
    /// editor sees what is wrong instead of the old page (as Zola and Vite do).
    errors: RwLock<Option<Vec<u8>>>,
    /// The theme's `serve/errors.html`.
    errors_template: String,
}

/// Run the preview server until the process is stopped.
/// A Danish message for a port that cannot be used, with what to do (the OS's own text is
/// English and names no fix).
fn bind_error(port: u16, e: &(dyn std::error::Error + Send + Sync + 'static)) -> String {
    let kind = e.downcast_ref::<std::io::Error>().map(std::io::Error::kind);
    match kind {
        Some(std::io::ErrorKind::AddrInUse) => format!(
            "port {port} er allerede i brug (kører vejviser serve eller en anden server allerede?)\n  = hjælp: vælg en anden port, fx `vejviser serve --port {}`",
            port.wrapping_add(1).max(1024)
        ),
        Some(std::io::ErrorKind::PermissionDenied) => format!(
            "du har ikke lov til at bruge port {port}\n  = hjælp: vælg en port over 1023, fx `vejviser serve --port 1111`"
        ),
        _ => format!(
            "kan ikke starte forhåndsvisningen på 127.0.0.1:{port}\n  = hjælp: prøv en anden port med `vejviser serve --port <nummer>`"
        ),
    }
}

pub fn serve(
    mut opts: BuildOptions,
    port: u16,
    report: impl Fn(&str) + Send + Sync + 'static,
) -> Result<(), String> {
    opts.live_reload = true;
    opts.base_url = Some(format!("http://127.0.0.1:{port}"));
    let http = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| bind_error(port, &*e))?;
    // The reload script and the error page live in the theme (serve/), never in Rust
    // strings.
    let (script, errors_template) = {
        let mut d = Diagnostics::new();
        let theme = crate::theme::load(&opts.root, "default", "da", &mut d);
        let file = |name: &str| {
            theme
                .as_ref()
                .and_then(|t| t.file(name).map(|f| f.bytes.clone()))
                .unwrap_or_default()
        };
        (
            file("serve/livereload.js"),
            String::from_utf8_lossy(&file("serve/errors.html")).into_owned(),
        )
    };
    let server = Arc::new(Server {
        opts,
        current: RwLock::new(None),
        version: AtomicU64::new(0),
        load_cache: Mutex::new(LoadCache::new()),
        tera: Mutex::new(None),
        md_cache: Mutex::new(PrepareCache::new()),
        link_cache: Mutex::new(crate::links::LinkCache::new()),
        profile: stages::profiling(),
        script,
        generation: AtomicU64::new(0),
        full_running: AtomicBool::new(false),
        full_pending: AtomicBool::new(false),
        background: rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "vejviser-full-build".into())
            .build()
            .ok(),
        errors: RwLock::new(None),
        errors_template,
    });
    let report: Arc<dyn Fn(&str) + Send + Sync> = Arc::new(report);
    server.rebuild(&report, true, Vec::new());
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
    let root = server.opts.root.clone();
    for p in [
        root.join("content"),
        root.join("themes"),
        root.join("site.yaml"),
    ] {
        if p.exists() {
            watcher
                .watch(&p, notify::RecursiveMode::Recursive)
                .map_err(|e| format!("kan ikke overvåge {}: {e}", p.display()))?;
        }
    }
    {
        let server = server.clone();
        let report = report.clone();
        std::thread::spawn(move || {
            while let Ok(first) = rx.recv() {
                // Editors' save bursts: take everything that arrives within a few ms.
                let mut paths = first;
                let deadline = Instant::now() + Duration::from_millis(5);
                while let Ok(more) =
                    rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
                {
                    paths.extend(more);
                }
                if paths.iter().all(|p| is_ignored(p)) {
                    continue;
                }
                server.rebuild(&report, false, paths);
            }
        });
    }
    for req in http.incoming_requests() {
        let _ = server.respond(req);
    }
    drop(watcher);
    Ok(())
}

fn is_ignored(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp")
}

impl Server {
    /// The fast path: validate what changed, prepare (cached Markdown), plan; then reload
    /// the page. `changed`: the paths the watcher reported.
    fn rebuild(
        self: &Arc<Self>,
        report: &Arc<dyn Fn(&str) + Send + Sync>,
        first: bool,
        changed: Vec<std::path::PathBuf>,
    ) {
        let t = Instant::now();
        let mut diags = Diagnostics::new();
        let mut stages = Stages::start();
        let fast = (|| {
            let (loaded, tera, key) = {
                let mut cache = self.load_cache.lock().unwrap_or_else(|e| e.into_inner());
                cache.mark_changed(
                    (changed.iter())
                        .filter_map(|p| p.strip_prefix(&self.opts.root).ok())
                        .map(crate::diag::display_path),
                );
                let loaded =
                    crate::driver::load_site_incremental(&self.opts, &mut cache, &mut diags);
                stages.extend(cache.stages());
                let loaded = loaded?;
                let key = cache.key().unwrap_or_default();
                let mut tera = self.tera.lock().unwrap_or_else(|e| e.into_inner());
                let tera = match tera.as_ref().filter(|(k, _)| *k == key) {
                    Some((_, t)) => t.clone(),
                    None => {
                        let t = Arc::new(render::build_tera(&loaded.theme, &mut diags)?);
                        *tera = Some((key, t.clone()));
                        t
                    }
                };
                (loaded, tera, key)
            };
            stages.lap("tera");
            let prepared = {
                let mut cache = self.md_cache.lock().unwrap_or_else(|e| e.into_inner());
                render::prepare(&loaded.site, &loaded.theme, Some(&mut cache))
            };
            stages.lap("prepare");
            // The language switch and alternates as in the build; the other languages'
            // pages themselves come from the full build below.
            let ropts = RenderOptions {
                languages: crate::languages::languages(&loaded),
                ..self.render_options()
            };
            let inputs = Arc::new(PlanInputs {
                key,
                loaded: Arc::new(loaded),
                prepared,
                ropts,
            });
            // When only Markdown changed, the last plan stands but for the changed entries'
            // own pages.
            let base = (self.current.read().unwrap_or_else(|e| e.into_inner()))
                .as_ref()
                .map(|c| c.plan.clone());
            let reuse = base.and_then(|base| {
                let old = base.backing_cart();
                let one_language =
                    old.ropts.languages.all.is_empty() && inputs.ropts.languages.all.is_empty();
                if old.key != inputs.key || !one_language {
                    return None;
                }
                let changed = render::changed_entry_pages(
                    (&old.loaded.site, &old.prepared),
                    (&inputs.loaded.site, &inputs.prepared),
                )?;
                Some((base, changed))
            });
            let (plan, overlay) = match reuse {
                Some((base, changed)) => {
                    let overlay: SitePlan =
                        Yoke::attach_to_cart(inputs.clone(), |i: &PlanInputs| {
                            Plan::new(render::plan_entry_pages(
                                &i.loaded.site,
                                &i.loaded.theme,
                                &i.prepared,
                                &i.ropts,
                                &changed,
                            ))
                        });
                    stages.lap("plan (changed pages)");
                    (base, Some(Arc::new(overlay)))
                }
                None => {
                    let plan: SitePlan = Yoke::attach_to_cart(inputs.clone(), |i: &PlanInputs| {
                        Plan::new(render::plan(
                            &i.loaded.site,
                            &i.loaded.theme,
                            &i.prepared,
                            &i.ropts,
                        ))
                    });
                    stages.lap("plan");
                    (Arc::new(plan), None)
                }
            };
            // The pages are the same in both cases: the base plan names them all.
            let jobs = plan.get().jobs();
            crate::links::check_cached(
                &inputs.loaded.site,
                &inputs.prepared,
                jobs,
                &inputs.ropts,
                Some(&mut self.link_cache.lock().unwrap_or_else(|e| e.into_inner())),
                &mut diags,
            );
            stages.lap("links");
            (!diags.has_errors()).then_some((inputs.loaded.clone(), tera, plan, overlay))
        })();
        let Some((loaded, tera, plan, overlay)) = fast else {
            report(&diags.render_report());
            report("Bygningen fejlede; browseren viser fejlene, indtil de er rettet.");
            *self.errors.write().unwrap_or_else(|e| e.into_inner()) = Some(self.error_page(&diags));
            self.version.fetch_add(1, Ordering::SeqCst);
            return;
        };
        *self.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        // The last build is let go of after the reload is signalled: freeing a plan of
        // 10,000 pages is not the editor's wait.
        let previous = {
            let mut cur = self.current.write().unwrap_or_else(|e| e.into_inner());
            let files = cur.as_ref().map(|c| c.files.clone()).unwrap_or_default();
            cur.replace(Current {
                generation,
                loaded: loaded.clone(),
                tera,
                plan,
                overlay,
                files,
            })
        };
        self.version.fetch_add(1, Ordering::SeqCst);
        drop(previous);
        let fast_ms = t.elapsed().as_secs_f64() * 1000.0;
        if self.profile {
            let stats = self
                .load_cache
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .stats();
            report(&format!(
                "profil: {} ({} filer, {} læst, {} valideret{})",
                stages.render(),
                stats.files,
                stats.read,
                stats.validated,
                if stats.invalidated {
                    ", alt forfra"
                } else {
                    ""
                }
            ));
        }
        let warnings = diags.warning_count();
        report(&format!(
            "Genopbygget på {fast_ms:.0} ms{}",
            if warnings > 0 {
                format!(" ({warnings} advarsler)")
            } else {
                String::new()
            }
        ));
        // Everything else (search index, posters) in the background, or at once on start.
        // One full build at a time: edits that arrive meanwhile are folded into one more run
        // over the newest site, so background builds never pile up and slow down the next
        // edit's fast path (at 10,000 entries a full build takes over a second).
        if first {
            self.full_build(report);
        } else {
            self.full_pending.store(true, Ordering::SeqCst);
            if !self.full_running.swap(true, Ordering::SeqCst) {
                let this = self.clone();
                let report = report.clone();
                std::thread::spawn(move || loop {
                    while this.full_pending.swap(false, Ordering::SeqCst) {
                        this.full_build(&report);
                    }
                    this.full_running.store(false, Ordering::SeqCst);
                    // An edit may have asked for a build after the last check above.
                    if !this.full_pending.load(Ordering::SeqCst)
                        || this.full_running.swap(true, Ordering::SeqCst)
                    {
                        break;
                    }
                });
            }
        }
    }

    /// Build every file of the current site in memory and serve them, unless a newer
    /// rebuild replaced the site meanwhile (then its own full build follows).
    fn full_build(&self, report: &Arc<dyn Fn(&str) + Send + Sync>) {
        let Some((loaded, generation)) = self
            .current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|c| (c.loaded.clone(), c.generation))
        else {
            return;
        };
        let mut d = Diagnostics::new();
        // In a pool of its own: on the shared pool the next edit's fast path would queue
        // behind this build's parallel work.
        let built = match &self.background {
            Some(pool) => pool.install(|| crate::driver::render_site(&loaded, &self.opts, &mut d)),
            None => crate::driver::render_site(&loaded, &self.opts, &mut d),
        };
        match built {
            Some(files) => {
                let map: HashMap<String, Vec<u8>> =
                    files.into_iter().map(|f| (f.path, f.bytes)).collect();
                let mut cur = self.current.write().unwrap_or_else(|e| e.into_inner());
                if let Some(c) = cur.as_mut().filter(|c| c.generation == generation) {
                    c.files = Arc::new(map);
                }
            }
            None => report(&d.render_report()),
        }
    }

    /// The error page: every error with file, line, message and hint.
    fn error_page(&self, diags: &Diagnostics) -> Vec<u8> {
        let errors: Vec<crate::diag::Diagnostic> = diags
            .sorted()
            .into_iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .collect();
        let mut ctx = tera::Context::new();
        ctx.insert("count", &errors.len());
        ctx.insert("errors", &errors);
        match tera::Tera::one_off(&self.errors_template, &ctx, true) {
            Ok(html) => html.into_bytes(),
            // A broken error template must not hide the errors: show them as text.
            Err(_) => diags.render_report().into_bytes(),
        }
    }

    fn render_options(&self) -> RenderOptions {
        RenderOptions {
            live_reload: true,
            ..RenderOptions::default()
        }
    }

    fn respond(&self, req: tiny_http::Request) -> std::io::Result<()> {
        let url = req.url().to_string();
        if url.starts_with(RELOAD_SCRIPT_PATH) {
            return req.respond(with_type(
                tiny_http::Response::from_data(self.script.clone()),
                "js",
                200,
            ));
        }
        if url.starts_with(RELOAD_PATH) {
            let body = self.version.load(Ordering::SeqCst).to_string();
            let h =
                tiny_http::Header::from_bytes("Cache-Control", "no-store").expect("static header");
            return req.respond(tiny_http::Response::from_string(body).with_header(h));
        }
        let Some(path) = site_path(&url) else {
            return req.respond(tiny_http::Response::from_string("400").with_status_code(400));
        };
        let (status, path, bytes) = self.lookup(&path);
        let ext = Path::new(&path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("html")
            .to_string();
        req.respond(with_type(
            tiny_http::Response::from_data(bytes),
            &ext,
            status,
        ))
    }

    /// A page rendered on request from the current plan, or a file of the last full build;
    /// the error page instead of any page while the last edit does not build.
    fn lookup(&self, path: &str) -> (u16, String, Vec<u8>) {
        let is_page =
            path.is_empty() || path.ends_with(".html") || Path::new(path).extension().is_none();
        if is_page {
            if let Some(page) = self
                .errors
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .as_ref()
            {
                return (500, "fejl.html".into(), page.clone());
            }
        }
        let cur = self.current.read().unwrap_or_else(|e| e.into_inner());
        let Some(c) = cur.as_ref() else {
            return (503, "503.txt".into(), b"Bygger ...".to_vec());
        };
        let candidates = [
            path.to_string(),
            format!("{}/index.html", path.trim_end_matches('/'))
                .trim_start_matches('/')
                .to_string(),
        ];
        if is_page {
            let plan = c.plan.get();
            for p in &candidates {
                let overlay = c.overlay.as_ref().map(|o| o.get());
                for plan in overlay.into_iter().chain([plan]) {
                    if let Some(Ok(f)) = plan.render_page(&c.tera, &c.loaded.theme, p) {
                        return (200, f.path, f.bytes);
                    }
                }
            }
            if let Some(Ok(f)) = plan.render_page(&c.tera, &c.loaded.theme, "404.html") {
                if !candidates.iter().any(|p| c.files.contains_key(p)) {
                    return (404, f.path, f.bytes);
                }
            }
        }
        for p in &candidates {
            if let Some(b) = c.files.get(p) {
                return (200, p.clone(), b.clone());
            }
        }
        (404, "404.txt".into(), b"404".to_vec())
    }
}

/// The site-relative file path of a request URL; `None` for anything that climbs out.
pub fn site_path(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut parts = Vec::new();
    for part in path.split('/').filter(|s| !s.is_empty()) {
        if part == ".." || part.contains('\\') {
            return None;
        }
        parts.push(part);
    }
    Some(parts.join("/"))
}

fn with_type<R: std::io::Read>(
    resp: tiny_http::Response<R>,
    ext: &str,
    status: u16,
) -> tiny_http::Response<R> {
    let ct = match ext {
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
    };
    let h = tiny_http::Header::from_bytes("Content-Type", ct).expect("static header");
    resp.with_status_code(status).with_header(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_climb_out() {
        assert!(site_path("/../etc/passwd").is_none());
        assert_eq!(site_path("/a/b.css?x=1").as_deref(), Some("a/b.css"));
        assert_eq!(site_path("/").as_deref(), Some(""));
    }
}
