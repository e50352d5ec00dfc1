//! Stage timings for profiles (`VEJVISER_PROFILE=1`): serve's rebuilds and the build's
//! search phase.

use std::time::{Duration, Instant};

/// Whether stage timings are asked for: `VEJVISER_PROFILE` set, and not empty or `0`.
pub fn profiling() -> bool {
    std::env::var_os("VEJVISER_PROFILE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// How long each stage of a load, rebuild or search phase took, in order (for profiles).
#[derive(Debug, Default, Clone)]
pub struct Stages {
    pub laps: Vec<(&'static str, Duration)>,
    last: Option<Instant>,
}

impl Stages {
    pub fn start() -> Stages {
        Stages {
            laps: Vec::new(),
            last: Some(Instant::now()),
        }
    }
    /// Record the time since the last lap as `name`.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let since = self.last.map_or(Duration::ZERO, |t| now - t);
        self.laps.push((name, since));
        self.last = Some(now);
    }
    /// Append `other`'s laps (a stage run inside this one) and go on from now.
    pub fn extend(&mut self, other: &Stages) {
        self.laps.extend(other.laps.iter().cloned());
        self.last = Some(Instant::now());
    }
    /// `name 1.2 ms, …`
    pub fn render(&self) -> String {
        (self.laps.iter())
            .map(|(n, d)| format!("{n} {:.1} ms", d.as_secs_f64() * 1000.0))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
