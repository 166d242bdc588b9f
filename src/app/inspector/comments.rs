//! Comments on a card: the team's conversation about the map. Add (a reply is another
//! comment), resolve, reopen, delete; each is one undo step. Comments stay writable in
//! review mode.

use super::fields::{InspectorState, Lines, text_field};
use crate::app::Action;
use crate::model::{Card, Comment, Journey, operations};

/// The current time as RFC 3339 in UTC, e.g. `2026-11-25T10:12:00Z`.
pub fn now_rfc3339() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    rfc3339(seconds)
}

/// Formats seconds since 1970 as RFC 3339 in UTC (the civil-from-days algorithm).
pub fn rfc3339(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let time = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time / 3_600,
        time / 60 % 60,
        time % 60
    )
}

/// When a comment was written, as people say it in their own time zone: "today 14:03",
/// "yesterday 09:12", "25 Nov" this year, "25 Nov 2025" before. A time that is not RFC
/// 3339 is shown as written.
pub fn when(at: &str, now: jiff::Zoned) -> String {
    let Ok(time) = at.parse::<jiff::Timestamp>() else {
        return at.to_owned();
    };
    let local = time.to_zoned(now.time_zone().clone());
    let (day, today) = (local.date(), now.date());
    if day == today {
        local.strftime("today %H:%M").to_string()
    } else if today.yesterday().is_ok_and(|yesterday| yesterday == day) {
        local.strftime("yesterday %H:%M").to_string()
    } else if day.year() == today.year() {
        local.strftime("%-d %b").to_string()
    } else {
        local.strftime("%-d %b %Y").to_string()
    }
}

/// The comments of the card at `index`, and a field to add one as `author`.
pub(super) fn comment_section(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    author: &str,
    journey: &Journey,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let card = &journey.cards[index];
    let open = card.comments.iter().filter(|c| !c.resolved).count();
    ui.separator();
    ui.strong(format!("Comments ({open} open)"));
    let change = |update: &dyn Fn(&mut Card)| {
        let mut new = card.clone();
        update(&mut new);
        Action::Edit(operations::set_card(journey, index, new))
    };
    let now = jiff::Zoned::now();
    let key = format!("comment/{}", card.id);
    for (i, comment) in card.comments.iter().enumerate() {
        ui.group(|ui| {
            let who = comment.author_name();
            let status = if comment.resolved { " · resolved" } else { "" };
            let written = ui.label(
                egui::RichText::new(format!(
                    "{who} · {}{status}",
                    when(&comment.at, now.clone())
                ))
                .small()
                .weak(),
            );
            written.on_hover_text(&comment.at);
            let text = egui::RichText::new(&comment.text);
            ui.label(if comment.resolved { text.weak() } else { text });
            ui.horizontal(|ui| {
                let (label, resolved) = if comment.resolved {
                    ("Reopen", false)
                } else {
                    ("Resolve", true)
                };
                let button = ui.small_button(label);
                let name = format!("{label} comment {}", i + 1);
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if button.clicked() {
                    actions.push(change(&|c| c.comments[i].resolved = resolved));
                }
                // A reply is another comment, starting with whom it answers.
                let reply = ui.small_button("Reply");
                let name = format!("Reply to comment {}", i + 1);
                reply.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if reply.clicked() {
                    state.set_comment_draft(&key, format!("@{who}: "));
                    state.focus_comment = true;
                }
                let delete = ui.small_button("Delete");
                let name = format!("Delete comment {}", i + 1);
                delete.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if delete.clicked() {
                    actions.push(change(&|c| {
                        c.comments.remove(i);
                    }));
                }
            });
        });
    }
    // Who writes, asked before what: a comment without a name reads "Someone".
    let mut name = author.to_owned();
    let label = ui.label("Your name, on the comments you add");
    if ui
        .text_edit_singleline(&mut name)
        .labelled_by(label.id)
        .changed()
    {
        actions.push(Action::SetAuthor(name));
    }
    // The comment being written lives in the inspector, not in the document, until added.
    let draft = state.comment_draft(&key);
    let focus = std::mem::take(&mut state.focus_comment);
    if let Some(text) = text_field(
        ui,
        state,
        "New comment",
        key.clone(),
        &draft,
        Lines::Many,
        focus,
        actions,
    ) {
        state.set_comment_draft(&key, text);
    }
    let draft = state.comment_draft(&key);
    let add = ui.add_enabled(!draft.trim().is_empty(), egui::Button::new("Add comment"));
    if add.clicked() {
        let comment = Comment {
            author: author.to_owned(),
            at: now_rfc3339(),
            text: draft.trim().to_owned(),
            resolved: false,
        };
        actions.push(change(&|c| c.comments.push(comment.clone())));
        state.set_comment_draft(&key, String::new());
    }
}
