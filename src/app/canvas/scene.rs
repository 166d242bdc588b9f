//! What the canvas's widgets share in one frame: the scene they see and the drag in
//! progress, kept between frames.

use egui::{Pos2, Rect, Sense, Vec2};

use crate::layout::{DropSlot, Screen};
use crate::model::{Journey, Project, VoiceSet};

/// A drag in progress on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Drag {
    /// A card, grabbed at an offset from its top-left corner (map points).
    Card { card: usize, grab: Vec2 },
    /// A committee member's emotion point (by voice), at the score it would get.
    Emotion {
        voice: usize,
        card: usize,
        emotion: i8,
    },
    /// An Alt+drag from a card, to the card under the pointer (if any).
    Link { from: usize, to: Option<usize> },
    /// A stage header or lane title, to be inserted before index `before`.
    Header {
        kind: Header,
        from: usize,
        before: usize,
    },
}

#[derive(Debug, Default)]
pub struct CanvasState {
    pub drag: Option<Drag>,
    /// Where the dragged card would land, kept from the last frame the pointer was seen.
    pub drop: Option<DropSlot>,
}

/// A stage header or a lane title: both select on click, focus the inspector on
/// double-click, and reorder by dragging along their axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Header {
    Stage,
    Lane,
}

/// One frame of the canvas, as its widgets see it.
pub struct Scene<'a> {
    pub project: &'a Project,
    pub journey: &'a Journey,
    /// The journey's layout on screen: the view, the canvas as clip, the sticky bands,
    /// hit boxes.
    pub screen: Screen<'a>,
    /// The pointer, in map points.
    pub pointer: Option<Pos2>,
    /// Review mode: cards, points and headers can be clicked but not dragged or edited.
    pub review: bool,
    /// Whose emotion curves are shown, by voice.
    pub curves: VoiceSet,
}

impl Scene<'_> {
    /// Where the button went down (in map points), if it went down within `area` (on
    /// screen). A drag moves what was pressed, which is not always the widget that saw it
    /// begin: when the press and a long move arrive in one frame (a busy machine), egui
    /// gives the drag to the widget under the pointer after the move.
    pub fn pressed_in(&self, ui: &egui::Ui, area: Rect) -> Option<Pos2> {
        ui.input(|i| i.pointer.press_origin())
            .filter(|&origin| area.contains(origin))
            .map(|origin| self.screen.view.to_map(origin))
    }

    /// How the map's widgets take the pointer: in review mode they can be clicked, not
    /// dragged.
    pub fn sense(&self) -> Sense {
        if self.review {
            Sense::click()
        } else {
            Sense::click_and_drag()
        }
    }
}
