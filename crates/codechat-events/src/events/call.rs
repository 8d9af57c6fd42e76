//! `call`: a call's state changed (Evolution's name).

use crate::objects::Call;

/// The data of `call`: a call's state changed (Evolution sends Baileys' `WACallEvent` as
/// is, the same as the open-source `call.upsert`).
pub type CallEvent = Call;
