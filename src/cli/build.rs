//! `vejviser build`: the whole site into public/ (replaced only when everything succeeded).

use super::failure_after;
use std::process::ExitCode;
use vejviser::BuildOptions;

pub fn run(
    mut opts: BuildOptions,
    out: Option<std::path::PathBuf>,
    base_url: Option<String>,
) -> ExitCode {
    if let Some(o) = out {
        opts.out = o;
    }
    opts.base_url = base_url;
    match vejviser::build(&opts) {
        Ok(r) => {
            eprint!("{}", r.diagnostics.render_report());
            let t = &r.timings;
            eprintln!(
                "Bygget {} sider ({} filer) i {} på {} ms (indlæs {} ms, byg {} ms heraf søgning {} ms, tryk {} ms og åbne data {:.1} ms, skriv {} ms)",
                r.pages,
                r.files,
                opts.out_dir().display(),
                (t.load + t.render + t.write).as_millis(),
                t.load.as_millis(),
                t.render.as_millis(),
                t.search.as_millis(),
                t.print.as_millis(),
                t.data.as_micros() as f64 / 1000.0,
                t.write.as_millis()
            );
            if vejviser::stages::profiling() {
                eprintln!("profil, byg: {}", t.render_stages.render());
                eprintln!("profil, søgning: {}", t.search_stages.render());
            }
            eprint!("{}", vejviser::report::render_todo(&r.editor_todo));
            ExitCode::SUCCESS
        }
        Err(f) => failure_after(f, "Bygningen fejlede; public/ er ikke ændret."),
    }
}
