//! `vejviser init --kommune "Randers"`: a new site for a municipality, then what to fill in.

use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(kommune: String, dir: Option<PathBuf>) -> ExitCode {
    let dir = dir.unwrap_or_else(|| PathBuf::from(vejviser::slug::slugify(kommune.trim())));
    match vejviser::init::init_site(&dir, &kommune) {
        Ok(report) => {
            let shown = dir.display();
            eprintln!(
                "Oprettet et site for {} Kommune i {shown} ({} filer).",
                kommune.trim(),
                report.written.len()
            );
            if !report.left_out.is_empty() {
                eprintln!(
                    "Udeladt: {} sider, som hører til andre kommuner (fx {}).",
                    report.left_out.len(),
                    report.left_out[0].1.join(", ")
                );
            }
            eprintln!("\nSådan kommer du videre (se docs/kom-i-gang.md):");
            eprintln!("  1. Udfyld felterne markeret UDFYLD i {shown}/site.yaml.");
            eprintln!("  2. Kør `vejviser build --root {shown}`: den viser til sidst, hvad du mangler (»Til redaktøren«).");
            eprintln!(
                "  3. Tilføj kommunens egne tilbud: `vejviser new partnere \"…\" --root {shown}`."
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fejl: {e}");
            ExitCode::from(1)
        }
    }
}
