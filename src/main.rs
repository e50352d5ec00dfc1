//! The `vejviser` command: parses arguments, calls the library, reports.
//!
//! Exit codes: 0 success; 1 content or configuration errors (or warnings under --strict);
//! 2 internal or I/O failure.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use vejviser::{BuildFailure, BuildOptions};

#[derive(Parser)]
#[command(
    name = "vejviser",
    version,
    about = "Byg et tilgængeligt, søgbart website og trykklare plakater om vold i nære relationer.",
    long_about = "Vejviser builds a municipality's directory on violence in close relations from \
Markdown files with YAML front matter (content/) and site.yaml into a static website (public/).\n\n\
Run it in the site folder (the one with site.yaml), or point at it with --root."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct Common {
    /// The site folder: holds site.yaml, content/ and (optionally) themes/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Treat warnings (e.g. unverified contact details) as errors. Use this in CI.
    #[arg(long)]
    strict: bool,
    /// Include entries marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Measure contact-detail ages against this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (replaced only if the build succeeds).
    Build {
        #[command(flatten)]
        common: Common,
        /// Output folder (default: public/ in the site folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override base_url from site.yaml, e.g. https://www.kommune.dk/vold
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Check everything the build checks, without writing anything.
    Check {
        #[command(flatten)]
        common: Common,
        /// `text` for people, `json` (an array of diagnostics on stdout) for editors' tools
        /// and CI.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Build, serve on http://127.0.0.1:PORT and rebuild + reload when files change.
    Serve {
        #[command(flatten)]
        common: Common,
        #[arg(long, default_value_t = 1111)]
        port: u16,
    },
    /// List every partner's contact details and when they were last verified, oldest first.
    Contacts {
        #[command(flatten)]
        common: Common,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Search the site as the search page does: vejviser search "åben rådgivning"
    Search {
        #[command(flatten)]
        common: Common,
        /// What to search for, in plain Danish.
        query: String,
        /// Print a JSON array (slug, section, title, url, score, snippet).
        #[arg(long)]
        json: bool,
        /// Most results to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Only this section: praksis, partnere, kvalitetsstandard, viden, plakater or hjaelp.
        #[arg(long)]
        section: Option<String>,
        /// Facet filter key=value, repeatable: focus_area=3, municipality=Randers,
        /// criterion=2, target_group=boern, audience=udsat, violence_form=digital,
        /// offer=krisecenter, kind=ngo, anonymous=yes, free=yes.
        #[arg(long = "filter", value_name = "KEY=VALUE")]
        filters: Vec<String>,
    },
    /// Create a new entry: vejviser new viden "Digital vold"
    New {
        /// praksis, partnere, kvalitetsstandard, viden or plakater
        section: String,
        /// The entry's title; the file name (slug) is made from it.
        title: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn options(c: &Common) -> Result<BuildOptions, String> {
    let mut o = BuildOptions::new(&c.root);
    o.strict = c.strict;
    o.drafts = c.drafts;
    if let Some(d) = &c.today {
        o.today = Some(
            vejviser::date::Date::parse(d)
                .ok_or_else(|| format!("--today `{d}` er ikke en dato (ÅÅÅÅ-MM-DD)"))?,
        );
    } else if let Ok(d) = std::env::var("VEJVISER_TODAY") {
        // Set but unreadable must not silently fall back to the clock: the date decides
        // which phone numbers are printed.
        o.today = Some(vejviser::date::Date::parse(&d).ok_or_else(|| {
            format!("VEJVISER_TODAY `{d}` er ikke en dato: skriv ÅÅÅÅ-MM-DD, fx 2026-12-02, eller fjern variablen")
        })?);
    }
    Ok(o)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            common,
            out,
            base_url,
        } => {
            let mut opts = match options(&common) {
                Ok(o) => o,
                Err(e) => return usage(&e),
            };
            if let Some(o) = out {
                opts.out = o;
            }
            opts.base_url = base_url;
            match vejviser::build(&opts) {
                Ok(r) => {
                    eprint!("{}", r.diagnostics.render_report());
                    let t = &r.timings;
                    eprintln!(
                        "Bygget {} sider ({} filer) i {} på {} ms (indlæs {} ms, byg {} ms heraf søgning {} ms og plakater {} ms, skriv {} ms)",
                        r.pages,
                        r.files,
                        opts.out_dir().display(),
                        (t.load + t.render + t.write).as_millis(),
                        t.load.as_millis(),
                        t.render.as_millis(),
                        t.search.as_millis(),
                        t.print.as_millis(),
                        t.write.as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(f) => failure_after(f, "Bygningen fejlede; public/ er ikke ændret."),
            }
        }
        Command::Check { common, format } => {
            let opts = match options(&common) {
                Ok(o) => o,
                Err(e) => return usage(&e),
            };
            let result = vejviser::check(&opts);
            if format == Format::Json {
                // Every diagnostic, sorted, as JSON; the exit code says the same as for text.
                let (d, code) = match &result {
                    Ok(d) => (d, ExitCode::SUCCESS),
                    Err(BuildFailure::Content(d)) => (d, ExitCode::from(1)),
                    Err(BuildFailure::Internal(_, d)) => (d, ExitCode::from(2)),
                };
                println!(
                    "{}",
                    serde_json::to_string_pretty(&d.sorted()).unwrap_or_default()
                );
                return code;
            }
            match result {
                Ok(d) => {
                    eprint!("{}", d.render_report());
                    eprintln!("Alt er i orden: ingen fejl.");
                    ExitCode::SUCCESS
                }
                Err(f) => failure_after(f, "Ret fejlene ovenfor, og kør vejviser check igen."),
            }
        }
        Command::Serve { common, port } => {
            let opts = match options(&common) {
                Ok(o) => o,
                Err(e) => return usage(&e),
            };
            match vejviser::serve::serve(opts, port, |m| eprintln!("{m}")) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("fejl: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Contacts { common, json } => {
            let opts = match options(&common) {
                Ok(o) => o,
                Err(e) => return usage(&e),
            };
            let mut diags = vejviser::diag::Diagnostics::new();
            let Some(loaded) = vejviser::load_site(&opts, &mut diags) else {
                return failure_after(
                    BuildFailure::Content(diags),
                    "Sitet kan ikke læses; ret fejlene ovenfor.",
                );
            };
            let rows = vejviser::report::contact_report(&loaded.site);
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&rows).unwrap_or_default()
                );
            } else {
                print!("{}", vejviser::report::render_text(&rows));
            }
            ExitCode::SUCCESS
        }
        Command::Search {
            common,
            query,
            json,
            limit,
            section,
            filters,
        } => {
            let opts = match options(&common) {
                Ok(o) => o,
                Err(e) => return usage(&e),
            };
            const SECTIONS: [&str; 6] = [
                "praksis",
                "partnere",
                "kvalitetsstandard",
                "viden",
                "plakater",
                "hjaelp",
            ];
            if let Some(s) = section.as_deref().filter(|s| !SECTIONS.contains(s)) {
                return usage(&format!(
                    "--section `{s}` findes ikke; vælg en af: {}",
                    SECTIONS.join(", ")
                ));
            }
            let mut req = vejviser::search::SearchRequest {
                query,
                limit,
                section,
                filters: Vec::new(),
            };
            for f in &filters {
                match vejviser::search::parse_filter(f) {
                    Ok(kv) => req.filters.push(kv),
                    Err(e) => return usage(&e),
                }
            }
            let mut diags = vejviser::diag::Diagnostics::new();
            let Some(loaded) = vejviser::load_site(&opts, &mut diags) else {
                return failure_after(
                    BuildFailure::Content(diags),
                    "Sitet kan ikke læses; ret fejlene ovenfor.",
                );
            };
            let Some(index) = vejviser::search_index(&loaded, &opts, &mut diags) else {
                return failure_after(
                    BuildFailure::Content(diags),
                    "Sitet kan ikke læses; ret fejlene ovenfor.",
                );
            };
            match index.query(&req) {
                Ok(hits) if json => {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&hits).unwrap_or_default()
                    );
                    ExitCode::SUCCESS
                }
                Ok(hits) => {
                    print!("{}", vejviser::search::render_text(&req.query, &hits));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("fejl: søgningen fejlede: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::New {
            section,
            title,
            root,
        } => {
            let mut diags = vejviser::diag::Diagnostics::new();
            let Some(theme) = vejviser::theme::load(&root, "default", "da", &mut diags) else {
                eprint!("{}", diags.render_report());
                return ExitCode::from(2);
            };
            match vejviser::newentry::new_entry(&root, &theme, &section, &title) {
                Ok(p) => {
                    println!("{}", vejviser::diag::display_path(&p));
                    eprintln!(
                        "Oprettet. Udfyld felterne markeret med <…> og kør `vejviser check`."
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("fejl: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("fejl: {msg}");
    ExitCode::from(2)
}

/// What a failed command says last: only `build` writes, so only it talks of public/.
fn failure_after(f: BuildFailure, closing: &str) -> ExitCode {
    match f {
        BuildFailure::Content(d) => {
            eprint!("{}", d.render_report());
            eprintln!("{closing}");
            ExitCode::from(1)
        }
        BuildFailure::Internal(msg, d) => {
            eprint!("{}", d.render_report());
            eprintln!("fejl: {msg}");
            ExitCode::from(2)
        }
    }
}

// The build allocates many small strings and maps from two threads at once (template
// contexts, rendered pages); mimalloc handles that markedly better than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
