//! ChatApp decoding behaviour.
