//! The data types of CodeChat events that are not plain messages, chats, contacts or groups.

mod call;
mod connection;
mod labels;
mod message_update;
mod presence;
mod qrcode;
mod queue;

pub use call::{Call, CallStatus};
pub use connection::{ConnectionState, ConnectionUpdate, InstanceStatus, StatusInstance};
pub use labels::{
    Association, AssociationChange, FlatLabelAssociation, Label, LabelAssociation,
    NestedLabelAssociation,
};
pub use message_update::{
    ClearedChat, CloudMessageUpdate, CloudUpdate, CloudUpdateInstance, DeletedMessage,
    KeyMessageUpdate, MessageUpdate, MessagesDelete,
};
pub use presence::{Presence, PresenceEntry, PresenceState};
pub use qrcode::{Qrcode, QrcodeData, QrcodeLimit, QrcodeUpdate};
pub use queue::{
    Queue, QueueAction, QueueChange, QueueData, QueueMessage, QueuedMessage, SendError, SendQueue,
};
