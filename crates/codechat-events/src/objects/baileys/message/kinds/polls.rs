//! Polls (creation, votes, results) and answers to questions.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::{ContextInfo, MessageKey, PollContentType, PollType},
    proto::{Bytes, Long, ProtoEnum},
};

/// A poll (`pollCreationMessage`, `…V2`, `…V3`, `…V5`).
///
/// WAProto: `Message.PollCreationMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollCreationMessage {
    /// `contextInfo` = 5: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `correctAnswer` = 8: quiz: the correct option.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub correct_answer: Maybe<PollOption>,
    /// `encKey` = 1: key of the votes (a credential).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_key: Maybe<Bytes>,
    /// `name` = 2: the question.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `options` = 3: the options.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub options: Maybe<Vec<PollOption>>,
    /// `pollContentType` = 6: text or image options.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_content_type: Maybe<ProtoEnum<PollContentType>>,
    /// `pollType` = 7: poll or quiz.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_type: Maybe<ProtoEnum<PollType>>,
    /// `selectableOptionsCount` = 4: how many options a voter may choose (0: any).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selectable_options_count: Maybe<u32>,
}

/// A vote in a poll. The vote is encrypted with the poll's `messageSecret`.
///
/// WAProto: `Message.PollUpdateMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollUpdateMessage {
    /// `metadata` = 3: metadata.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub metadata: Maybe<PollUpdateMessageMetadata>,
    /// `pollCreationMessageKey` = 1: the poll voted in.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_creation_message_key: Maybe<MessageKey>,
    /// `senderTimestampMs` = 4: when the sender sent it (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp_ms: Maybe<Long>,
    /// `vote` = 2: the vote, encrypted (a `PollVoteMessage` of option hashes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub vote: Maybe<PollEncValue>,
}

/// An encrypted vote.
///
/// WAProto: `Message.PollEncValue`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollEncValue {
    /// `encIv` = 2: the IV of the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_iv: Maybe<Bytes>,
    /// `encPayload` = 1: the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_payload: Maybe<Bytes>,
}

/// Metadata of a vote (no fields yet).
///
/// WAProto: `Message.PollUpdateMessageMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollUpdateMessageMetadata {}

/// The results of a poll, as shared.
///
/// WAProto: `Message.PollResultSnapshotMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollResultSnapshotMessage {
    /// `contextInfo` = 3: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `name` = 1: the question.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `pollType` = 4: poll or quiz.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_type: Maybe<ProtoEnum<PollType>>,
    /// `pollVotes` = 2: votes per option.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_votes: Maybe<Vec<PollVote>>,
}

/// An answer to a question.
///
/// WAProto: `Message.QuestionResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuestionResponseMessage {
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `text` = 2: the text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
}

/// An option of a poll.
///
/// WAProto: `Message.PollCreationMessage.Option`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollOption {
    /// `optionHash` = 2: SHA-256 of the option text (hex), what votes refer to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub option_hash: Maybe<String>,
    /// `optionName` = 1: the option text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub option_name: Maybe<String>,
}

/// The votes of one option.
///
/// WAProto: `Message.PollResultSnapshotMessage.PollVote`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollVote {
    /// `optionName` = 1: the option.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub option_name: Maybe<String>,
    /// `optionVoteCount` = 2: its votes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub option_vote_count: Maybe<Long>,
}
