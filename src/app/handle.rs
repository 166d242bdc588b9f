//! The one place where what the user did is carried out, through the document's edit door.

use super::files::dialog::{Dialog, Pending};
use super::{Action, Command, Framing, JourneymapApp, Selected, Selection};
use crate::model::{
    Card, Edit, EditError, LaneKind, echo, journey_voices, operations, quantity, with_article,
};

impl JourneymapApp {
    /// Carries out one action. What the status line said about the last one gives way:
    /// a message belongs to the action that caused it.
    pub fn handle(&mut self, action: Action, ctx: &egui::Context) {
        // Selecting the same thing again (a drop selects the dropped card) is no new action.
        let follows_on = match &action {
            Action::Select(selection) => *selection == self.selection,
            Action::EndMerge | Action::FocusInspector | Action::CloseDialog => true,
            _ => false,
        };
        if !follows_on {
            self.status.clear();
        }
        match action {
            Action::Command(command) => self.run_command(command, ctx),
            Action::Edit(edit) => {
                self.apply(edit);
            }
            Action::EditMerged(edit, key) => {
                if let Err(error) = self.document.apply_merged(edit, &key) {
                    self.status = not_changed(&error);
                }
            }
            Action::EndMerge => self.document.end_merge(),
            Action::SetAuthor(name) => self.settings.author = name,
            Action::CloseSearch => self.search = None,
            Action::Confirm { question, edit } => {
                self.dialog = Some(Dialog::ConfirmDelete { question, edit })
            }
            Action::NewProject { template } => {
                self.dialog = None;
                self.new_project(template);
            }
            Action::AddTemplateJourney => match crate::file::template_project() {
                Ok(template) => {
                    if let Some((edit, index)) =
                        crate::model::project_operations::add_template_journey(
                            self.document.project(),
                            &template,
                        )
                        && self.apply(edit)
                    {
                        self.handle(Action::SelectJourney(index), ctx);
                    }
                }
                Err(error) => self.show_error("Cannot read the template", error.to_string()),
            },
            Action::Select(selection) => self.select(selection),
            Action::SelectJourney(index) => {
                if index != self.journey && index < self.document.project().journeys.len() {
                    self.journey = index;
                    self.selection = Selection::None;
                    self.view.framing = Some(Framing::Start);
                }
            }
            Action::EditCardTitle(id) => {
                self.select(Selection::Card(id));
                self.inspector.focus_title = true;
            }
            Action::FocusInspector => self.inspector.focus_title = true,
            Action::AddCard { stage, lane, slot } => self.add_card(stage, lane, slot),
            Action::MoveCard { card, to } => {
                let Some(journey) = self.journey() else {
                    return;
                };
                let (Some(stage), Some(lane)) =
                    (journey.stages.get(to.stage), journey.lanes.get(to.lane))
                else {
                    return;
                };
                let Some(before) = journey
                    .cards
                    .get(card)
                    .map(|c| (c.id.clone(), c.kind, c.severity))
                else {
                    return;
                };
                let edit = operations::move_card(journey, card, &stage.id, &lane.id, to.slot);
                let lane_name = lane.display_title();
                // The card may have moved in the list: found again by its id.
                if self.apply(edit)
                    && let Some(moved) = self
                        .journey()
                        .and_then(|j| j.cards.iter().find(|c| c.id == before.0))
                    && moved.kind != before.1
                {
                    let kind = with_article(&moved.kind.name().to_lowercase());
                    let severity = match (before.2, moved.severity) {
                        (Some(severity), None) => format!(
                            " and has no severity ({} was a pain point's)",
                            severity.name().to_lowercase()
                        ),
                        _ => String::new(),
                    };
                    self.status = format!(
                        "“{}” is now {kind}{severity}, like every card in {lane_name} (Ctrl+Z undoes both)",
                        echo(&moved.title),
                    );
                }
            }
            Action::ToggleCurve(persona) => {
                let hidden = &mut self.view.hidden_curves;
                if !hidden.remove(&persona) {
                    hidden.insert(persona);
                }
            }
            Action::SetEmotion {
                voice,
                card,
                emotion,
            } => {
                let Some(journey) = self.journey() else {
                    return;
                };
                let (Some(voice), Some(card_now)) = (
                    journey_voices(journey).get(voice).copied(),
                    journey.cards.get(card),
                ) else {
                    return;
                };
                let mut changed = card_now.clone();
                voice.set_score(&mut changed, Some(emotion));
                let edit = operations::set_card(journey, card, changed);
                self.apply(edit);
            }
            Action::SetOwner { card, owner } => self.change_card(card, |c| c.owner = owner),
            Action::LinkCards { from, to } => {
                let Some(target) = self
                    .journey()
                    .and_then(|j| j.cards.get(to))
                    .map(|c| c.id.clone())
                else {
                    return;
                };
                if self
                    .journey()
                    .is_some_and(|j| j.cards.get(from).is_some_and(|c| c.links.contains(&target)))
                {
                    self.status = "These cards are linked already".to_owned();
                } else {
                    self.change_card(from, |c| c.links.push(target));
                }
            }
            Action::MoveStage { from, before } => {
                if let Some(journey) = self.journey() {
                    let edit = operations::move_stage(journey, from, before);
                    self.apply(edit);
                }
            }
            Action::MoveLane { from, before } => {
                if let Some(journey) = self.journey() {
                    let edit = operations::move_lane(journey, from, before);
                    self.apply(edit);
                }
            }
            Action::DuplicateCard(index) => {
                if let Some(journey) = self.journey() {
                    let (edit, id) = operations::duplicate_card(journey, index);
                    if self.apply(edit) {
                        self.selection = Selection::Card(id);
                    }
                }
            }
            Action::DeleteCard(index) => {
                if let Some(journey) = self.journey() {
                    let edit = operations::delete_card(journey, index);
                    if self.apply(edit) {
                        self.selection = Selection::None;
                    }
                }
            }
            Action::OpenPath(path) => self.open_path(path),
            Action::OpenRecent(path) => self.guard_unsaved(Pending::OpenPath(path), ctx),
            Action::SaveTo(path, then) => {
                if self.save_to(path)
                    && let Some(then) = then
                {
                    self.proceed(then, ctx);
                }
            }
            Action::Proceed(pending) => self.proceed(pending, ctx),
            Action::ChooseExportPath {
                journey,
                options,
                filtered,
            } => self.choose_export_path(journey, options, filtered),
            Action::ExportTo {
                path,
                journey,
                options,
                filtered,
            } => self.export_to(path, journey, options, filtered),
            Action::ChooseTextExportPath { journey, text } => {
                self.choose_text_export_path(journey, text)
            }
            Action::ExportTextTo {
                path,
                journey,
                text,
            } => self.export_text_to(path, journey, text),
            Action::ExportHandoutTo { path, journey } => self.export_handout_to(path, journey),
            Action::ImportFrom(path) => self.read_import(path, false),
            Action::ImportAs { new_project } => self.import_as(new_project, ctx),
            Action::PasteRows(text) => self.paste_rows(&text),
            Action::GoToSlide(index) => self.go_to_slide(index),
            Action::RestoreRecovery => {
                // Taken first: the restored project replaces the live state.
                let waiting = self.live.take_waiting();
                self.restore_recovery();
                self.join_waiting(waiting, ctx);
            }
            Action::DiscardRecovery => {
                self.recovery.clear(&self.environment);
                self.dialog = None;
                let waiting = self.live.take_waiting();
                self.join_waiting(waiting, ctx);
            }
            Action::CloseDialog => self.dialog = None,
            Action::Live(action) => self.handle_live(action, ctx),
        }
    }

    /// Applies an edit as one undo step; a refused edit is reported in the status line.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        if matches!(&edit, Edit::Batch(edits) if edits.is_empty()) {
            return false;
        }
        match self.document.apply(edit) {
            Ok(()) => true,
            Err(error) => {
                self.status = not_changed(&error);
                false
            }
        }
    }

    /// Applies a change to one card of the journey on screen.
    fn change_card(&mut self, index: usize, change: impl FnOnce(&mut Card)) {
        let Some(journey) = self.journey() else {
            return;
        };
        let Some(card) = journey.cards.get(index) else {
            return;
        };
        let mut card = card.clone();
        change(&mut card);
        let edit = operations::set_card(journey, index, card);
        self.apply(edit);
    }

    fn add_card(&mut self, stage: usize, lane: usize, slot: usize) {
        let Some(journey) = self.journey() else {
            return;
        };
        let (Some(stage), Some(lane)) = (journey.stages.get(stage), journey.lanes.get(lane)) else {
            return;
        };
        let Some(kind) = lane.kind.card_kind() else {
            return; // the Emotion lane holds no cards
        };
        let id = operations::new_card_id(journey);
        let title = format!("New {}", kind.name().to_lowercase());
        let card = Card::new(&id, kind, &stage.id, &lane.id, &title);
        let edit = operations::add_card(journey, card, slot);
        if self.apply(edit) {
            self.selection = Selection::Card(id);
            self.inspector.focus_title = true;
        }
    }

    /// What is selected, found in the journey on screen.
    pub fn selected(&self) -> Selected {
        self.journey()
            .map_or(Selected::None, |journey| self.selection.resolve(journey))
    }

    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New => self.guard_unsaved(Pending::New, ctx),
            Command::Open => self.guard_unsaved(Pending::Open, ctx),
            Command::Import => self.choose_file_to_import(),
            Command::Quit => self.guard_unsaved(Pending::Quit, ctx),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => self.save_as(),
            Command::Undo | Command::Redo => {
                let undo = command == Command::Undo;
                // Live, only this user's own changes go back, and colleagues' stay.
                let done = if self.live.is_on() {
                    self.live_undo(undo, ctx)
                } else if undo {
                    self.document.undo()
                } else {
                    self.document.redo()
                };
                if !done {
                    self.status = format!("Nothing to {}", if undo { "undo" } else { "redo" });
                }
                self.keep_journey_in_range();
                self.reveal_selection();
            }
            Command::ShareLive => self.open_share_dialog(),
            Command::JoinLive => {
                self.dialog = Some(Dialog::Live(super::live::LiveDialog::Join {
                    link: String::new(),
                    name: self.settings.author.clone(),
                }))
            }
            Command::LeaveLive => self.handle(Action::Live(super::live::LiveAction::Leave), ctx),
            Command::SelectLeft => self.select_toward(egui::vec2(-1.0, 0.0)),
            Command::SelectRight => self.select_toward(egui::vec2(1.0, 0.0)),
            Command::SelectUp => self.select_toward(egui::vec2(0.0, -1.0)),
            Command::SelectDown => self.select_toward(egui::vec2(0.0, 1.0)),
            Command::EditTitle => {
                if self.selected().card().is_some() {
                    self.inspector.focus_title = true;
                } else {
                    self.status = "Select a card to edit its title".to_owned();
                }
            }
            Command::ClearSelection => self.selection = Selection::None,
            Command::Duplicate => match self.selected().card() {
                Some(card) => self.handle(Action::DuplicateCard(card), ctx),
                None => self.status = "Select a card to duplicate".to_owned(),
            },
            Command::Delete => self.delete_selection(),
            Command::MoveCardLeft => self.move_selected_card(-1),
            Command::MoveCardRight => self.move_selected_card(1),
            Command::AddStage => {
                let after = self.selected().stage();
                if let Some(journey) = self.journey() {
                    let (edit, id) = operations::add_stage(journey, after);
                    if self.apply(edit) {
                        self.selection = Selection::Stage(id);
                        self.inspector.focus_title = true;
                    }
                }
            }
            Command::AddLane => {
                let after = self.selected().lane();
                if let Some(journey) = self.journey() {
                    let (edit, id) =
                        operations::add_lane(journey, after, LaneKind::Touchpoints, "New lane");
                    if self.apply(edit) {
                        self.selection = Selection::Lane(id);
                        self.inspector.focus_title = true;
                    }
                }
            }
            Command::ZoomIn => self.zoom_by(1.25),
            Command::ZoomOut => self.zoom_by(1.0 / 1.25),
            Command::ZoomFit => self.view.framing = Some(Framing::Fit),
            Command::ZoomActual => self.zoom_by(1.0 / self.view.zoom),
            Command::ToggleDarkMode => self.settings.dark_mode = !self.settings.dark_mode,
            Command::ToggleEmpathy => self.settings.map.empathy = !self.settings.map.empathy,
            Command::Find => {
                self.search.get_or_insert_with(Default::default).focus = true;
            }
            Command::ToggleReview => {
                self.review = !self.review;
                self.status = if self.review {
                    "Review mode: the map is read-only; comments stay open".to_owned()
                } else {
                    "Editing".to_owned()
                };
            }
            Command::ToggleHealth => {
                self.health = match self.health {
                    Some(_) => None,
                    None => Some(super::review::HealthState::default()),
                }
            }
            Command::ToggleInspector => self.settings.inspector = !self.settings.inspector,
            Command::Palette => self.toggle_palette(),
            Command::ToggleOutline => {
                self.outline = match self.outline {
                    Some(_) => None,
                    None => Some(super::review::OutlineState::default()),
                }
            }
            Command::Export => self.open_export_dialog(),
            Command::ExportHandout => self.choose_handout_path(),
            Command::CopyImage => self.copy_image(ctx),
            Command::Present => self.toggle_presentation(ctx),
        }
    }

    /// Zooms around the centre of the canvas.
    fn zoom_by(&mut self, factor: f32) {
        let center = self.view.canvas.center();
        let center = if center.x.is_finite() {
            center
        } else {
            egui::Pos2::ZERO
        };
        super::canvas::zoom_around(&mut self.view, center, factor);
    }

    /// Selects something; a card is brought fully into view, whatever selected it (the
    /// map, the health panel, a comment, the search, the outline or the keyboard).
    fn select(&mut self, selection: Selection) {
        self.selection = selection;
        if self.canvas.drag.is_none() {
            self.reveal_selection();
        }
    }

    fn reveal_selection(&mut self) {
        if let Selection::Card(id) = &self.selection {
            self.view.reveal = Some(id.clone());
        }
    }

    /// Selects the card nearest the selected one in `direction` on the map (left and right
    /// across stages, up and down across lanes); the first card when none is selected.
    fn select_toward(&mut self, direction: egui::Vec2) {
        let selected = self.selected().card();
        let Some(layout) = self.layout() else {
            return;
        };
        let centre = |i: usize| layout.cards[i].rect.center();
        let next = match selected {
            None => (0..layout.cards.len()).min_by(|&a, &b| {
                let (a, b) = (centre(a), centre(b));
                (a.x + a.y).total_cmp(&(b.x + b.y))
            }),
            Some(from) => {
                let at = centre(from);
                (0..layout.cards.len())
                    .filter(|&i| i != from)
                    .filter_map(|i| {
                        let d = centre(i) - at;
                        let along = d.dot(direction);
                        let across = (d - direction * along).length();
                        // Ahead in that direction; straight ahead before off to the side.
                        (along > 1.0).then_some((i, along + 2.0 * across))
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(i, _)| i)
            }
        };
        match (next, self.journey()) {
            (Some(next), Some(journey)) => {
                let id = journey.cards[next].id.clone();
                self.select(Selection::Card(id));
            }
            (None, _) if selected.is_none() => {
                self.status = "This journey has no cards yet".to_owned();
            }
            _ => {}
        }
    }

    fn move_selected_card(&mut self, step: isize) {
        let Some(index) = self.selected().card() else {
            self.status = "Select a card to move it to another stage".to_owned();
            return;
        };
        let Some(journey) = self.journey() else {
            return;
        };
        let card = &journey.cards[index];
        let Some(stage) = journey.stages.iter().position(|s| s.id == card.stage) else {
            return;
        };
        let Some(target) = stage
            .checked_add_signed(step)
            .filter(|&t| t < journey.stages.len())
        else {
            self.status = "The card is already in the first or last stage".to_owned();
            return;
        };
        let target = &journey.stages[target].id;
        let slot = journey
            .cards
            .iter()
            .filter(|c| &c.stage == target && c.lane == card.lane)
            .count();
        let edit = operations::move_card(journey, index, target, &card.lane.clone(), slot);
        self.apply(edit);
    }

    fn delete_selection(&mut self) {
        if let Some(card) = self.selected().card() {
            if let Some(journey) = self.journey() {
                let edit = operations::delete_card(journey, card);
                if self.apply(edit) {
                    self.selection = Selection::None;
                }
            }
            return;
        }
        let Some(journey) = self.journey() else {
            return;
        };
        let (edit, what, count) = if let Some(stage) = self.selected().stage() {
            (
                operations::delete_stage(journey, stage),
                format!("stage “{}”", journey.stages[stage].name),
                operations::cards_in_stage(journey, stage),
            )
        } else if let Some(lane) = self.selected().lane() {
            (
                operations::delete_lane(journey, lane),
                format!("lane “{}”", journey.lanes[lane].display_title()),
                operations::cards_in_lane(journey, lane),
            )
        } else {
            self.status = "Select a card, stage or lane to delete".to_owned();
            return;
        };
        if count == 0 {
            if self.apply(edit) {
                self.selection = Selection::None;
            }
        } else {
            self.dialog = Some(Dialog::ConfirmDelete {
                question: format!(
                    "Delete the {what} and the {} in it?",
                    quantity(count, "card", "cards")
                ),
                edit: Box::new(edit),
            });
        }
    }

    /// Runs `pending` now, or first asks what to do with unsaved changes.
    pub(super) fn guard_unsaved(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.document.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then: pending });
        } else {
            self.proceed(pending, ctx);
        }
    }

    pub(super) fn proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        self.dialog = None;
        match pending {
            Pending::New => self.dialog = Some(Dialog::NewProject),
            Pending::Open => self.choose_file_to_open(),
            Pending::OpenPath(path) => self.open_path(path),
            Pending::OpenImported(project, from) => self.open_imported(*project, &from),
            Pending::JoinLive(link) => self.start_join(link, ctx),
            Pending::Quit => {
                self.quitting = true;
                self.recovery.clear(&self.environment);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// The deletion the user confirmed.
    pub(super) fn confirm_delete(&mut self, edit: Edit) {
        self.dialog = None;
        if self.apply(edit) {
            self.selection = Selection::None;
            self.keep_journey_in_range();
        }
    }

    /// After journeys were removed (or an undo removed one), show one that exists.
    pub(super) fn keep_journey_in_range(&mut self) {
        let len = self.document.project().journeys.len();
        if self.journey >= len {
            self.journey = len.saturating_sub(1);
            self.view.framing = Some(Framing::Start);
        }
    }
}

/// Why an edit was refused, in the words of someone editing the map.
fn not_changed(error: &EditError) -> String {
    match error {
        EditError::Invalid(problem) => format!("Not changed: {}", problem.in_words()),
        other => format!("Not changed: {other}"),
    }
}
