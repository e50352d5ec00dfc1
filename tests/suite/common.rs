//! Helpers shared by the integration-test modules.

use std::path::Path;

/// Copy a directory tree (a fixture or the default content) into a temp dir.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// The build date of every test that builds the default content. Fixed, so no test rots
/// when contacts age out; `default_site_two_years_ahead` covers what happens then.
pub const DEFAULT_SITE_TODAY: &str = "2026-12-02";

/// `GET path` from the preview server on `port`: status and body.
pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut buf = String::new();
    s.read_to_string(&mut buf).ok()?;
    let status = buf.split(' ').nth(1)?.parse().ok()?;
    Some((status, buf.split_once("\r\n\r\n")?.1.to_string()))
}

/// Wait until `path` answers `status` with a body containing `text`.
pub fn wait_for(port: u16, path: &str, status: u16, text: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        match http_get(port, path) {
            Some((s, body)) if s == status && body.contains(text) => return body,
            _ if std::time::Instant::now() > deadline => {
                panic!(
                    "{path} never answered {status} with {text:?}: {:?}",
                    http_get(port, path)
                )
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
}

/// `vejviser serve` of the site in `dir` (output in `dir/out`) on a free port, in a thread
/// that runs until the test process ends; returns the port.
pub fn serve_in_background(dir: &Path) -> u16 {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut o = crate::helpers::options(dir);
    o.out = dir.join("out");
    std::thread::spawn(move || vejviser::serve::serve(o, port, |_| {}));
    port
}
