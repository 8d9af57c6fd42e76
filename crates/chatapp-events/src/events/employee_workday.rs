//! `employeeWorkday`: an employee started or ended a workday (company channel).

use chat_events_core::unstable::open_enum;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::IdRef;

/// An employee started or ended a workday.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct EmployeeWorkday {
    /// The employee.
    pub employee: IdRef,
    /// Started or ended.
    ///
    /// Quirk: the docs' example literally says `"start|end"`; that decodes as
    /// an unknown value ([`WorkdayAction::as_str`] gives `"start|end"`).
    #[serde(rename = "type")]
    pub kind: WorkdayAction,
}

open_enum! {
    /// What happened to an employee's workday.
    pub enum WorkdayAction {
        /// The workday ended.
        End = "end",
        /// The workday started.
        Start = "start",
    }
}
