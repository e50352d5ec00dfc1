//! Integration tests: build small fixture sites into temp dirs through the library, and run
//! the real executable for exit codes. One binary, shared helpers (mdBook's testsuite).

mod cli;
mod helpers;
mod invalid;
mod offers;
mod silent;
mod valid;
