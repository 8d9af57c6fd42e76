//! Never misread (issue 11): every value that reaches a shape-dispatched type in any fixture
//! — every generation of every event that carries it — is run through that type on its own.
//! When a typed variant is chosen, it must keep every field of the value (no drift); a value
//! that fits no shape must land in the raw catch-all (where it shows in drift), never in a
//! typed variant that drops what it does not know.
//!
//! Remove a shape's key check (make a variant match any object) and a value of another
//! generation is read as that variant with its fields dropped: this test names it.

use std::collections::BTreeMap;

use chat_events_core::{drift, unstable::Shape};
use chat_events_tests::fixtures;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

/// Where a shape-dispatched type sits in payloads: the event names, and paths below the
/// body (`*` for every element of an array, `?` for the value itself or, when it is an
/// array, each element).
struct Location {
    events: &'static [&'static str],
    paths: &'static [&'static str],
}

/// The values found at `path` below `root`.
fn find<'a>(root: &'a Value, path: &str) -> Vec<&'a Value> {
    let mut current = vec![root];
    for step in path.split('/').filter(|step| !step.is_empty()) {
        let mut next = Vec::new();
        for value in current {
            match step {
                "*" => next.extend(value.as_array().into_iter().flatten()),
                "?" => match value {
                    Value::Array(items) => next.extend(items),
                    other => next.push(other),
                },
                key => next.extend(value.get(key)),
            }
        }
        current = next;
    }
    current
}

/// Runs every value at `location` in the fixtures of `provider` through `T`; returns how many
/// values reached it, and every misread.
fn check<T: DeserializeOwned + Serialize + Shape>(
    provider: &str,
    location: &Location,
    misreads: &mut Vec<String>,
) -> usize {
    let mut seen = 0;
    for fixture in fixtures(provider) {
        let Ok(mut root) = serde_json::from_str::<Value>(&fixture.json) else {
            continue;
        };
        // An Action Cable data frame carries the broadcast in `message`.
        if root.get("message").is_some_and(Value::is_object) && root.get("identifier").is_some() {
            root = root["message"].take();
        }
        // ChatApp's Laravel wrapping.
        if root.get("payload").is_some_and(Value::is_object) && root.get("queue").is_some() {
            root = root["payload"].take();
        }
        let event = root
            .get("event")
            .or_else(|| root.pointer("/meta/type"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if !location.events.is_empty() && !location.events.contains(&event.as_str()) {
            continue;
        }
        for path in location.paths {
            for value in find(&root, path) {
                if value.is_null() {
                    continue;
                }
                seen += 1;
                let decoded: T = match serde_json::from_value(value.clone()) {
                    Ok(decoded) => decoded,
                    Err(error) => {
                        misreads.push(format!(
                            "{}: {path} chose a shape it does not fit: {error}",
                            fixture.id()
                        ));
                        continue;
                    }
                };
                if !decoded.is_known_shape() {
                    continue;
                }
                let written = serde_json::to_value(&decoded).unwrap();
                let dropped = drift::compare(value, &written);
                if !dropped.is_empty() {
                    misreads.push(format!(
                        "{}: {path} read as `{}` dropping {:?}",
                        fixture.id(),
                        decoded.shape(),
                        dropped.iter().map(ToString::to_string).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    seen
}

macro_rules! shapes {
    ($provider:literal, $misreads:ident, $counts:ident; $($type:ty => $events:expr, $paths:expr;)+) => {
        $(
            let seen = check::<$type>($provider, &Location { events: $events, paths: $paths }, &mut $misreads);
            *$counts.entry(stringify!($type)).or_default() += seen;
        )+
    };
}

const MESSAGE_EVENTS: &[&str] = &[
    "messages.upsert",
    "messges.upsert",
    "send.message",
    "new.message",
    "status.broadcast",
];

#[test]
fn no_shape_is_chosen_while_fields_are_dropped() {
    use codechat_events::{
        Instance,
        events::{
            ChatsDelete, ConnectionUpdate, GroupChange, LabelAssociation, MessageUpdate,
            MessagesDelete, PresenceUpdated, QrcodeUpdated, StatusInstance,
        },
        objects::{ChatItem, ContactItem, Contacts, GroupParticipant, WebhookMessage},
    };
    use onechat_events::objects::{SecondaryActor, Sender, SubmittedValues};

    let mut misreads = Vec::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    shapes! { "codechat", misreads, counts;
        Instance => &[], &["/instance"];
        WebhookMessage => MESSAGE_EVENTS, &["/data"];
        WebhookMessage => &["messages.set"], &["/data/*"];
        ChatItem => &["chats.set", "chats.update", "chats.upsert"], &["/data/?"];
        Contacts => &["contacts.set", "contacts.update", "contacts.upsert"], &["/data"];
        ContactItem => &["contacts.set", "contacts.update", "contacts.upsert"], &["/data/?"];
        ConnectionUpdate => &["connection.update", "connections.update"], &["/data"];
        MessageUpdate => &["messages.update", "message.update"], &["/data"];
        MessagesDelete => &["messages.delete", "message.delete"], &["/data"];
        ChatsDelete => &["chats.delete"], &["/data"];
        LabelAssociation => &["labels.association"], &["/data"];
        QrcodeUpdated => &["qrcode.updated"], &["/data"];
        StatusInstance => &["status.instance"], &["/data"];
        PresenceUpdated => &["presence.updated"], &["/data"];
        GroupChange => &["groups.update", "group.update"], &["/data/?"];
        GroupParticipant => &[], &["/data/participants/*", "/data/?/participants/*"];
    }
    shapes! { "onechat", misreads, counts;
        Sender => &[], &[
            "/data/sender",
            "/data/meta/sender",
            "/data/meta/assignee",
            "/data/performer",
            "/data/user",
            "/data/messages/*/sender",
            "/data/last_non_activity_message/sender",
        ];
        SecondaryActor => &[], &["/data/notification/secondary_actor"];
        SubmittedValues => &[], &["/data/content_attributes/submitted_values"];
    }
    assert!(
        misreads.is_empty(),
        "{} values read as a shape they do not fit:\n{}",
        misreads.len(),
        misreads.join("\n")
    );
    // Every type was exercised by real values (a wrong path would test nothing).
    let untested: Vec<&&str> = counts
        .iter()
        .filter(|(_, seen)| **seen == 0)
        .map(|(name, _)| name)
        .collect();
    assert!(untested.is_empty(), "no fixture value reached {untested:?}");
    eprintln!("shape values checked: {counts:?}");
}
