//! Every WhatsApp address in the CodeChat corpus, read as a [`Jid`]: each form found
//! (`…@s.whatsapp.net`, `…@lid`, `…@g.us`, `…@broadcast`, `…@newsletter`, and any other)
//! round-trips to the same text and its parts put back together give the text again.

use std::{collections::BTreeMap, fmt::Write as _};

use chat_events_tests::fixtures;
use codechat_events::{Jid, Server};

/// Every string value of `value` that has the shape `<text>@<domain>`, with how often it
/// occurs; QR codes (`code`: WhatsApp's `2@…` pairing text) are not addresses.
fn addresses(value: &serde_json::Value, out: &mut BTreeMap<String, usize>) {
    match value {
        serde_json::Value::String(text) => {
            let looks_like_jid = text.split_once('@').is_some_and(|(user, server)| {
                !server.is_empty()
                    && !user.contains(['/', ' ', '<'])
                    && server
                        .bytes()
                        .all(|byte| byte.is_ascii_lowercase() || byte == b'.')
            });
            if looks_like_jid {
                *out.entry(text.clone()).or_default() += 1;
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| addresses(item, out)),
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(key, _)| *key != "code")
            .for_each(|(_, item)| addresses(item, out)),
        _ => {}
    }
}

#[test]
fn every_jid_form_in_the_corpus_round_trips() {
    let mut found = BTreeMap::new();
    for fixture in fixtures("codechat") {
        let value: serde_json::Value = serde_json::from_str(&fixture.json).unwrap();
        addresses(&value, &mut found);
    }
    // Occurrences and distinct addresses per server.
    let mut per_server: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (text, count) in &found {
        let jid: Jid = text.parse().unwrap();
        assert_eq!(jid.to_string(), *text);
        assert_eq!(jid, text.as_str());
        assert_eq!(
            serde_json::to_string(&jid).unwrap(),
            serde_json::to_string(text).unwrap()
        );
        let back: Jid = serde_json::from_str(&serde_json::to_string(text).unwrap()).unwrap();
        assert_eq!(back, jid);
        let server = jid
            .server()
            .unwrap_or_else(|| panic!("{text}: not read as a JID"));
        let user = jid.user().unwrap_or_default();
        let mut rebuilt = user.to_owned();
        if let Some(agent) = jid.agent() {
            let separator = if text.contains(&format!("{user}_")) {
                '_'
            } else {
                '.'
            };
            let _ = write!(rebuilt, "{separator}{agent}");
        }
        if let Some(device) = jid.device() {
            let _ = write!(rebuilt, ":{device}");
        }
        rebuilt.push('@');
        rebuilt.push_str(server.as_str());
        assert_eq!(rebuilt, *text, "parts put back together");
        assert!(server.is_known(), "{text}: a server this SDK does not name");
        assert_eq!(jid.is_lid(), server == Server::Lid, "{text}");
        assert_eq!(jid.is_group(), server == Server::Group, "{text}");
        assert_eq!(
            jid.phone().is_some(),
            server == Server::PhoneNumber
                && !user.is_empty()
                && user.bytes().all(|b| b.is_ascii_digit()),
            "{text}"
        );
        assert_eq!(
            jid.without_device().as_str(),
            format!("{user}@{server}"),
            "{text}"
        );
        let entry = per_server.entry(server.as_str().to_owned()).or_default();
        entry.0 += count;
        entry.1 += 1;
    }
    println!("JID forms in the CodeChat corpus (server: occurrences, distinct): {per_server:?}");
    for server in ["s.whatsapp.net", "lid", "g.us", "broadcast", "newsletter"] {
        assert!(
            per_server.contains_key(server),
            "no `{server}` JID in the corpus"
        );
    }
    assert!(found.contains_key("status@broadcast"));
    assert!(Jid::new("status@broadcast").is_status());
}
