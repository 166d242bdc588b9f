//! Every rule of the format: unique ids, references that resolve, values in range, and
//! the limits on how much a project holds.
//!
//! Validation is linear in the size of the project: each list's ids go into a hash set
//! once, and every reference is one lookup. However many rules a file breaks, only the
//! first [`LISTED_PROBLEMS`] are kept; the rest are counted.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::limits::{self, Limit};
use super::names::{echo, is_invisible, with_article};
use super::types::{Card, FORMAT_VERSION, Journey, LaneKind, Persona, Project, Stage};

/// One broken rule, located by journey, item and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// The journey the item belongs to, when it belongs to one.
    pub journey: Option<String>,
    /// What the item is and its id, e.g. ``card `form` ``.
    pub item: String,
    /// What the item is, e.g. `card`.
    pub what: &'static str,
    pub field: &'static str,
    pub message: String,
}

impl ValidationError {
    /// The rule in the words of someone editing the map, without ids or field names:
    /// "A card needs a title".
    pub fn in_words(&self) -> String {
        let field = self.field.replace('_', " ");
        // Said at the start of a sentence: "a card" becomes "A card".
        let what = with_article(self.what).replacen('a', "A", 1);
        if self.message == REQUIRED {
            format!("{what} needs {}", with_article(&field))
        } else {
            format!("{what}'s {field}: {}", self.message)
        }
    }
}

/// The message of a required field left blank.
const REQUIRED: &str = "must not be empty";

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(journey) = &self.journey {
            write!(f, "journey `{journey}`, ")?;
        }
        write!(f, "{}, field `{}`: {}", self.item, self.field, self.message)
    }
}

/// How many broken rules validation keeps to report.
pub const LISTED_PROBLEMS: usize = 200;

/// The rules a project breaks: the first [`LISTED_PROBLEMS`] in file order, and how many
/// there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    pub listed: Vec<ValidationError>,
    pub total: usize,
}

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

/// The rules a project breaks, in file order; empty when it is valid.
pub fn validate(project: &Project) -> Problems {
    let mut errors = Errors::default();
    let project_item = Item {
        what: "project",
        id: "",
        index: None,
    };
    if project.format == 0 || project.format > FORMAT_VERSION {
        errors.push(
            None,
            project_item,
            "format",
            format!(
                "format {} is not one this program knows (it reads formats 1 to {FORMAT_VERSION})",
                project.format
            ),
        );
    }
    errors.text(None, project_item, "title", &project.title);
    errors.text(None, project_item, "notes", &project.notes);
    errors.count(
        None,
        project_item,
        "journeys",
        project.journeys.len(),
        limits::JOURNEYS,
    );
    errors.count(
        None,
        project_item,
        "departments",
        project.departments.len(),
        limits::DEPARTMENTS,
    );
    errors.count(
        None,
        project_item,
        "personas",
        project.personas.len(),
        limits::PERSONAS,
    );
    let entries = limits::all_entries(project);
    if entries > limits::ALL_ENTRIES {
        let message = format!(
            "has {entries} entries in its lists; a project holds at most {}",
            limits::ALL_ENTRIES
        );
        errors.push(None, project_item, "journeys", message);
    }

    let departments = errors.named_list(
        "department",
        project
            .departments
            .iter()
            .map(|d| (d.id.as_str(), d.name.as_str(), d.color.as_str())),
    );
    let personas = errors.named_list(
        "persona",
        project
            .personas
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str(), p.color.as_str())),
    );
    for (i, persona) in project.personas.iter().enumerate() {
        validate_persona(persona, item_name("persona", &persona.id, i), &mut errors);
    }

    let mut journeys = HashSet::new();
    for (i, journey) in project.journeys.iter().enumerate() {
        let item = item_name("journey", &journey.id, i);
        errors.id(None, item, &journey.id, &mut journeys);
        errors.required(None, item, "name", &journey.name);
        errors.text(None, item, "scenario", &journey.scenario);
        errors.text(None, item, "expectations", &journey.expectations);
        if let Some(persona) = &journey.persona
            && !personas.contains(persona.as_str())
        {
            errors.push(
                None,
                item,
                "persona",
                format!("no persona has the id `{}`", echo(persona)),
            );
        }
        validate_committee(journey, item, &personas, &mut errors);
        let scores_others = journey.cards.iter().any(|c| !c.emotions.is_empty());
        if project.format == 1 && (!journey.committee.is_empty() || scores_others) {
            // An older Journeymap would open it and drop the committee when it saves.
            errors.push(
                None,
                item,
                "committee",
                "a format-1 file has no buying committee; write `format: 2` at the top".to_owned(),
            );
        }
        errors.count(None, item, "stages", journey.stages.len(), limits::STAGES);
        errors.count(None, item, "lanes", journey.lanes.len(), limits::LANES);
        errors.count(None, item, "cards", journey.cards.len(), limits::CARDS);
        let links = journey.cards.iter().map(|card| card.links.len()).sum();
        errors.count(None, item, "links", links, limits::JOURNEY_LINKS);
        validate_journey(journey, &departments, &personas, &mut errors);
    }
    errors.problems
}

/// The committee names existing personas, each once, the primary among them.
fn validate_committee(
    journey: &Journey,
    item: Item,
    personas: &HashSet<&str>,
    errors: &mut Errors,
) {
    errors.count(
        None,
        item,
        "committee",
        journey.committee.len(),
        limits::COMMITTEE,
    );
    let mut members = HashSet::new();
    for member in &journey.committee {
        let id = member.persona.as_str();
        if !personas.contains(id) {
            errors.push(
                None,
                item,
                "committee",
                format!("no persona has the id `{}`", echo(id)),
            );
        } else if !members.insert(id) {
            errors.push(
                None,
                item,
                "committee",
                format!("persona `{}` is on the committee twice", echo(id)),
            );
        }
        errors.text(None, item, "committee", &member.detail);
    }
    if journey.committee.is_empty() {
        return;
    }
    match &journey.persona {
        None => errors.push(
            None,
            item,
            "persona",
            "a journey with a committee names its primary persona".to_owned(),
        ),
        Some(primary) if !members.contains(primary.as_str()) => errors.push(
            None,
            item,
            "persona",
            format!(
                "the primary persona `{}` is not on the committee",
                echo(primary)
            ),
        ),
        Some(_) => {}
    }
}

fn validate_persona(persona: &Persona, item: Item, errors: &mut Errors) {
    errors.text(None, item, "role", &persona.role);
    errors.text(None, item, "quote", &persona.quote);
    errors.text(None, item, "buying_process", &persona.buying_process);
    let lists = [
        ("goals", &persona.goals, limits::GOALS),
        ("values", &persona.values, limits::VALUES),
        ("pain_points", &persona.pain_points, limits::PAIN_POINTS),
        ("channels", &persona.channels, limits::CHANNELS),
        ("influencers", &persona.influencers, limits::INFLUENCERS),
    ];
    for (field, list, limit) in lists {
        errors.entries(None, item, field, list, limit);
    }
}

fn validate_stage(scope: Option<&str>, stage: &Stage, item: Item, errors: &mut Errors) {
    errors.text(scope, item, "goal", &stage.goal);
    errors.text(scope, item, "exit_criteria", &stage.exit_criteria);
    errors.count(scope, item, "kpis", stage.kpis.len(), limits::KPIS);
    for kpi in &stage.kpis {
        errors.required(scope, item, "kpis", &kpi.name);
        errors.text(scope, item, "kpis", &kpi.value);
    }
    for (field, list) in ["sees", "hears", "says", "does", "thinks", "feels"]
        .into_iter()
        .zip(stage.empathy.lists())
    {
        errors.entries(scope, item, field, list, limits::ENTRIES);
    }
}

fn validate_card_text(scope: Option<&str>, card: &Card, item: Item, errors: &mut Errors) {
    errors.text(scope, item, "notes", &card.notes);
    errors.text(scope, item, "channel", &card.channel);
    errors.text(scope, item, "if_it_fails", &card.if_it_fails);
    errors.count(scope, item, "links", card.links.len(), limits::LINKS);
    errors.count(
        scope,
        item,
        "comments",
        card.comments.len(),
        limits::COMMENTS,
    );
    for comment in &card.comments {
        errors.text(scope, item, "comments", &comment.author);
        errors.text(scope, item, "comments", &comment.at);
        errors.text(scope, item, "comments", &comment.text);
    }
}

fn validate_journey(
    journey: &Journey,
    departments: &HashSet<&str>,
    personas: &HashSet<&str>,
    errors: &mut Errors,
) {
    let scope = Some(journey.id.as_str());

    let mut stages = HashSet::new();
    for (i, stage) in journey.stages.iter().enumerate() {
        let item = item_name("stage", &stage.id, i);
        errors.id(scope, item, &stage.id, &mut stages);
        errors.required(scope, item, "name", &stage.name);
        if let Some(conversion) = stage.conversion
            && !(0.0..=1.0).contains(&conversion)
        {
            errors.push(
                scope,
                item,
                "conversion",
                format!("{conversion} is outside 0..=1 (write 0.12 for 12 %)"),
            );
        }
        validate_stage(scope, stage, item, errors);
    }

    let mut lane_ids = HashSet::new();
    for (i, lane) in journey.lanes.iter().enumerate() {
        let item = item_name("lane", &lane.id, i);
        errors.id(scope, item, &lane.id, &mut lane_ids);
        errors.text(scope, item, "title", &lane.title);
    }
    let lanes: HashMap<&str, LaneKind> = journey
        .lanes
        .iter()
        .map(|lane| (lane.id.as_str(), lane.kind))
        .collect();

    // Whose scores a card's `emotions` may hold: the committee but its primary.
    let others: HashSet<&str> = journey
        .committee
        .iter()
        .map(|m| m.persona.as_str())
        .filter(|&id| Some(id) != journey.persona.as_deref())
        .collect();
    let mut cards = HashSet::new();
    for (i, card) in journey.cards.iter().enumerate() {
        let item = item_name("card", &card.id, i);
        errors.id(scope, item, &card.id, &mut cards);
        errors.required(scope, item, "title", &card.title);
        validate_card_text(scope, card, item, errors);
        if !stages.contains(card.stage.as_str()) {
            errors.push(
                scope,
                item,
                "stage",
                format!(
                    "no stage of this journey has the id `{}`",
                    echo(&card.stage)
                ),
            );
        }
        match lanes.get(card.lane.as_str()) {
            None => errors.push(
                scope,
                item,
                "lane",
                format!("no lane of this journey has the id `{}`", echo(&card.lane)),
            ),
            Some(LaneKind::Emotion) => errors.push(
                scope,
                item,
                "lane",
                format!(
                    "`{}` is an Emotion lane, which draws the emotion curve and holds no cards",
                    echo(&card.lane)
                ),
            ),
            Some(_) => {}
        }
        if let Some(owner) = &card.owner
            && !departments.contains(owner.as_str())
        {
            errors.push(
                scope,
                item,
                "owner",
                format!("no department has the id `{}`", echo(owner)),
            );
        }
        if let Some(emotion) = card.emotion
            && !(-2..=2).contains(&emotion)
        {
            errors.push(
                scope,
                item,
                "emotion",
                format!("{emotion} is outside -2..=2"),
            );
        }
        for (persona, &emotion) in &card.emotions {
            let message = if Some(persona.as_str()) == journey.persona.as_deref() {
                format!(
                    "`{}` is the primary persona, whose score goes in `emotion`",
                    echo(persona)
                )
            } else if !personas.contains(persona.as_str()) {
                format!("no persona has the id `{}`", echo(persona))
            } else if !others.contains(persona.as_str()) {
                format!(
                    "`{}` is not on this journey's buying committee (add them to `committee`)",
                    echo(persona)
                )
            } else if !(-2..=2).contains(&emotion) {
                format!("{emotion} of `{}` is outside -2..=2", echo(persona))
            } else {
                continue;
            };
            errors.push(scope, item, "emotions", message);
        }
    }

    // Links may point forward in the list, so they are checked once every card id is known.
    for (i, card) in journey.cards.iter().enumerate() {
        for link in &card.links {
            if link == &card.id {
                let item = item_name("card", &card.id, i);
                errors.push(
                    scope,
                    item,
                    "links",
                    "a card cannot link to itself".to_owned(),
                );
            } else if !cards.contains(link.as_str()) {
                let item = item_name("card", &card.id, i);
                errors.push(
                    scope,
                    item,
                    "links",
                    format!("no card of this journey has the id `{}`", echo(link)),
                );
            }
        }
    }
}

/// Where an error is: an item of a list, named only when an error is reported.
#[derive(Clone, Copy)]
struct Item<'a> {
    what: &'static str,
    id: &'a str,
    /// Position in its list; `None` for the project itself.
    index: Option<usize>,
}

/// Names an item by its id, or by its position when the id is empty.
fn item_name<'a>(what: &'static str, id: &'a str, index: usize) -> Item<'a> {
    Item {
        what,
        id,
        index: Some(index),
    }
}

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.id.is_empty() {
            write!(f, "{} `{}`", self.what, echo(self.id))
        } else if let Some(index) = self.index {
            write!(f, "{} #{} (no id)", self.what, index + 1)
        } else {
            f.write_str(self.what)
        }
    }
}

#[derive(Default)]
struct Errors {
    problems: Problems,
}

impl Errors {
    fn push(&mut self, journey: Option<&str>, item: Item, field: &'static str, message: String) {
        self.problems.total += 1;
        if self.problems.listed.len() < LISTED_PROBLEMS {
            self.problems.listed.push(ValidationError {
                journey: journey.map(echo),
                item: item.to_string(),
                what: item.what,
                field,
                message,
            });
        }
    }

    /// A list of more entries than `limit` allows.
    fn count(
        &mut self,
        journey: Option<&str>,
        item: Item,
        field: &'static str,
        count: usize,
        limit: Limit,
    ) {
        if count > limit.max {
            self.push(journey, item, field, limit.exceeded(count));
        }
    }

    /// A list of short texts: within its limit, each within the text limit.
    fn entries(
        &mut self,
        journey: Option<&str>,
        item: Item,
        field: &'static str,
        list: &[String],
        limit: Limit,
    ) {
        self.count(journey, item, field, list.len(), limit);
        for (i, entry) in list.iter().enumerate() {
            if longer_than(entry, limits::TEXT_CHARS) {
                self.push(
                    journey,
                    item,
                    field,
                    format!("entry {} {}", i + 1, too_long()),
                );
            }
        }
    }

    /// A text longer than [`limits::TEXT_CHARS`].
    fn text(&mut self, journey: Option<&str>, item: Item, field: &'static str, value: &str) {
        if longer_than(value, limits::TEXT_CHARS) {
            self.push(journey, item, field, too_long());
        }
    }

    fn id<'a>(
        &mut self,
        journey: Option<&str>,
        item: Item,
        id: &'a str,
        seen: &mut HashSet<&'a str>,
    ) {
        if id.is_empty() {
            self.push(journey, item, "id", "the id is empty".to_owned());
        } else if longer_than(id, limits::ID_CHARS) {
            self.push(
                journey,
                item,
                "id",
                format!(
                    "is longer than the {} characters an id may have",
                    limits::ID_CHARS
                ),
            );
        } else if !seen.insert(id) {
            self.push(
                journey,
                item,
                "id",
                "another item of the same list has the same id".to_owned(),
            );
        }
    }

    /// Checks a project-level list of (id, name, colour) items; returns its ids.
    fn named_list<'a>(
        &mut self,
        what: &'static str,
        items: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> HashSet<&'a str> {
        let mut ids = HashSet::new();
        for (i, (id, name, color)) in items.enumerate() {
            let item = item_name(what, id, i);
            self.id(None, item, id, &mut ids);
            self.required(None, item, "name", name);
            self.color(None, item, color);
        }
        ids
    }

    fn required(&mut self, journey: Option<&str>, item: Item, field: &'static str, value: &str) {
        if is_blank(value) {
            self.push(journey, item, field, REQUIRED.to_owned());
        } else {
            self.text(journey, item, field, value);
        }
    }

    fn color(&mut self, journey: Option<&str>, item: Item, color: &str) {
        if !color.is_empty() && parse_hex_color(color).is_none() {
            self.push(
                journey,
                item,
                "color",
                format!("`{}` is not a colour of the form #RRGGBB", echo(color)),
            );
        }
    }
}

/// What a text over [`limits::TEXT_CHARS`] is told.
fn too_long() -> String {
    format!(
        "is longer than the {} characters a text may have",
        limits::TEXT_CHARS
    )
}

/// Whether `text` shows nothing: only spaces and invisible characters.
fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Whether `text` has more than `max` characters; only a text of more bytes is counted.
fn longer_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

/// Parses `#RRGGBB` into its three channels.
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}
