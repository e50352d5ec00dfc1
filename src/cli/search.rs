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
    lang: Option<String>,
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
    let languages = &loaded.site.config.languages;
    if let Some(l) = lang
        .as_deref()
        .filter(|l| !languages.iter().any(|c| c == l))
    {
        let known = if languages.is_empty() {
            "sitet har kun ét sprog (languages i site.yaml)".to_string()
        } else {
            format!("vælg en af: {}", languages.join(", "))
        };
        return usage(&format!("--lang `{l}` er ikke et af sitets sprog; {known}"));
    }
    let Some(index) = vejviser::search_index_in(&loaded, &opts, lang.as_deref(), &mut diags) else {
        return failure_after(
            BuildFailure::Content(diags),
            "Sitet kan ikke læses; ret fejlene ovenfor.",
        );
    };
    let in_other_language = lang.is_some_and(|l| l != loaded.site.config.language);
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
            // As on the language's search page: the Danish results below its own.
            if in_other_language {
                if let Some(danish) = vejviser::search_index(&loaded, &opts, &mut diags) {
                    req.limit = req.limit.min(10);
                    if let Ok(hits) = danish.query(&req) {
                        println!("\nResultater på dansk:");
                        print!("{}", vejviser::search::render_text(&req.query, &hits));
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fejl: søgningen fejlede: {e}");
            ExitCode::from(2)
        }
    }
}
