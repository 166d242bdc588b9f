//! The whole app driven through egui_kittest, by the pointer and keyboard as a person uses it.

mod canvas;
#[path = "../common/mod.rs"]
mod common;
mod files;
mod harness;
mod inspector;
#[path = "../common/pixels.rs"]
mod pixels;
mod presentation;
mod review;
