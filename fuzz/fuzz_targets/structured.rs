//! Structure-aware: a JSON tree built by `arbitrary`, put in each provider's envelope under
//! a known event name, so that the fuzzer spends its time inside the typed models rather than
//! on syntax. Seeds from the fixtures reach the same models by the byte-level targets.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use arbitrary::Arbitrary;
use chat_events_core::ProviderEvent;

/// A JSON value, small enough to stay fast.
#[derive(Arbitrary, Debug)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    /// A short string, or one from a list of values the models give meaning to.
    Text(String),
    Known(u8),
    Array(Vec<Json>),
    Object(Vec<(Key, Json)>),
}

/// An object key: arbitrary, or one of the keys the models know.
#[derive(Arbitrary, Debug)]
enum Key {
    Any(String),
    Known(u8),
}

const KEYS: &[&str] = &[
    "id",
    "type",
    "event",
    "data",
    "meta",
    "chat",
    "message",
    "key",
    "keyId",
    "remoteJid",
    "fromMe",
    "status",
    "content",
    "instance",
    "owner",
    "wuid",
    "header",
    "account_id",
    "sender",
    "conversation",
    "messages",
    "attachments",
    "licenseId",
    "messengerType",
    "time",
    "created_at",
    "updated_at",
    "payload",
    "queue",
    "identifier",
    "users",
    "contacts",
    "messageTimestamp",
    "pushName",
    "participants",
    "state",
    "qrcode",
    "update",
    "association",
];
const VALUES: &[&str] = &[
    "user",
    "contact",
    "agent_bot",
    "open",
    "close",
    "1718791402",
    "2025-01-13T04:39:00Z",
    "Mon Jan 13 2025 10:02:05 GMT+0530 (IST)",
    "0000000000",
    "5531911112222@s.whatsapp.net",
    "private-v1.licenses.1229.messengers.grWhatsApp",
    "grWhatsApp",
    "text",
    "image",
];

impl Json {
    fn write(&self, out: &mut String, depth: usize) {
        if depth > 20 {
            out.push_str("null");
            return;
        }
        match self {
            Self::Null => out.push_str("null"),
            Self::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Self::Int(value) => out.push_str(&value.to_string()),
            Self::Uint(value) => out.push_str(&value.to_string()),
            Self::Float(value) => out.push_str(
                &serde_json::Number::from_f64(*value).map_or("0".to_owned(), |n| n.to_string()),
            ),
            Self::Text(text) => out.push_str(&serde_json::to_string(text).unwrap_or_default()),
            Self::Known(index) => out.push_str(
                &serde_json::to_string(VALUES[usize::from(*index) % VALUES.len()])
                    .unwrap_or_default(),
            ),
            Self::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().take(8).enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    item.write(out, depth + 1);
                }
                out.push(']');
            }
            Self::Object(entries) => {
                out.push('{');
                let mut seen = Vec::new();
                for (key, value) in entries.iter().take(12) {
                    let key = match key {
                        Key::Any(key) => key.clone(),
                        Key::Known(index) => KEYS[usize::from(*index) % KEYS.len()].to_owned(),
                    };
                    if seen.contains(&key) {
                        continue;
                    }
                    if !seen.is_empty() {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(&key).unwrap_or_default());
                    out.push(':');
                    value.write(out, depth + 1);
                    seen.push(key);
                }
                out.push('}');
            }
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    provider: u8,
    event: u8,
    data: Json,
    extra: Json,
}

libfuzzer_sys::fuzz_target!(|input: Input| {
    let mut data = String::new();
    input.data.write(&mut data, 0);
    let mut extra = String::new();
    input.extra.write(&mut extra, 0);
    match input.provider % 3 {
        0 => {
            let names = chatapp_events::Event::known_names();
            let name = names[usize::from(input.event) % names.len()];
            let body = format!(r#"{{"data":[{data}],"meta":{{"type":"{name}","x":{extra}}}}}"#);
            checks::decoded::<chatapp_events::Event>(body.as_bytes());
        }
        1 => {
            let names = codechat_events::Event::known_names();
            let name = names[usize::from(input.event) % names.len()];
            let body = format!(r#"{{"event":"{name}","instance":{extra},"data":{data}}}"#);
            checks::decoded::<codechat_events::Event>(body.as_bytes());
        }
        _ => {
            let names = onechat_events::Event::known_names();
            let name = names[usize::from(input.event) % names.len()];
            let body = format!(r#"{{"event":"{name}","data":{data}}}"#);
            checks::decoded::<onechat_events::Event>(body.as_bytes());
        }
    }
});
