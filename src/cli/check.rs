//! `vejviser check`: everything the build checks, writing nothing; text or JSON.

use super::failure_after;
use std::process::ExitCode;
use vejviser::{BuildFailure, BuildOptions};

pub fn run(opts: BuildOptions, format: super::Format) -> ExitCode {
    let result = vejviser::check(&opts);
    if format == super::Format::Json {
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
