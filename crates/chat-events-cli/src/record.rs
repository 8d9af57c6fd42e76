//! Recordings of `--record`: one payload per line, **exactly as received** (its JSON text byte
//! for byte; whitespace around the document, such as a trailing newline of a webhook body, is
//! not part of the payload the transports keep). The line format is
//! [`chat_events_core::unstable::recording`]'s (a payload with line breaks is a JSON string line).
//! `chat-events check` reads recordings, and
//! [`ReplaySource::from_recording`](chat_events_core::ReplaySource::from_recording) replays
//! them.

use chat_events_core::unstable::recording;
use std::{
    fs::{File, OpenOptions},
    io::{self, BufWriter, Write},
    path::Path,
};

/// Appends payloads to a recording; each line is flushed as it is written, so a killed
/// process loses nothing it wrote.
#[derive(Debug)]
pub(crate) struct Recorder {
    file: BufWriter<File>,
}

impl Recorder {
    /// Opens (creating or appending to) `path`.
    ///
    /// # Errors
    ///
    /// The file cannot be opened for appending.
    pub(crate) fn open(path: &Path) -> io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Self {
            file: BufWriter::new(file),
        })
    }

    /// Appends one payload.
    ///
    /// # Errors
    ///
    /// Writing failed (disk full…).
    pub(crate) fn append(&mut self, payload: &str) -> io::Result<()> {
        self.file.write_all(recording::line(payload).as_bytes())?;
        self.file.write_all(b"\n")?;
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_come_back_byte_for_byte() {
        let dir = std::env::temp_dir().join(format!("chat-events-record-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("r.jsonl");
        let _ = std::fs::remove_file(&path);
        let sent = [
            r#"{"event":"a","n":1}"#,
            "{\n  \"event\": \"b\",\r\n  \"s\": \"x\\ny\"\n}",
            r#"{"event":"c","u":"\u00e9 é"}"#,
        ];
        let mut recorder = Recorder::open(&path).unwrap();
        for payload in sent {
            recorder.append(payload).unwrap();
        }
        drop(recorder);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 3, "{text}");
        assert!(text.starts_with("{\"event\":\"a\",\"n\":1}\n\""));
        let back = recording::payloads(&text);
        assert_eq!(back, sent.map(|payload| payload.as_bytes().to_vec()));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
