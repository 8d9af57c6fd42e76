//! One test per fixture and check, generated from the fixture folders (see the
//! `chat_events_tests` crate docs). Run one with `cargo test -p chat-events-tests --test
//! fixtures -- chatapp/000_3eeb06198ae497e6/message`.

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    if std::env::var_os("CORPUS_REPORT").is_some() {
        for (provider, report) in [
            (
                "chatapp",
                chat_events_tests::report::<chatapp_events::Event>("chatapp"),
            ),
            (
                "codechat",
                chat_events_tests::report::<codechat_events::Event>("codechat"),
            ),
            (
                "onechat",
                chat_events_tests::report::<onechat_events::Event>("onechat"),
            ),
            (
                "onechat-webhook",
                chat_events_tests::report::<onechat_events::webhook::WebhookEvent>(
                    "onechat-webhook",
                ),
            ),
        ] {
            eprintln!("== {provider}\n{report}");
        }
    }
    if !args.list {
        eprint!(
            "fixture corpus:\n{}{}{}{}",
            chat_events_tests::summary::<chatapp_events::Event>("chatapp"),
            chat_events_tests::summary::<codechat_events::Event>("codechat"),
            chat_events_tests::summary::<onechat_events::Event>("onechat"),
            chat_events_tests::summary::<onechat_events::webhook::WebhookEvent>("onechat-webhook"),
        );
    }
    let mut trials = chat_events_tests::provider_trials::<chatapp_events::Event>(
        "chatapp",
        chatapp_events::EventKind::KNOWN,
    );
    trials.extend(
        chat_events_tests::provider_trials::<codechat_events::Event>(
            "codechat",
            codechat_events::EventKind::KNOWN,
        ),
    );
    trials.extend(chat_events_tests::provider_trials::<onechat_events::Event>(
        "onechat",
        onechat_events::EventKind::KNOWN,
    ));
    trials.extend(chat_events_tests::provider_trials::<
        onechat_events::webhook::WebhookEvent,
    >(
        "onechat-webhook",
        onechat_events::webhook::WebhookEventKind::KNOWN,
    ));
    libtest_mimic::run(&args, trials).exit();
}
