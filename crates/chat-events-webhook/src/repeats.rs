//! The record of deliveries already answered, so that a repeat is answered without being
//! delivered again.
//!
//! Written here rather than with a cache crate: an entry's state follows the answer. A
//! delivery counts as seen only once it was answered 200; while its first request is still
//! being handled a repeat is asked to retry (it may yet fail, and then the repeat must get
//! through); when the first request fails its entry is removed. Cache crates keep values,
//! not this hand-over. The record is bounded by a window (entries older are forgotten) and
//! by a size (the oldest go first).

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// What a delivery id's lookup found.
pub(crate) enum Seen {
    /// First time: handle it, then [`Claim::accepted`] (or drop the claim to forget it).
    New(Claim),
    /// Already answered 200 within the window.
    Done,
    /// Its first request is still being handled.
    InFlight,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    InFlight,
    Done,
}

struct Inner {
    entries: HashMap<Arc<str>, (State, Instant)>,
    /// Ids in the order they were first seen, for expiry and for the size bound.
    order: VecDeque<(Arc<str>, Instant)>,
}

impl Inner {
    fn forget_oldest(&mut self) {
        if let Some((oldest, at)) = self.order.pop_front()
            && self
                .entries
                .get(&oldest)
                .is_some_and(|(_, seen)| *seen == at)
        {
            self.entries.remove(&oldest);
        }
    }
}

/// The record (one per router).
pub(crate) struct Repeats {
    inner: Mutex<Inner>,
    window: Duration,
    capacity: usize,
}

impl Repeats {
    pub(crate) fn new(window: Duration, capacity: usize) -> Arc<Self> {
        Arc::new(Self {
            inner: Mutex::new(Inner {
                entries: HashMap::new(),
                order: VecDeque::new(),
            }),
            window,
            capacity: capacity.max(1),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while the lock was held cannot leave the maps inconsistent in a way that
        // matters more than losing the record: go on with what is there.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Looks `id` up and, when it is new, claims it.
    pub(crate) fn check(self: &Arc<Self>, id: &str, now: Instant) -> Seen {
        let mut inner = self.lock();
        // Forget what is out of the window.
        while inner
            .order
            .front()
            .is_some_and(|(_, at)| now.saturating_duration_since(*at) > self.window)
        {
            inner.forget_oldest();
        }
        match inner.entries.get(id) {
            Some((State::Done, _)) => Seen::Done,
            Some((State::InFlight, _)) => Seen::InFlight,
            None => {
                // Room for one more: the oldest go first.
                while inner.order.len() >= self.capacity {
                    inner.forget_oldest();
                }
                let key: Arc<str> = id.into();
                inner
                    .entries
                    .insert(Arc::clone(&key), (State::InFlight, now));
                inner.order.push_back((Arc::clone(&key), now));
                Seen::New(Claim {
                    repeats: Arc::clone(self),
                    key,
                    at: now,
                    accepted: false,
                })
            }
        }
    }

    /// How many ids the record holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().entries.len()
    }
}

/// A delivery being handled: [`accepted`](Self::accepted) records it as answered;
/// dropped without that, it is forgotten and a repeat gets through.
pub(crate) struct Claim {
    repeats: Arc<Repeats>,
    key: Arc<str>,
    at: Instant,
    accepted: bool,
}

impl Claim {
    /// The delivery was answered 200.
    pub(crate) fn accepted(mut self) {
        self.accepted = true;
        let mut inner = self.repeats.lock();
        if let Some(entry) = inner.entries.get_mut(&self.key)
            && entry.1 == self.at
        {
            entry.0 = State::Done;
        }
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        if self.accepted {
            return;
        }
        let mut inner = self.repeats.lock();
        if inner
            .entries
            .get(&self.key)
            .is_some_and(|(state, at)| *state == State::InFlight && *at == self.at)
        {
            inner.entries.remove(&self.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeat_is_done_only_after_the_first_was_accepted() {
        let repeats = Repeats::new(Duration::from_secs(60), 10);
        let now = Instant::now();
        let Seen::New(claim) = repeats.check("a", now) else {
            panic!("first sight is new")
        };
        assert!(matches!(repeats.check("a", now), Seen::InFlight));
        claim.accepted();
        assert!(matches!(repeats.check("a", now), Seen::Done));
    }

    #[test]
    fn a_failed_first_request_lets_the_repeat_through() {
        let repeats = Repeats::new(Duration::from_secs(60), 10);
        let now = Instant::now();
        let Seen::New(claim) = repeats.check("a", now) else {
            panic!("first sight is new")
        };
        drop(claim);
        assert!(matches!(repeats.check("a", now), Seen::New(_)));
    }

    #[test]
    fn the_window_and_the_size_bound_the_record() {
        let repeats = Repeats::new(Duration::from_secs(60), 3);
        let start = Instant::now();
        for id in ["a", "b", "c", "d"] {
            if let Seen::New(claim) = repeats.check(id, start) {
                claim.accepted();
            }
        }
        // "a" went when "d" came (size 3).
        assert_eq!(repeats.len(), 3);
        assert!(matches!(repeats.check("b", start), Seen::Done));
        let later = start + Duration::from_secs(61);
        let Seen::New(claim) = repeats.check("b", later) else {
            panic!("out of the window: new again")
        };
        // Everything older than the window is gone; "b" is claimed anew.
        assert_eq!(repeats.len(), 1);
        drop(claim);
        assert_eq!(repeats.len(), 0);
    }
}
