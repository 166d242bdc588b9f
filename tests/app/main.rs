//! The whole app driven through egui_kittest, by the pointer and keyboard as a person uses it.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod canvas;
#[path = "../common/mod.rs"]
mod common;
mod files;
mod harness;
mod inspector;
mod interchange;
mod live;
mod palette;
#[path = "../common/pixels.rs"]
mod pixels;
mod presentation;
mod review;
mod vectors;
