//! Stage timings for profiles (`VEJVISER_PROFILE=1`): serve's rebuilds and the build's
//! search phase.

use std::time::{Duration, Instant};

/// Whether stage timings are asked for: `VEJVISER_PROFILE` set, and not empty or `0`.
pub fn profiling() -> bool {
    std::env::var_os("VEJVISER_PROFILE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// How long each stage of a load, rebuild or search phase took, in order (for profiles);
/// when profiling, also the process's resident memory at the end of each stage.
#[derive(Debug, Default, Clone)]
pub struct Stages {
    pub laps: Vec<(&'static str, Duration)>,
    /// Resident memory in KiB after each lap, when profiling (else empty).
    pub resident_kib: Vec<u64>,
    last: Option<Instant>,
    memory: bool,
}

impl Stages {
    pub fn start() -> Stages {
        Stages {
            laps: Vec::new(),
            resident_kib: Vec::new(),
            last: Some(Instant::now()),
            memory: profiling(),
        }
    }
    /// Record the time since the last lap as `name`.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let since = self.last.map_or(Duration::ZERO, |t| now - t);
        self.laps.push((name, since));
        if self.memory {
            self.resident_kib.push(resident_kib().unwrap_or(0));
        }
        self.last = Some(now);
    }
    /// Append `other`'s laps (a stage run inside this one) and go on from now.
    pub fn extend(&mut self, other: &Stages) {
        self.laps.extend(other.laps.iter().cloned());
        if self.memory && other.resident_kib.len() == other.laps.len() {
            self.resident_kib.extend(other.resident_kib.iter().copied());
        } else {
            self.memory = false;
            self.resident_kib.clear();
        }
        self.last = Some(Instant::now());
    }
    /// `name 1.2 ms, …`, with the resident memory after each stage when profiling
    /// (`name 1.2 ms 310 MiB, …`).
    pub fn render(&self) -> String {
        (self.laps.iter().enumerate())
            .map(|(i, (n, d))| {
                let ms = d.as_secs_f64() * 1000.0;
                match self.resident_kib.get(i) {
                    Some(kib) if self.resident_kib.len() == self.laps.len() => {
                        format!("{n} {ms:.1} ms {} MiB", kib / 1024)
                    }
                    _ => format!("{n} {ms:.1} ms"),
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
