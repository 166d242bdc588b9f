//! The built-in B2B buying journey, embedded in the binary; the app opens it when started
//! without a file. Parse it with `file::parse_project`.

/// How the template is named in messages.
pub const TEMPLATE_NAME: &str = "built-in B2B template";

/// The template as written in `assets/templates/b2b.ron`.
pub const TEMPLATE_RON: &str = include_str!("../../assets/templates/b2b.ron");
