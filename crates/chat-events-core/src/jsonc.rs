//! JSON with comments, as provider docs write their examples.
//!
//! ChatApp's examples carry `// delivered|viewed|failed|sent` after values, `{//for group`
//! after an opening brace, and a trailing comma before a closing brace. [`strip`] removes
//! `//` and `/* */` comments and trailing commas outside strings, and leaves everything else
//! (including every `//` inside a string, such as a URL) byte for byte.

use std::fmt;

/// A JSONC text that cannot be turned into JSON.
#[derive(Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct JsoncError {
    /// Byte offset of the problem.
    pub offset: usize,
    /// What is wrong.
    pub message: &'static str,
}

impl fmt::Display for JsoncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for JsoncError {}

/// Turns JSONC into JSON: comments become spaces (so byte offsets and line numbers stay
/// put) and trailing commas are dropped.
///
/// # Errors
///
/// An unterminated string or block comment.
pub fn strip(text: &str) -> Result<String, JsoncError> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    // Position in `out` of a comma that may turn out to be trailing.
    let mut pending_comma: Option<usize> = None;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        match byte {
            b'"' => {
                let start = index;
                index += 1;
                loop {
                    match bytes.get(index) {
                        None => {
                            return Err(JsoncError {
                                offset: start,
                                message: "unterminated string",
                            });
                        }
                        Some(b'\\') => index += 2,
                        Some(b'"') => break,
                        Some(_) => index += 1,
                    }
                }
                out.extend_from_slice(&bytes[start..=index]);
                pending_comma = None;
                index += 1;
            }
            b'/' if bytes.get(index + 1) == Some(&b'/') => {
                while index < bytes.len() && bytes[index] != b'\n' {
                    out.push(b' ');
                    index += 1;
                }
            }
            b'/' if bytes.get(index + 1) == Some(&b'*') => {
                let start = index;
                let end = text[index + 2..].find("*/").ok_or(JsoncError {
                    offset: start,
                    message: "unterminated block comment",
                })?;
                for &skipped in &bytes[index..index + 2 + end + 2] {
                    out.push(if skipped == b'\n' { b'\n' } else { b' ' });
                }
                index += 2 + end + 2;
            }
            b',' => {
                pending_comma = Some(out.len());
                out.push(b',');
                index += 1;
            }
            b'}' | b']' => {
                if let Some(comma) = pending_comma.take() {
                    out[comma] = b' ';
                }
                out.push(byte);
                index += 1;
            }
            b' ' | b'\t' | b'\r' | b'\n' => {
                out.push(byte);
                index += 1;
            }
            _ => {
                pending_comma = None;
                out.push(byte);
                index += 1;
            }
        }
    }
    // Only ASCII bytes were replaced, and whole UTF-8 sequences were copied.
    Ok(String::from_utf8(out)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_comments_and_trailing_commas_but_not_urls() {
        let text = r#"{
  "image": "https://pps.whatsapp.net/v/t62//a.jpg", // a comment
  "fromUser": {//for group
    "id": "1", /* block
    comment */ "escaped": "a\"//b",
  },
  "list": [1, 2,],
}"#;
        let json = strip(text).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["image"], "https://pps.whatsapp.net/v/t62//a.jpg");
        assert_eq!(value["fromUser"]["escaped"], "a\"//b");
        assert_eq!(value["list"], serde_json::json!([1, 2]));
        assert_eq!(json.lines().count(), text.lines().count());
    }

    #[test]
    fn a_comma_followed_by_a_value_is_kept() {
        assert_eq!(strip("[1 , 2]").unwrap(), "[1 , 2]");
        assert_eq!(strip("[\"a,\"]").unwrap(), "[\"a,\"]");
    }

    #[test]
    fn reports_unterminated_input() {
        assert_eq!(strip("{\"a").unwrap_err().message, "unterminated string");
        assert_eq!(
            strip("/* x").unwrap_err().message,
            "unterminated block comment"
        );
    }
}
