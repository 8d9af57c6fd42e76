use chat_events_core::{unstable::Spine, unstable::event_enum};
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Body {}
pub trait Common {}
impl Common for Body {}
const SPINE: Spine = Spine::new("demo", &["event"]);

event_enum! {
    /// Events.
    pub enum Event;
    /// Names.
    pub enum EventKind;
    spine = SPINE;
    payload_trait = Common;
    /// Alpha happened.
    Alpha(Body) = "same",
    /// Beta happened.
    Beta(Body) = "same",
}

fn main() {}
