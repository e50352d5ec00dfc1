//! `vejviser new`: a new entry from the theme's archetype, as a draft.

use std::process::ExitCode;

pub fn run(section: String, title: String, root: std::path::PathBuf) -> ExitCode {
    let mut diags = vejviser::diag::Diagnostics::new();
    let Some(theme) = vejviser::theme::load(&root, "default", "da", &mut diags) else {
        eprint!("{}", diags.render_report());
        return ExitCode::from(2);
    };
    match vejviser::newentry::new_entry(&root, &theme, &section, &title) {
        Ok(p) => {
            println!("{}", vejviser::diag::display_path(&p));
            eprintln!("Oprettet. Udfyld felterne markeret med <…> og kør `vejviser check`.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fejl: {e}");
            ExitCode::from(1)
        }
    }
}
