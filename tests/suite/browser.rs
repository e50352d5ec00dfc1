//! Real-browser tests: the default site in headless Chromium (Debian's `chromium`), driven
//! by tests/js/browser.mjs (playwright-core, axe-core from npm). Quick exit, privacy (no
//! foreign requests, no cookies or storage), no-JavaScript audience pages, reflow at
//! 320 px, axe-core WCAG 2.1 A/AA, page weight.
//!
//! Needs `chromium`, `node` and `npm ci`. Without them the test prints a loud notice and
//! passes locally; under CI (`CI` set) a missing tool is a failure.

use crate::common::copy_dir;

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Why the browser tests cannot run here, if they cannot.
fn missing_tools() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!(
            "{chromium} not found (apt-get install -y chromium chromium-driver)"
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node not found".into());
    }
    for m in ["playwright-core", "axe-core"] {
        if !repo().join("node_modules").join(m).exists() {
            return Some(format!("node_modules/{m} missing (run `npm ci`)"));
        }
    }
    None
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// A built copy of the default site for the test server on `port`: its base URL, and a
/// quick exit that leads to a page on the same server; `edits` change site.yaml further.
fn default_site_served_at(port: u16, edits: &[(&str, String)]) -> tempfile::TempDir {
    let origin = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    let mut yaml = std::fs::read_to_string(repo().join("site.yaml")).unwrap();
    let exit = (
        "url: \"https://www.dr.dk/\"",
        format!("url: \"{origin}/__exit/\""),
    );
    for (from, to) in std::iter::once(&exit).chain(edits) {
        assert!(yaml.contains(from), "site.yaml has no {from} to replace");
        yaml = yaml.replace(from, to);
    }
    std::fs::write(dir.path().join("site.yaml"), yaml).unwrap();
    let mut opts = vejviser::BuildOptions::new(dir.path());
    opts.base_url = Some(origin);
    opts.today = vejviser::date::Date::parse(crate::common::DEFAULT_SITE_TODAY);
    if let Err(f) = vejviser::build(&opts) {
        panic!("default site did not build: {f:?}");
    }
    dir
}

#[test]
fn default_site_in_headless_chromium() {
    if let Some(why) = missing_tools() {
        if std::env::var_os("CI").is_some() {
            panic!("browser tests cannot run in CI: {why}");
        }
        eprintln!(
            "\n*** BROWSER TESTS NOT RUN: {why} ***\n*** .ci/run installs what they need. ***\n"
        );
        return;
    }
    let port = free_port();
    let dir = default_site_served_at(port, &[]);
    let out = Command::new("node")
        .arg(repo().join("tests/js/browser.mjs"))
        .arg(dir.path().join("public"))
        .arg(port.to_string())
        .current_dir(repo())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
}

/// `vejviser serve` shows a build's errors in the browser while they last.
#[test]
fn serve_shows_errors_in_the_browser_until_they_are_fixed() {
    if let Some(why) = missing_tools() {
        if std::env::var_os("CI").is_some() {
            panic!("browser tests cannot run in CI: {why}");
        }
        eprintln!("\n*** SERVE BROWSER TEST NOT RUN: {why} ***\n");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures/minimal"), dir.path());
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_vejviser"))
        .args(["serve", "--root", dir.path().to_str().unwrap()])
        .args([
            "--port",
            &port.to_string(),
            "--today",
            crate::common::DEFAULT_SITE_TODAY,
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start vejviser serve");
    // Wait until it answers (a cold start builds the site first).
    let up = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    let out = up.then(|| {
        Command::new("node")
            .arg(repo().join("tests/js/serve_overlay.mjs"))
            .arg(port.to_string())
            .arg(dir.path())
            .current_dir(repo())
            .output()
            .expect("run node")
    });
    let _ = child.kill();
    let _ = child.wait();
    let out = out.expect("vejviser serve did not start within 10 s");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "serve overlay checks failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The embeddable help box in an iframe on another origin, with the copy-paste snippet and
/// the frame-ancestors header the build writes (tests/js/embed.mjs).
#[test]
fn embed_box_in_an_iframe_in_headless_chromium() {
    if let Some(why) = missing_tools() {
        if std::env::var_os("CI").is_some() {
            panic!("browser tests cannot run in CI: {why}");
        }
        eprintln!("\n*** EMBED BROWSER TEST NOT RUN: {why} ***\n");
        return;
    }
    let (port, other) = (free_port(), free_port());
    let dir = default_site_served_at(
        port,
        &[(
            "allowed_origins: [\"https://www.kk.dk\"]",
            format!("allowed_origins: [\"http://localhost:{port}\"]"),
        )],
    );
    let out = Command::new("node")
        .arg(repo().join("tests/js/embed.mjs"))
        .arg(dir.path().join("public"))
        .arg(port.to_string())
        .arg(other.to_string())
        .current_dir(repo())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "embed checks failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
