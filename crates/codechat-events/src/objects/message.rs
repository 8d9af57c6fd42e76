//! [`WebhookMessage`]: a message in the shape of the generation that sent it, and what the shapes share
//! (message types, devices, statuses).

use chat_events_core::{RawJson, unstable::Shape, unstable::open_enum};

use crate::{
    objects::{BaileysMessage, CloudMessage, MessageRow},
    proto::FromCode,
};

/// A message, in the shape of the generation that sent it. The shape is read from the
/// object's keys (`header` → cloud, `keyId` or `keyFromMe` → the open-source v1.3 and
/// CodeChat Go row, `key` → Baileys); a value with none of them is kept raw in
/// [`WebhookMessage::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum WebhookMessage {
    /// The cloud docs' `{header, body, context}` (`new.message`, `status.broadcast`,
    /// `messages.set`).
    #[shape(has("header"))]
    Cloud(Box<CloudMessage>),
    /// The open-source v1.3 row (`messages.upsert`, `messages.set`, `send.message`), and
    /// CodeChat Go's (with `metadata`).
    #[shape(has("keyId"))]
    #[shape(has("keyFromMe"))]
    Row(Box<MessageRow>),
    /// Baileys' `WebMessageInfo` (open source ≤ v1.2, Evolution).
    #[shape(has("key"))]
    Baileys(Box<BaileysMessage>),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl WebhookMessage {
    /// The message id, whatever the shape.
    pub fn id(&self) -> Option<&str> {
        match self {
            Self::Baileys(message) => message.key.get().and_then(|key| key.id.as_deref()),
            Self::Cloud(message) => message.header.message_id.as_deref(),
            Self::Row(row) => row.key_id.as_deref(),
            Self::Other(_) => None,
        }
    }

    /// Whether this line sent it, whatever the shape.
    pub fn from_me(&self) -> Option<bool> {
        match self {
            Self::Baileys(message) => message.key.get().and_then(|key| key.from_me.get().copied()),
            Self::Cloud(message) => message.header.from_me.get().copied(),
            Self::Row(row) => row.key_from_me.get().copied(),
            Self::Other(_) => None,
        }
    }

    /// The chat's JID, whatever the shape (`None` when only a LID is known).
    pub fn remote_jid(&self) -> Option<&str> {
        match self {
            Self::Baileys(message) => message.key.get().and_then(|key| key.remote_jid.as_deref()),
            Self::Cloud(message) => message.header.wuid.as_deref(),
            Self::Row(row) => row.key_remote_jid.as_deref(),
            Self::Other(_) => None,
        }
    }
}

open_enum! {
    /// Kind of a WhatsApp message: the name of the proto field that holds it.
    pub enum MessageType {
        /// Audio or voice note.
        AudioMessage = "audioMessage",
        /// Payment request cancelled.
        CancelPaymentRequestMessage = "cancelPaymentRequestMessage",
        /// A contact card.
        ContactMessage = "contactMessage",
        /// Several contact cards.
        ContactsArrayMessage = "contactsArrayMessage",
        /// Plain text.
        Conversation = "conversation",
        /// Payment request declined.
        DeclinePaymentRequestMessage = "declinePaymentRequestMessage",
        /// A document.
        DocumentMessage = "documentMessage",
        /// A document with a caption.
        DocumentWithCaptionMessage = "documentWithCaptionMessage",
        /// A disappearing message wrapper.
        EphemeralMessage = "ephemeralMessage",
        /// Text with a link preview or formatting.
        ExtendedTextMessage = "extendedTextMessage",
        /// An image.
        ImageMessage = "imageMessage",
        /// A live location.
        LiveLocationMessage = "liveLocationMessage",
        /// A location.
        LocationMessage = "locationMessage",
        /// A poll.
        PollCreationMessage = "pollCreationMessage",
        /// A poll vote.
        PollUpdateMessage = "pollUpdateMessage",
        /// A protocol message (revoke, edit…).
        ProtocolMessage = "protocolMessage",
        /// A round video note.
        PtvMessage = "ptvMessage",
        /// A reaction.
        ReactionMessage = "reactionMessage",
        /// A payment request.
        RequestPaymentMessage = "requestPaymentMessage",
        /// A payment.
        SendPaymentMessage = "sendPaymentMessage",
        /// Group encryption key distribution.
        SenderKeyDistributionMessage = "senderKeyDistributionMessage",
        /// A sticker.
        StickerMessage = "stickerMessage",
        /// A video.
        VideoMessage = "videoMessage",
        /// A view-once wrapper.
        ViewOnceMessage = "viewOnceMessage",
        /// A view-once wrapper (v2).
        ViewOnceMessageV2 = "viewOnceMessageV2",
    }
}

open_enum! {
    /// The device a message was sent from.
    pub enum Device {
        /// Android.
        Android = "android",
        /// The CodeChat v2 API.
        Api = "api",
        /// WhatsApp Desktop.
        Desktop = "desktop",
        /// iOS.
        Ios = "ios",
        /// Not known.
        Unknown = "unknown",
        /// WhatsApp Web (also CodeChat's own sends).
        Web = "web",
    }
}

open_enum! {
    /// Delivery status of a message.
    pub enum MessageStatus {
        /// Evolution: the message was deleted (also sent for edits).
        Deleted = "DELETED",
        /// Cloud docs: delivered (their spelling of `DELIVERY_ACK`).
        DeliveryAt = "DELIVERY_AT",
        /// Delivered to the device.
        DeliveryAck = "DELIVERY_ACK",
        /// Failed.
        Error = "ERROR",
        /// Waiting to be sent.
        Pending = "PENDING",
        /// Voice note played.
        Played = "PLAYED",
        /// Read.
        Read = "READ",
        /// Cloud docs: deleted for everyone.
        Revoke = "REVOKE",
        /// Accepted by WhatsApp's server.
        ServerAck = "SERVER_ACK",
    }
}

impl FromCode for MessageStatus {
    /// WhatsApp's `WebMessageInfo.Status` numbers.
    fn from_code(code: i64) -> Option<Self> {
        Some(match code {
            0 => Self::Error,
            1 => Self::Pending,
            2 => Self::ServerAck,
            3 => Self::DeliveryAck,
            4 => Self::Read,
            5 => Self::Played,
            _ => return None,
        })
    }
}
