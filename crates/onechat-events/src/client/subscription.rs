//! One task per subscription: subscribes and waits for the confirmation, then decodes the
//! subscription's messages, keeps the presence schedule, and watches every resubscription.

use std::{
    collections::{BTreeMap, BTreeSet, VecDeque},
    sync::{Arc, Mutex, PoisonError},
    time::{Duration, SystemTime},
};

use actioncable::{Client as CableClient, Event as CableEvent, Subscription};
use chat_events_core::Id;
use tokio::{
    sync::{mpsc, watch},
    time::{self, Instant},
};

use super::{ClientError, Item, Update, link::Link};
use crate::{Event, EventKind, Identifier};

/// Which subscription delivers an event that every subscription of the token receives.
pub(super) struct Routing {
    deliver_duplicates: bool,
    only_accounts: Option<BTreeSet<i64>>,
    /// The subscriptions still running, by position: their accounts.
    live: Mutex<BTreeMap<usize, Option<i64>>>,
    /// How many subscriptions of the first connection have not been answered yet
    /// (confirmed, rejected or timed out): the first presence updates wait for 0, so that
    /// their broadcasts (one per subscription of the token, each copied to every
    /// subscription) do not slow the server's confirmations of the rest of the burst.
    unsettled: watch::Sender<usize>,
}

impl Routing {
    pub(super) fn new(
        accounts: impl IntoIterator<Item = Option<i64>>,
        only_accounts: Option<BTreeSet<i64>>,
        deliver_duplicates: bool,
    ) -> Self {
        let live: BTreeMap<usize, Option<i64>> = accounts.into_iter().enumerate().collect();
        Self {
            deliver_duplicates,
            only_accounts,
            unsettled: watch::Sender::new(live.len()),
            live: Mutex::new(live),
        }
    }

    /// A subscription of the first connection got its answer (or gave up waiting).
    fn settle(&self) {
        self.unsettled
            .send_modify(|left| *left = left.saturating_sub(1));
    }

    /// Waits until every subscription of the first connection got its answer.
    async fn all_settled(&self) {
        let mut unsettled = self.unsettled.subscribe();
        let _ = unsettled.wait_for(|left| *left == 0).await;
    }

    fn live(&self) -> std::sync::MutexGuard<'_, BTreeMap<usize, Option<i64>>> {
        self.live.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A subscription that ended (rejected, not confirmed, stopped) delivers nothing more;
    /// the events of its account go to the first live subscription.
    fn leave(&self, position: usize) {
        self.live().remove(&position);
    }

    /// Whether the subscription at `position` delivers an event of `account`: events of an
    /// account on that account's subscription, others (and those of accounts without a live
    /// subscription) on the first live one.
    fn delivers(&self, position: usize, account: Option<i64>) -> bool {
        if let (Some(only), Some(account)) = (&self.only_accounts, account)
            && !only.contains(&account)
        {
            return false;
        }
        if self.deliver_duplicates {
            return true;
        }
        let live = self.live();
        let owner = account
            .and_then(|account| {
                live.iter()
                    .find(|(_, live_account)| **live_account == Some(account))
            })
            .or_else(|| live.iter().next())
            .map(|(owner, _)| *owner);
        owner.is_none_or(|owner| owner == position)
    }

    /// Whether the subscription at `position` reports a message that does not decode
    /// (every subscription of the token gets the same one: the first live one reports it).
    fn reports(&self, position: usize) -> bool {
        self.deliver_duplicates
            || self
                .live()
                .keys()
                .next()
                .is_none_or(|first| *first == position)
    }
}

/// The settings every subscription task shares.
pub(super) struct Settings {
    pub(super) confirm_timeout: Duration,
    pub(super) presence_interval: Duration,
    /// How many updates a task holds while the queue is full.
    pub(super) backlog: usize,
}

/// One subscription's task.
pub(super) struct Pump {
    pub(super) cable: CableClient,
    pub(super) request: actioncable::Identifier,
    pub(super) source: Identifier,
    pub(super) account: Option<i64>,
    pub(super) position: usize,
    pub(super) routing: Arc<Routing>,
    pub(super) settings: Arc<Settings>,
    pub(super) updates: mpsc::Sender<Item>,
    pub(super) link: watch::Receiver<Link>,
    /// The welcomes whose `Reconnected` is queued (see [`Pump::subscribed`]).
    pub(super) announced: watch::Receiver<u64>,
}

/// Whether the server confirmed the subscription on the connection in hand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Confirmation {
    Confirmed,
    /// Not yet (since the connection dropped).
    Waiting,
    /// Not within the timeout, and reported (once per connection).
    Overdue,
}

/// Where a subscription stands in the loop.
struct Progress {
    /// Updates taken off the connection, waiting for room in the queue.
    backlog: VecDeque<Item>,
    /// Whether the subscription's message stream is still open.
    open: bool,
    /// Whether its stream of connection events is still open.
    events: bool,
    confirmation: Confirmation,
}

impl Pump {
    pub(super) async fn run(mut self) {
        let subscribing = self.cable.subscribe(self.request.clone());
        let answer = time::timeout(self.settings.confirm_timeout, subscribing).await;
        self.routing.settle();
        let subscription = match answer {
            Ok(Ok(subscription)) => subscription,
            Ok(Err(actioncable::Error::Rejected { .. })) => {
                self.routing.leave(self.position);
                tracing::warn!(account = ?self.account, "subscription rejected");
                let source = self.source.clone();
                let _ = self
                    .updates
                    .send(Err(ClientError::Rejected { identifier: source }))
                    .await;
                return;
            }
            // The client stopped before the server answered; the supervisor reports why.
            Ok(Err(_)) => {
                self.routing.leave(self.position);
                return;
            }
            // Dropping the wait makes the crate forget the subscription (and unsubscribe).
            Err(_) => {
                self.routing.leave(self.position);
                tracing::warn!(account = ?self.account, "subscription not confirmed in time");
                let error = ClientError::ConfirmationTimeout {
                    identifier: self.source.clone(),
                    after: self.settings.confirm_timeout,
                };
                let _ = self.updates.send(Err(error)).await;
                return;
            }
        };
        // The connection events up to the confirmation `subscribe()` returned on are
        // already buffered: the later ones are news.
        loop {
            tokio::select! {
                biased;
                event = subscription.next_event() => {
                    if matches!(event, Some(CableEvent::Connected { .. }) | None) {
                        break;
                    }
                }
                () = std::future::ready(()) => break,
            }
        }
        let mut progress = Progress {
            backlog: VecDeque::new(),
            open: true,
            events: true,
            confirmation: Confirmation::Confirmed,
        };
        let subscribed = Self::subscribed(&mut self.announced, &self.link, &self.source).await;
        progress.backlog.push_back(subscribed);
        self.pump(&subscription, &mut progress).await;
        self.routing.leave(self.position);
    }

    /// Reads the subscription until it ends, then hands over what is left.
    async fn pump(&mut self, subscription: &Subscription, progress: &mut Progress) {
        let interval = self.settings.presence_interval;
        let mut presence = time::interval_at(Instant::now() + interval, interval);
        presence.set_missed_tick_behavior(time::MissedTickBehavior::Delay);
        // The first presence update: once the whole first burst of subscribes is answered.
        let routing = Arc::clone(&self.routing);
        let settled = routing.all_settled();
        tokio::pin!(settled);
        let mut first_presence = true;
        let mut link_open = true;
        loop {
            if !progress.open && progress.backlog.is_empty() {
                return;
            }
            let deadline = self.confirmation_deadline(progress);
            // Biased: a confirmation is taken before the messages that followed it, so that
            // `Subscribed` comes first; messages last, so that a flood does not hold up the
            // rest.
            tokio::select! {
                biased;
                permit = self.updates.reserve(), if !progress.backlog.is_empty() => {
                    // The consumer is gone: nothing left to do.
                    let Ok(permit) = permit else { return };
                    if let Some(item) = progress.backlog.pop_front() {
                        permit.send(item);
                    }
                }
                event = subscription.next_event(), if progress.open && progress.events => match event {
                    Some(CableEvent::Connected { .. }) => {
                        progress.confirmation = Confirmation::Confirmed;
                        let subscribed =
                            Self::subscribed(&mut self.announced, &self.link, &self.source).await;
                        progress.backlog.push_back(subscribed);
                        self.send_presence(subscription).await;
                        presence.reset();
                    }
                    Some(CableEvent::Disconnected { will_reconnect: true }) => {
                        progress.confirmation = Confirmation::Waiting;
                    }
                    Some(CableEvent::Rejected) => {
                        // The crate has let go of it; the message stream ends next.
                        self.routing.leave(self.position);
                        tracing::warn!(account = ?self.account, "resubscription rejected");
                        let source = self.source.clone();
                        progress.backlog.push_back(Err(ClientError::Rejected { identifier: source }));
                    }
                    // The client stopped: the message stream ends next.
                    Some(CableEvent::Disconnected { will_reconnect: false }) => {}
                    None => progress.events = false,
                },
                () = &mut settled, if first_presence => {
                    first_presence = false;
                    if progress.open && progress.confirmation == Confirmation::Confirmed {
                        self.send_presence(subscription).await;
                        presence.reset();
                    }
                }
                _ = presence.tick(), if progress.open && progress.confirmation == Confirmation::Confirmed => {
                    self.send_presence(subscription).await;
                }
                () = time::sleep_until(deadline.unwrap_or_else(Instant::now)), if deadline.is_some() => {
                    progress.confirmation = Confirmation::Overdue;
                    tracing::warn!(account = ?self.account, "resubscription not confirmed in time");
                    let error = ClientError::ConfirmationTimeout {
                        identifier: self.source.clone(),
                        after: self.settings.confirm_timeout,
                    };
                    progress.backlog.push_back(Err(error));
                }
                // The deadline counts from the welcome of the connection in hand.
                changed = self.link.changed(),
                    if link_open && progress.open && progress.confirmation == Confirmation::Waiting =>
                {
                    link_open = changed.is_ok();
                }
                message = subscription.next(),
                    if progress.open && progress.backlog.len() < self.settings.backlog =>
                {
                    let Some(message) = message else {
                        progress.open = false;
                        continue;
                    };
                    let received_at = SystemTime::now();
                    if let Some(item) = self.decode(message.as_str(), received_at) {
                        progress.backlog.push_back(item);
                    }
                }
            }
        }
    }

    /// When a resubscription that is still unconfirmed is reported: `confirm_timeout`
    /// after the welcome of the connection in hand.
    fn confirmation_deadline(&self, progress: &Progress) -> Option<Instant> {
        if !progress.open || progress.confirmation != Confirmation::Waiting {
            return None;
        }
        self.link
            .borrow()
            .up_since
            .map(|since| since + self.settings.confirm_timeout)
    }

    /// `Subscribed`, once the `Reconnected` of the connection it came on is queued.
    async fn subscribed(
        announced: &mut watch::Receiver<u64>,
        link: &watch::Receiver<Link>,
        source: &Identifier,
    ) -> Item {
        let welcomes = link.borrow().welcomes;
        // Fails only when the client is stopping: then the order no longer matters.
        let _ = announced.wait_for(|announced| *announced >= welcomes).await;
        Ok(Update::Subscribed {
            source: source.clone(),
        })
    }

    /// Decodes a message into the update this subscription delivers, if it delivers one.
    ///
    /// Every subscription of a token receives a copy of the token's broadcasts. The account
    /// is read first from the raw text (`data.account_id` of a known event, as
    /// [`Event::account_id`] reads it), and only the subscription that delivers the event
    /// decodes it, plus the one that reports messages that do not decode: with 100 accounts,
    /// two decodes of a broadcast instead of 100.
    fn decode(&self, text: &str, received_at: SystemTime) -> Option<Item> {
        let account = routing_account(text);
        let delivers = self.routing.delivers(self.position, account);
        let reports = self.routing.reports(self.position);
        if !delivers && !reports {
            return None;
        }
        match Event::decode(text.as_bytes()) {
            // The peek and the decoded event agree on the account; should they ever not, the
            // decoded one decides.
            Ok(event)
                if self
                    .routing
                    .delivers(self.position, decoded_account(&event)) =>
            {
                Some(Ok(Update::Event {
                    source: self.source.clone(),
                    event,
                    received_at,
                }))
            }
            Err(error) if reports => Some(Err(ClientError::Decode {
                identifier: self.source.clone(),
                error,
            })),
            Ok(_) | Err(_) => None,
        }
    }

    async fn send_presence(&self, subscription: &Subscription) {
        if let Err(error) = subscription.perform("update_presence", ()).await {
            // Lost while disconnected; the next confirmation sends it again.
            tracing::debug!(account = ?self.account, error = %error_kind(&error), "update_presence not sent");
        }
    }
}

/// The account of a known event, read from the raw text without decoding it (`None` for
/// unknown events and events without one, as [`Event::account_id`] says).
fn routing_account(text: &str) -> Option<i64> {
    let name = chat_events_core::unstable::peek(text, &["event"])
        .and_then(|name| serde_json::from_str::<std::borrow::Cow<'_, str>>(name).ok())?;
    if !EventKind::from(&*name).is_known() {
        return None;
    }
    chat_events_core::unstable::peek(text, &["data", "account_id"])
        .and_then(|account| serde_json::from_str::<Id>(account).ok())
        .and_then(|account| account.as_i64())
}

/// The account of a decoded event.
fn decoded_account(event: &Event) -> Option<i64> {
    event.account_id().and_then(Id::as_i64)
}

/// The kind of an `actioncable` error, without its text (which may quote the identifier).
fn error_kind(error: &actioncable::Error) -> &'static str {
    match error {
        actioncable::Error::NotConnected => "not connected",
        actioncable::Error::Closed => "closed",
        _ => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(account: Option<i64>) -> Event {
        let body = match account {
            Some(account) => format!(
                r#"{{"event":"call.rejected","data":{{"room_id":"r","account_id":{account}}}}}"#
            ),
            None => r#"{"event":"something.new","data":{}}"#.to_owned(),
        };
        Event::decode(body.as_bytes()).unwrap().into_event()
    }

    #[test]
    fn each_event_goes_to_its_accounts_live_subscription_once() {
        let routing = Routing::new([Some(1), Some(2), Some(3)], None, false);
        let deliverers = |event: &Event| -> Vec<usize> {
            (0..3)
                .filter(|&position| routing.delivers(position, decoded_account(event)))
                .collect()
        };
        assert_eq!(deliverers(&event(Some(2))), [1]);
        assert_eq!(deliverers(&event(None)), [0]);
        assert_eq!(
            deliverers(&event(Some(9))),
            [0],
            "an account not subscribed"
        );
        assert!(routing.reports(0) && !routing.reports(1));
        // Account 1's subscription ended: the first live one takes over.
        routing.leave(0);
        assert_eq!(deliverers(&event(Some(1))), [1]);
        assert_eq!(deliverers(&event(None)), [1]);
        assert!(routing.reports(1));

        let only = Routing::new([Some(1), Some(2)], Some(BTreeSet::from([2])), false);
        assert!(!only.delivers(0, Some(1)) && !only.delivers(1, Some(1)));
        assert!(only.delivers(1, Some(2)));
        assert!(only.delivers(0, None), "events without an account pass");

        let all = Routing::new([Some(1), Some(2)], None, true);
        assert!(all.delivers(0, Some(2)) && all.delivers(1, Some(2)));
        assert!(all.reports(0) && all.reports(1));
    }

    #[test]
    fn the_peeked_account_is_the_decoded_one() {
        let cases = [
            r#"{"event":"call.rejected","data":{"room_id":"r","account_id":7}}"#,
            r#"{"event":"call.rejected","data":{"room_id":"r","account_id":"7"}}"#,
            r#"{"data":{"account_id":7,"room_id":"r"},"event":"call.rejected"}"#,
            r#"{"event":"call.rejected","data":{"room_id":"r","account_id":null}}"#,
            r#"{"event":"call.rejected","data":{"room_id":"r"}}"#,
            r#"{"event":"something.new","data":{"account_id":7}}"#,
            r#"{"event":"presence.update","data":{"account_id":3,"users":{}}}"#,
        ];
        for text in cases {
            let decoded = Event::decode(text.as_bytes()).unwrap();
            assert_eq!(routing_account(text), decoded_account(&decoded), "{text}");
        }
        assert_eq!(routing_account("not json"), None);
    }

    /// Every fixture of the corpus: the peek finds the account the decoder finds.
    #[cfg(feature = "testkit")]
    #[test]
    fn the_peek_agrees_on_every_fixture() {
        let fixtures = chat_events_core::Fixture::all(crate::corpus::FIXTURES);
        assert!(fixtures.len() > 50, "the corpus is embedded");
        let mut checked = 0;
        for fixture in fixtures {
            let text = fixture.json;
            let Ok(decoded) = Event::decode(text.as_bytes()) else {
                continue;
            };
            // Frames hold the broadcast in `message`; the client gets the broadcast alone.
            let broadcast = chat_events_core::unstable::peek(&text, &["message"])
                .filter(|message| message.starts_with('{'))
                .unwrap_or(&text);
            assert_eq!(
                routing_account(broadcast),
                decoded_account(&decoded),
                "{}",
                fixture.path
            );
            checked += 1;
        }
        assert!(checked > 50);
    }
}
