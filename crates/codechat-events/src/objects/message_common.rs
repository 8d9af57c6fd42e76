//! What every shape of a message shares: its type (the kind of content), the device it was
//! sent from, its delivery status.

use chat_events_core::unstable::open_enum;

use crate::proto::FromCode;

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
        /// An edit. CodeChat Go (since its commit 52d20af) writes the new content with this
        /// type, without the edited message's key; elsewhere, a wrapper of the edit.
        EditedMessage = "editedMessage",
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
