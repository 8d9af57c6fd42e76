//! The data types of every CodeChat event: one file per event, named after its wire name
//! (`messages.upsert` → `messages_upsert.rs`, `send.message:START` → `send_message_start.rs`).
//!
//! A file holds what only its event carries: the data type and the enums only it uses. Data
//! that several events share (messages, chats, contacts, groups, queues) lives in
//! [`objects`](crate::objects); the file of an event that carries it names it with a type
//! alias. Aliases of event names (`connections.update`) are noted in their event's file.

mod app_state;
mod call;
mod call_ended;
mod call_incoming;
mod call_ready;
mod call_ringing;
mod call_upsert;
mod cancel_payment;
mod chats_delete;
mod chats_set;
mod chats_update;
mod chats_updated;
mod chats_upsert;
mod connection_update;
mod contacts_set;
mod contacts_update;
mod contacts_upsert;
mod decline_payment;
mod deleted_queue;
mod general_error;
mod group_participant_update;
mod group_participants_update;
mod group_update;
mod group_upsert;
mod groups_participants_update;
mod groups_update;
mod groups_upsert;
mod history_sync;
mod identity_update;
mod labels_association;
mod labels_edit;
mod load_instance;
mod media_retry;
mod message_batch_completed;
mod message_batch_completed_with_errors;
mod message_batch_created;
mod message_batch_interrupted;
mod message_batch_item_failed;
mod message_batch_item_unknown;
mod message_batch_pause_requested;
mod message_batch_paused;
mod message_batch_progress;
mod message_batch_recovered;
mod message_batch_resumed;
mod message_batch_scheduled;
mod message_batch_started;
mod message_batch_stop_requested;
mod message_batch_stopped;
mod message_batch_waiting_instance;
mod message_batch_waiting_window;
mod message_batch_window_started;
mod messages_delete;
mod messages_edited;
mod messages_set;
mod messages_star;
mod messages_undecryptable;
mod messages_update;
mod messages_upsert;
mod new_jwt;
mod new_message;
mod news_letter;
mod paused_queue;
mod presence_update;
mod presence_updated;
mod profile_picture_update;
mod qrcode_updated;
mod request_payment;
mod resumed_queue;
mod send_message;
mod send_message_completed;
mod send_message_error;
mod send_message_processing;
mod send_message_start;
mod send_payment;
mod settings_update;
mod status_broadcast;
mod status_instance;
mod user_about_update;

pub use app_state::{AppState, ContactAction, UserStatusMuteAction};
pub use call::CallEvent;
pub use call_ended::CallEnded;
pub use call_incoming::CallIncoming;
pub use call_ready::CallReady;
pub use call_ringing::CallRinging;
pub use call_upsert::{Call, CallStatus};
pub use cancel_payment::CancelPayment;
pub use chats_delete::{ChatsDelete, GoChatDeleted};
pub use chats_set::ChatsSet;
pub use chats_update::ChatsUpdate;
pub use chats_updated::{ChatChange, ChatsUpdated};
pub use chats_upsert::ChatsUpsert;
pub use connection_update::{
    BaileysConnectionUpdate, ConnectionInstance, ConnectionUpdate, GoConnection, GoConnectionEvent,
    GoConnectionUpdate, WhatsAppState,
};
pub use contacts_set::ContactsSet;
pub use contacts_update::ContactsUpdate;
pub use contacts_upsert::ContactsUpsert;
pub use decline_payment::DeclinePayment;
pub use deleted_queue::DeletedQueue;
pub use general_error::GeneralError;
pub use group_participant_update::GroupParticipantUpdate;
pub use group_participants_update::GroupParticipantsUpdate;
pub use group_update::GroupUpdate;
pub use group_upsert::GroupUpsert;
pub use groups_participants_update::GroupsParticipantsUpdate;
pub use groups_update::{GoGroupChange, GroupChange, GroupsUpdate};
pub use groups_upsert::GroupsUpsert;
pub use history_sync::{HistorySync, HistorySyncData, HistorySyncType};
pub use identity_update::IdentityUpdate;
pub use labels_association::{
    Association, AssociationChange, FlatLabelAssociation, GoLabelAssociation, GoLabelTarget,
    LabelAssociation, NestedLabelAssociation,
};
pub use labels_edit::Label;
pub use load_instance::LoadInstance;
pub use media_retry::MediaRetry;
pub use message_batch_completed::MessageBatchCompleted;
pub use message_batch_completed_with_errors::MessageBatchCompletedWithErrors;
pub use message_batch_created::MessageBatchCreated;
pub use message_batch_interrupted::MessageBatchInterrupted;
pub use message_batch_item_failed::MessageBatchItemFailed;
pub use message_batch_item_unknown::MessageBatchItemUnknown;
pub use message_batch_pause_requested::MessageBatchPauseRequested;
pub use message_batch_paused::MessageBatchPaused;
pub use message_batch_progress::MessageBatchProgress;
pub use message_batch_recovered::MessageBatchRecovered;
pub use message_batch_resumed::MessageBatchResumed;
pub use message_batch_scheduled::MessageBatchScheduled;
pub use message_batch_started::MessageBatchStarted;
pub use message_batch_stop_requested::MessageBatchStopRequested;
pub use message_batch_stopped::MessageBatchStopped;
pub use message_batch_waiting_instance::MessageBatchWaitingInstance;
pub use message_batch_waiting_window::MessageBatchWaitingWindow;
pub use message_batch_window_started::MessageBatchWindowStarted;
pub use messages_delete::{ClearedChat, DeletedMessage, GoMessageDeleted, MessagesDelete};
pub use messages_edited::MessagesEdited;
pub use messages_set::MessagesSet;
pub use messages_star::MessageStar;
pub use messages_undecryptable::{DecryptFailMode, UnavailableType, UndecryptableMessage};
pub use messages_update::{
    CloudMessageUpdate, CloudUpdate, GoMessageUpdate, GoReceiptStatus, KeyMessageUpdate,
    MessageUpdate,
};
pub use messages_upsert::MessagesUpsert;
pub use new_jwt::NewJwt;
pub use new_message::NewMessage;
pub use news_letter::{NewsLetter, NewsLetterKind};
pub use paused_queue::PausedQueue;
pub use presence_update::{Presence, PresenceEntry, PresenceState};
pub use presence_updated::{ChatPresence, ChatPresenceState, PresenceUpdated, UserPresence};
pub use profile_picture_update::ProfilePictureUpdate;
pub use qrcode_updated::{GoQrcode, Qrcode, QrcodeData, QrcodeLimit, QrcodeUpdated};
pub use request_payment::RequestPayment;
pub use resumed_queue::ResumedQueue;
pub use send_message::SendMessage;
pub use send_message_completed::SendMessageCompleted;
pub use send_message_error::SendMessageError;
pub use send_message_processing::SendMessageProcessing;
pub use send_message_start::SendMessageStart;
pub use send_payment::SendPayment;
pub use settings_update::{SettingKind, SettingsUpdate};
pub use status_broadcast::StatusBroadcast;
pub use status_instance::{
    GoInstanceStatus, GoInstanceStatusKind, InstanceLifecycle, InstanceStatus, StatusInstance,
};
pub use user_about_update::UserAboutUpdate;
