//! The CodeChat receiver against hostile and broken peers (issue 12): slow and silent
//! connections are closed while normal requests go through, a trickled body gets 408, the
//! queue is bounded in bytes, and a stop under load delivers every event answered 200.

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use codechat_events::{
    EventSource,
    receiver::{Receiver, ReceiverBuilder, Server},
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
    time::timeout,
};

const BODY: &str =
    r#"{"event":"chats.delete","instance":"sales-01","data":["5531911112222@s.whatsapp.net"]}"#;

async fn start(builder: ReceiverBuilder) -> (Server, Receiver, String) {
    let (server, receiver) = builder.serve("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let addr = server.local_addr().to_string();
    (server, receiver, addr)
}

/// One POST over a fresh connection with a raw request; the status line's code.
async fn post(addr: &str, body: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    let request = format!(
        "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.ok()?;
    let text = String::from_utf8_lossy(&answer);
    text.split(' ').nth(1)?.parse().ok()
}

/// Whether the server closed `stream` (a read gives end of file or an error).
async fn closed(stream: &mut TcpStream, within: Duration) -> bool {
    let mut buffer = [0_u8; 256];
    matches!(
        timeout(within, async {
            loop {
                match stream.read(&mut buffer).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
            }
        })
        .await,
        Ok(())
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slowloris_and_silent_connections_are_closed_while_normal_requests_succeed() {
    let (server, mut receiver, addr) = start(
        Receiver::builder()
            .path("/hook")
            .max_connections(64)
            .header_timeout(Duration::from_millis(600)),
    )
    .await;
    // 150 silent connections and 150 that trickle their headers a byte at a time: together
    // far more than the connection limit.
    let mut silent = Vec::new();
    for _ in 0..150 {
        silent.push(TcpStream::connect(&addr).await.unwrap());
    }
    let trickled = Arc::new(AtomicUsize::new(0));
    let mut slow = Vec::new();
    for _ in 0..150 {
        let addr = addr.clone();
        let trickled = Arc::clone(&trickled);
        slow.push(tokio::spawn(async move {
            let Ok(mut stream) = TcpStream::connect(&addr).await else {
                return true;
            };
            let _ = stream
                .write_all(b"POST /hook HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                .await;
            for _ in 0..100 {
                if stream.write_all(b"a").await.is_err() {
                    return true;
                }
                trickled.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(100)).await;
                let mut byte = [0_u8; 1];
                if let Ok(Ok(0) | Err(_)) =
                    timeout(Duration::from_millis(1), stream.read(&mut byte)).await
                {
                    return true; // closed by the server
                }
            }
            false
        }));
    }
    // A normal request gets through: the slots of the slow and silent ones free up within
    // the header deadline.
    let started = Instant::now();
    let status = timeout(Duration::from_secs(10), post(&addr, BODY)).await;
    assert_eq!(status, Ok(Some(200)), "a normal request is served");
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "served after {:?}",
        started.elapsed()
    );
    let update = timeout(Duration::from_secs(5), receiver.next_event())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(
        update.event().map(codechat_events::Event::name),
        Some("chats.delete")
    );
    // Every slowloris connection was closed before it finished its headers (100 bytes at
    // 10/s would take 10 s).
    for task in slow {
        assert!(
            timeout(Duration::from_secs(15), task)
                .await
                .unwrap()
                .unwrap(),
            "a slowloris connection was left open"
        );
    }
    // And the silent ones too.
    for stream in &mut silent {
        assert!(
            closed(stream, Duration::from_secs(5)).await,
            "a silent connection was left open"
        );
    }
    within(server.close()).await.unwrap();
}

/// Awaits `future`, for at most 15 s.
async fn within<F: Future>(future: F) -> F::Output {
    timeout(Duration::from_secs(15), future)
        .await
        .expect("done within 15 s")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_trickles_past_its_deadline_gets_408() {
    let (server, _receiver, addr) = start(
        Receiver::builder()
            .path("/hook")
            .body_timeout(Duration::from_millis(500)),
    )
    .await;
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    stream
        .write_all(
            format!(
                "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                BODY.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let writer = tokio::spawn(async move {
        for byte in BODY.bytes() {
            if stream.write_all(&[byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            let mut answer = [0_u8; 64];
            if let Ok(Ok(read)) = timeout(Duration::from_millis(1), stream.read(&mut answer)).await
                && read > 0
            {
                return String::from_utf8_lossy(&answer[..read]).into_owned();
            }
        }
        String::new()
    });
    let answer = within(writer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
    within(server.close()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_is_bounded_in_bytes_and_waits_briefly_for_room() {
    let (server, mut receiver, addr) = start(
        Receiver::builder()
            .path("/hook")
            .queue_bytes(64 * 1024)
            .queue_wait(Duration::from_millis(300)),
    )
    .await;
    // 30 KB bodies: two fit in 64 KiB, the third does not while nobody reads.
    let padding = "p".repeat(30 * 1024);
    let big = format!(r#"{{"event":"typebot.start","data":{{"padding":"{padding}"}}}}"#);
    assert_eq!(post(&addr, &big).await, Some(200));
    assert_eq!(post(&addr, &big).await, Some(200));
    let refused_at = Instant::now();
    assert_eq!(post(&addr, &big).await, Some(503), "the budget is spent");
    assert!(
        refused_at.elapsed() >= Duration::from_millis(250),
        "it waited for room before refusing"
    );
    // Room comes back as the consumer reads; a request that arrives while the consumer is
    // reading waits for it instead of being refused.
    let poster = tokio::spawn({
        let addr = addr.clone();
        let big = big.clone();
        async move { post(&addr, &big).await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(receiver.next_event().await.unwrap().is_ok());
    assert_eq!(within(poster).await.unwrap(), Some(200));
    within(server.close()).await.unwrap();
    // Everything answered 200 is delivered: 3 in all, one already read.
    let mut rest = 0;
    while let Some(item) = within(receiver.next_event()).await {
        assert!(item.is_ok());
        rest += 1;
    }
    assert_eq!(rest, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_under_load_delivers_every_event_answered_200_within_its_deadline() {
    let (server, mut receiver, addr) = start(
        Receiver::builder()
            .path("/hook")
            .shutdown_timeout(Duration::from_millis(800)),
    )
    .await;
    let accepted = Arc::new(AtomicUsize::new(0));
    let mut clients = Vec::new();
    for _ in 0..40 {
        let addr = addr.clone();
        let accepted = Arc::clone(&accepted);
        clients.push(tokio::spawn(async move {
            for _ in 0..25 {
                match post(&addr, BODY).await {
                    Some(200) => {
                        accepted.fetch_add(1, Ordering::SeqCst);
                    }
                    Some(_) => {}
                    None => return,
                }
            }
        }));
    }
    // One client trickles a body forever: the graceful stop must not wait for it.
    let trickler = TcpStream::connect(&addr).await.unwrap();
    let trickle = tokio::spawn(async move {
        let mut stream = trickler;
        let _ = stream
            .write_all(b"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
            .await;
        loop {
            if stream.write_all(b" ").await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stopping = Instant::now();
    within(server.close()).await.unwrap();
    assert!(
        stopping.elapsed() < Duration::from_secs(3),
        "the stop took {:?} (deadline 800 ms)",
        stopping.elapsed()
    );
    for client in clients {
        let _ = within(client).await;
    }
    trickle.abort();
    let mut delivered = 0;
    while let Some(item) = within(receiver.next_event()).await {
        assert!(item.is_ok());
        delivered += 1;
    }
    let accepted = accepted.load(Ordering::SeqCst);
    assert!(accepted > 0, "some requests were served before the stop");
    assert_eq!(delivered, accepted, "every event answered 200 is delivered");
}
