//! The whole app driven through egui_kittest, by the pointer and keyboard as a person uses it.

mod canvas;
mod files;
mod harness;
mod inspector;
mod presentation;
mod review;
