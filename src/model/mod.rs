//! The journey document: types, validation, edits with undo, and the built-in template.
//! Nothing here knows about egui, files or screens.

mod committee;
mod committee_health;
pub mod committee_operations;
mod document;
mod edit;
mod filter;
mod health;
mod legend;
pub mod limits;
mod names;
pub mod operations;
pub mod project_operations;
mod sample;
mod template;
mod types;
mod validate;

pub use committee::{Voice, VoiceSet, journey_voices, voices};
pub use document::Document;
pub use edit::{Edit, EditError, Item, List, ListOp};
pub use filter::{Filter, department_id};
pub use health::{Finding, RULES, Subject, check_health, check_journey, rule_summary};
pub use legend::LegendItems;
pub use names::{
    echo, emotion_label, escaped, is_invisible, named_ids, quantity, slug, with_article,
};
pub use sample::{generated_committee, generated_project};
pub use template::{TEMPLATE_NAME, TEMPLATE_RON};
pub use types::*;
pub use validate::{LISTED_PROBLEMS, Problems, ValidationError, parse_hex_color, validate};
