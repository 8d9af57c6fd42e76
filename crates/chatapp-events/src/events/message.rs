//! `message`: a message was received or sent.
//!
//! Its items are [`Message`](crate::objects::Message)s, which `messageSystem` carries too.

pub use crate::objects::Message;
