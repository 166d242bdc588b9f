//! The inspector's shared pieces: its state, the field widgets every inspector uses
//! (text, list, choice, owner), and [`Draft`], an item changed by several fields at once.

use egui::text::{CCursor, CCursorRange};

use crate::app::Action;
use crate::model::{Edit, Project};

#[derive(Debug, Default)]
pub struct InspectorState {
    /// The text of the field being typed in, by key, while it differs from the document
    /// (a title emptied on the way to a new one is kept here, not refused).
    buffer: Option<(String, String)>,
    /// Put the cursor in the first field of the selection, with its text selected.
    pub focus_title: bool,
    /// Put the cursor in the field with this key, its text selected (an item just added
    /// to a list).
    focus_key: Option<String>,
    /// The comment being written, by card.
    comment_draft: Option<(String, String)>,
    /// Put the cursor in the new comment's field (a reply was asked for).
    pub focus_comment: bool,
}

impl InspectorState {
    pub(in crate::app) fn comment_draft(&self, key: &str) -> String {
        match &self.comment_draft {
            Some((k, text)) if k == key => text.clone(),
            _ => String::new(),
        }
    }

    pub(in crate::app) fn set_comment_draft(&mut self, key: &str, text: String) {
        self.comment_draft = Some((key.to_owned(), text));
    }
}

/// An item being changed by the fields of one frame: each change applies to what the
/// ones before it made, and the last typing field names the undo step it merges into.
pub struct Draft<'a, T: Clone> {
    original: &'a T,
    changed: Option<(T, Option<String>)>,
}

impl<'a, T: Clone> Draft<'a, T> {
    pub fn new(original: &'a T) -> Self {
        Self {
            original,
            changed: None,
        }
    }

    /// Changes the item; `merge` is the key of the field being typed in, if any.
    pub fn change(&mut self, merge: Option<String>, update: impl FnOnce(&mut T)) {
        let mut item = match self.changed.take() {
            Some((item, _)) => item,
            None => self.original.clone(),
        };
        update(&mut item);
        self.changed = Some((item, merge));
    }

    /// The action that applies the changes through `edit`, if anything changed.
    pub fn into_action(self, edit: impl FnOnce(T) -> Edit) -> Option<Action> {
        self.changed
            .map(|(item, merge)| Action::edit(edit(item), merge))
    }
}

/// How a text field takes its text.
#[derive(Clone, Copy, PartialEq)]
pub(in crate::app) enum Lines {
    One,
    /// Wraps like a paragraph, but Enter adds no line break (titles, names).
    Wrapped,
    Many,
}

/// A labelled text field. Returns the new text when the user changed it.
#[allow(clippy::too_many_arguments)]
pub(in crate::app) fn text_field(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    label: &str,
    key: String,
    current: &str,
    lines: Lines,
    focus: bool,
    actions: &mut Vec<Action>,
) -> Option<String> {
    let label = ui.label(label);
    let (response, changed) = edit_text(ui, state, key, current, lines, focus, actions);
    let _ = response.labelled_by(label.id);
    ui.add_space(6.0);
    changed
}

/// A text field without a visible label (an item of a list); `name` is what screen
/// readers call it.
pub(in crate::app) fn item_field(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    name: &str,
    key: String,
    current: &str,
    lines: Lines,
    actions: &mut Vec<Action>,
) -> Option<String> {
    let focus = state.focus_key.as_ref() == Some(&key);
    if focus {
        state.focus_key = None;
    }
    let (response, changed) = edit_text(ui, state, key, current, lines, focus, actions);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
    changed
}

/// The text editor behind every field: typing goes into a buffer while the field has the
/// keyboard, so a value that is briefly invalid (an emptied title) is not refused.
fn edit_text(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    key: String,
    current: &str,
    lines: Lines,
    focus: bool,
    actions: &mut Vec<Action>,
) -> (egui::Response, Option<String>) {
    let mut text = match &state.buffer {
        Some((k, text)) if *k == key => text.clone(),
        _ => current.to_owned(),
    };
    let id = egui::Id::unique(("inspector-field", &key));
    let edit = match lines {
        Lines::One => egui::TextEdit::singleline(&mut text),
        Lines::Wrapped => egui::TextEdit::multiline(&mut text)
            .desired_rows(1)
            .return_key(None),
        Lines::Many => egui::TextEdit::multiline(&mut text).desired_rows(3),
    };
    let mut output = edit.id(id).desired_width(f32::INFINITY).show(ui);
    let response = output.response.response.clone();
    if focus {
        response.request_focus();
        // A name or title is typed over; a paragraph (a reply) is carried on.
        let end = CCursor::new(text.chars().count());
        let range = if lines == Lines::Many {
            CCursorRange::one(end)
        } else {
            CCursorRange::two(CCursor::new(0), end)
        };
        output.state.cursor.set_char_range(Some(range));
        output.state.store(ui.ctx(), id);
    }
    let changed = response.changed().then(|| text.clone());
    if response.has_focus() {
        state.buffer = Some((key, text));
    } else if response.lost_focus() {
        state.buffer = None;
        actions.push(Action::EndMerge);
    }
    (response, changed)
}

/// An editable list of short texts, item by item: each can be changed or removed, and
/// one added. Returns the new list and, for typing, the key that merges its undo steps.
pub(in crate::app) fn string_list(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    label: &str,
    key: &str,
    items: &[String],
    actions: &mut Vec<Action>,
) -> Option<(Vec<String>, Option<String>)> {
    ui.label(label);
    let mut result = None;
    for (i, item) in items.iter().enumerate() {
        ui.horizontal(|ui| {
            let remove = ui.small_button("✖").on_hover_text("Remove");
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Remove {label} {}", i + 1),
                )
            });
            if remove.clicked() {
                let mut list = items.to_vec();
                list.remove(i);
                result = Some((list, None));
            }
            let item_key = format!("{key}/{i}");
            if let Some(text) = item_field(
                ui,
                state,
                &format!("{label} {}", i + 1),
                item_key.clone(),
                item,
                Lines::Wrapped,
                actions,
            ) {
                let mut list = items.to_vec();
                list[i] = text;
                result = Some((list, Some(item_key)));
            }
        });
    }
    if ui
        .small_button(format!("+ Add to {}", label.to_lowercase()))
        .clicked()
    {
        let mut list = items.to_vec();
        list.push(format!("New item {}", items.len() + 1));
        result = Some((list, None));
        // The new item's field takes the keyboard, its text selected to be typed over.
        state.focus_key = Some(format!("{key}/{}", items.len()));
    }
    ui.add_space(6.0);
    result
}

/// A drop-down of the project's departments, "Nobody" first, that sets `owner`.
pub(in crate::app) fn owner_combo(
    ui: &mut egui::Ui,
    combo: egui::ComboBox,
    project: &Project,
    owner: &mut Option<String>,
) -> egui::Response {
    let shown = owner
        .as_ref()
        .and_then(|id| project.departments.iter().find(|d| &d.id == id))
        .map_or("Nobody", |d| d.name.as_str())
        .to_owned();
    combo
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(owner, None, "Nobody");
            for department in &project.departments {
                ui.selectable_value(owner, Some(department.id.clone()), &department.name);
            }
        })
        .response
}

/// A row of choices, one selected; returns the one clicked.
pub(in crate::app) fn choice<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    current: T,
    options: &[(T, &str)],
) -> Option<T> {
    ui.label(label);
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        for &(value, name) in options {
            if ui.selectable_label(current == value, name).clicked() && current != value {
                picked = Some(value);
            }
        }
    });
    ui.add_space(6.0);
    picked
}

/// A small icon button with a spoken name.
pub(in crate::app) fn icon_button(ui: &mut egui::Ui, icon: &str, name: &str) -> bool {
    let response = ui.small_button(icon).on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response.clicked()
}
