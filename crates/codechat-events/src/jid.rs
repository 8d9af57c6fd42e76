//! [`Jid`]: a WhatsApp address, typed and kept as the server wrote it; [`Server`], the
//! domain part; [`Identity`], one chat or person in the forms a payload names it.

use std::{borrow::Cow, cmp::Ordering, convert::Infallible, fmt, ops::Deref, str::FromStr};

use chat_events_core::unstable::open_enum;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A WhatsApp address (a JID): `user[.agent|_agent][:device]@server`.
///
/// WhatsApp names every chat and person with one: `5531988887777@s.whatsapp.net` (a phone
/// number), `120363041234567890@g.us` (a group), `status@broadcast`, `…@newsletter` (a
/// channel), and since 2025 `123456789012345@lid`, a *LID*: an id that hides the phone
/// number, which WhatsApp moves chats to. The same person then appears under two addresses;
/// servers send the other form beside it (`remoteJidAlt`, `senderPn`, `participantLid`…,
/// see [`Identity`]). A linked device adds `:device` (`5531988887777:24@s.whatsapp.net`),
/// and whatsmeow's and Baileys' agent forms add `.agent` or `_agent` before it.
///
/// A `Jid` keeps the text exactly as it was sent: it serializes to the same string, and text
/// that is not a well-formed JID (`""`, an instance name, a bare number) is kept as it is,
/// never an error; its parts are then `None`. It reads as the string it holds (`Deref<Target =
/// str>`, `==` with `&str`, `Debug` and `Display` print the text).
///
/// ```
/// use codechat_events::{Jid, Server};
///
/// let jid: Jid = "5531988887777:24@s.whatsapp.net".parse().unwrap();
/// assert_eq!(jid.user(), Some("5531988887777"));
/// assert_eq!(jid.device(), Some(24));
/// assert_eq!(jid.server(), Some(Server::PhoneNumber));
/// assert_eq!(jid.phone(), Some("5531988887777"));
/// assert_eq!(jid.without_device(), "5531988887777@s.whatsapp.net");
/// assert!(!jid.is_lid() && !jid.is_group());
///
/// let lid = Jid::new("123456789012345@lid");
/// assert!(lid.is_lid());
/// assert_eq!(lid.phone(), None);
/// assert_eq!(serde_json::to_string(&lid).unwrap(), r#""123456789012345@lid""#);
///
/// let odd = Jid::new("sales-01");
/// assert_eq!((odd.server(), odd.user()), (None, None));
/// assert_eq!(odd.to_string(), "sales-01");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Jid(Box<str>);

/// The parts of a well-formed JID.
#[derive(Clone, Copy)]
struct Parts<'a> {
    user: &'a str,
    agent: Option<u8>,
    device: Option<u16>,
    server: &'a str,
}

impl Jid {
    /// Wraps an address as sent (any text: parts that cannot be read are `None`).
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into().into_boxed_str())
    }

    /// The address as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The user part without agent and device: the phone number's digits, the LID's, the
    /// group's id (`120363…`, or the older `<creator>-<time>`), `status`; `None` when the text
    /// is not a well-formed JID or names a server only.
    pub fn user(&self) -> Option<&str> {
        self.parts()
            .map(|parts| parts.user)
            .filter(|user| !user.is_empty())
    }

    /// The agent (whatsmeow's `user.agent:device`, Baileys' `user_agent:device`), when
    /// written.
    pub fn agent(&self) -> Option<u8> {
        self.parts()?.agent
    }

    /// The device (`:24`), when written: a linked device of the account; `0` or none is
    /// the main phone.
    pub fn device(&self) -> Option<u16> {
        self.parts()?.device
    }

    /// The server (domain) part; `None` when the text is not a well-formed JID.
    pub fn server(&self) -> Option<Server> {
        self.parts().map(|parts| Server::from(parts.server))
    }

    /// Whether it is well formed: a server after the only `@`, no spaces, and a number for
    /// the agent and device when they are written.
    pub fn is_well_formed(&self) -> bool {
        self.parts().is_some()
    }

    /// A LID (`…@lid`, `…@hosted.lid`): an id that hides the phone number.
    pub fn is_lid(&self) -> bool {
        matches!(self.server(), Some(Server::Lid | Server::HostedLid))
    }

    /// A phone-number JID (`…@s.whatsapp.net`, the older `…@c.us`, `…@hosted`).
    pub fn is_phone_number(&self) -> bool {
        matches!(
            self.server(),
            Some(Server::PhoneNumber | Server::LegacyPhoneNumber | Server::Hosted)
        )
    }

    /// A group (`…@g.us`).
    pub fn is_group(&self) -> bool {
        self.server() == Some(Server::Group)
    }

    /// A broadcast list or the status feed (`…@broadcast`).
    pub fn is_broadcast(&self) -> bool {
        self.server() == Some(Server::Broadcast)
    }

    /// The status feed (`status@broadcast`), where status posts are sent.
    pub fn is_status(&self) -> bool {
        self.is_broadcast() && self.user() == Some("status")
    }

    /// A channel (`…@newsletter`).
    pub fn is_newsletter(&self) -> bool {
        self.server() == Some(Server::Newsletter)
    }

    /// The phone number's digits (no `+`), for a phone-number JID whose user part is
    /// digits; `None` for LIDs, groups and anything else.
    pub fn phone(&self) -> Option<&str> {
        let user = self.user()?;
        (self.is_phone_number() && user.bytes().all(|byte| byte.is_ascii_digit())).then_some(user)
    }

    /// The account's address without agent and device (`5531…:24@s.whatsapp.net` →
    /// `5531…@s.whatsapp.net`); the same text when there is none to drop or the text is not
    /// a well-formed JID.
    pub fn without_device(&self) -> Self {
        match self.parts() {
            Some(parts) if parts.agent.is_some() || parts.device.is_some() => {
                Self::new(format!("{}@{}", parts.user, parts.server))
            }
            _ => self.clone(),
        }
    }

    /// Reads the text: `user@server`, the user part optionally followed by `.agent` or
    /// `_agent` and `:device` (numbers). A text without `@` is not read (whatsmeow reads it
    /// as a server alone; no payload sends one in a JID field).
    fn parts(&self) -> Option<Parts<'_>> {
        let text = self.as_str();
        let (user, server) = text.split_once('@')?;
        if server.is_empty()
            || server.contains('@')
            || text.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return None;
        }
        let (user, device) = match user.split_once(':') {
            Some((user, device)) => (user, Some(number(device)?)),
            None => (user, None),
        };
        let (user, agent) = match user.rfind(['.', '_']) {
            Some(at) => (&user[..at], Some(number(&user[at + 1..])?)),
            None => (user, None),
        };
        Some(Parts {
            user,
            agent,
            device,
            server,
        })
    }
}

/// A number of the agent or device part: ASCII digits only.
fn number<T: FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Deref for Jid {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Jid {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Jid {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialOrd for Jid {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Jid {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl PartialEq<str> for Jid {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Jid {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Jid {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Jid> for str {
    fn eq(&self, other: &Jid) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Jid> for &str {
    fn eq(&self, other: &Jid) -> bool {
        *self == &*other.0
    }
}

impl From<&str> for Jid {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for Jid {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl From<Jid> for String {
    fn from(jid: Jid) -> Self {
        jid.0.into_string()
    }
}

impl FromStr for Jid {
    type Err = Infallible;

    /// Never fails: text that is not a JID is kept as it is.
    fn from_str(text: &str) -> Result<Self, Infallible> {
        Ok(Self::new(text))
    }
}

impl fmt::Display for Jid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The text, quoted, as a string's `Debug`: snapshots and logs read as the payload does.
impl fmt::Debug for Jid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Jid {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Jid {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

impl JsonSchema for Jid {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Jid".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A WhatsApp address (JID): `user[:device]@server` (`…@s.whatsapp.net`, `…@lid`, `…@g.us`, `…@broadcast`, `…@newsletter`).",
            "type": "string"
        })
    }
}

open_enum! {
    /// The server (domain) part of a [`Jid`]: what kind of address it is.
    pub enum Server {
        /// `broadcast`: a broadcast list, or the status feed (`status@broadcast`).
        Broadcast = "broadcast",
        /// `bot`: one of Meta's AI bots.
        Bot = "bot",
        /// `call`: a call.
        Call = "call",
        /// `g.us`: a group.
        Group = "g.us",
        /// `hosted`: a phone number of a business hosted by Meta (Cloud API).
        Hosted = "hosted",
        /// `hosted.lid`: the LID of a business hosted by Meta.
        HostedLid = "hosted.lid",
        /// `interop`: a user of another messenger (EU interoperability).
        Interop = "interop",
        /// `c.us`: a phone number, in the older web client's form.
        LegacyPhoneNumber = "c.us",
        /// `lid`: a LID, an id that hides the phone number.
        Lid = "lid",
        /// `msgr`: a Messenger user.
        Messenger = "msgr",
        /// `newsletter`: a channel.
        Newsletter = "newsletter",
        /// `s.whatsapp.net`: a phone number.
        PhoneNumber = "s.whatsapp.net",
    }
}

/// Which payload field named a chat or person (see [`Identity::field`]).
///
/// The camel-case names are the wire's (`remoteJid`, `keyRemoteJid`…); [`as_str`](Self::as_str)
/// gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JidField {
    /// CodeChat Go's `chatJid`.
    ChatJid,
    /// An `id`: a presence's chat, a group member's address.
    Id,
    /// A `jid`: a presence's chat, a Go presence's person, a resolved group member; or a
    /// presence map's key.
    Jid,
    /// A Go row's `keyLid` (the chat's LID).
    KeyLid,
    /// A Go row's `keyParticipant`.
    KeyParticipant,
    /// A Go row's `keyParticipantLid`.
    KeyParticipantLid,
    /// A Go row's `keyRemoteJid`.
    KeyRemoteJid,
    /// A contact's or group member's `lid`.
    Lid,
    /// The key's `participant` (or the message's, in older Baileys); a group member given
    /// as a bare JID.
    Participant,
    /// The key's `participantAlt` (Baileys 7).
    ParticipantAlt,
    /// The key's `participantLid` (Baileys 6.7.18+).
    ParticipantLid,
    /// The key's `participantPn` (Baileys 6.7.18+).
    ParticipantPn,
    /// The key's `previousRemoteJid` (Evolution 2.3: the LID it replaced).
    PreviousRemoteJid,
    /// The key's `remoteJid`.
    RemoteJid,
    /// The key's `remoteJidAlt` (Baileys 7).
    RemoteJidAlt,
    /// CodeChat Go's `senderJid`.
    SenderJid,
    /// The key's `senderLid` (Baileys 6.7.18+).
    SenderLid,
    /// The key's `senderPn` (Baileys 6.7.18+, Evolution 2.3).
    SenderPn,
    /// A cloud message header's `wuid`.
    Wuid,
}

impl JidField {
    /// The field's name on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ChatJid => "chatJid",
            Self::Id => "id",
            Self::Jid => "jid",
            Self::KeyLid => "keyLid",
            Self::KeyParticipant => "keyParticipant",
            Self::KeyParticipantLid => "keyParticipantLid",
            Self::KeyRemoteJid => "keyRemoteJid",
            Self::Lid => "lid",
            Self::Participant => "participant",
            Self::ParticipantAlt => "participantAlt",
            Self::ParticipantLid => "participantLid",
            Self::ParticipantPn => "participantPn",
            Self::PreviousRemoteJid => "previousRemoteJid",
            Self::RemoteJid => "remoteJid",
            Self::RemoteJidAlt => "remoteJidAlt",
            Self::SenderJid => "senderJid",
            Self::SenderLid => "senderLid",
            Self::SenderPn => "senderPn",
            Self::Wuid => "wuid",
        }
    }
}

impl fmt::Display for JidField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One chat or person, in the forms a payload names it: the address the server put in its
/// main field ([`jid`](Self::jid), from [`field`](Self::field)), and the phone-number JID
/// and LID when the payload gives them (in that field or beside it). Borrowed from the
/// payload; each address as sent (a device suffix, if any, kept).
///
/// [`id`](Self::id) is the stable id the [normalized model](chat_events_core::normalized)
/// uses: a chat keeps it when its messages switch from phone number to LID, as long as the
/// payload gives the phone number beside the LID.
///
/// ```
/// use codechat_events::{JidField, objects::WebhookMessage};
///
/// let message: WebhookMessage = serde_json::from_str(r#"{"key": {
///     "remoteJid": "123456789012345@lid", "remoteJidAlt": "5531988887777@s.whatsapp.net",
///     "fromMe": false, "id": "3EB0C7"}}"#).unwrap();
/// let chat = message.chat().unwrap();
/// assert_eq!((chat.field, chat.jid.as_str()), (JidField::RemoteJid, "123456789012345@lid"));
/// assert_eq!(chat.phone(), Some("5531988887777"));
/// assert_eq!(chat.id(), "5531988887777@s.whatsapp.net");
/// assert_eq!(message.chat_id(), Some("5531988887777@s.whatsapp.net"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Identity<'a> {
    /// The field the server named it by.
    pub field: JidField,
    /// The address in that field, as sent.
    pub jid: &'a Jid,
    /// The LID, when the payload gives one (`@lid` in the main field, or `remoteJidAlt`,
    /// `senderLid`, `participantLid`, `previousRemoteJid`, `keyLid`…).
    pub lid: Option<&'a Jid>,
    /// The phone-number JID, when the payload gives one.
    pub phone_number: Option<&'a Jid>,
}

impl<'a> Identity<'a> {
    /// An identity named by `jid` in `field`, with the other forms found in `others` (ones
    /// of neither form are skipped; the main field's form, then the first of each, wins). A
    /// group, broadcast or channel has one form: `others` are not read for it (Baileys puts
    /// the sender's forms beside a group's JID).
    pub(crate) fn gather(
        field: JidField,
        jid: &'a Jid,
        others: impl IntoIterator<Item = Option<&'a Jid>>,
    ) -> Self {
        let mut identity = Self {
            field,
            jid,
            lid: None,
            phone_number: None,
        };
        identity.learn(jid);
        if !identity.is_shared() {
            for other in others.into_iter().flatten() {
                identity.learn(other);
            }
        }
        identity
    }

    /// Keeps `jid` as the LID or phone number when it is one and none is known yet.
    fn learn(&mut self, jid: &'a Jid) {
        if jid.is_lid() {
            self.lid.get_or_insert(jid);
        } else if jid.is_phone_number() {
            self.phone_number.get_or_insert(jid);
        }
    }

    /// A group, broadcast list or channel (many people behind one address).
    fn is_shared(&self) -> bool {
        self.jid.is_group() || self.jid.is_broadcast() || self.jid.is_newsletter()
    }

    /// The stable id: a group's, broadcast's or channel's JID; for a person, the
    /// phone-number JID when known, else the LID, else the address as sent.
    pub fn id(&self) -> &'a str {
        if self.is_shared() {
            return self.jid;
        }
        self.phone_number.or(self.lid).unwrap_or(self.jid)
    }

    /// The phone number's digits (no `+`), when known.
    pub fn phone(&self) -> Option<&'a str> {
        self.phone_number.and_then(Jid::phone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// User, agent, device and server, as read.
    type Read<'a> = (&'a str, Option<u8>, Option<u16>, Server);

    fn parts(text: &str) -> Option<(String, Option<u8>, Option<u16>, Server)> {
        let jid = Jid::new(text);
        jid.parts().map(|parts| {
            (
                parts.user.to_owned(),
                parts.agent,
                parts.device,
                Server::from(parts.server),
            )
        })
    }

    #[test]
    fn reads_every_form_whatsmeow_and_baileys_write() {
        let cases: [(&str, Option<Read<'_>>); 16] = [
            (
                "5531988887777@s.whatsapp.net",
                Some(("5531988887777", None, None, Server::PhoneNumber)),
            ),
            (
                "5531988887777:24@s.whatsapp.net",
                Some(("5531988887777", None, Some(24), Server::PhoneNumber)),
            ),
            (
                "5531988887777.1:3@s.whatsapp.net",
                Some(("5531988887777", Some(1), Some(3), Server::PhoneNumber)),
            ),
            (
                "5531988887777_1:3@s.whatsapp.net",
                Some(("5531988887777", Some(1), Some(3), Server::PhoneNumber)),
            ),
            (
                "123456789012345@lid",
                Some(("123456789012345", None, None, Server::Lid)),
            ),
            (
                "123456789012345:7@lid",
                Some(("123456789012345", None, Some(7), Server::Lid)),
            ),
            (
                "120363041234567890@g.us",
                Some(("120363041234567890", None, None, Server::Group)),
            ),
            (
                "5511999999999-1596734567@g.us",
                Some(("5511999999999-1596734567", None, None, Server::Group)),
            ),
            (
                "status@broadcast",
                Some(("status", None, None, Server::Broadcast)),
            ),
            (
                "120363123456789012@newsletter",
                Some(("120363123456789012", None, None, Server::Newsletter)),
            ),
            (
                "5531988887777@c.us",
                Some(("5531988887777", None, None, Server::LegacyPhoneNumber)),
            ),
            (
                "867051314767696@bot",
                Some(("867051314767696", None, None, Server::Bot)),
            ),
            ("sales-01", None),
            ("", None),
            ("5531 9888@s.whatsapp.net", None),
            ("5531988887777:x@s.whatsapp.net", None),
        ];
        for (text, expected) in cases {
            let expected = expected
                .map(|(user, agent, device, server)| (user.to_owned(), agent, device, server));
            assert_eq!(parts(text), expected, "{text}");
            let jid = Jid::new(text);
            assert_eq!(jid.to_string(), text);
            assert_eq!(serde_json::to_value(&jid).unwrap(), text);
        }
        assert_eq!(parts("x@a@b"), None);
        assert_eq!(parts("x.y@s.whatsapp.net"), None);
        assert_eq!(parts("1:99999@s.whatsapp.net"), None);
    }

    #[test]
    fn kinds_and_phone() {
        let phone = Jid::new("5531988887777:24@s.whatsapp.net");
        assert!(phone.is_phone_number() && !phone.is_lid() && !phone.is_group());
        assert_eq!(phone.phone(), Some("5531988887777"));
        assert_eq!(phone.without_device(), "5531988887777@s.whatsapp.net");
        assert_eq!(
            Jid::new("5531988887777@c.us").phone(),
            Some("5531988887777")
        );
        let lid = Jid::new("123456789012345:3@lid");
        assert!(lid.is_lid() && !lid.is_phone_number());
        assert_eq!(lid.phone(), None);
        assert_eq!(lid.without_device(), "123456789012345@lid");
        assert!(Jid::new("1@hosted.lid").is_lid());
        let group = Jid::new("120363041234567890@g.us");
        assert!(group.is_group() && group.phone().is_none());
        assert_eq!(group.without_device(), group);
        assert!(Jid::new("status@broadcast").is_status());
        assert!(!Jid::new("123@broadcast").is_status());
        assert!(Jid::new("123@broadcast").is_broadcast());
        assert!(Jid::new("1@newsletter").is_newsletter());
        assert_eq!(Jid::new("abc@s.whatsapp.net").phone(), None);
        assert_eq!(Jid::new("@s.whatsapp.net").user(), None);
        let other = Jid::new("1@example");
        assert_eq!(
            other.server().map(|server| server.to_string()),
            Some("example".to_owned())
        );
        assert!(!other.server().is_some_and(|server| server.is_known()));
        assert_eq!(Jid::new("sales-01").without_device(), "sales-01");
        assert_eq!("sales-01".parse::<Jid>().unwrap(), "sales-01");
        assert_eq!(format!("{:?}", Jid::new("1@lid")), r#""1@lid""#);
    }

    #[test]
    fn identity_prefers_the_phone_number_and_keeps_the_field() {
        let lid = Jid::new("123456789012345@lid");
        let phone = Jid::new("5531988887777:2@s.whatsapp.net");
        let both = Identity::gather(JidField::RemoteJid, &lid, [None, Some(&phone), Some(&lid)]);
        assert_eq!(both.field, JidField::RemoteJid);
        assert_eq!(both.jid, &lid);
        assert_eq!(both.lid.unwrap(), "123456789012345@lid");
        assert_eq!(both.phone_number.unwrap(), "5531988887777:2@s.whatsapp.net");
        assert_eq!(both.id(), "5531988887777:2@s.whatsapp.net");
        assert_eq!(both.phone(), Some("5531988887777"));
        let only_lid = Identity::gather(JidField::RemoteJid, &lid, []);
        assert_eq!(only_lid.id(), "123456789012345@lid");
        assert_eq!(only_lid.phone(), None);
        let group = Jid::new("120363041234567890@g.us");
        let group = Identity::gather(JidField::RemoteJid, &group, [Some(&lid), Some(&phone)]);
        assert_eq!((group.lid, group.phone_number), (None, None));
        assert_eq!(group.id(), "120363041234567890@g.us");
        let blank = Jid::new("");
        let blank = Identity::gather(JidField::Participant, &blank, [Some(&lid)]);
        assert_eq!(blank.id(), "123456789012345@lid");
    }
}
