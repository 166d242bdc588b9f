//! The review room: what a team uses to look at a map together. The health check panel,
//! search and filters, and the outline table. Comments live with the card inspector.

pub mod health;
mod outline;
mod paste;
mod search;

pub use health::HealthState;
pub use outline::{OutlineState, panel as outline_panel};
pub use search::{SearchState, bar as search_bar};
