//! Print: posters and leaflets as PDF (Typst as a library) and PNG previews, filled from the
//! model. Templates live in themes/default/print/.

use crate::diag::Diagnostics;
use crate::render::OutputFile;
use crate::BuildOptions;
use crate::LoadedSite;

/// Every poster PDF and preview of the site, in memory.
pub fn render_posters(
    _loaded: &LoadedSite,
    _opts: &BuildOptions,
    _diags: &mut Diagnostics,
) -> Vec<OutputFile> {
    Vec::new()
}
