//! `new.jwt`: the instance's token was renewed (open source; no data, the token is in the body's `auth`).

/// The data of `new.jwt`: the instance's token was renewed (open source; no data, the token is in the body's `auth`).
pub type NewJwt = serde_json::Value;
