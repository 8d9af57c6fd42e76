//! [`Channel`]: the private Pusher channels ChatApp publishes on, and [`MessengerType`].

use std::{borrow::Cow, fmt, str::FromStr};

use chat_events_core::unstable::open_enum;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A ChatApp channel: where a subscription gets its events.
///
/// All four are private Pusher channels; the client authorises each one with the access
/// token. Names parse and format losslessly:
///
/// ```
/// use chatapp_events::{Channel, MessengerType};
///
/// let channel: Channel = "private-v1.licenses.1229.messengers.grWhatsApp".parse().unwrap();
/// assert_eq!(
///     channel,
///     Channel::LineMessenger { license_id: 1229, messenger_type: MessengerType::GrWhatsApp }
/// );
/// assert_eq!(channel.to_string(), "private-v1.licenses.1229.messengers.grWhatsApp");
/// assert!("private-v1.companies.x".parse::<Channel>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Channel {
    /// `private-v1.companies.{company_id}`: company events (`employeeStatus`,
    /// `employeeWorkday`, `messageImport`).
    Company {
        /// The company number.
        company_id: u64,
    },
    /// `private-v1.companies.{company_id}.users.{user_id}`: the line events a company employee
    /// may see given their role (newer docs).
    CompanyUser {
        /// The company number.
        company_id: u64,
        /// The employee's user id.
        user_id: u64,
    },
    /// `private-v1.licenses.{license_id}.messengers.{messenger_type}`: events of one messenger
    /// on one line (messages, statuses, chat changes).
    LineMessenger {
        /// The line number.
        license_id: u64,
        /// The messenger.
        messenger_type: MessengerType,
    },
    /// `private-v1.users.{user_id}`: user events (`quickResponseList`, `quickResponse`).
    User {
        /// The user id.
        user_id: u64,
    },
}

impl Channel {
    /// The line number, for line channels.
    pub const fn license_id(&self) -> Option<u64> {
        match self {
            Self::LineMessenger { license_id, .. } => Some(*license_id),
            Self::Company { .. } | Self::CompanyUser { .. } | Self::User { .. } => None,
        }
    }

    /// The messenger, for line channels.
    pub const fn messenger_type(&self) -> Option<&MessengerType> {
        match self {
            Self::LineMessenger { messenger_type, .. } => Some(messenger_type),
            Self::Company { .. } | Self::CompanyUser { .. } | Self::User { .. } => None,
        }
    }

    /// The company number, for company channels.
    pub const fn company_id(&self) -> Option<u64> {
        match self {
            Self::Company { company_id } | Self::CompanyUser { company_id, .. } => {
                Some(*company_id)
            }
            Self::LineMessenger { .. } | Self::User { .. } => None,
        }
    }

    /// The user id, for user channels.
    pub const fn user_id(&self) -> Option<u64> {
        match self {
            Self::User { user_id } | Self::CompanyUser { user_id, .. } => Some(*user_id),
            Self::LineMessenger { .. } | Self::Company { .. } => None,
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Company { company_id } => write!(f, "private-v1.companies.{company_id}"),
            Self::CompanyUser {
                company_id,
                user_id,
            } => {
                write!(f, "private-v1.companies.{company_id}.users.{user_id}")
            }
            Self::LineMessenger {
                license_id,
                messenger_type,
            } => {
                write!(
                    f,
                    "private-v1.licenses.{license_id}.messengers.{messenger_type}"
                )
            }
            Self::User { user_id } => write!(f, "private-v1.users.{user_id}"),
        }
    }
}

/// A string that is not a ChatApp channel name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseChannelError {
    name: String,
}

impl fmt::Display for ParseChannelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a ChatApp channel (expected private-v1.licenses.<n>.messengers.<type>, \
             private-v1.companies.<n>, private-v1.users.<n> or private-v1.companies.<n>.users.<n>)",
            self.name
        )
    }
}

impl std::error::Error for ParseChannelError {}

impl FromStr for Channel {
    type Err = ParseChannelError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let error = || ParseChannelError {
            name: name.to_owned(),
        };
        let rest = name.strip_prefix("private-v1.").ok_or_else(error)?;
        let parts: Vec<&str> = rest.split('.').collect();
        let channel = match parts.as_slice() {
            ["licenses", license, "messengers", messenger]
                if !messenger.is_empty()
                    && messenger.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                Self::LineMessenger {
                    license_id: number(license).ok_or_else(error)?,
                    messenger_type: MessengerType::from(*messenger),
                }
            }
            ["companies", company] => Self::Company {
                company_id: number(company).ok_or_else(error)?,
            },
            ["companies", company, "users", user] => Self::CompanyUser {
                company_id: number(company).ok_or_else(error)?,
                user_id: number(user).ok_or_else(error)?,
            },
            ["users", user] => Self::User {
                user_id: number(user).ok_or_else(error)?,
            },
            _ => return Err(error()),
        };
        Ok(channel)
    }
}

/// A decimal number in canonical form (digits only, no leading zero), so that formatting
/// the parsed value gives back the same text.
fn number(text: &str) -> Option<u64> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if canonical { text.parse().ok() } else { None }
}

impl Serialize for Channel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Channel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = Cow::<'de, str>::deserialize(deserializer)?;
        name.parse().map_err(de::Error::custom)
    }
}

impl JsonSchema for Channel {
    fn schema_name() -> Cow<'static, str> {
        "Channel".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A ChatApp private channel name.",
            "type": "string",
            "pattern": "^private-v1\\.(licenses\\.(0|[1-9][0-9]*)\\.messengers\\.[A-Za-z0-9]+|companies\\.(0|[1-9][0-9]*)(\\.users\\.(0|[1-9][0-9]*))?|users\\.(0|[1-9][0-9]*))$"
        })
    }
}

open_enum! {
    /// A messenger connected to a ChatApp line.
    pub enum MessengerType {
        /// Avito.
        Avito = "avito",
        /// WhatsApp Business API through a cloud provider.
        CaWhatsApp = "caWhatsApp",
        /// E-mail.
        Email = "email",
        /// WhatsApp through ChatApp's own gateway.
        GrWhatsApp = "grWhatsApp",
        /// Instagram.
        Instagram = "instagram",
        /// A Telegram user account.
        Telegram = "telegram",
        /// A Telegram bot.
        TelegramBot = "telegramBot",
        /// VKontakte.
        Vkontakte = "vkontakte",
        /// WhatsApp Business API.
        WhatsApp = "WhatsApp",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips() {
        for name in [
            "private-v1.licenses.1229.messengers.grWhatsApp",
            "private-v1.licenses.1229.messengers.someNewMessenger",
            "private-v1.companies.2224",
            "private-v1.users.685",
            "private-v1.companies.2223.users.685",
        ] {
            let channel: Channel = name.parse().unwrap();
            assert_eq!(channel.to_string(), name);
            let json = serde_json::to_string(&channel).unwrap();
            assert_eq!(serde_json::from_str::<Channel>(&json).unwrap(), channel);
        }
        let channel: Channel = "private-v1.companies.2223.users.685".parse().unwrap();
        assert_eq!(
            (
                channel.company_id(),
                channel.user_id(),
                channel.license_id()
            ),
            (Some(2223), Some(685), None)
        );
    }

    #[test]
    fn rejects_malformed_names() {
        for name in [
            "",
            "v1.users.685",
            "private-v1.users.",
            "private-v1.users.+685",
            "private-v1.users.0685",
            "private-v1.users.685.extra",
            "private-v1.licenses.1229.messengers.",
            "private-v1.licenses.1229.messengers.a-b",
            "private-v1.licenses.1229",
            "private-v1.companies.99999999999999999999",
        ] {
            assert!(name.parse::<Channel>().is_err(), "{name}");
        }
    }
}
