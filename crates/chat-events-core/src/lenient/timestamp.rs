//! [`Timestamp`]: a point in time in whichever encoding the provider chose.

use std::{
    borrow::Cow,
    fmt,
    time::{Duration, SystemTime},
};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{self, Visitor},
};

/// A time as a provider sent it: Unix seconds as an integer (`1627060394`) or a float
/// (`1736743188.402117`), Unix seconds in a string (`"1736743600"`), ISO-8601
/// (`"2025-01-13T04:39:00.214Z"`, `"2021-07-23T17:13:14.000Z"`), or free text such as
/// JavaScript's `Date.toString()` (`"Fri Jul 23 2021 22:43:14 GMT+0530 (India Standard
/// Time)"`).
///
/// Chatwoot puts four of these encodings in one payload. Decoding never fails on a number
/// or a string: the value is kept exactly as sent (serializing writes it back unchanged) and
/// interpreted only when asked, by [`unix_seconds`](Self::unix_seconds). `0` means "never"
/// for several fields ([`is_never`](Self::is_never)).
///
/// ```
/// use chat_events_core::{Timestamp, TimestampForm};
///
/// for (json, seconds) in [
///     ("1627060394", 1_627_060_394.0),
///     ("1736743188.402117", 1_736_743_188.402_117),
///     (r#""1736743600""#, 1_736_743_600.0),
///     (r#""2021-07-23T17:13:14.000Z""#, 1_627_060_394.0),
///     (r#""Fri Jul 23 2021 22:43:14 GMT+0530 (India Standard Time)""#, 1_627_060_394.0),
/// ] {
///     let time: Timestamp = serde_json::from_str(json).unwrap();
///     assert_eq!(time.unix_seconds(), Some(seconds), "{json}");
///     assert_eq!(serde_json::to_string(&time).unwrap(), json);
/// }
/// let never: Timestamp = serde_json::from_str("0").unwrap();
/// assert!(never.is_never());
/// let text: Timestamp = serde_json::from_str(r#""next Tuesday""#).unwrap();
/// assert_eq!((text.form(), text.unix_seconds()), (TimestampForm::Text, None));
/// ```
#[derive(Clone, PartialEq)]
pub struct Timestamp(Repr);

#[derive(Clone, PartialEq)]
enum Repr {
    Number(serde_json::Number),
    Text(Box<str>),
}

/// The encoding a [`Timestamp`] arrived in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimestampForm {
    /// A JSON integer of Unix seconds.
    Seconds,
    /// A JSON number of Unix seconds with a fraction.
    FractionalSeconds,
    /// A string of Unix seconds (`"1736743600"`).
    SecondsText,
    /// An ISO-8601 / RFC 3339 string, or a date-only `YYYY-MM-DD`.
    Iso8601,
    /// JavaScript's `Date.toString()` form.
    JavaScriptDate,
    /// Any other string; kept, not interpreted.
    Text,
}

impl Timestamp {
    /// A timestamp of whole Unix seconds, written as a JSON integer.
    pub fn from_unix_seconds(seconds: i64) -> Self {
        Self(Repr::Number(seconds.into()))
    }

    /// How the value was encoded.
    pub fn form(&self) -> TimestampForm {
        match &self.0 {
            Repr::Number(number) if number.is_f64() => TimestampForm::FractionalSeconds,
            Repr::Number(_) => TimestampForm::Seconds,
            Repr::Text(text) if parse_seconds_text(text).is_some() => TimestampForm::SecondsText,
            Repr::Text(text) if parse_iso8601(text).is_some() => TimestampForm::Iso8601,
            Repr::Text(text) if parse_js_date(text).is_some() => TimestampForm::JavaScriptDate,
            Repr::Text(_) => TimestampForm::Text,
        }
    }

    /// Unix seconds (with fraction), for every form but free text.
    pub fn unix_seconds(&self) -> Option<f64> {
        match &self.0 {
            Repr::Number(number) => number.as_f64(),
            Repr::Text(text) => parse_seconds_text(text)
                .or_else(|| parse_iso8601(text))
                .or_else(|| parse_js_date(text)),
        }
    }

    /// Whether this is the "never" sentinel: `0`, or a string of zeros (`"0000000000"`).
    pub fn is_never(&self) -> bool {
        match &self.0 {
            Repr::Number(number) => number.as_f64() == Some(0.0),
            Repr::Text(text) => !text.is_empty() && text.bytes().all(|b| b == b'0'),
        }
    }

    /// The time as a [`SystemTime`]; `None` for free text and times before the epoch.
    /// Check [`is_never`](Self::is_never) first where `0` means "never".
    pub fn to_system_time(&self) -> Option<SystemTime> {
        let seconds = self.unix_seconds()?;
        if !seconds.is_finite() || seconds < 0.0 {
            return None;
        }
        SystemTime::UNIX_EPOCH.checked_add(Duration::try_from_secs_f64(seconds).ok()?)
    }

    /// The value, when it arrived as a JSON number.
    pub fn as_number(&self) -> Option<&serde_json::Number> {
        match &self.0 {
            Repr::Number(number) => Some(number),
            Repr::Text(_) => None,
        }
    }

    /// The value, when it arrived as a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Repr::Text(text) => Some(text),
            Repr::Number(_) => None,
        }
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Number(number) => write!(f, "Timestamp({number})"),
            Repr::Text(text) => write!(f, "Timestamp({text:?})"),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::Number(number) => number.serialize(serializer),
            Repr::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;

        impl Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time as a number of seconds or a string")
            }

            fn visit_i64<E>(self, value: i64) -> Result<Timestamp, E> {
                Ok(Timestamp(Repr::Number(value.into())))
            }

            fn visit_u64<E>(self, value: u64) -> Result<Timestamp, E> {
                Ok(Timestamp(Repr::Number(value.into())))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Timestamp, E> {
                serde_json::Number::from_f64(value)
                    .map(|number| Timestamp(Repr::Number(number)))
                    .ok_or_else(|| E::custom("a non-finite number"))
            }

            fn visit_str<E>(self, value: &str) -> Result<Timestamp, E> {
                Ok(Timestamp(Repr::Text(value.into())))
            }
        }

        deserializer.deserialize_any(TimestampVisitor)
    }
}

impl JsonSchema for Timestamp {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A time: Unix seconds as an integer or a float, Unix seconds in a string, an ISO-8601 string, or free text (JavaScript Date.toString()). 0 means never where noted.",
            "type": ["number", "string"]
        })
    }
}

/// `"1736743600"`, `"-5"`, `"1736743188.402117"`.
fn parse_seconds_text(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if all_digits(whole) && all_digits(fraction) {
        text.parse().ok()
    } else {
        None
    }
}

/// The years a parsed date may have: far beyond any real timestamp, and small enough that no
/// arithmetic below can overflow.
const YEARS: std::ops::RangeInclusive<i64> = -1_000_000..=1_000_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). The
/// caller keeps `year` within [`YEARS`], `month` within 1–12 and `day` within 1–31.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The number written with exactly `len` ASCII digits in `text`.
fn number(text: &str, len: usize) -> Option<i64> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Seconds since the epoch of a civil date and time, checked for range.
#[allow(clippy::cast_precision_loss)] // seconds since the epoch fit an f64 exactly for millennia
fn civil_seconds(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
) -> Option<f64> {
    let valid = YEARS.contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..=23).contains(&hour)
        && (0..=59).contains(&minute)
        && (0..=60).contains(&second);
    valid.then(|| {
        (days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second) as f64
    })
}

/// An offset `Z`, `UTC`, `+05:30`, `+0530`, `-08`, or nothing (UTC) in seconds east.
fn parse_offset(text: &str) -> Option<i64> {
    let text = text.trim();
    match text {
        "" | "Z" | "z" | "UTC" | "GMT" => return Some(0),
        _ => {}
    }
    // Offsets are ASCII; anything else (and every slice below) is then safe to cut by byte.
    if !text.is_ascii() {
        return None;
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = text.get(1..)?.replace(':', "");
    let (hours, minutes) = match rest.len() {
        2 => (number(&rest, 2)?, 0),
        4 => (number(rest.get(..2)?, 2)?, number(rest.get(2..)?, 2)?),
        _ => return None,
    };
    (hours <= 23 && minutes <= 59).then_some(sign * (hours * 3_600 + minutes * 60))
}

/// `2025-01-13T04:39:00.214Z`, `2020-03-03 13:05:57 UTC`, `2024-08-28`.
fn parse_iso8601(text: &str) -> Option<f64> {
    // ISO-8601 is ASCII: refusing anything else first makes every byte offset below a
    // character boundary.
    if !text.is_ascii() {
        return None;
    }
    let bytes = text.as_bytes();
    let (year, month, day) = (
        number(text.get(..4)?, 4)?,
        number(text.get(5..7)?, 2)?,
        number(text.get(8..10)?, 2)?,
    );
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let rest = text.get(10..)?;
    if rest.is_empty() {
        return civil_seconds(year, month, day, 0, 0, 0);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let time = rest.get(..8)?;
    if time.as_bytes().get(2) != Some(&b':') || time.as_bytes().get(5) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (
        number(time.get(..2)?, 2)?,
        number(time.get(3..5)?, 2)?,
        number(time.get(6..8)?, 2)?,
    );
    let mut rest = rest.get(8..)?;
    let mut fraction = 0.0;
    if let Some(after_dot) = rest.strip_prefix('.') {
        let end = after_dot
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after_dot.len());
        if end == 0 {
            return None;
        }
        // Digits past nanoseconds add nothing an f64 can hold.
        let digits = after_dot.get(..end.min(9))?;
        fraction = format!("0.{digits}").parse().ok()?;
        rest = after_dot.get(end..)?;
    }
    let offset = parse_offset(rest)?;
    #[allow(clippy::cast_precision_loss)]
    let offset = offset as f64;
    Some(civil_seconds(year, month, day, hour, minute, second)? + fraction - offset)
}

/// `Fri Jul 23 2021 22:43:14 GMT+0530 (India Standard Time)` (the zone name in parentheses
/// may be in any language).
fn parse_js_date(text: &str) -> Option<f64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = text.split_whitespace();
    let _weekday = parts.next()?;
    let month_name = parts.next()?.get(..3)?;
    let month = MONTHS.iter().position(|m| *m == month_name)?;
    let day = parts.next()?.parse::<i64>().ok()?;
    let year = parts.next()?.parse::<i64>().ok()?;
    let time = parts.next()?;
    let zone = parts.next()?.strip_prefix("GMT")?;
    let mut clock = time.split(':').map(|part| number(part, 2));
    let (hour, minute, second) = (clock.next()??, clock.next()??, clock.next()??);
    if clock.next().is_some() {
        return None;
    }
    #[allow(clippy::cast_possible_wrap)] // month index is below 12
    let month = month as i64 + 1;
    #[allow(clippy::cast_precision_loss)]
    let offset = parse_offset(zone)? as f64;
    Some(civil_seconds(year, month, day, hour, minute, second)? - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(text: &str) -> Option<f64> {
        serde_json::from_value::<Timestamp>(serde_json::Value::String(text.to_owned()))
            .unwrap()
            .unix_seconds()
    }

    #[test]
    fn parses_iso_variants() {
        assert_eq!(seconds("2025-01-13T04:39:00.214Z"), Some(1_736_743_140.214));
        assert_eq!(seconds("2025-01-13T10:09:00+05:30"), Some(1_736_743_140.0));
        assert_eq!(seconds("2025-01-13T10:09:00+0530"), Some(1_736_743_140.0));
        assert_eq!(seconds("2020-03-03 13:05:57 UTC"), Some(1_583_240_757.0));
        assert_eq!(seconds("2024-08-28"), Some(1_724_803_200.0));
        assert_eq!(seconds("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(seconds("2025-13-01T00:00:00Z"), None);
        assert_eq!(seconds("2025-01-13T04:39"), None);
    }

    #[test]
    fn parses_javascript_dates() {
        assert_eq!(
            seconds("Mon Jan 13 2025 10:02:05 GMT+0530 (India Standard Time)"),
            Some(1_736_742_725.0)
        );
        assert_eq!(
            seconds("Mon Jan 13 2025 04:32:05 GMT+0000"),
            Some(1_736_742_725.0)
        );
        assert_eq!(seconds("Mon Foo 13 2025 04:32:05 GMT+0000"), None);
    }

    fn parse(json: &str) -> Timestamp {
        serde_json::from_str::<Timestamp>(json).unwrap()
    }

    #[test]
    fn keeps_forms_apart() {
        assert_eq!(parse("1").form(), TimestampForm::Seconds);
        assert_eq!(parse("1.0").form(), TimestampForm::FractionalSeconds);
        assert_eq!(
            serde_json::to_string(&parse("1736496900.0")).unwrap(),
            "1736496900.0"
        );
        assert_eq!(parse(r#""0000000000""#).form(), TimestampForm::SecondsText);
        assert!(parse(r#""0000000000""#).is_never());
        assert!(!parse(r#""""#).is_never());
        assert_eq!(parse(r#""""#).unix_seconds(), None);
        assert!(serde_json::from_str::<Timestamp>("true").is_err());
        assert_eq!(parse("-1").to_system_time(), None);
    }

    #[test]
    fn hostile_text_gives_none_never_a_panic() {
        // Multi-byte characters where byte offsets would cut them (issue 12).
        for text in [
            "20é5-01-13T04:39:00Z",
            "202é-01-13T04:39:00Z",
            "2025-0é-13T04:39:00Z",
            "2025-01-13T0é:39:00Z",
            "2025-01-13T04:39:00.é",
            "2025-01-13T04:39:00+aéb",
            "2025-01-13T04:39:00+éé",
            "Mon Jan 13 2025 04:32:05 GMT+aéb",
            "Mon Jan 13 2025 04:32:05 GMT+éé",
            "Mon Jén 13 2025 04:32:05 GMT+0000",
            "é",
            "2025-01-1",
            "2025-01-13T",
            "2025-01-13T04:39:00.",
        ] {
            let timestamp = parse(&format!("{text:?}"));
            assert_eq!(timestamp.unix_seconds(), None, "{text}");
            let _ = timestamp.form();
            let _ = timestamp.to_system_time();
        }
        // Huge years: no overflow, no wrong time.
        for text in [
            "Mon Jan 13 9223372036854775807 04:32:05 GMT+0000",
            "Mon Jan 13 -9223372036854775808 04:32:05 GMT+0000",
            "Mon Jan 13 1000001 04:32:05 GMT+0000",
        ] {
            let timestamp = parse(&format!("{text:?}"));
            assert_eq!(timestamp.unix_seconds(), None, "{text}");
            assert_eq!(timestamp.to_system_time(), None, "{text}");
        }
        // A long fraction is read to nanoseconds.
        assert_eq!(
            parse(r#""1970-01-01T00:00:01.5000000000000000000000001Z""#).unix_seconds(),
            Some(1.5)
        );
        // Huge numbers of seconds do not make a time either.
        assert_eq!(parse("1e300").to_system_time(), None);
        assert_eq!(parse(r#""99999999999999999999999""#).to_system_time(), None);
    }
}
