//! The envelope every ChatApp event arrives in: the [`SPINE`] that describes it to the
//! decoder, and the [`Payload`] and [`Meta`] types.
//!
//! ChatApp documents a flat body, `{"data": [item, …], "meta": {"type": …, …}}`. Public client
//! code reads a wrapped one too, `{"queue": …, "payload": {"data": […], "meta": {…}}}` (the
//! shape a Laravel broadcast event with `$payload` and `$queue` properties produces). Both
//! decode to the same [`Payload`]: when the top level has a `payload` object, it is unwrapped
//! first, and error paths then start with `payload.`.

use chat_events_core::{Id, Maybe, unstable::Spine, unstable::Wrapper};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::channel::MessengerType;

/// ChatApp's wire format: the name in `meta.type`, the body flat or under `payload`.
pub(crate) const SPINE: Spine = Spine::new("chatapp", &["meta", "type"])
    .body(
        "a ChatApp event body",
        "A ChatApp event body: flat `{data, meta}` or wrapped `{queue, payload: {data, meta}}`.",
        envelope_schema,
    )
    .wrapper(Wrapper::new(
        "payload",
        "The same body wrapped as a Laravel broadcast event.",
        queue_schema,
    ));

/// A bare body, whatever its event.
fn envelope_schema(generator: &mut SchemaGenerator) -> Schema {
    let meta = generator.subschema_for::<Meta>();
    json_schema!({
        "type": "object",
        "required": ["data", "meta"],
        "properties": {
            "data": { "description": "The event's items; their shape depends on `meta.type`.", "type": "array" },
            "meta": meta
        }
    })
}

/// The wrapper's other key. The decoder does not read it, so its schema admits anything.
fn queue_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "properties": { "queue": {
        "description": "The queue the broadcast went through (a string or `null` in practice); not read by the decoder."
    } } })
}

/// The body of one ChatApp event: its items and where it comes from.
///
/// `data` is a list: one event can carry several items (several status changes, a bulk
/// deletion of quick responses).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Payload_{T}")]
#[non_exhaustive]
pub struct Payload<T> {
    /// The event's items.
    pub data: Vec<T>,
    /// The event's name and origin.
    ///
    /// Quirk: public client code reads bodies without `meta` on a line channel (the channel
    /// name says which line); then every field is absent, and the Pusher client fills the
    /// line, company or user from the channel. Only
    /// [`Event::decode_named`](crate::Event::decode_named) accepts such a body
    /// ([`Event::decode`](crate::Event::decode) needs `meta.type` to know the event).
    #[serde(default, skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
}

/// The `meta` object: which event this is and which line, company or user it belongs to.
///
/// Three forms are documented: line events carry `licenseId` and `messengerType`, company
/// events `companyId`, user events `userId` (`messageImport` carries all of the first two).
/// See [`scope`](Self::scope).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Meta {
    /// Company number (company events).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub company_id: Maybe<Id>,
    /// Line number (line events).
    ///
    /// Quirk: sent as a number (`1229`) by most events and as a string (`"1229"`) by
    /// `chatRead` and `chatUnread`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub license_id: Maybe<Id>,
    /// Messenger of the line (line events).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub messenger_type: Maybe<MessengerType>,
    /// The event name as the body gives it, such as `messageStatus`
    /// ([`Event::kind`](crate::Event::kind) is the decoded kind). Absent only in bodies
    /// decoded with [`Event::decode_named`](crate::Event::decode_named), whose name came
    /// from the Pusher frame.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
    /// User id (user events); sent as a string.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub user_id: Maybe<Id>,
}

/// What an event belongs to, read from [`Meta`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scope<'a> {
    /// A line's messenger (`licenseId` + `messengerType`, possibly with a `companyId`).
    Line {
        /// The line number.
        license_id: &'a Id,
        /// The messenger, when sent.
        messenger_type: Option<&'a MessengerType>,
    },
    /// A company (`companyId` only).
    Company {
        /// The company number.
        company_id: &'a Id,
    },
    /// A user (`userId`).
    User {
        /// The user id.
        user_id: &'a Id,
    },
    /// `meta` names none of the above.
    Unscoped,
}

impl Meta {
    /// Whether no field is present (a body without `meta`).
    pub fn is_empty(&self) -> bool {
        self.company_id.is_absent()
            && self.license_id.is_absent()
            && self.messenger_type.is_absent()
            && self.kind.is_absent()
            && self.user_id.is_absent()
    }

    /// What the event belongs to.
    pub fn scope(&self) -> Scope<'_> {
        if let Some(license_id) = self.license_id.get() {
            Scope::Line {
                license_id,
                messenger_type: self.messenger_type.get(),
            }
        } else if let Some(company_id) = self.company_id.get() {
            Scope::Company { company_id }
        } else if let Some(user_id) = self.user_id.get() {
            Scope::User { user_id }
        } else {
            Scope::Unscoped
        }
    }
}
