//! The canvas's header widgets: stage headers and lane titles select on click, focus the
//! inspector on double-click and reorder by dragging along their axis; the conversion
//! pills between stages tell their exit criteria on hover.

use egui::{Color32, Id, Pos2, Rect, Role, Sense, WidgetInfo};

use super::scene::{CanvasState, Drag, Header, Scene};
use crate::app::{Action, Selection};

pub(super) fn header_widgets(
    ui: &mut egui::Ui,
    scene: &Scene<'_>,
    state: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let Scene {
        journey,
        screen,
        pointer,
        ..
    } = *scene;
    let layout = screen.layout;
    let (stage_area, lane_area) = (screen.stage_area(), screen.lane_area());

    // The conversion out of each stage but the last, in its pill on the header's bottom
    // line. Pointing at a pill shows the pill's tooltip, not the header's under it.
    let pills: Vec<(usize, f64, Rect)> = journey
        .stages
        .iter()
        .enumerate()
        .take(journey.stages.len().saturating_sub(1))
        .filter(|_| screen.view.detailed())
        .filter_map(|(i, stage)| {
            let conversion = stage.conversion?;
            let pill = screen.conversion_pill(ui.painter(), i, conversion, Color32::PLACEHOLDER);
            let rect = pill.rect.intersect(stage_area);
            rect.is_positive().then_some((i, conversion, rect))
        })
        .collect();
    let on_pill = pointer
        .map(|at| screen.view.to_screen(at))
        .is_some_and(|at| pills.iter().any(|(_, _, rect)| rect.contains(at)));

    // Where the button went down says which header a drag moves.
    let stage_before = |at: Pos2| layout.stages.partition_point(|s| s.x.center() <= at.x);
    // The same for every stage header: which one was pressed, and where it would go.
    let stage_drag = Dragging {
        from: scene
            .pressed_in(ui, stage_area)
            .and_then(|at| layout.stage_at_x(at.x)),
        before: pointer.map(stage_before),
    };
    for (index, stage) in journey.stages.iter().enumerate() {
        let rect = screen.stage_header(index).intersect(stage_area);
        let header = HeaderWidget {
            sense: scene.sense(),
            kind: Header::Stage,
            id: &stage.id,
            label: format!("Stage: {}", stage.name),
            hover: if on_pill { "" } else { &stage.goal },
        };
        header.show(ui, &journey.id, rect, stage_drag, state, actions);
    }
    // The conversion between two stages, on their boundary: its exit criteria on hover.
    for &(i, conversion, rect) in &pills {
        let (stage, next) = (&journey.stages[i], &journey.stages[i + 1]);
        let label = format!(
            "Conversion from {} to {}: {:.0} %",
            stage.name,
            next.name,
            conversion * 100.0
        );
        let response = ui.interact(
            rect,
            Id::unique(("conversion", &journey.id, &stage.id)),
            Sense::hover(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &label));
        if state.drag.is_none() {
            let criteria = if stage.exit_criteria.is_empty() {
                "No exit criteria yet: say what tells you the buyer moves on.".to_owned()
            } else {
                format!("Moves on when: {}", stage.exit_criteria)
            };
            response.on_hover_text(format!("{label}\n{criteria}"));
        }
    }

    let lane_before = |at: Pos2| layout.lanes.partition_point(|l| l.y.center() <= at.y);
    let lane_drag = Dragging {
        from: scene
            .pressed_in(ui, lane_area)
            .and_then(|at| layout.lane_at_y(at.y)),
        before: pointer.map(lane_before),
    };
    for (index, lane) in journey.lanes.iter().enumerate() {
        let rect = screen.lane_title(index).intersect(lane_area);
        let header = HeaderWidget {
            sense: scene.sense(),
            kind: Header::Lane,
            id: &lane.id,
            label: format!("Lane: {}", lane.display_title()),
            hover: "",
        };
        header.show(ui, &journey.id, rect, lane_drag, state, actions);
    }
}

/// What a drag of a header would do: move the header pressed (`from`) to be inserted
/// before index `before`, where the pointer is.
#[derive(Clone, Copy)]
struct Dragging {
    from: Option<usize>,
    before: Option<usize>,
}

struct HeaderWidget<'a> {
    /// Dragging reorders it, except in review mode.
    sense: Sense,
    kind: Header,
    id: &'a str,
    label: String,
    hover: &'a str,
}

impl HeaderWidget<'_> {
    fn show(
        self,
        ui: &mut egui::Ui,
        journey: &str,
        rect: Rect,
        dragging: Dragging,
        state: &mut CanvasState,
        actions: &mut Vec<Action>,
    ) {
        if !rect.is_positive() {
            return;
        }
        let response = ui.interact(rect, Id::unique((self.kind, journey, self.id)), self.sense);
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &self.label));
        if response.drag_started()
            && let Some(from) = dragging.from
        {
            state.drag = Some(Drag::Header {
                kind: self.kind,
                from,
                before: from,
            });
        }
        if response.dragged()
            && let (Some(Drag::Header { before, .. }), Some(at)) =
                (&mut state.drag, dragging.before)
        {
            *before = at;
        }
        if response.drag_stopped() {
            if let Some(Drag::Header { kind, from, before }) = state.drag.take() {
                actions.push(match kind {
                    Header::Stage => Action::MoveStage { from, before },
                    Header::Lane => Action::MoveLane { from, before },
                });
            }
            state.drag = None;
        }
        let selection = match self.kind {
            Header::Stage => Selection::Stage(self.id.to_owned()),
            Header::Lane => Selection::Lane(self.id.to_owned()),
        };
        if response.double_clicked() {
            actions.push(Action::Select(selection));
            actions.push(Action::FocusInspector);
        } else if response.clicked() {
            actions.push(Action::Select(selection));
        }
        if state.drag.is_none() && !self.hover.is_empty() {
            response.on_hover_text(self.hover);
        }
    }
}
