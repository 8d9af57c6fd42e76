chat_events_core::unstable::open_enum! {
    /// A direction.
    pub enum Side {
        /// In.
        In = "in",
        /// A value spelled like the hidden catch-all.
        _Custom = "custom",
    }
}

fn main() {}
