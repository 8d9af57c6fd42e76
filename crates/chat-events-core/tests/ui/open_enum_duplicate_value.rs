chat_events_core::unstable::open_enum! {
    /// A direction.
    pub enum Side {
        /// In.
        In = "in",
        /// Also in.
        Inward = "in",
    }
}

fn main() {}
