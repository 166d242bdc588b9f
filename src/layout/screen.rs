//! Where a laid-out map lands on screen: the view (origin and zoom), the sticky header row
//! and lane titles column, and the screen rectangles of headers, conversion pills and
//! emotion handles. Painting and the canvas's hit testing both ask here, so what is drawn
//! is exactly what takes the pointer.

use std::sync::Arc;

use egui::{Color32, Galley, Painter, Pos2, Rect, pos2, vec2};

use super::{EmotionPoint, JourneyLayout};
use crate::theme::{icon, size, zoomed_font};

/// How the map is placed on the screen: map point `p` is drawn at `origin + p * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub origin: Pos2,
    pub zoom: f32,
    /// Keep the stage header row and the lane titles column in view while scrolling.
    pub sticky: bool,
}

impl MapView {
    pub fn to_screen(&self, pos: Pos2) -> Pos2 {
        self.origin + pos.to_vec2() * self.zoom
    }

    pub fn rect_to_screen(&self, rect: Rect) -> Rect {
        Rect::from_min_max(self.to_screen(rect.min), self.to_screen(rect.max))
    }

    pub fn to_map(&self, pos: Pos2) -> Pos2 {
        ((pos - self.origin) / self.zoom).to_pos2()
    }

    pub fn rect_to_map(&self, rect: Rect) -> Rect {
        Rect::from_min_max(self.to_map(rect.min), self.to_map(rect.max))
    }

    /// Whether cards are drawn with their text, or as plain blocks.
    pub fn detailed(&self) -> bool {
        self.zoom >= size::DETAIL_ZOOM
    }
}

/// A conversion label in its pill, measured and ready to draw.
pub struct Pill {
    pub rect: Rect,
    pub galley: Arc<Galley>,
}

/// A journey's layout seen through a view, inside a clip rectangle on screen.
#[derive(Clone, Copy, Debug)]
pub struct Screen<'a> {
    pub layout: &'a JourneyLayout,
    pub view: MapView,
    pub clip: Rect,
    /// Where the header row and the lane titles column meet: with a sticky view, held
    /// inside the clip while the map scrolls.
    pub corner: Pos2,
}

impl<'a> Screen<'a> {
    pub fn new(layout: &'a JourneyLayout, view: MapView, clip: Rect) -> Self {
        let at = view.to_screen(pos2(layout.lane_titles.left(), layout.header.top()));
        let corner = if view.sticky {
            pos2(at.x.max(clip.left()), at.y.max(clip.top()))
        } else {
            at
        };
        Self {
            layout,
            view,
            clip,
            corner,
        }
    }

    fn header_height(&self) -> f32 {
        size::STAGE_HEADER_HEIGHT * self.view.zoom
    }

    fn lane_title_width(&self) -> f32 {
        size::LANE_TITLE_WIDTH * self.view.zoom
    }

    /// The stage header row, across all stages.
    pub fn header_row(&self) -> Rect {
        Rect::from_x_y_ranges(
            self.view.rect_to_screen(self.layout.header).x_range(),
            self.corner.y..=self.corner.y + self.header_height(),
        )
    }

    /// The lane titles column, down all lanes.
    pub fn lane_column(&self) -> Rect {
        Rect::from_x_y_ranges(
            self.corner.x..=self.corner.x + self.lane_title_width(),
            self.view.rect_to_screen(self.layout.lane_titles).y_range(),
        )
    }

    /// The square where the header row and the lane titles column meet.
    pub fn corner_rect(&self) -> Rect {
        Rect::from_min_size(
            self.corner,
            vec2(self.lane_title_width(), self.header_height()),
        )
    }

    /// A stage's header cell in the header row.
    pub fn stage_header(&self, stage: usize) -> Rect {
        Rect::from_x_y_ranges(
            self.view
                .rect_to_screen(self.layout.stages[stage].header)
                .x_range(),
            self.header_row().y_range(),
        )
    }

    /// A lane's title cell in the lane titles column.
    pub fn lane_title(&self, lane: usize) -> Rect {
        Rect::from_x_y_ranges(
            self.lane_column().x_range(),
            self.view
                .rect_to_screen(self.layout.lanes[lane].title)
                .y_range(),
        )
    }

    /// Where stage headers take the pointer: right of the lane titles column.
    pub fn stage_area(&self) -> Rect {
        Rect::from_min_max(
            pos2(self.corner.x + self.lane_title_width(), self.clip.top()),
            self.clip.max,
        )
    }

    /// Where lane titles take the pointer: under the header row.
    pub fn lane_area(&self) -> Rect {
        Rect::from_min_max(
            pos2(self.clip.left(), self.corner.y + self.header_height()),
            self.clip.max,
        )
    }

    /// The part of the clip under the header row and right of the lane titles, where
    /// cards and emotion points take the pointer.
    pub fn body(&self) -> Rect {
        self.stage_area().intersect(self.lane_area())
    }

    /// The square an emotion point is grabbed by.
    pub fn emotion_handle(&self, point: &EmotionPoint) -> Rect {
        Rect::from_center_size(
            self.view.to_screen(point.pos),
            vec2(size::EMOTION_HANDLE, size::EMOTION_HANDLE),
        )
    }

    /// The conversion out of `stage`, in a pill on the line between its header and the
    /// next one's, measured with the font it is drawn in.
    pub fn conversion_pill(
        &self,
        painter: &Painter,
        stage: usize,
        conversion: f64,
        color: Color32,
    ) -> Pill {
        let zoom = self.view.zoom;
        let x = self
            .view
            .to_screen(pos2(self.layout.stages[stage].x.max, 0.0))
            .x;
        let label = format!("{} {:.0} %", icon::CONVERSION, conversion * 100.0);
        let galley = painter.layout_no_wrap(label, zoomed_font(size::TEXT_CARD_META, zoom), color);
        let padding = vec2(size::PILL_PADDING[0], size::PILL_PADDING[1]) * 2.0 * zoom;
        let rect =
            Rect::from_center_size(pos2(x, self.header_row().bottom()), galley.size() + padding);
        Pill { rect, galley }
    }
}

/// The cubic curve of a link from card `a` to card `b` (screen rectangles at `zoom`):
/// it leaves and enters by the sides that face each other. Cards of one column close
/// above each other are joined by a bracket out to their right, so a link between a
/// touchpoint and the pain point right below it reads as a link, not a stub.
pub fn link_curve(a: Rect, b: Rect, zoom: f32) -> [Pos2; 4] {
    let reach = size::LINK_REACH * zoom;
    let gap = (b.top() - a.bottom()).max(a.top() - b.bottom());
    let (start, end, bend) = if b.left() > a.right() {
        (a.right_center(), b.left_center(), vec2(1.0, 0.0))
    } else if b.right() < a.left() {
        (a.left_center(), b.right_center(), vec2(-1.0, 0.0))
    } else if gap < 3.0 * reach {
        let out = vec2(reach, 0.0);
        return [
            a.right_center(),
            a.right_center() + out,
            b.right_center() + out,
            b.right_center(),
        ];
    } else if b.top() > a.bottom() {
        (a.center_bottom(), b.center_top(), vec2(0.0, 1.0))
    } else {
        (a.center_top(), b.center_bottom(), vec2(0.0, -1.0))
    };
    let pull = bend * ((end - start).length() / 3.0).max(reach);
    [start, start + pull, end - pull, end]
}
