//! Vejviser: a static site generator for a municipality's knowledge and resource directory
//! on violence in close relations.
//!
//! The build is a pipeline of plain data types, one module per stage:
//! load (`source`) → validate (`frontmatter`, `entry`) → model (`model`) →
//! render (`markdown`, `context`, `render`) → write (`write`). Each stage collects
//! diagnostics; the pipeline stops between stages when there are errors, so a later stage
//! never sees half-valid data and a failed build never touches the output directory.

// Diagnostics are plain values carried in `Result`s on purpose (editors get all of them);
// their size is not worth boxing.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod context;
pub mod date;
pub mod diag;
pub mod driver;
pub mod entry;
pub mod fold;
pub mod freshness;
pub mod frontmatter;
pub mod html;
pub mod incremental;
pub mod init;
pub mod jsonld;
pub mod languages;
pub mod links;
pub mod loaded;
pub mod locality;
pub mod logo;
pub mod markdown;
pub mod model;
pub mod national;
pub mod newentry;
pub mod opendata;
pub mod options;
pub mod output;
pub mod print;
pub mod publishing;
pub mod render;
pub mod report;
pub mod search;
pub mod section;
pub mod serve;
pub mod slug;
pub mod source;
pub mod stages;
pub mod theme;
pub mod translation;
pub mod triage;
pub mod urls;
pub mod write;

pub use driver::{
    build, check, display, load_site, load_site_incremental, render_site, render_site_into,
    search_index, search_index_in, BuildFailure, BuildReport, Timings,
};
pub use loaded::LoadedSite;
pub use options::{BuildOptions, SearchShape};
