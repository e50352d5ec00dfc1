//! `vejviser search`: the site's search from the command line.

use super::{failure_after, usage};
use std::process::ExitCode;
use vejviser::{BuildFailure, BuildOptions};

pub fn run(
    opts: BuildOptions,
    query: String,
    json: bool,
    limit: usize,
    section: Option<String>,
    filters: Vec<String>,
) -> ExitCode {
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
