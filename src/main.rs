//! The `vejviser` command: see `cli/` (one file per command); the library does the work.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}

// The build allocates many small strings and maps from two threads at once (template
// contexts, rendered pages); mimalloc handles that markedly better than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
