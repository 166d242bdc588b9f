//! The health check panel: the journey's weak spots, kept up to date as the map changes;
//! clicking a finding selects its card or stage.

use crate::app::{Action, Selection};
use crate::model::{Finding, Journey, Project, Subject, check_journey, quantity};

/// The findings of the journey on screen, computed again only when the project changed.
#[derive(Debug, Default)]
pub struct HealthState {
    findings: Vec<Finding>,
    /// (document state, journey) the findings are for.
    computed_for: Option<(u64, usize)>,
}

impl HealthState {
    pub fn findings(
        &mut self,
        project: &Project,
        journey: &Journey,
        state_id: u64,
        index: usize,
    ) -> &[Finding] {
        if self.computed_for != Some((state_id, index)) {
            self.findings = check_journey(project, journey);
            self.computed_for = Some((state_id, index));
        }
        &self.findings
    }
}

/// "1 finding", "12 findings".
pub fn findings_count(n: usize) -> String {
    quantity(n, "finding", "findings")
}

pub fn panel(
    ui: &mut egui::Ui,
    findings: &[Finding],
    journey: &Journey,
    selection: &Selection,
    actions: &mut Vec<Action>,
) {
    egui::Panel::left("health")
        .resizable(true)
        .default_size(280.0)
        .size_range(200.0..=480.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.heading("Health check");
            ui.label(if findings.is_empty() {
                "Nothing to fix on this journey.".to_owned()
            } else {
                findings_count(findings.len())
            });
            ui.add_space(6.0);
            egui::ScrollArea::vertical().show(ui, |ui| {
                open_comments(ui, journey, selection, actions);
                ui.separator();
                for finding in findings {
                    let target = match &finding.subject {
                        Subject::Card(id) => Selection::Card(id.clone()),
                        Subject::Stage(id) => Selection::Stage(id.clone()),
                    };
                    let text = format!("{} — {}", finding.rule, finding.message);
                    let row = ui.selectable_label(selection == &target, text);
                    if row.clicked() {
                        actions.push(Action::Select(target));
                    }
                }
            });
        });
}

/// Every open comment of the journey; clicking one selects its card.
fn open_comments(
    ui: &mut egui::Ui,
    journey: &Journey,
    selection: &Selection,
    actions: &mut Vec<Action>,
) {
    let open: Vec<_> = journey.open_comments().collect();
    ui.strong(format!("Open comments ({})", open.len()));
    for (card, comment) in open {
        let target = Selection::Card(card.id.clone());
        let who = comment.author_name();
        let text = format!("{who} on “{}”: {}", card.title, comment.text);
        if ui.selectable_label(selection == &target, text).clicked() {
            actions.push(Action::Select(target));
        }
    }
}
