//! The webhook checks of `chat-events-webhook` against the shared vectors of
//! `tests/fixtures/webhook-auth/vectors.json` (computed by `make_vectors.py` with Python's
//! `hmac` and cross-checked with `openssl dgst`, independently of this code): every vector is
//! answered exactly as it expects, as the TypeScript and Python packages answer it.

use std::time::{Duration, UNIX_EPOCH};

use chat_events_core::Secret;
use chat_events_webhook::auth::{chatwoot, evolution};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    chatwoot_signature: Vec<SignatureVector>,
    evolution_jwt: Vec<Jwt>,
}

#[derive(Deserialize)]
struct SignatureVector {
    name: String,
    secrets: Vec<String>,
    timestamp: Option<String>,
    now: u64,
    tolerance_seconds: u64,
    body: String,
    signature: Option<String>,
    expect: String,
}

#[derive(Deserialize)]
struct Jwt {
    name: String,
    secrets: Vec<String>,
    authorization: Option<String>,
    now: u64,
    leeway_seconds: u64,
    expect: String,
}

fn vectors() -> Vectors {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/webhook-auth/vectors.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the vectors")).expect("JSON")
}

fn secrets(secrets: &[String]) -> Vec<Secret> {
    secrets
        .iter()
        .map(|secret| Secret::new(secret.as_str()))
        .collect()
}

#[test]
fn every_chatwoot_signature_vector_is_answered_as_expected() {
    let vectors = vectors().chatwoot_signature;
    assert!(vectors.len() >= 20, "{} vectors", vectors.len());
    let mut wrong = Vec::new();
    for vector in &vectors {
        let verdict = chatwoot::verify_signature(
            &secrets(&vector.secrets),
            vector.signature.as_deref().map(str::as_bytes),
            vector.timestamp.as_deref().map(str::as_bytes),
            vector.body.as_bytes(),
            UNIX_EPOCH + Duration::from_secs(vector.now),
            Duration::from_secs(vector.tolerance_seconds),
        );
        let got = verdict.map_or_else(chat_events_webhook::Refusal::code, |()| "ok");
        if got != vector.expect {
            wrong.push(format!(
                "{}: {got}, expected {}",
                vector.name, vector.expect
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // Each outcome the vectors name is reached at least once.
    for code in [
        "ok",
        "missing_signature",
        "missing_timestamp",
        "malformed_signature",
        "malformed_timestamp",
        "stale_timestamp",
        "future_timestamp",
        "bad_signature",
    ] {
        assert!(
            vectors.iter().any(|v| v.expect == code),
            "no vector expects {code}"
        );
    }
}

#[test]
fn every_evolution_jwt_vector_is_answered_as_expected() {
    let vectors = vectors().evolution_jwt;
    assert!(vectors.len() >= 20, "{} vectors", vectors.len());
    let mut wrong = Vec::new();
    for vector in &vectors {
        let verdict = evolution::verify_jwt(
            &secrets(&vector.secrets),
            vector.authorization.as_deref().map(str::as_bytes),
            UNIX_EPOCH + Duration::from_secs(vector.now),
            Duration::from_secs(vector.leeway_seconds),
        );
        let got = match &verdict {
            Ok(claims) => {
                assert_eq!(claims.app.as_deref(), Some("evolution"), "{}", vector.name);
                assert_eq!(claims.action.as_deref(), Some("webhook"), "{}", vector.name);
                "ok"
            }
            Err(refusal) => refusal.code(),
        };
        if got != vector.expect {
            wrong.push(format!(
                "{}: {got}, expected {}",
                vector.name, vector.expect
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    for code in [
        "ok",
        "missing_token",
        "malformed_token",
        "unsupported_algorithm",
        "bad_signature",
        "expired",
        "issued_in_future",
        "missing_expiry",
    ] {
        assert!(
            vectors.iter().any(|v| v.expect == code),
            "no vector expects {code}"
        );
    }
}

#[test]
fn what_the_sdk_signs_the_vectors_accept_and_the_other_way_round() {
    // The SDK's signer (used by the testkits) makes the vector's own signature.
    let right = vectors()
        .chatwoot_signature
        .into_iter()
        .find(|v| v.name == "right")
        .expect("a `right` vector");
    let timestamp: u64 = right.timestamp.as_deref().unwrap().parse().unwrap();
    let signed = chatwoot::sign(
        &Secret::new(right.secrets[0].as_str()),
        timestamp,
        right.body.as_bytes(),
    );
    assert_eq!(Some(signed), right.signature);
    // A token the SDK makes passes its own check and names Evolution's claims.
    let token = evolution::sign(&Secret::new("k"), 1_000, 1_600).unwrap();
    let claims = evolution::verify_jwt(
        &[Secret::new("k")],
        Some(format!("Bearer {token}").as_bytes()),
        UNIX_EPOCH + Duration::from_secs(1_100),
        evolution::DEFAULT_LEEWAY,
    )
    .unwrap();
    assert_eq!((claims.iat, claims.exp), (Some(1_000), 1_600));
}
