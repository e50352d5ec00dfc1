//! Stage timings for profiles (`VEJVISER_PROFILE=1`): serve's rebuilds and the build's
//! search phase.

use std::time::{Duration, Instant};

/// Whether stage timings are asked for: `VEJVISER_PROFILE` set, and not empty or `0`.
pub fn profiling() -> bool {
    std::env::var_os("VEJVISER_PROFILE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// How long each stage of a load, rebuild or search phase took, in order (for profiles);
/// when profiling, also the process's resident memory (KiB) at the end of each stage.
#[derive(Debug, Default, Clone)]
pub struct Stages {
    pub laps: Vec<(&'static str, Duration, Option<u64>)>,
    last: Option<Instant>,
    memory: bool,
}

impl Stages {
    pub fn start() -> Stages {
        Stages {
            laps: Vec::new(),
            last: Some(Instant::now()),
            memory: profiling(),
        }
    }
    /// Record the time since the last lap as `name`.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let since = self.last.map_or(Duration::ZERO, |t| now - t);
        let resident = if self.memory { resident_kib() } else { None };
        self.laps.push((name, since, resident));
        self.last = Some(now);
    }
    /// Append `other`'s laps (a stage run inside this one) and go on from now.
    pub fn extend(&mut self, other: &Stages) {
        self.laps.extend(other.laps.iter().cloned());
        self.last = Some(Instant::now());
    }
    /// `name 1.2 ms, …`, with the resident memory after each stage when profiling
    /// (`name 1.2 ms 310 MiB, …`).
    pub fn render(&self) -> String {
        (self.laps.iter())
            .map(|(n, d, kib)| {
                let ms = d.as_secs_f64() * 1000.0;
                match kib {
                    Some(kib) => format!("{n} {ms:.1} ms {} MiB", kib / 1024),
                    None => format!("{n} {ms:.1} ms"),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The process's resident memory in KiB (Linux: VmRSS of /proc/self/status), for profiles.
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
