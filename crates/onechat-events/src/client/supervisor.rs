//! The connection's task: follows the [`Link`] into the client's [`ConnectionState`], queues
//! `Reconnected` after every new welcome, closes on request (or when the [`Client`] is
//! dropped, or when no subscription is left), and reports why the client stopped.
//!
//! [`Client`]: super::Client

use std::time::Duration;

use actioncable::Client as CableClient;
use chat_events_core::ConnectionState;
use tokio::{
    sync::{mpsc, watch},
    task::JoinSet,
    time::{self, Instant},
};

use super::{ClientError, Item, Update, link::Link};

pub(super) struct Supervisor {
    pub(super) cable: CableClient,
    pub(super) link: watch::Receiver<Link>,
    pub(super) state: watch::Sender<ConnectionState>,
    /// The welcomes whose `Reconnected` is queued; subscription tasks queue their
    /// `Subscribed` after it.
    pub(super) announced: watch::Sender<u64>,
    pub(super) updates: mpsc::Sender<Item>,
    /// `true` from [`Client::close`](super::Client::close); closed when the client is
    /// dropped.
    pub(super) closing: watch::Receiver<bool>,
    pub(super) pumps: JoinSet<()>,
    pub(super) unavailable_after: Duration,
    /// The total downtime already reported.
    pub(super) reported_downtime: Duration,
    /// The failed dials already reported.
    pub(super) reported_failures: u64,
}

/// How the connection's task ended.
enum End {
    /// The crate's client stopped (on request, or for a reason in `cable.err()`).
    Stopped,
    /// Every subscription ended: rejected, or never confirmed.
    NothingLeft,
}

impl Supervisor {
    pub(super) async fn run(mut self) {
        self.follow_link().await;
        let end = loop {
            let unavailable_at = self.unavailable_at();
            tokio::select! {
                biased;
                () = self.cable.done() => break End::Stopped,
                // A request, or the client was dropped.
                _ = self.closing.changed() => {
                    self.cable.close().await;
                    break End::Stopped;
                }
                joined = self.pumps.join_next() => match joined {
                    Some(Ok(())) => {}
                    Some(Err(error)) => tracing::error!(%error, "onechat subscription task failed"),
                    // The tasks also end when the crate's client stops: then that is why.
                    None if self.cable.err().is_some() => {
                        self.cable.done().await;
                        break End::Stopped;
                    }
                    None => {
                        self.cable.close().await;
                        break End::NothingLeft;
                    }
                },
                changed = self.link.changed() => {
                    if changed.is_err() {
                        // The crate dropped its transport: it is stopping.
                        self.cable.done().await;
                        break End::Stopped;
                    }
                    self.follow_link().await;
                }
                () = time::sleep_until(unavailable_at.unwrap_or_else(Instant::now)), if unavailable_at.is_some() => {
                    tracing::warn!(after = ?self.unavailable_after, "onechat client still not connected");
                    self.state.send_replace(ConnectionState::Unavailable);
                }
            }
        };
        // The subscription tasks end with their streams, after handing over what they hold.
        self.pumps.detach_all();
        self.finish(&end).await;
    }

    /// When the state becomes `Unavailable`: `unavailable_after` into an outage.
    fn unavailable_at(&self) -> Option<Instant> {
        if *self.state.borrow() != ConnectionState::Connecting {
            return None;
        }
        self.link
            .borrow()
            .down_since
            .map(|since| since + self.unavailable_after)
    }

    /// Takes in the connection's changes: a new welcome, a loss.
    async fn follow_link(&mut self) {
        let (welcomes, downtime, up, failures, last_failure) = {
            let link = self.link.borrow_and_update();
            (
                link.welcomes,
                link.downtime,
                link.is_up(),
                link.failed_dials,
                link.last_failure.clone(),
            )
        };
        if failures > self.reported_failures {
            self.reported_failures = failures;
            let message = format!(
                "reconnecting failed ({}); retrying",
                last_failure.as_deref().unwrap_or("unknown reason")
            );
            tracing::info!(%message, "onechat client");
            self.send(Err(ClientError::Connect {
                message,
                cause: None,
            }))
            .await;
        }
        let state = *self.state.borrow();
        if up && state != ConnectionState::Connected {
            self.state.send_replace(ConnectionState::Connected);
        } else if !up && state == ConnectionState::Connected {
            self.state.send_replace(ConnectionState::Connecting);
        }
        if welcomes > *self.announced.borrow() {
            let downtime = downtime.saturating_sub(self.reported_downtime);
            self.reported_downtime += downtime;
            tracing::info!(?downtime, "onechat client reconnected");
            self.send(Ok(Update::Reconnected { downtime })).await;
            self.announced.send_replace(welcomes);
        }
    }

    /// Sets the final state and reports why the client stopped, unless it was closed on
    /// purpose.
    async fn finish(&mut self, end: &End) {
        let closing = self.closing.has_changed().is_err() || *self.closing.borrow();
        let error = match end {
            _ if closing => None,
            End::NothingLeft => Some(ClientError::Stopped {
                reason: None,
                message: "no subscription is left (each was rejected or not confirmed)".to_owned(),
            }),
            End::Stopped => match self.cable.err() {
                None | Some(actioncable::Error::Closed) => None,
                Some(actioncable::Error::Disconnected { reason, .. }) => {
                    Some(ClientError::Stopped {
                        reason: reason.as_ref().map(|reason| reason.as_str().to_owned()),
                        message: "the server disconnected and asked not to reconnect".to_owned(),
                    })
                }
                Some(actioncable::Error::GaveUp { attempts, .. }) => Some(ClientError::Stopped {
                    reason: None,
                    message: format!("gave up after {attempts} connection attempts"),
                }),
                // Other errors may quote the identifier (and its token): name the kind only.
                Some(_) => Some(ClientError::Stopped {
                    reason: None,
                    message: "the connection failed".to_owned(),
                }),
            },
        };
        match error {
            None => {
                self.state.send_replace(ConnectionState::Closed);
            }
            Some(error) => {
                tracing::warn!(error = %error, "onechat client stopped");
                self.state.send_replace(ConnectionState::Failed);
                self.send(Err(error)).await;
            }
        }
    }

    /// Queues an update, unless the client is closed (or dropped) meanwhile.
    async fn send(&mut self, item: Item) {
        tokio::select! {
            _ = self.updates.send(item) => {}
            _ = self.closing.wait_for(|closing| *closing) => {}
        }
    }
}
