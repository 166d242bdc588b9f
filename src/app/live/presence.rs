//! Who is here: a chip per colleague beside the journey tabs, and on the map a ring in
//! their colour, with their initials, around the card each has selected.

use egui::{Color32, Rect, Stroke};

use crate::app::{Action, Selection};
use crate::layout::{JourneyLayout, MapView};
use crate::live::Presence;
use crate::model::Journey;
use crate::theme::size;

/// A colleague as the window shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Colleague {
    pub name: String,
    pub initials: String,
    pub colour: Color32,
    /// The journey on their screen and the card they have selected, by ids.
    pub journey: String,
    pub card: Option<String>,
}

/// Colours far from the selection's blue and from each other, on light and dark maps.
const COLOURS: [Color32; 8] = [
    Color32::from_rgb(0xE8, 0x71, 0x0A),
    Color32::from_rgb(0x93, 0x34, 0xE6),
    Color32::from_rgb(0x12, 0x9E, 0xAF),
    Color32::from_rgb(0xE5, 0x25, 0x92),
    Color32::from_rgb(0x1E, 0x8E, 0x3E),
    Color32::from_rgb(0xD9, 0x30, 0x25),
    Color32::from_rgb(0x8D, 0x6E, 0x63),
    Color32::from_rgb(0xA8, 0x7A, 0x00),
];

impl From<Presence> for Colleague {
    fn from(presence: Presence) -> Self {
        // The same person keeps one colour for the whole session, on every screen.
        let hash = presence
            .peer
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
            });
        let name = display_name(&presence.name);
        Self {
            initials: initials(&name),
            name,
            colour: COLOURS[(hash % COLOURS.len() as u64) as usize],
            journey: presence.journey,
            card: presence.card,
        }
    }
}

/// The name others see: the comment author preference, or "Guest" when it is unset.
pub fn display_name(author: &str) -> String {
    let name = author.trim();
    if name.is_empty() {
        "Guest".to_owned()
    } else {
        name.to_owned()
    }
}

/// Up to two initials: "Ana Müller" → "AM", "ana" → "A".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// The chips of who is here, each with its name (and where they are) for the pointer and
/// the screen reader; a click goes to the card the colleague has selected.
pub fn colleague_chips(
    ui: &mut egui::Ui,
    colleagues: &[Colleague],
    journeys: &[Journey],
    actions: &mut Vec<Action>,
) {
    for colleague in colleagues.iter().rev() {
        let text = egui::RichText::new(&colleague.initials)
            .color(Color32::WHITE)
            .strong();
        let chip = egui::Button::new(text)
            .fill(colleague.colour)
            .corner_radius(10.0);
        let journey_at = journeys.iter().position(|j| j.id == colleague.journey);
        let place = journey_at
            .map(|at| &journeys[at])
            .map(|journey| {
                let card = colleague
                    .card
                    .as_ref()
                    .and_then(|id| journey.cards.iter().find(|c| &c.id == id));
                match card {
                    Some(card) => format!(
                        ", on “{}” in {}",
                        crate::model::echo(&card.title),
                        journey.name
                    ),
                    None => format!(", on {}", journey.name),
                }
            })
            .unwrap_or_default();
        let described = format!("{} is here{place}", colleague.name);
        let response = ui.add(chip).on_hover_text(&described);
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, described.clone()));
        if response.clicked()
            && let Some(at) = journey_at
        {
            actions.push(Action::SelectJourney(at));
            if let Some(card) = &colleague.card {
                actions.push(Action::Select(Selection::Card(card.clone())));
            }
        }
    }
}

/// Rings around the cards colleagues have selected in `journey`, with their initials.
pub fn colleague_rings(
    painter: &egui::Painter,
    colleagues: &[Colleague],
    journey: &Journey,
    layout: &JourneyLayout,
    view: &MapView,
) {
    let zoom = view.zoom;
    for (n, colleague) in colleagues.iter().enumerate() {
        let Some(card) = colleague
            .card
            .as_ref()
            .filter(|_| colleague.journey == journey.id)
            .and_then(|id| journey.cards.iter().position(|c| &c.id == id))
        else {
            continue;
        };
        // Two colleagues on one card: the rings nest rather than hide each other.
        let width = size::SELECTION_WIDTH * zoom.max(0.75);
        let rect: Rect = view
            .rect_to_screen(layout.cards[card].rect)
            .expand(width * (2.0 + 1.5 * (n % 3) as f32));
        let radius = (size::CARD_RADIUS + 2.0 * size::SELECTION_WIDTH) * zoom;
        painter.rect_stroke(
            rect,
            radius,
            Stroke::new(width, colleague.colour),
            egui::StrokeKind::Outside,
        );
        // Readable at any zoom: never smaller than the status line's text.
        let badge = 10.0 * zoom.clamp(1.0, 1.6);
        let centre = rect.right_top() + egui::vec2(-badge * (1.2 + 2.2 * n as f32), 0.0);
        painter.circle_filled(centre, badge, colleague.colour);
        painter.text(
            centre,
            egui::Align2::CENTER_CENTER,
            &colleague.initials,
            egui::FontId::proportional(badge * 1.1),
            Color32::WHITE,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_come_from_the_first_two_words() {
        assert_eq!(initials("Ana Müller"), "AM");
        assert_eq!(initials("ana"), "A");
        assert_eq!(initials("Jean-Luc de la Tour"), "JD");
        assert_eq!(display_name("  "), "Guest");
    }
}
