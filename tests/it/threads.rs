//! What users move between tasks and threads is `Send` and `Sync`: the events, the
//! transports, their items and their errors. Checked at compile time; the test names them.

fn send_sync<T: Send + Sync>() -> &'static str {
    std::any::type_name::<T>()
}

#[test]
fn events_transports_items_and_errors_are_send_and_sync() {
    let checked = [
        // The models and what a decode gives.
        send_sync::<chatapp_events::Event>(),
        send_sync::<codechat_events::Event>(),
        send_sync::<onechat_events::Event>(),
        send_sync::<onechat_events::webhook_events::WebhookEvent>(),
        send_sync::<chat_events_core::Decoded<codechat_events::Event>>(),
        send_sync::<chat_events_core::DecodeError>(),
        send_sync::<chat_events_core::normalized::NormalizedEvent>(),
        // The transports, their items and errors.
        send_sync::<chatapp_events::client::Client>(),
        send_sync::<chatapp_events::client::ClientBuilder>(),
        send_sync::<chatapp_events::client::Update>(),
        send_sync::<chatapp_events::client::ClientError>(),
        send_sync::<onechat_events::client::Client>(),
        send_sync::<onechat_events::client::ClientBuilder>(),
        send_sync::<onechat_events::client::Update>(),
        send_sync::<onechat_events::client::ClientError>(),
        send_sync::<codechat_events::receiver::Receiver>(),
        send_sync::<codechat_events::receiver::ReceiverBuilder>(),
        send_sync::<codechat_events::receiver::Server>(),
        send_sync::<codechat_events::receiver::Update>(),
        send_sync::<codechat_events::receiver::ReceiverError>(),
        send_sync::<onechat_events::receiver::Receiver>(),
        send_sync::<onechat_events::receiver::ReceiverBuilder>(),
        send_sync::<onechat_events::receiver::Update>(),
        send_sync::<
            chat_events_core::ReplaySource<codechat_events::Event, std::vec::IntoIter<Vec<u8>>>,
        >(),
    ];
    assert_eq!(checked.len(), 24);
    assert!(checked.iter().all(|name| !name.is_empty()));
}
