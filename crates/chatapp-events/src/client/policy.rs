//! When to reconnect: what the end of a connection means ([`Ended`]), and the delay before
//! the next attempt ([`Backoff`]): exponential with jitter, at least a second after a 41xx
//! close code.

use std::time::Duration;

use super::ClientError;
use crate::protocol::CloseAction;

/// Why a connection ended, and what to do next.
pub(super) enum Ended {
    /// Closed on request.
    Closed,
    /// Stop for good.
    Fatal(ClientError),
    /// Reconnect now.
    Now,
    /// Reconnect after a delay; `over_capacity` marks a 41xx code (at least 1 s).
    Backoff { over_capacity: bool },
}

impl Ended {
    /// A drop with no close code.
    pub(super) const DROPPED: Self = Self::Backoff {
        over_capacity: false,
    };

    /// What a close code (or a `pusher:error` code ending the handshake) means.
    pub(super) fn from_code(code: u16, reason: String) -> Self {
        match CloseAction::of(code) {
            CloseAction::Stop => Self::Fatal(ClientError::Stopped { code, reason }),
            CloseAction::BackoffAtLeastOneSecond => Self::Backoff {
                over_capacity: true,
            },
            CloseAction::ReconnectNow => Self::Now,
            _ => Self::DROPPED,
        }
    }
}

/// The shortest wait before any reconnect, even one the server asked for at once (4200):
/// a server that closes every connection right away must not be dialled in a tight loop.
pub(super) const MIN_DELAY: Duration = Duration::from_millis(200);

/// How long a connection must stay up before its end counts as a fresh start: shorter
/// connections count as failures, so a server that accepts and closes at once meets a
/// growing backoff.
pub(super) const STABLE_AFTER: Duration = Duration::from_secs(10);

/// Reconnect delays: `initial`, doubling per failure, at most `longest`, in the upper half
/// of that with jitter; a first "reconnect now" waits [`MIN_DELAY`] (jittered), a repeated
/// one backs off like any failure.
pub(super) struct Backoff {
    initial: Duration,
    longest: Duration,
    failures: u32,
}

impl Backoff {
    pub(super) const fn new(initial: Duration, longest: Duration) -> Self {
        Self {
            initial,
            longest,
            failures: 0,
        }
    }

    /// A connection stayed up for [`STABLE_AFTER`]: the next failure starts from `initial`
    /// again.
    pub(super) const fn reset(&mut self) {
        self.failures = 0;
    }

    /// The delay before the next attempt after `ended`.
    pub(super) fn delay(&mut self, ended: &Ended) -> Duration {
        let over_capacity = match ended {
            Ended::Now if self.failures == 0 => {
                self.failures = 1;
                return MIN_DELAY / 2 + jitter(MIN_DELAY / 2);
            }
            Ended::Now => &false,
            Ended::Backoff { over_capacity } => over_capacity,
            Ended::Closed | Ended::Fatal(_) => return Duration::ZERO,
        };
        self.failures = self.failures.saturating_add(1);
        let delay = self
            .initial
            .saturating_mul(1 << self.failures.saturating_sub(1).min(16))
            .min(self.longest);
        // Jitter: somewhere in the upper half, so clients do not come back at once.
        let delay = delay / 2 + jitter(delay / 2);
        // 41xx: "reconnect after at least 1 s".
        if *over_capacity {
            delay.max(Duration::from_secs(1))
        } else {
            delay.max(MIN_DELAY / 2)
        }
    }
}

/// A pseudo-random duration in `[0, up_to]` from the standard library's randomly seeded
/// hasher: enough to spread reconnects, no crate needed.
pub(super) fn jitter(up_to: Duration) -> Duration {
    use std::hash::{BuildHasher, Hasher};
    // Each RandomState has fresh keys, so an empty hash is a new random number.
    let hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = u64::try_from(up_to.as_nanos()).unwrap_or(u64::MAX);
    Duration::from_nanos(hasher.finish() % nanos.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_code_policy() {
        assert!(matches!(
            Ended::from_code(4001, String::new()),
            Ended::Fatal(ClientError::Stopped { code: 4001, .. })
        ));
        assert!(matches!(
            Ended::from_code(4301, String::new()),
            Ended::Fatal(_)
        ));
        assert!(matches!(
            Ended::from_code(4100, String::new()),
            Ended::Backoff {
                over_capacity: true
            }
        ));
        assert!(matches!(Ended::from_code(4201, String::new()), Ended::Now));
        assert!(matches!(
            Ended::from_code(1006, String::new()),
            Ended::Backoff {
                over_capacity: false
            }
        ));
    }

    #[test]
    fn delays_double_stay_capped_and_reset() {
        let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_millis(400));
        let dropped = Ended::DROPPED;
        let delays: Vec<Duration> = (0..5).map(|_| backoff.delay(&dropped)).collect();
        let bounds = [100, 200, 400, 400, 400];
        for (delay, bound) in delays.iter().zip(bounds) {
            let bound = Duration::from_millis(bound);
            assert!(
                *delay >= bound / 2 && *delay <= bound,
                "{delay:?} for {bound:?}"
            );
        }
        backoff.reset();
        assert!(backoff.delay(&dropped) <= Duration::from_millis(100));
        assert!(
            backoff.delay(&Ended::Backoff {
                over_capacity: true
            }) >= Duration::from_secs(1)
        );
    }

    #[test]
    fn reconnect_now_waits_a_little_and_then_backs_off() {
        let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_millis(800));
        let first = backoff.delay(&Ended::Now);
        assert!(first >= MIN_DELAY / 2 && first <= MIN_DELAY, "{first:?}");
        // The server keeps saying "now" at once: the delays grow like failures.
        let delays: Vec<Duration> = (0..6).map(|_| backoff.delay(&Ended::Now)).collect();
        assert!(
            delays.iter().all(|delay| *delay >= MIN_DELAY / 2),
            "{delays:?}"
        );
        assert!(delays[5] >= Duration::from_millis(400), "{delays:?}");
        // A stable connection starts over.
        backoff.reset();
        assert!(backoff.delay(&Ended::Now) <= MIN_DELAY);
    }

    #[test]
    fn jitter_stays_in_range() {
        for _ in 0..100 {
            assert!(jitter(Duration::from_millis(10)) <= Duration::from_millis(10));
        }
        assert_eq!(jitter(Duration::ZERO), Duration::ZERO);
    }
}
