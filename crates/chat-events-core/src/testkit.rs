//! What the providers' testkits share (feature `testkit`): a listener on 127.0.0.1 that
//! hands each connection to a handler and stops when dropped, and a lock that a panicked
//! test thread does not poison. The Pusher and Action Cable servers of `chatapp-events` and
//! `onechat-events` speak different protocols over it; this is the part that is the same.

use std::{
    fmt,
    future::Future,
    net::SocketAddr,
    sync::{
        Arc, Mutex, MutexGuard, PoisonError,
        atomic::{AtomicUsize, Ordering},
    },
};

use tokio::{
    net::{TcpListener, TcpStream},
    task::JoinHandle,
};

/// A TCP listener on a free port of 127.0.0.1 that runs `handler` for each connection it
/// accepts (with its number, from 0) on a task of its own; it stops accepting when dropped.
pub struct Loopback {
    addr: SocketAddr,
    accepted: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl Loopback {
    /// Binds a free port and starts accepting.
    ///
    /// # Errors
    ///
    /// The port could not be bound.
    pub async fn start<F, Fut>(handler: F) -> std::io::Result<Self>
    where
        F: Fn(usize, TcpStream) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let accepted = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&accepted);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let index = count.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(handler(index, stream));
            }
        });
        Ok(Self {
            addr,
            accepted,
            task,
        })
    }

    /// Where it listens.
    pub const fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many connections it has accepted.
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }
}

impl fmt::Debug for Loopback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Loopback")
            .field("addr", &self.addr)
            .field("accepted", &self.accepted())
            .finish_non_exhaustive()
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Locks `mutex`, also after a thread holding it panicked (a failed assertion in a test must
/// not turn every later call into a second panic).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use tokio::io::AsyncWriteExt;

    use super::*;

    #[tokio::test]
    async fn hands_each_connection_to_the_handler_and_stops_when_dropped() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        let loopback = Loopback::start(move |index, mut stream| {
            let record = Arc::clone(&record);
            async move {
                lock(&record).push(index);
                let _ = stream.write_all(b"hi").await;
            }
        })
        .await
        .unwrap();
        let addr = loopback.addr();
        assert!(addr.ip().is_loopback());
        for _ in 0..2 {
            let mut stream = TcpStream::connect(addr).await.unwrap();
            let mut buffer = [0; 2];
            tokio::io::AsyncReadExt::read_exact(&mut stream, &mut buffer)
                .await
                .unwrap();
            assert_eq!(&buffer, b"hi");
        }
        assert_eq!(loopback.accepted(), 2);
        let mut indexes = lock(&seen).clone();
        indexes.sort_unstable();
        assert_eq!(indexes, [0, 1]);
        drop(loopback);
        let mut refused = false;
        for _ in 0..100 {
            tokio::task::yield_now().await;
            if TcpStream::connect(addr).await.is_err() {
                refused = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        assert!(refused, "stopped when dropped");
    }
}
