//! Integration tests that are not per-fixture: decoding behaviour, errors, lenient values.

mod chatapp;
mod onechat;
