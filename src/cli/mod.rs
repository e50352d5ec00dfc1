//! The command line: arguments are parsed here once, each command lives in a file of its
//! own (as Zola's do) and says what fits it when it fails.
//!
//! Exit codes: 0 success; 1 content or configuration errors (or warnings under --strict);
//! 2 internal or I/O failure.

mod build;
mod check;
mod contacts;
mod init;
mod new;
mod search;
mod serve;

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
pub struct Cli {
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
pub enum Format {
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
        /// Search this language's pages (a code from site.yaml `languages`, e.g. en or
        /// ar), then show the first Danish results below them.
        #[arg(long)]
        lang: Option<String>,
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
    /// Create a site for a municipality: vejviser init --kommune "Randers"
    Init {
        /// The municipality's name without "Kommune", e.g. Randers.
        #[arg(long)]
        kommune: String,
        /// The folder to create (default: a new folder named after the municipality).
        #[arg(long)]
        dir: Option<PathBuf>,
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

impl Command {
    /// The options every command but `new` shares.
    fn common(&self) -> Option<&Common> {
        match self {
            Command::Build { common, .. }
            | Command::Check { common, .. }
            | Command::Serve { common, .. }
            | Command::Contacts { common, .. }
            | Command::Search { common, .. } => Some(common),
            Command::New { .. } | Command::Init { .. } => None,
        }
    }
}

/// Run the command the arguments name.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    // The shared options, parsed once for every command that has them.
    let opts = match cli.command.common().map(options).transpose() {
        Ok(o) => o,
        Err(e) => return usage(&e),
    };
    match (cli.command, opts) {
        (Command::Build { out, base_url, .. }, Some(opts)) => build::run(opts, out, base_url),
        (Command::Check { format, .. }, Some(opts)) => check::run(opts, format),
        (Command::Serve { port, .. }, Some(opts)) => serve::run(opts, port),
        (Command::Contacts { json, .. }, Some(opts)) => contacts::run(opts, json),
        (
            Command::Search {
                query,
                json,
                limit,
                section,
                filters,
                lang,
                ..
            },
            Some(opts),
        ) => search::run(opts, query, json, limit, section, filters, lang),
        (
            Command::New {
                section,
                title,
                root,
            },
            _,
        ) => new::run(section, title, root),
        (Command::Init { kommune, dir }, _) => init::run(kommune, dir),
        // Every other command has shared options (`Command::common`).
        (_, None) => usage("intern fejl: kommandoen mangler sine fælles valg"),
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
