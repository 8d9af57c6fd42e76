//! What this process has used, from `/proc/self`: CPU time as the sum of every live thread's
//! `schedstat` (nanoseconds, finer than `stat`'s clock ticks), context switches from each
//! thread's `status`, resident memory from `status`, private memory from `smaps_rollup`.

use std::fs;

/// CPU time and context switches so far.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Usage {
    /// CPU time of the live threads, in nanoseconds.
    pub cpu_ns: u64,
    /// Voluntary and involuntary context switches of the live threads.
    pub switches: u64,
}

impl Usage {
    /// Now.
    pub(crate) fn now() -> Self {
        let mut usage = Self::default();
        let Ok(tasks) = fs::read_dir("/proc/self/task") else {
            return usage;
        };
        for task in tasks.flatten() {
            let path = task.path();
            if let Ok(schedstat) = fs::read_to_string(path.join("schedstat")) {
                usage.cpu_ns += schedstat
                    .split_whitespace()
                    .next()
                    .and_then(|ns| ns.parse::<u64>().ok())
                    .unwrap_or(0);
            }
            if let Ok(status) = fs::read_to_string(path.join("status")) {
                usage.switches += field(&status, "voluntary_ctxt_switches:")
                    + field(&status, "nonvoluntary_ctxt_switches:");
            }
        }
        usage
    }

    /// What was used since `earlier`.
    pub(crate) fn since(self, earlier: Self) -> Self {
        Self {
            cpu_ns: self.cpu_ns.saturating_sub(earlier.cpu_ns),
            switches: self.switches.saturating_sub(earlier.switches),
        }
    }
}

/// Resident memory, in KiB.
pub(crate) fn rss_kib() -> u64 {
    fs::read_to_string("/proc/self/status").map_or(0, |status| field(&status, "VmRSS:"))
}

/// Private memory (`Private_Clean` + `Private_Dirty` of `smaps_rollup`), in KiB: what this
/// process alone holds, without the code pages it shares with other processes running the
/// same binary and libraries.
pub(crate) fn private_kib() -> u64 {
    fs::read_to_string("/proc/self/smaps_rollup").map_or(0, |rollup| {
        field(&rollup, "Private_Clean:") + field(&rollup, "Private_Dirty:")
    })
}

fn field(status: &str, name: &str) -> u64 {
    status
        .lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|value| value.parse().ok())
        .unwrap_or(0)
}
