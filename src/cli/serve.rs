//! `vejviser serve`: the preview server.

use std::process::ExitCode;
use vejviser::BuildOptions;

pub fn run(opts: BuildOptions, port: u16) -> ExitCode {
    match vejviser::serve::serve(opts, port, |m| eprintln!("{m}")) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fejl: {e}");
            ExitCode::from(2)
        }
    }
}
