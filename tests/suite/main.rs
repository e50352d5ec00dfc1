//! Every integration test in one binary, so typst and tantivy are linked once (as mdBook's
//! testsuite does): small fixture sites built into temp dirs through the library, the real
//! executable for exit codes, the default content against the sources, search relevance,
//! the printed PDFs, and real-browser checks in headless Chromium.

mod adopt;
mod booklet;
mod browser;
mod cli;
mod common;
mod content;
mod helpers;
mod incremental;
mod invalid;
mod jsonld;
mod languages;
mod offers;
mod open_data;
mod print;
mod print_languages;
mod search;
mod silent;
mod valid;
