//! File → Export… (PNG, SVG, PDF) and Edit → Copy image: the export's own rendering, from
//! the app.

use std::path::{Path, PathBuf};

use super::dialog::{Dialog, ExportFormat, PathPurpose, TextExport};
use super::text_export::text_fields;
use crate::app::{Action, JourneymapApp, Selected};
use crate::export::{
    Embed, ExportError, ExportOptions, LEAST_TITLE_PIXELS, Picture, PictureFormat, StageRange,
    export_picture, export_slides, leftover_slide, plan_slides, render, render_slide,
    stage_numbers,
};
use crate::model::{Filter, quantity, slug};

impl JourneymapApp {
    /// Opens the export dialog on the journey on screen, with the last choices.
    pub(in crate::app) fn open_export_dialog(&mut self) {
        if self.document.project().journeys.is_empty() {
            self.status = "There is no journey to export".to_owned();
            return;
        }
        self.dialog = Some(Dialog::Export {
            journey: self.journey,
            options: self.settings.export,
            filtered: self.settings.export_filtered,
            text: self.settings.export_text,
        });
    }

    /// The search's filter when an export is to be "as filtered" and something is filtered.
    pub(in crate::app) fn export_filter(&self, filtered: bool) -> Option<&Filter> {
        self.search
            .as_ref()
            .map(|s| &s.filter)
            .filter(|f| filtered && f.is_active())
    }

    /// Where an export is offered to go, with `name`: a native dialog's answer, or `None`
    /// and the path field opened for `purpose` when no native dialog can be shown.
    pub(super) fn export_path(
        &mut self,
        name: &str,
        filter: (&str, &[&str]),
        purpose: impl FnOnce() -> PathPurpose,
    ) -> Option<PathBuf> {
        match &self.environment.native_dialogs {
            Ok(()) => {
                let mut dialog = rfd::FileDialog::new()
                    .add_filter(filter.0, filter.1)
                    .set_file_name(name);
                if let Some(folder) = self.export_folder() {
                    dialog = dialog.set_directory(folder);
                }
                dialog.save_file()
            }
            Err(reason) => {
                let folder = self.export_folder().unwrap_or_default();
                self.dialog = Some(Dialog::PathPrompt {
                    purpose: purpose(),
                    text: folder.join(name).display().to_string(),
                    note: reason.clone(),
                });
                None
            }
        }
    }

    /// A file name for an export of the journey at `journey`: `as-is.png`.
    pub(super) fn export_name(&self, journey: usize, extension: &str) -> String {
        let name = self
            .document
            .project()
            .journeys
            .get(journey)
            .map_or_else(|| "journey".to_owned(), |j| file_stem(&j.name, &j.id));
        format!("{name}.{extension}")
    }

    /// The project's own file or the picture it came from, when `path` is one of them:
    /// an export never replaces them.
    pub(super) fn is_source(&self, path: &Path) -> Option<&Path> {
        [&self.path, &self.picture, &self.imported]
            .into_iter()
            .flatten()
            .find(|source| crate::file::same_file(path, source))
            .map(PathBuf::as_path)
    }

    /// Remembers the choices, then asks where to write the picture.
    pub(in crate::app) fn choose_export_path(
        &mut self,
        journey: usize,
        options: ExportOptions,
        filtered: bool,
    ) {
        self.settings.export = options;
        self.settings.export_filtered = filtered;
        self.dialog = None;
        let format = options.format;
        let name = self.export_name(journey, format.extension());
        let purpose = || PathPurpose::ExportPng {
            journey,
            options,
            filtered,
        };
        let kind = (picture_kind(format), &[format.extension()][..]);
        if let Some(path) = self.export_path(&name, kind, purpose) {
            self.export_to(path, journey, options, filtered);
        }
    }

    /// `options` drawing the curves the map shows: a curve hidden on screen stays out of
    /// the picture.
    fn as_on_screen(&self, journey: usize, options: ExportOptions) -> ExportOptions {
        let curves = self
            .document
            .journey(journey)
            .map_or_else(Default::default, |j| self.view.shown_curves(j));
        ExportOptions { curves, ..options }
    }

    pub(in crate::app) fn export_to(
        &mut self,
        path: PathBuf,
        journey: usize,
        options: ExportOptions,
        filtered: bool,
    ) {
        let options = self.as_on_screen(journey, options);
        let path = match self.export_target(path, options.format.extension()) {
            Ok(path) => path,
            Err(error) => return self.show_error("Cannot export", advice(&error)),
        };
        let filter = self.export_filter(filtered);
        let project = self.document.project();
        let written = if options.slides && options.format != PictureFormat::Pdf {
            let sources: Vec<&Path> = [&self.path, &self.picture]
                .into_iter()
                .flatten()
                .map(PathBuf::as_path)
                .collect();
            export_slides(project, journey, options, filter, &path, &sources).map(|slides| {
                let names: Vec<String> = slides
                    .iter()
                    .map(|(_, path)| {
                        path.file_name()
                            .unwrap_or_default()
                            .to_string_lossy()
                            .into_owned()
                    })
                    .collect();
                let small = slides
                    .iter()
                    .filter(|(slide, _)| slide.title_pixels() < LEAST_TITLE_PIXELS)
                    .count();
                let note = if small > 0 {
                    format!(
                        " ({} with smaller text: a stage that does not fit one slide at 18 px)",
                        quantity(small, "slide", "slides")
                    )
                } else {
                    String::new()
                };
                let left = leftover_slide(&path, slides.len()).map_or_else(String::new, |left| {
                    format!(
                        "; {} and any after it are left from an earlier export",
                        left.file_name().unwrap_or_default().to_string_lossy()
                    )
                });
                format!(
                    "Exported {} to {}: {}{note}{left}",
                    quantity(slides.len(), "slide", "slides"),
                    path.parent().unwrap_or(Path::new("")).display(),
                    names.join(", ")
                )
            })
        } else {
            export_picture(project, journey, options, filter, &path)
                .map(|_| format!("Exported {}", path.display()))
        };
        match written {
            Ok(status) => {
                self.status = status;
                self.settings.export_folder = path.parent().map(Path::to_owned);
            }
            Err(error) => self.show_error("Cannot export", advice(&error)),
        }
    }

    /// Where an export to `path` goes: named with `extension` when it has none, in full
    /// (as the status line says it and the next export remembers it). The project's own
    /// file, or the picture it was opened from, is refused.
    pub(super) fn export_target(
        &self,
        path: PathBuf,
        extension: &str,
    ) -> Result<PathBuf, ExportError> {
        let path = if path.extension().is_none() {
            path.with_extension(extension)
        } else {
            path
        };
        let path = std::path::absolute(&path).unwrap_or(path);
        if self.is_source(&path).is_some() {
            return Err(ExportError::OutputIsInput { path });
        }
        Ok(path)
    }

    /// Where an export is offered to go: the folder of the last export, else the
    /// project's own folder, else the home folder.
    pub(super) fn export_folder(&self) -> Option<PathBuf> {
        let last = self.settings.export_folder.clone();
        let project = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned);
        let home = std::env::var_os("HOME").map(PathBuf::from);
        [last, project, home]
            .into_iter()
            .flatten()
            .find(|folder| folder.is_dir())
    }

    /// The picture Copy image puts on the clipboard, and what it shows: the whole map, or
    /// with slides chosen the slide showing the selected card or stage (the first slide
    /// when neither is).
    fn clipboard_picture(&self, filter: Option<&Filter>) -> Result<(Picture, String), ExportError> {
        let project = self.document.project();
        let options = self.as_on_screen(self.journey, self.settings.export);
        if !options.slides {
            let picture = render(project, self.journey, options, filter)?;
            return Ok((picture, "the map".to_owned()));
        }
        let journey = project
            .journeys
            .get(self.journey)
            .ok_or(ExportError::Empty)?;
        let slides = plan_slides(project, self.journey, options)?;
        let stage = match self.selection.resolve(journey) {
            Selected::Card(card) => journey
                .stages
                .iter()
                .position(|s| s.id == journey.cards[card].stage),
            Selected::Stage(stage) => Some(stage),
            Selected::Lane(_) | Selected::None => None,
        };
        let number = stage
            .and_then(|stage| slides.iter().position(|s| s.stages.contains(&stage)))
            .unwrap_or(0);
        let slide = slides.get(number).ok_or(ExportError::Empty)?;
        let picture = render_slide(project, self.journey, slide, options, filter)?;
        let what = format!(
            "slide {} of {} ({})",
            number + 1,
            slides.len(),
            stage_numbers(&slide.stages)
        );
        Ok((picture, what))
    }

    /// Puts the picture of the journey on screen on the clipboard, as the export draws it.
    pub(in crate::app) fn copy_image(&mut self, ctx: &egui::Context) {
        let filter = self.export_filter(self.settings.export_filtered);
        match self.clipboard_picture(filter) {
            Ok((picture, what)) => {
                let size = [picture.width as usize, picture.height as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                    size,
                    &picture.rgba,
                ));
                self.status = format!(
                    "Copied {what} as a {} × {} picture",
                    picture.width, picture.height
                );
            }
            Err(error) => self.show_error("Cannot copy the picture", advice(&error)),
        }
    }
}

/// A file name made from a journey's name ("As is" → `as-is`), or its id when the name has
/// no letter or digit.
fn file_stem(name: &str, id: &str) -> String {
    let stem = slug(name);
    if stem.is_empty() { id.to_owned() } else { stem }
}

/// "PNG picture": a picture format as the dialogs name it.
pub fn picture_kind(format: PictureFormat) -> &'static str {
    match format {
        PictureFormat::Png => "PNG picture",
        PictureFormat::Svg => "SVG picture",
        PictureFormat::Pdf => "PDF document",
    }
}

/// An export error in the dialog's words: what to pick there when the picture is too large.
pub fn advice(error: &ExportError) -> String {
    match error {
        ExportError::TooLarge {
            fits: Some(scale), ..
        } => {
            format!("{error}. Pick scale {scale} in the Export dialog.")
        }
        ExportError::TooLarge { fits: None, .. } => {
            format!("{error}. Split the journey into smaller ones.")
        }
        ExportError::PageTooLarge {
            fits: Some(stages), ..
        } => {
            format!(
                "{error}. Stages {stages} fit: choose them (Stages: Some), or Slides, in the Export dialog."
            )
        }
        ExportError::PageTooLarge { fits: None, .. } => {
            format!("{error}. Choose Slides in the Export dialog.")
        }
        _ => error.to_string(),
    }
}

/// "Stages: All / From … to …": which of the journey's `count` stages the picture shows.
fn stage_range(ui: &mut egui::Ui, range: &mut Option<StageRange>, count: usize) {
    ui.horizontal(|ui| {
        ui.label("Stages");
        let mut some = range.is_some();
        ui.selectable_value(&mut some, false, "All");
        ui.add_enabled_ui(count > 1, |ui| {
            ui.selectable_value(&mut some, true, "Some");
        });
        // The last range chosen comes back when "Some" is chosen again.
        let remembered = egui::Id::unique("export-stage-range");
        if let Some(r) = *range {
            ui.data_mut(|d| d.insert_temp(remembered, r));
        }
        let earlier = ui.data(|d| d.get_temp::<StageRange>(remembered));
        *range = match (some && count > 0, range.or(earlier)) {
            (false, _) => None,
            // A range remembered from a longer journey is held within this one.
            (true, Some(r)) => Some(StageRange {
                first: r.first.clamp(1, count),
                last: r.last.clamp(r.first.clamp(1, count), count),
            }),
            (true, None) => Some(StageRange {
                first: 1,
                last: count,
            }),
        };
        if let Some(r) = range {
            let from = ui.label("from");
            ui.add(egui::DragValue::new(&mut r.first).range(1..=count))
                .labelled_by(from.id);
            let to = ui.label("to");
            ui.add(egui::DragValue::new(&mut r.last).range(r.first..=count))
                .labelled_by(to.id);
            ui.label(format!("of {count}"));
        }
    });
}

/// What the export dialog offers besides its own choices.
pub struct ExportFields<'a> {
    pub journeys: &'a [crate::model::Journey],
    /// The search's filter in words, when something is filtered.
    pub filter: Option<&'a str>,
}

impl ExportFields<'_> {
    /// The export dialog's fields. Returns the action its buttons ask for.
    pub fn show(
        &self,
        ui: &mut egui::Ui,
        journey: &mut usize,
        options: &mut ExportOptions,
        filtered: &mut bool,
        text: &mut TextExport,
    ) -> Option<Action> {
        ui.heading("Export");
        ui.add_space(8.0);
        // Pictures on one row, the map's data on the next.
        ui.horizontal(|ui| {
            ui.label("Format");
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    for picture in PictureFormat::ALL {
                        let chosen =
                            text.format == ExportFormat::Picture && options.format == picture;
                        if ui.selectable_label(chosen, picture_kind(picture)).clicked() {
                            text.format = ExportFormat::Picture;
                            options.format = picture;
                        }
                    }
                });
                ui.horizontal(|ui| {
                    for (format, name) in [
                        (ExportFormat::Table, "CSV table"),
                        (ExportFormat::Diagram, "Mermaid diagram"),
                    ] {
                        ui.selectable_value(&mut text.format, format, name);
                    }
                });
            });
        });
        if text.format != ExportFormat::Picture {
            return text_fields(ui, self.journeys, journey, text);
        }
        let name = self.journeys.get(*journey).map_or("", |j| j.name.as_str());
        egui::ComboBox::from_label("Journey")
            .selected_text(name)
            .show_ui(ui, |ui| {
                for (i, j) in self.journeys.iter().enumerate() {
                    ui.selectable_value(journey, i, &j.name);
                }
            });
        ui.label("Shape");
        ui.horizontal(|ui| {
            ui.selectable_value(&mut options.slides, false, "Whole map");
            ui.selectable_value(&mut options.slides, true, "Slides (16:9)");
        });
        let stages = self.journeys.get(*journey).map_or(0, |j| j.stages.len());
        stage_range(ui, &mut options.stages, stages);
        // Vectors are sharp at any size: only a PNG has a scale. The row stays, greyed,
        // so that the dialog keeps its shape as the format changes.
        ui.add_enabled_ui(options.format == PictureFormat::Png, |ui| {
            ui.label("Scale");
            ui.horizontal(|ui| {
                for scale in 1..=4 {
                    ui.selectable_value(&mut options.scale, scale, format!("{scale}×"));
                }
            });
        });
        let extension = options.format.extension();
        let size = match (options.slides, options.format) {
            (true, PictureFormat::Png) => format!(
                "Each slide is {} × {} pixels, as many slides as keep card titles {LEAST_TITLE_PIXELS:.0} px tall on a 1920 × 1080 slide; the files are numbered NAME-1.png, NAME-2.png…",
                1920 * options.scale,
                1080 * options.scale
            ),
            (true, PictureFormat::Pdf) => format!(
                "A 16:9 page per slide, as many as keep card titles {LEAST_TITLE_PIXELS:.0} px tall on a 1920 × 1080 slide, in one PDF."
            ),
            (true, PictureFormat::Svg) => format!(
                "A 16:9 picture per slide, as many as keep card titles {LEAST_TITLE_PIXELS:.0} px tall on a 1920 × 1080 slide; the files are numbered NAME-1.{extension}, NAME-2.{extension}…"
            ),
            (false, PictureFormat::Png) => "One picture of the map, at its own size.".to_owned(),
            (false, PictureFormat::Svg) => {
                "One picture of the map, sharp at any size: for web pages and for editing in a drawing program. Its words can be found and copied."
                    .to_owned()
            }
            (false, PictureFormat::Pdf) => {
                "One page of the map, sharp at any size: to print, or to send. Its words can be found and copied."
                    .to_owned()
            }
        };
        ui.label(egui::RichText::new(size).small().weak());
        // One choice of background: a transparent picture takes the theme that reads on
        // the slide it goes on (dark text vanishes on a navy slide).
        ui.label("Background");
        ui.horizontal_wrapped(|ui| {
            for (dark, transparent, name) in [
                (false, false, "Light"),
                (true, false, "Dark"),
                (false, true, "Transparent, for a light slide"),
                (true, true, "Transparent, for a dark slide"),
            ] {
                let chosen = options.dark == dark && options.transparent == transparent;
                if ui.selectable_label(chosen, name).clicked() {
                    options.dark = dark;
                    options.transparent = transparent;
                }
            }
        });
        ui.checkbox(&mut options.empathy, "Empathy map band");
        let as_filtered = ui.add_enabled(
            self.filter.is_some(),
            egui::Checkbox::new(filtered, "As filtered"),
        );
        let note = match self.filter {
            Some(filter) => format!("Cards that don't match {filter} are dimmed."),
            None => "Search or filter the map (Ctrl+F) to export it as filtered.".to_owned(),
        };
        as_filtered.on_hover_text(&note);
        ui.label(egui::RichText::new(note).small().weak());
        let mut embedded = options.embed != Embed::None;
        let mut comments = options.embed == Embed::Full;
        ui.checkbox(&mut embedded, "Embed the project so the picture re-opens");
        ui.indent("embed-comments", |ui| {
            ui.add_enabled(
                embedded,
                egui::Checkbox::new(&mut comments, "with comments"),
            );
        });
        options.embed = match (embedded, comments) {
            (false, _) => Embed::None,
            (true, false) => Embed::Map,
            (true, true) => Embed::Full,
        };
        let carried = match options.embed {
            Embed::Full => "The picture carries the whole project, the team's comments too.",
            Embed::Map => {
                "The picture carries this journey, its persona and the departments, without comments: open it in Journeymap to edit the map again."
            }
            Embed::None => "A plain picture: it does not open in Journeymap.",
        };
        ui.label(egui::RichText::new(carried).small().weak());
        export_buttons(ui, || Action::ChooseExportPath {
            journey: *journey,
            options: *options,
            filtered: *filtered,
        })
    }
}

/// The export dialog's Export… and Cancel buttons; returns the action the one clicked
/// asks for, `export` for Export….
pub fn export_buttons(ui: &mut egui::Ui, export: impl FnOnce() -> Action) -> Option<Action> {
    ui.add_space(12.0);
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button("Export…").clicked() {
            action = Some(export());
        }
        if ui.button("Cancel").clicked() {
            action = Some(Action::CloseDialog);
        }
    });
    action
}
