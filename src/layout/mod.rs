//! Geometry of a journey map, in map points at 100 % zoom: stage columns, lane rows, card
//! rectangles and emotion-curve points, plus hit testing. Cards are one width; a card grows
//! taller to show its whole title and its "If it fails" text, and each row of a lane is as
//! tall as its tallest card. Texts are measured once ([`measure`]), so laying out even
//! 10,000 cards is mostly arithmetic. [`Screen`] places the result on screen for painting
//! and hit testing alike.

mod measure;
mod screen;

use std::collections::HashMap;

use egui::{Pos2, Rangef, Rect, Vec2, pos2, vec2};

pub use measure::{
    CardRows, PersonaLine, SHOWN_CHARS, card_height, failure_text, persona_lines,
    persona_text_width, row_heights, shown, voice_lines,
};
pub use screen::{MapView, Pill, Screen, link_curve};

use crate::model::{Journey, LaneKind, LegendItems, Project, VoiceSet, journey_voices, voices};
use crate::theme::size;

#[derive(Clone, Debug, PartialEq)]
pub struct JourneyLayout {
    /// The whole map, margins included; its top-left is the origin.
    pub size: Vec2,
    /// The band above the map: persona cards (the buying committee, or the journey's
    /// persona), journey name, scenario and expectations. On a slide, the journey's name
    /// only.
    pub title: Rect,
    /// Whether the title band tells the story (persona, scenario, expectations) under the
    /// journey's name.
    pub story: bool,
    /// The persona cards, left to right at the top: one per voice of the journey with a
    /// persona (see [`crate::model::voices`]), in committee order.
    pub personas: Vec<Rect>,
    /// The legend of departments and card kinds under the map, as wide as the map (on a
    /// slide, right of the grid): [`Self::legend_columns`] entries a row, as many rows as
    /// it needs.
    pub legend: Rect,
    pub legend_columns: usize,
    /// The empathy-map band under the stage headers, when it is shown.
    pub empathy: Option<Rect>,
    /// Links between cards, as pairs of card indices.
    pub links: Vec<(usize, usize)>,
    /// The stage header row, across all stages (not over the lane titles column).
    pub header: Rect,
    /// The lane titles column, across all lanes.
    pub lane_titles: Rect,
    pub stages: Vec<StageBox>,
    pub lanes: Vec<LaneBox>,
    /// One per card of the journey, in the journey's card order.
    pub cards: Vec<CardBox>,
    /// Per stage, the cells that hold cards, sorted by lane: `(lane, card indices in file
    /// order)`. Only cells with cards take memory, so a journey of many stages and lanes
    /// costs what its cards, stages and lanes cost, not their product.
    cells: Vec<Vec<(usize, Vec<usize>)>>,
    /// One emotion curve per voice of the journey, in the voices' order; none when the
    /// journey has no Emotion lane.
    pub curves: Vec<Curve>,
    /// How tall one member's entry in the curves' legend is ([`curve_legend_row`]).
    pub curve_legend_row: f32,
}

/// One committee member's emotion curve: a point per card they scored, left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub primary: bool,
    pub points: Vec<EmotionPoint>,
}

impl Curve {
    /// The indices of the points whose x lies in `left..=right` (map points).
    pub fn points_in(&self, left: f32, right: f32) -> std::ops::Range<usize> {
        self.points.partition_point(|p| p.pos.x < left)
            ..self.points.partition_point(|p| p.pos.x <= right)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageBox {
    /// The header cell of the stage.
    pub header: Rect,
    /// The x range of the stage's column, header and body.
    pub x: Rangef,
    /// How many cards one row of a cell holds.
    pub columns: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaneBox {
    pub kind: LaneKind,
    /// The lane's title cell in the left column.
    pub title: Rect,
    pub y: Rangef,
    /// Where each row of cards spans, top to bottom: as tall as its tallest card.
    pub rows: Vec<Rangef>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardBox {
    pub stage: usize,
    pub lane: usize,
    /// Position within its cell.
    pub slot: usize,
    pub rect: Rect,
    /// The rows its title and its "If it fails" text take.
    pub rows: CardRows,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmotionPoint {
    /// Index of the card in the journey.
    pub card: usize,
    pub emotion: i8,
    pub pos: Pos2,
}

/// Where a dragged card would land: a cell and the position within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DropSlot {
    pub stage: usize,
    pub lane: usize,
    pub slot: usize,
}

const STEP_X: f32 = size::CARD_WIDTH + size::CARD_GAP;

/// What a map shows besides its lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MapOptions {
    /// A band under the stage headers with each stage's empathy map.
    pub empathy: bool,
    /// Laid out for a slide: a narrow margin, no persona or story, and the legend in
    /// columns right of the grid instead of under it, so the cards get the height.
    #[serde(skip)]
    pub slide: bool,
}

impl JourneyLayout {
    /// Lays out a journey with the default options.
    pub fn new(journey: &Journey) -> Self {
        Self::with_options(journey, MapOptions::default())
    }

    /// Lays out a journey of `project` as it is drawn: with its persona cards as tall as
    /// what they say.
    pub fn of(project: &Project, journey: &Journey, options: MapOptions) -> Self {
        let cards: Vec<f32> = voices(project, journey)
            .iter()
            .filter_map(|voice| voice_lines(project, voice))
            .map(|lines| measure::persona_height(&lines))
            .collect();
        Self::laid_out(journey, &cards, options)
    }

    /// Lays out a journey without its project: the persona cards, if any, take the least
    /// room they have.
    pub fn with_options(journey: &Journey, options: MapOptions) -> Self {
        let cards: Vec<f32> = journey_voices(journey)
            .iter()
            .filter(|voice| voice.persona.is_some())
            .map(|_| 0.0)
            .collect();
        Self::laid_out(journey, &cards, options)
    }

    /// Cards whose stage or lane does not exist (impossible in a validated document) are
    /// placed in the first cell rather than dropped. `persona_cards` are the heights the
    /// persona cards need.
    fn laid_out(journey: &Journey, persona_cards: &[f32], options: MapOptions) -> Self {
        let voice_count = journey_voices(journey).len();
        let stage_index = index_by_id(journey.stages.iter().map(|s| s.id.as_str()));
        let lane_index = index_by_id(journey.lanes.iter().map(|l| l.id.as_str()));
        let lane_count = journey.lanes.len().max(1);
        let stage_count = journey.stages.len().max(1);

        let mut cells: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        let mut places = Vec::with_capacity(journey.cards.len());
        for (i, card) in journey.cards.iter().enumerate() {
            let stage = stage_index.get(card.stage.as_str()).copied().unwrap_or(0);
            let lane = lane_index.get(card.lane.as_str()).copied().unwrap_or(0);
            let cell = cells.entry((stage, lane)).or_default();
            places.push((stage, lane, cell.len()));
            cell.push(i);
        }

        // A stage is as many cards wide as its fullest cell (up to the wrap); a lane as
        // many rows tall as its tallest cell.
        let mut columns = vec![1; stage_count];
        for (&(stage, _), cell) in &cells {
            columns[stage] = columns[stage].max(cell.len().min(size::MAX_CELL_COLUMNS));
        }
        // Each row of a lane is as tall as its tallest card, in any stage.
        let text_rows = measure::card_rows(&journey.cards);
        let heights: Vec<f32> = text_rows.iter().map(|&rows| card_height(rows)).collect();
        let mut row_heights = vec![Vec::<f32>::new(); lane_count];
        for (&(stage, lane), cell) in &cells {
            let rows = &mut row_heights[lane];
            for (slot, &card) in cell.iter().enumerate() {
                let row = slot / columns[stage];
                if rows.len() <= row {
                    rows.resize(row + 1, 0.0);
                }
                rows[row] = rows[row].max(heights[card]);
            }
        }
        for (lane, rows) in journey.lanes.iter().zip(&mut row_heights) {
            if rows.is_empty() && lane.kind != LaneKind::Emotion {
                rows.push(size::CARD_HEIGHT);
            }
        }

        let mut by_stage = vec![Vec::new(); stage_count];
        for ((stage, lane), cards) in cells {
            by_stage[stage].push((lane, cards));
        }
        for cells in &mut by_stage {
            cells.sort_unstable_by_key(|&(lane, _)| lane);
        }

        let margin = if options.slide {
            size::SLIDE_MARGIN
        } else {
            size::MAP_MARGIN
        };
        let left = margin + size::LANE_TITLE_WIDTH;
        let mut x = left;
        let widths: Vec<Rangef> = columns
            .iter()
            .take(journey.stages.len())
            .map(|&columns| {
                let width = 2.0 * size::CELL_PADDING + columns as f32 * STEP_X - size::CARD_GAP;
                let range = Rangef::new(x, x + width);
                x += width;
                range
            })
            .collect();
        let grid_right = x.max(left + STEP_X);

        // The band above the map, and the legend: under the map, as wide as the map (the
        // lane titles' column included); on a slide, in columns right of the grid, so
        // the cards get the slide's height.
        let story = !options.slide
            && (!persona_cards.is_empty()
                || !journey.scenario.is_empty()
                || !journey.expectations.is_empty());
        let legend_entries = LegendItems::count(journey);
        let legend_columns = if options.slide {
            let rows = (rows_height(journey, &row_heights, options.slide) / size::LEGEND_ROW)
                .floor()
                .max(1.0);
            (legend_entries as f32 / rows).ceil().max(1.0) as usize
        } else {
            ((grid_right - margin) / size::LEGEND_ENTRY_WIDTH)
                .floor()
                .max(1.0) as usize
        };
        let legend_rows = legend_entries.div_ceil(legend_columns);
        let legend_height = legend_rows as f32 * size::LEGEND_ROW + 2.0 * size::SPACE_M;
        let persona_step = size::PERSONA_CARD_WIDTH + size::SPACE_L;
        let right = if options.slide && legend_entries > 0 {
            grid_right + size::SPACE_L + legend_columns as f32 * size::LEGEND_ENTRY_WIDTH
        } else if story && persona_cards.len() > 1 {
            // A committee's cards take their room, and leave some for the story.
            let cards = persona_cards.len() as f32 * persona_step;
            grid_right.max(margin + cards + size::SPACE_XL + size::STORY_MIN_WIDTH)
        } else {
            grid_right
        };
        // A committee's cards go under the journey's name, so the name stays first.
        let committee = story && persona_cards.len() > 1;
        let cards_top = if committee {
            margin + size::TITLE_LINE + size::SPACE_S
        } else {
            margin
        };
        let title_band = if story {
            let card = persona_cards.iter().copied().fold(0.0, f32::max);
            size::STORY_BAND.max(cards_top - margin + card + size::SPACE_L)
        } else if options.slide {
            size::SLIDE_TITLE_BAND
        } else {
            size::TITLE_BAND
        };
        let header_top = margin + title_band;
        let header_bottom = header_top + size::STAGE_HEADER_HEIGHT;
        let stages: Vec<StageBox> = widths
            .into_iter()
            .zip(&columns)
            .map(|(range, &columns)| StageBox {
                header: Rect::from_x_y_ranges(range, header_top..=header_bottom),
                x: range,
                columns,
            })
            .collect();

        let empathy = options.empathy.then(|| {
            Rect::from_x_y_ranges(
                left..=grid_right,
                header_bottom..=header_bottom + size::EMPATHY_BAND,
            )
        });
        let mut y = empathy.map_or(header_bottom, |band| band.bottom());
        let lanes: Vec<LaneBox> = journey
            .lanes
            .iter()
            .zip(row_heights)
            .map(|(lane, heights)| {
                let height = lane_height(lane.kind, &heights, options.slide, voice_count);
                let range = Rangef::new(y, y + height);
                let mut top = y + size::CELL_PADDING;
                let rows = heights
                    .into_iter()
                    .map(|height| {
                        let row = Rangef::new(top, top + height);
                        top += height + size::CARD_GAP;
                        row
                    })
                    .collect();
                y += height;
                LaneBox {
                    kind: lane.kind,
                    title: Rect::from_x_y_ranges(margin..=left, range),
                    y: range,
                    rows,
                }
            })
            .collect();
        let bottom = y.max(header_bottom + size::CARD_HEIGHT + size::CARD_GAP);

        let cards = places
            .into_iter()
            .zip(text_rows.into_iter().zip(heights))
            .map(|((stage, lane, slot), (rows, height))| {
                let columns = stages.get(stage).map_or(1, |s| s.columns);
                let x = stages.get(stage).map_or(left, |s| s.x.min)
                    + size::CELL_PADDING
                    + (slot % columns) as f32 * STEP_X;
                let y = lanes
                    .get(lane)
                    .and_then(|l| l.rows.get(slot / columns))
                    .map_or(header_bottom, |row| row.min);
                CardBox {
                    stage,
                    lane,
                    slot,
                    rect: Rect::from_min_size(pos2(x, y), vec2(size::CARD_WIDTH, height)),
                    rows,
                }
            })
            .collect::<Vec<_>>();

        let (legend, below) = if options.slide {
            let legend_left = grid_right + size::SPACE_L;
            (
                Rect::from_x_y_ranges(legend_left..=right, header_top..=header_top + legend_height),
                0.0,
            )
        } else {
            (
                Rect::from_x_y_ranges(margin..=right, bottom..=bottom + legend_height),
                legend_height,
            )
        };
        let mut layout = Self {
            size: vec2(right + margin, bottom + below + margin),
            story,
            personas: (0..persona_cards.len())
                .filter(|_| story)
                .map(|i| {
                    Rect::from_min_size(
                        pos2(margin + i as f32 * persona_step, cards_top),
                        vec2(
                            size::PERSONA_CARD_WIDTH,
                            title_band - (cards_top - margin) - size::SPACE_L,
                        ),
                    )
                })
                .collect(),
            legend,
            legend_columns,
            empathy,
            links: Vec::new(),
            title: Rect::from_x_y_ranges(margin..=right, margin..=header_top),
            header: Rect::from_x_y_ranges(left..=grid_right, header_top..=header_bottom),
            lane_titles: Rect::from_x_y_ranges(margin..=left, header_bottom..=bottom),
            stages,
            lanes,
            cards,
            cells: by_stage,
            curves: Vec::new(),
            curve_legend_row: curve_legend_row(options.slide),
        };
        layout.curves = layout.emotion_curves(journey);
        let card_index = index_by_id(journey.cards.iter().map(|c| c.id.as_str()));
        layout.links = journey
            .cards
            .iter()
            .enumerate()
            .flat_map(|(i, card)| {
                let card_index = &card_index;
                card.links
                    .iter()
                    .filter_map(move |link| card_index.get(link.as_str()).map(|&j| (i, j)))
            })
            .collect();
        layout
    }

    /// One curve per voice of the journey: a point per card it scored, under the
    /// horizontal centre of the card at the height of the score, in map order (left to
    /// right, then top to bottom). Cards stacked in one column share an x; the curve passes
    /// through their mean there.
    fn emotion_curves(&self, journey: &Journey) -> Vec<Curve> {
        if self.emotion_lane().is_none() {
            return Vec::new();
        }
        // Map order once, for every curve.
        let mut order: Vec<usize> = (0..self.cards.len()).collect();
        order.sort_by(|&a, &b| {
            let (ra, rb) = (self.cards[a].rect, self.cards[b].rect);
            ra.center()
                .x
                .total_cmp(&rb.center().x)
                .then(ra.min.y.total_cmp(&rb.min.y))
        });
        journey_voices(journey)
            .iter()
            .map(|voice| Curve {
                primary: voice.primary,
                points: self.emotion_points(&order, |i| voice.score(&journey.cards[i])),
            })
            .collect()
    }

    /// The points of the cards in `order` that `score` gives a score.
    fn emotion_points(
        &self,
        order: &[usize],
        score: impl Fn(usize) -> Option<i8>,
    ) -> Vec<EmotionPoint> {
        let Some(lane) = self.emotion_lane() else {
            return Vec::new();
        };
        order
            .iter()
            .filter_map(|&i| {
                let placed = &self.cards[i];
                let emotion = score(i)?.clamp(-2, 2);
                Some(EmotionPoint {
                    card: i,
                    emotion,
                    pos: pos2(
                        placed.rect.center().x,
                        emotion_y(lane.y, f32::from(emotion)),
                    ),
                })
            })
            .collect()
    }

    /// The card indices of one cell, in file order.
    pub fn cell(&self, stage: usize, lane: usize) -> &[usize] {
        let Some(cells) = self.cells.get(stage) else {
            return &[];
        };
        cells
            .binary_search_by_key(&lane, |&(lane, _)| lane)
            .map_or(&[], |found| cells[found].1.as_slice())
    }

    /// The cards whose cells overlap `area` (map points): only the cells in view are
    /// visited, so a frame costs what is on screen, not what is in the journey.
    pub fn cards_in(&self, area: Rect) -> impl Iterator<Item = usize> + '_ {
        let stages = self.stages.partition_point(|s| s.x.max < area.left())
            ..self.stages.partition_point(|s| s.x.min <= area.right());
        let lanes = self.lanes.partition_point(|l| l.y.max < area.top())
            ..self.lanes.partition_point(|l| l.y.min <= area.bottom());
        stages.flat_map(move |stage| {
            lanes
                .clone()
                .flat_map(move |lane| self.cell(stage, lane).iter().copied())
        })
    }

    pub fn stage_at_x(&self, x: f32) -> Option<usize> {
        let i = self.stages.partition_point(|s| s.x.max < x);
        (i < self.stages.len() && self.stages[i].x.contains(x)).then_some(i)
    }

    pub fn lane_at_y(&self, y: f32) -> Option<usize> {
        let i = self.lanes.partition_point(|l| l.y.max < y);
        (i < self.lanes.len() && self.lanes[i].y.contains(y)).then_some(i)
    }

    /// The card under a map position, found by arithmetic on its cell's grid.
    pub fn card_at(&self, pos: Pos2) -> Option<usize> {
        let stage = self.stage_at_x(pos.x)?;
        let lane = self.lane_at_y(pos.y)?;
        let local = pos
            - pos2(
                self.stages[stage].x.min + size::CELL_PADDING,
                self.lanes[lane].y.min + size::CELL_PADDING,
            );
        if local.x < 0.0 || local.y < 0.0 {
            return None;
        }
        let column = (local.x / STEP_X) as usize;
        let row = self.row_at(lane, pos.y)?;
        if column >= self.stages[stage].columns {
            return None;
        }
        let card = *self
            .cell(stage, lane)
            .get(row * self.stages[stage].columns + column)?;
        self.cards[card].rect.contains(pos).then_some(card)
    }

    /// Where a card dropped at `pos` lands: the cell under it and the slot nearest the
    /// pointer. `None` outside the grid and over an Emotion lane.
    pub fn drop_slot(&self, pos: Pos2, dragged: Option<usize>) -> Option<DropSlot> {
        let stage = self.stage_at_x(pos.x)?;
        let lane = self.lane_at_y(pos.y)?;
        if self.lanes[lane].kind == LaneKind::Emotion {
            return None;
        }
        let columns = self.stages[stage].columns;
        let local = pos
            - pos2(
                self.stages[stage].x.min + size::CELL_PADDING,
                self.lanes[lane].y.min + size::CELL_PADDING,
            );
        let row = self.row_at(lane, pos.y).unwrap_or(0);
        let column = ((local.x + size::CARD_GAP / 2.0) / STEP_X)
            .round()
            .clamp(0.0, columns as f32) as usize;
        // Slots count the cards that stay: the dragged card leaves its place first.
        let others = self
            .cell(stage, lane)
            .iter()
            .filter(|&&card| Some(card) != dragged)
            .count();
        let slot = (row * columns + column).min(others);
        Some(DropSlot { stage, lane, slot })
    }

    /// The row of lane `lane` at map height `y`: the last row starting above it.
    fn row_at(&self, lane: usize, y: f32) -> Option<usize> {
        let rows = &self.lanes[lane].rows;
        rows.partition_point(|row| row.min <= y).checked_sub(1)
    }

    /// The gap a drop slot stands for, as a vertical line in map points: left of the card
    /// that will follow, or right of the last one, as tall as its row.
    pub fn slot_line(&self, slot: DropSlot, dragged: Option<usize>) -> [Pos2; 2] {
        let columns = self.stages[slot.stage].columns;
        let staying = self
            .cell(slot.stage, slot.lane)
            .iter()
            .filter(|&&card| Some(card) != dragged)
            .count();
        let (row, column) =
            if slot.slot == staying && slot.slot > 0 && slot.slot.is_multiple_of(columns) {
                // After the last card of a full row: the end of that row.
                ((slot.slot - 1) / columns, columns)
            } else {
                (slot.slot / columns, slot.slot % columns)
            };
        let lane = &self.lanes[slot.lane];
        let y = lane.rows.get(row).copied().unwrap_or_else(|| {
            // A new row under the last: as tall as a card.
            let top = lane
                .rows
                .last()
                .map_or(lane.y.min + size::CELL_PADDING, |r| r.max + size::CARD_GAP);
            Rangef::new(top, top + size::CARD_HEIGHT)
        });
        let x = self.stages[slot.stage].x.min + size::CELL_PADDING + column as f32 * STEP_X
            - size::CARD_GAP / 2.0;
        [pos2(x, y.min), pos2(x, y.max)]
    }

    /// The curves of the voices in `shown`, by index, the primary's last: drawn and taking
    /// the pointer on top where points meet.
    pub fn curves_in_order(&self, shown: VoiceSet) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.curves.len())
            .filter(|&v| shown.contains(v))
            .collect();
        order.sort_by_key(|&v| self.curves[v].primary);
        order
    }

    /// The emotion score a point dragged to map height `y` takes, in -2..=2.
    pub fn emotion_at_y(&self, y: f32) -> Option<i8> {
        let lane = self.emotion_lane()?;
        let (top, bottom) = emotion_range(lane.y);
        let t = ((bottom - y) / (bottom - top)).clamp(0.0, 1.0);
        Some((t * 4.0 - 2.0).round() as i8)
    }

    /// The journey's Emotion lane, if it has one (the first, if several).
    pub fn emotion_lane(&self) -> Option<&LaneBox> {
        self.lanes.iter().find(|l| l.kind == LaneKind::Emotion)
    }
}

/// The y of an emotion score in an Emotion lane spanning `lane`.
pub fn emotion_y(lane: Rangef, emotion: f32) -> f32 {
    let (top, bottom) = emotion_range(lane);
    bottom - (emotion + 2.0) / 4.0 * (bottom - top)
}

/// The y range the scores +2 (top) to -2 (bottom) take inside an Emotion lane.
fn emotion_range(lane: Rangef) -> (f32, f32) {
    (lane.min + size::SPACE_XL, lane.max - size::SPACE_XL)
}

/// The height of a journey's lanes, the header row included, when their rows of cards are
/// `rows` tall.
fn rows_height(journey: &Journey, rows: &[Vec<f32>], slide: bool) -> f32 {
    let lanes: f32 = journey
        .lanes
        .iter()
        .zip(rows)
        .map(|(lane, rows)| lane_height(lane.kind, rows, slide, journey_voices(journey).len()))
        .sum();
    size::STAGE_HEADER_HEIGHT + lanes
}

/// The height of a lane whose rows of cards are `rows` tall (on a slide when `slide`); an
/// Emotion lane of several `voices` is tall enough for their legend in its title cell.
fn lane_height(kind: LaneKind, rows: &[f32], slide: bool, voices: usize) -> f32 {
    if kind == LaneKind::Emotion {
        let base = if slide {
            size::SLIDE_EMOTION_LANE_HEIGHT
        } else {
            size::EMOTION_LANE_HEIGHT
        };
        let legend = if voices > 1 {
            size::TITLE_LINE + voices as f32 * curve_legend_row(slide) + size::SPACE_S
        } else {
            0.0
        };
        base.max(legend)
    } else {
        let gaps = rows.len().saturating_sub(1) as f32 * size::CARD_GAP;
        2.0 * size::CELL_PADDING + rows.iter().sum::<f32>() + gaps
    }
}

/// The height of one committee member in the Emotion lane's legend: a name and a role,
/// or on a slide (where the cards need the height) the name alone.
pub fn curve_legend_row(slide: bool) -> f32 {
    if slide {
        size::CURVE_LEGEND_NAME
    } else {
        size::CURVE_LEGEND_ENTRY
    }
}

fn index_by_id<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}
