//! `vejviser contacts`: the editor's to-do list of contact details.

use super::failure_after;
use std::process::ExitCode;
use vejviser::{BuildFailure, BuildOptions};

pub fn run(opts: BuildOptions, json: bool) -> ExitCode {
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
        print!(
            "{}",
            vejviser::report::render_todo(&vejviser::report::editor_todo(&loaded.site))
                .trim_start()
        );
        print!("{}", vejviser::report::render_text(&rows));
    }
    ExitCode::SUCCESS
}
