//! `general.error`: an error linked to an event (cloud; payload not documented).

use crate::{objects::SendError, proto::Opaque};

/// The data of `general.error`: an error linked to an event (cloud; payload not documented).
pub type GeneralError = Opaque<SendError>;
