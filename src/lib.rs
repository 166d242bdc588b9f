//! Journeymap: a desktop customer-journey mapper.
//!
//! `model` is the document, `file` reads and writes it, `app` is the window. The binary's
//! command line lives in `cli`.

pub mod app;
pub mod cli;
pub mod export;
pub mod file;
pub mod interchange;
pub mod layout;
pub mod live;
pub mod model;
pub mod paint;
pub mod raster;
pub mod theme;
