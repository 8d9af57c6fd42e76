//! Value types that accept what providers really send and write it back unchanged.

pub(crate) mod empty;
pub(crate) mod id;
pub(crate) mod maybe;
pub(crate) mod num;
pub(crate) mod one_or_many;
pub(crate) mod raw;
pub(crate) mod secret;
pub(crate) mod timestamp;
