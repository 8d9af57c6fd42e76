//! `employeeStatus`: an employee's presence changed (company channel).

use chat_events_core::unstable::open_enum;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::IdRef;

/// An employee's presence changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct EmployeeStatus {
    /// The employee.
    pub employee: IdRef,
    /// The new presence.
    #[serde(rename = "type")]
    pub kind: EmployeeStatusType,
}

open_enum! {
    /// An employee's presence.
    pub enum EmployeeStatusType {
        /// The employee is online.
        Online = "online",
    }
}
