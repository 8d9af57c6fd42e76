//! One test per fixture and check, generated from the fixture folders by the public harness
//! (`chat-events-testing`; see the `chat_events_tests` crate docs). Run one with `cargo test
//! -p chat-events-tests --test fixtures -- chatapp/000_3eeb06198ae497e6/message`.

use chat_events_tests::corpus;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let corpora = [
        corpus("chatapp", chatapp_events::EventKind::KNOWN),
        corpus("codechat", codechat_events::EventKind::KNOWN),
        corpus("onechat", onechat_events::EventKind::KNOWN),
        corpus(
            "onechat-webhook",
            onechat_events::webhook_events::WebhookEventKind::KNOWN,
        ),
    ];
    let [chatapp, codechat, onechat, webhook] = &corpora;
    if !args.list {
        eprint!(
            "fixture corpus:\n{}{}{}{}",
            chatapp.summary::<chatapp_events::Event>(),
            codechat.summary::<codechat_events::Event>(),
            onechat.summary::<onechat_events::Event>(),
            webhook.summary::<onechat_events::webhook_events::WebhookEvent>(),
        );
    }
    let mut trials = chatapp.trials::<chatapp_events::Event>();
    trials.extend(codechat.trials::<codechat_events::Event>());
    trials.extend(onechat.trials::<onechat_events::Event>());
    trials.extend(webhook.trials::<onechat_events::webhook_events::WebhookEvent>());
    libtest_mimic::run(&args, trials).exit();
}
