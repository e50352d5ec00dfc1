//! Stage timings for profiles (`VEJVISER_PROFILE=1`): serve's rebuilds and the build's
//! search phase.

use std::time::{Duration, Instant};

/// Whether stage timings are asked for: `VEJVISER_PROFILE` set, and not empty or `0`.
pub fn profiling() -> bool {
    std::env::var_os("VEJVISER_PROFILE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// How long each stage of a load, rebuild or search phase took, in order (for profiles);
/// when profiling, also the process's CPU time in the stage and its resident memory at
/// the end of it.
#[derive(Debug, Default, Clone)]
pub struct Stages {
    pub laps: Vec<(&'static str, Duration, Option<Usage>)>,
    last: Option<Instant>,
    /// The process's CPU time at the last lap, when profiling.
    cpu: Option<Duration>,
}

/// What a profiled stage used: the process's CPU time in it (all threads; above the
/// stage's wall time when it ran on several cores) and the resident memory after it.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    pub cpu: Duration,
    pub resident_kib: Option<u64>,
}

impl Stages {
    pub fn start() -> Stages {
        Stages {
            laps: Vec::new(),
            last: Some(Instant::now()),
            cpu: if profiling() { cpu_time() } else { None },
        }
    }
    /// Record the time since the last lap as `name`.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let since = self.last.map_or(Duration::ZERO, |t| now - t);
        let usage = self.cpu.map(|before| {
            let cpu = cpu_time().unwrap_or(before);
            self.cpu = Some(cpu);
            Usage {
                cpu: cpu.saturating_sub(before),
                resident_kib: resident_kib(),
            }
        });
        self.laps.push((name, since, usage));
        self.last = Some(now);
    }
    /// Append `other`'s laps (a stage run inside this one) and go on from now.
    pub fn extend(&mut self, other: &Stages) {
        self.laps.extend(other.laps.iter().cloned());
        self.last = Some(Instant::now());
        if self.cpu.is_some() {
            self.cpu = cpu_time();
        }
    }
    /// `name 1.2 ms, …`, with the CPU time and the resident memory after each stage
    /// when profiling (`name 1.2 ms (cpu 2.0 ms) 310 MiB, …`).
    pub fn render(&self) -> String {
        (self.laps.iter())
            .map(|(n, d, usage)| {
                let ms = d.as_secs_f64() * 1000.0;
                match usage {
                    Some(u) => {
                        let cpu = u.cpu.as_secs_f64() * 1000.0;
                        let mib = u
                            .resident_kib
                            .map_or(String::new(), |k| format!(" {} MiB", k / 1024));
                        format!("{n} {ms:.1} ms (cpu {cpu:.0} ms){mib}")
                    }
                    None => format!("{n} {ms:.1} ms"),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The process's CPU time so far, user and system, all threads (Linux: utime and stime
/// of /proc/self/stat, in clock ticks of 10 ms), for profiles.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split_whitespace();
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// The process's resident memory in KiB (Linux: VmRSS of /proc/self/status), for profiles.
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
