//! Rows into journeys: what a table's rows and a diagram's tasks have in common. Journeys,
//! stages and lanes come in the order of their first row; departments and personas are
//! found by id or name, and made when nothing has that name; the emotion scores go to
//! the buying committee.

use std::collections::{HashMap, HashSet};

use super::columns::{same_text, usual_lane};
use super::{ImportError, Place};
use crate::model::operations::unique_id;
use crate::model::project_operations::blank_journey;
use crate::model::{
    Card, CardKind, Department, Edit, Evidence, Item, Journey, Lane, LaneKind, List, ListOp,
    Member, Persona, Project, Severity, Stage, echo, limits, slug, validate,
};

/// One card as a table's row or a diagram's task describes it, with names where the
/// project has ids.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub place: Place,
    /// The journey's name; empty for the one the import is named after.
    pub journey: String,
    /// The stage's name (or id, when adding to a journey that has it).
    pub stage: String,
    /// The stage's id, where `stage` does not name it uniquely (a diagram's repeated
    /// section, a table's `stage_id` column).
    pub stage_id: Option<String>,
    /// The lane's title or kind; empty for the first lane of the card's kind.
    pub lane: String,
    pub lane_kind: Option<LaneKind>,
    /// The card's kind; `None` follows the lane.
    pub kind: Option<CardKind>,
    /// Empty for a fresh `card-N`.
    pub id: String,
    pub title: String,
    pub notes: String,
    pub channel: String,
    /// A department's id or name.
    pub owner: String,
    /// Whose journey it is: a persona's id or name.
    pub persona: String,
    pub scores: Scores,
    pub moment_of_truth: bool,
    pub if_it_fails: String,
    pub severity: Option<Severity>,
    pub evidence: Evidence,
    /// Ids of other cards of the journey.
    pub links: Vec<String>,
}

impl Row {
    /// A row at `place` with nothing filled in.
    pub fn at(place: Place) -> Self {
        Self {
            place,
            journey: String::new(),
            stage: String::new(),
            stage_id: None,
            lane: String::new(),
            lane_kind: None,
            kind: None,
            id: String::new(),
            title: String::new(),
            notes: String::new(),
            channel: String::new(),
            owner: String::new(),
            persona: String::new(),
            scores: Scores::default(),
            moment_of_truth: false,
            if_it_fails: String::new(),
            severity: None,
            evidence: Evidence::default(),
            links: Vec::new(),
        }
    }
}

/// How the buying committee feels at a card.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// The primary persona's score (the `emotion` column, a task without actors).
    pub primary: Option<i8>,
    /// Members' scores by persona id or name, in the order they were written.
    pub members: Vec<(String, i8)>,
}

/// A card waiting for the whole journey to be read: its scores and links are settled
/// once every row is in.
struct Pending {
    card: usize,
    place: Place,
    /// Scores by persona id.
    scores: Vec<(String, i8)>,
    primary: Option<i8>,
}

/// A journey this assembly adds or fills.
struct Draft {
    /// The journey's name as the rows write it.
    named: String,
    journey: usize,
    /// The primary persona a row named, and where.
    primary: Option<(String, Place)>,
    cards: Vec<Pending>,
    /// Where each id given in a row was first given.
    ids: HashMap<String, Place>,
}

/// A project being assembled from rows: the project it starts from, with what the rows
/// add. [`Assembly::finish`] checks it and gives it back whole, or an error and nothing.
pub struct Assembly {
    project: Project,
    /// How many journeys, departments and personas the project had before.
    base: [usize; 3],
    drafts: Vec<Draft>,
    /// The one journey every row goes into, whatever its journey column says (a paste).
    target: Option<usize>,
    /// What a journey without a name in the rows is called.
    default_name: String,
    warnings: Vec<String>,
    /// What each text a row names a stage (of a journey), a department or a persona by
    /// has been found to be, by id: a large table names the same few thousands of times.
    found: HashMap<(Named, usize, String), String>,
}

/// What a row names by id or name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Named {
    Stage,
    Department,
    Persona,
}

impl Assembly {
    /// Rows into new journeys of `base`; `default_name` names a journey the rows leave
    /// unnamed.
    pub fn new(base: Project, default_name: &str) -> Self {
        let default_name = if default_name.trim().is_empty() {
            "Imported journey".to_owned()
        } else {
            default_name.trim().to_owned()
        };
        Self {
            base: [
                base.journeys.len(),
                base.departments.len(),
                base.personas.len(),
            ],
            project: base,
            drafts: Vec::new(),
            target: None,
            default_name,
            warnings: Vec::new(),
            found: HashMap::new(),
        }
    }

    /// Rows into the existing journey at `journey` of `base` (a paste into the outline).
    pub fn into_journey(base: Project, journey: usize) -> Self {
        let mut assembly = Self::new(base, "");
        assembly.target = Some(journey);
        assembly
    }

    /// What a journey the rows leave unnamed is called.
    pub fn default_name(&self) -> &str {
        &self.default_name
    }

    /// Sets the scenario of the journey named `journey`.
    pub fn set_scenario(&mut self, journey: &str, scenario: String) {
        let draft = self.draft(journey);
        self.project.journeys[self.drafts[draft].journey].scenario = scenario;
    }

    /// Notes something taken differently from how it was written.
    pub fn warn(&mut self, warning: String) {
        self.warnings.push(warning);
    }

    /// The draft of the journey named `name`: the target, or one this assembly made.
    fn draft(&mut self, name: &str) -> usize {
        let name = if name.trim().is_empty() {
            self.default_name.clone()
        } else {
            name.trim().to_owned()
        };
        let target = self.target;
        if let Some(d) = self
            .drafts
            .iter()
            .position(|d| target.is_some() || d.named == name)
        {
            return d;
        }
        let journey = match target {
            Some(index) => index,
            None => {
                // A journey added beside one of the same name is told apart.
                let base = &self.project.journeys[..self.base[0]];
                let shown = (1..)
                    .map(|n| match n {
                        1 => name.clone(),
                        n => format!("{name} ({n})"),
                    })
                    .find(|candidate| base.iter().all(|j| &j.name != candidate))
                    .unwrap_or_else(|| name.clone());
                let journeys = &self.project.journeys;
                let id = fresh_id(&shown, "journey", |id| journeys.iter().any(|j| j.id == id));
                // A new journey has the usual lanes, ready to be mapped further.
                self.project.journeys.push(Journey {
                    id,
                    name: shown,
                    lanes: blank_journey().lanes,
                    ..Journey::default()
                });
                self.project.journeys.len() - 1
            }
        };
        self.drafts.push(Draft {
            named: name,
            journey,
            primary: None,
            cards: Vec::new(),
            ids: HashMap::new(),
        });
        self.drafts.len() - 1
    }

    /// Adds a stage named `name` to the journey named `journey`, even when it has one of
    /// that name already (a diagram's repeated section, at `place`); returns its id, for
    /// rows' `stage_id`.
    pub fn add_stage(
        &mut self,
        journey: &str,
        name: &str,
        place: &Place,
    ) -> Result<String, ImportError> {
        let draft = self.draft(journey);
        let index = self.drafts[draft].journey;
        let journey = &mut self.project.journeys[index];
        let stages = &journey.stages;
        let id = fresh_id(name, "stage", |id| stages.iter().any(|s| s.id == id));
        journey.stages.push(Stage {
            id: id.clone(),
            name: name.trim().to_owned(),
            ..Stage::default()
        });
        self.within_limits(index, place)?;
        Ok(id)
    }

    /// Stops an import as soon as it would pass a limit of the format, before a huge
    /// table is built whole only to be refused.
    fn within_limits(&self, journey: usize, place: &Place) -> Result<(), ImportError> {
        let project = &self.project;
        let counts = [
            (project.journeys.len(), limits::JOURNEYS),
            (project.departments.len(), limits::DEPARTMENTS),
            (project.personas.len(), limits::PERSONAS),
        ];
        let whole = counts.into_iter().map(|(n, limit)| (n, limit, None));
        let here = &project.journeys[journey];
        let counts = [
            (here.stages.len(), limits::STAGES),
            (here.lanes.len(), limits::LANES),
            (here.cards.len(), limits::CARDS),
        ];
        let name = Some(here.name.as_str());
        let journey = counts.into_iter().map(|(n, limit)| (n, limit, name));
        match whole.chain(journey).find(|(n, limit, _)| *n > limit.max) {
            Some((n, limit, Some(name))) => Err(ImportError::at(
                place,
                format!("the journey “{}” {}", echo(name), limit.exceeded(n)),
            )),
            Some((n, limit, None)) => Err(ImportError::at(
                place,
                format!("the project {}", limit.exceeded(n)),
            )),
            None => Ok(()),
        }
    }

    /// Adds the card a row describes.
    pub fn add_row(&mut self, row: Row) -> Result<(), ImportError> {
        if row.title.trim().is_empty() {
            return Err(ImportError::at(
                &row.place.at("title"),
                "a card needs a title",
            ));
        }
        let draft = self.draft(&row.journey);
        let index = self.drafts[draft].journey;
        let stage = self.stage(index, &row)?;
        let (lane, kind) = self.lane(index, &row)?;
        let owner = (!row.owner.trim().is_empty()).then(|| self.department(&row.owner));
        if !row.persona.trim().is_empty() {
            let persona = self.persona(&row.persona);
            let named = &mut self.drafts[draft].primary;
            match named {
                Some((earlier, at)) if *earlier != persona => {
                    let message = format!(
                        "the journey's persona is `{}` since {at}; a journey has one",
                        echo(earlier)
                    );
                    return Err(ImportError::at(&row.place.at("persona"), message));
                }
                Some(_) => {}
                None => *named = Some((persona, row.place.clone())),
            }
        }
        let scores: Vec<(String, i8)> = row
            .scores
            .members
            .iter()
            .filter(|(name, _)| !name.trim().is_empty())
            .map(|(name, score)| (self.persona(name), *score))
            .collect();
        let id = row.id.trim().to_owned();
        if !id.is_empty() {
            let ids = &mut self.drafts[draft].ids;
            if let Some(earlier) = ids.get(&id) {
                let message = format!("the id `{}` is already the id of {earlier}", echo(&id));
                return Err(ImportError::at(&row.place.at("id"), message));
            }
            ids.insert(id.clone(), row.place.clone());
        }
        let journey = &mut self.project.journeys[index];
        let mut card = Card::new(&id, kind, &stage, &lane, row.title.trim());
        card.notes = row.notes;
        card.channel = row.channel.trim().to_owned();
        card.owner = owner;
        card.moment_of_truth = row.moment_of_truth;
        card.if_it_fails = row.if_it_fails;
        card.severity = row.severity;
        card.evidence = row.evidence;
        card.links = row.links;
        journey.cards.push(card);
        self.drafts[draft].cards.push(Pending {
            card: journey.cards.len() - 1,
            place: row.place.clone(),
            scores,
            primary: row.scores.primary,
        });
        self.within_limits(index, &row.place)
    }

    /// The id of the row's stage in journey `index`: its `stage_id`, a stage of that id
    /// or name, or a new one.
    fn stage(&mut self, index: usize, row: &Row) -> Result<String, ImportError> {
        let name = row.stage.trim();
        if let Some(id) = &row.stage_id {
            let journey = &mut self.project.journeys[index];
            if journey.stages.iter().all(|s| &s.id != id) {
                journey.stages.push(Stage {
                    id: id.clone(),
                    name: if name.is_empty() { id } else { name }.to_owned(),
                    ..Stage::default()
                });
            }
            return Ok(id.clone());
        }
        if name.is_empty() {
            return Err(ImportError::at(
                &row.place.at("stage"),
                "a card needs a stage",
            ));
        }
        let key = (Named::Stage, index, name.to_owned());
        if let Some(id) = self.found.get(&key) {
            return Ok(id.clone());
        }
        let id = self.find_or_add_stage(index, name);
        self.found.insert(key, id.clone());
        Ok(id)
    }

    /// The id of the stage of journey `index` with id or name `name`, made when there
    /// is none.
    fn find_or_add_stage(&mut self, index: usize, name: &str) -> String {
        let journey = &mut self.project.journeys[index];
        let stages = journey
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.name.trim()));
        if let Some(id) = id_or_name(stages, name) {
            return id;
        }
        let stages = &journey.stages;
        let id = fresh_id(name, "stage", |id| stages.iter().any(|s| s.id == id));
        journey.stages.push(Stage {
            id: id.clone(),
            name: name.to_owned(),
            ..Stage::default()
        });
        id
    }

    /// The id `find` gives for `text` as a `named`, found once per text.
    fn remembered(
        &mut self,
        named: Named,
        text: &str,
        find: impl FnOnce(&mut Self, &str) -> String,
    ) -> String {
        let text = text.trim();
        let key = (named, 0, text.to_owned());
        if let Some(id) = self.found.get(&key) {
            return id.clone();
        }
        let id = find(self, text);
        self.found.insert(key, id.clone());
        id
    }

    /// The id of the row's lane in journey `index`, and the card's kind. A missing kind
    /// follows the lane; a missing lane is the first of the kind's lanes.
    fn lane(&mut self, index: usize, row: &Row) -> Result<(String, CardKind), ImportError> {
        let journey = &mut self.project.journeys[index];
        let title = row.lane.trim();
        let wanted = row.kind.map(lane_for);
        let mut usual = None;
        let found = if title.is_empty() {
            let kind = wanted.unwrap_or(LaneKind::Touchpoints);
            journey.lanes.iter().find(|l| l.kind == kind)
        } else {
            let named = journey
                .lanes
                .iter()
                .find(|l| same_text(l.shown_title(), title) || l.id == title);
            if named.is_none() {
                usual = usual_lane(title);
            }
            named.or_else(|| journey.lanes.iter().find(|l| Some(l.kind) == usual))
        };
        let lane = match found {
            Some(lane) => lane.clone(),
            None => {
                let kind = row
                    .lane_kind
                    .or(usual)
                    .or(wanted)
                    .unwrap_or(LaneKind::Touchpoints);
                let lanes = &journey.lanes;
                let named = if title.is_empty() { kind.name() } else { title };
                let id = fresh_id(named, "lane", |id| lanes.iter().any(|l| l.id == id));
                let lane = Lane {
                    id,
                    kind,
                    // A lane called as its kind is called so by the kind's name.
                    title: if usual == Some(kind) || title.is_empty() {
                        String::new()
                    } else {
                        title.to_owned()
                    },
                };
                journey.lanes.push(lane.clone());
                lane
            }
        };
        let kind = match (row.kind, lane.kind.card_kind()) {
            (Some(kind), _) => kind,
            (None, Some(kind)) => kind,
            (None, None) => {
                return Err(ImportError::at(
                    &row.place.at("lane"),
                    format!(
                        "“{}” is the emotion lane, which holds no cards; the scores go in the emotion column",
                        echo(&lane.display_title())
                    ),
                ));
            }
        };
        Ok((lane.id, kind))
    }

    /// The id of the department with id or name `name`, made when there is none.
    fn department(&mut self, name: &str) -> String {
        self.remembered(Named::Department, name, Self::find_or_add_department)
    }

    fn find_or_add_department(&mut self, name: &str) -> String {
        let departments = &self.project.departments;
        let named = departments.iter().map(|d| (d.id.as_str(), d.name.as_str()));
        if let Some(id) = id_or_name(named, name) {
            return id;
        }
        let id = fresh_id(name, "department", |id| {
            departments.iter().any(|d| d.id == id)
        });
        self.project.departments.push(Department {
            id: id.clone(),
            name: name.to_owned(),
            color: String::new(),
        });
        id
    }

    /// The id of the persona with id or name `name`, made when there is none.
    fn persona(&mut self, name: &str) -> String {
        self.remembered(Named::Persona, name, Self::find_or_add_persona)
    }

    fn find_or_add_persona(&mut self, name: &str) -> String {
        let personas = &self.project.personas;
        if let Some(id) = id_or_name(
            personas.iter().map(|p| (p.id.as_str(), p.name.as_str())),
            name,
        ) {
            return id;
        }
        let id = fresh_id(name, "persona", |id| personas.iter().any(|p| p.id == id));
        self.project.personas.push(Persona {
            id: id.clone(),
            name: name.to_owned(),
            ..Persona::default()
        });
        id
    }

    /// Settles scores, ids and links, checks the project, and gives it back with the
    /// warnings.
    pub fn finish(mut self) -> Result<(Project, Vec<String>), ImportError> {
        for draft in std::mem::take(&mut self.drafts) {
            self.settle(draft)?;
        }
        let problems = validate(&self.project);
        if let Some(problem) = problems.listed.first() {
            return Err(ImportError::Whole(format!(
                "the imported project would not be valid: {problem}"
            )));
        }
        Ok((self.project, self.warnings))
    }

    /// The edit that makes `base` (the project this assembly started from) into the
    /// assembled project: new departments, personas and journeys inserted, and the
    /// target journey replaced. One undo step.
    pub fn finish_as_edit(self) -> Result<(Edit, Vec<String>), ImportError> {
        let [journeys, departments, personas] = self.base;
        let target = self.target;
        let (project, warnings) = self.finish()?;
        let mut edits: Vec<Edit> = Vec::new();
        edits.extend(inserts(
            List::Departments,
            departments,
            &project.departments,
            Item::Department,
        ));
        edits.extend(inserts(
            List::Personas,
            personas,
            &project.personas,
            Item::Persona,
        ));
        edits.extend(inserts(
            List::Journeys,
            journeys,
            &project.journeys,
            Item::Journey,
        ));
        if let Some(index) = target
            && let Some(journey) = project.journeys.get(index)
        {
            edits.push(Edit::List {
                list: List::Journeys,
                op: ListOp::Replace {
                    index,
                    item: Item::Journey(journey.clone()),
                },
            });
        }
        Ok((Edit::Batch(edits), warnings))
    }

    /// The persona whose scores a journey's `emotion` column holds when no `persona`
    /// column names them and `emotion:NAME` columns name the others: "Buyer", with a
    /// warning.
    fn buyer(&mut self, draft: &Draft) -> Option<String> {
        let journey = &self.project.journeys[draft.journey];
        let unnamed = draft.primary.is_none()
            && journey.persona.is_none()
            && draft.cards.iter().any(|p| p.primary.is_some())
            && draft.cards.iter().any(|p| !p.scores.is_empty());
        if !unnamed {
            return None;
        }
        let warning = format!(
            "journey “{}”: the emotion column says nobody's scores while other columns name their persona; they are given to a persona “{BUYER}” (a persona column names them)",
            echo(&journey.name)
        );
        self.warnings.push(warning);
        Some(self.persona(BUYER))
    }

    /// Gives the draft's new cards their ids, scores and links, and its journey its
    /// buying committee and an emotion lane when it has scores.
    fn settle(&mut self, draft: Draft) -> Result<(), ImportError> {
        let buyer = self.buyer(&draft);
        let journey = &mut self.project.journeys[draft.journey];
        // Cards without an id get `card-N`, clear of every id given; a given id that a
        // card already on the map has (a paste) is given up, with a warning.
        let first_new = draft.cards.first().map_or(journey.cards.len(), |p| p.card);
        let existing: HashSet<String> = journey.cards[..first_new]
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let renamed = journey.cards[first_new..]
            .iter()
            .any(|c| c.id.is_empty() || existing.contains(&c.id));
        // Built only when some card needs a fresh id.
        let mut taken: HashSet<String> = if renamed {
            existing.iter().chain(draft.ids.keys()).cloned().collect()
        } else {
            HashSet::new()
        };
        let mut counter = 0;
        // Given ids that were given up, and what their cards are now.
        let mut moved: HashMap<String, String> = HashMap::new();
        for pending in draft.cards.iter().filter(|_| renamed) {
            let card = &mut journey.cards[pending.card];
            if card.id.is_empty() || existing.contains(&card.id) {
                let fresh = loop {
                    counter += 1;
                    let id = format!("card-{counter}");
                    if !taken.contains(&id) {
                        break id;
                    }
                };
                if !card.id.is_empty() {
                    self.warnings.push(format!(
                        "{}: the id `{}` is taken by a card already on the map; the card is `{fresh}`",
                        pending.place,
                        echo(&card.id)
                    ));
                    moved.insert(card.id.clone(), fresh.clone());
                }
                taken.insert(fresh.clone());
                card.id = fresh;
            }
        }
        // A link between pasted rows follows its card to its new id.
        for pending in draft.cards.iter().filter(|_| !moved.is_empty()) {
            for link in &mut journey.cards[pending.card].links {
                if let Some(fresh) = moved.get(link.as_str()) {
                    link.clone_from(fresh);
                }
            }
        }
        let linked = draft
            .cards
            .iter()
            .any(|p| !journey.cards[p.card].links.is_empty());
        let ids: HashSet<&str> = if linked {
            journey.cards.iter().map(|c| c.id.as_str()).collect()
        } else {
            HashSet::new()
        };
        for pending in draft.cards.iter().filter(|_| linked) {
            let card = &journey.cards[pending.card];
            if let Some(link) = card.links.iter().find(|l| !ids.contains(l.as_str())) {
                return Err(ImportError::at(
                    &pending.place.at("links"),
                    format!("no card of this journey has the id `{}`", echo(link)),
                ));
            }
        }
        let primary = draft
            .primary
            .map(|(id, _)| id)
            .or(buyer)
            .or_else(|| journey.persona.clone())
            .or_else(|| {
                draft
                    .cards
                    .iter()
                    .find_map(|p| p.scores.first().map(|(id, _)| id.clone()))
            });
        let mut members: Vec<String> = journey
            .committee
            .iter()
            .map(|m| m.persona.clone())
            .collect();
        for pending in &draft.cards {
            let card = &mut journey.cards[pending.card];
            let mut own = pending.primary;
            for (persona, score) in &pending.scores {
                if Some(persona) == primary.as_ref() {
                    if own.is_some_and(|s| s != *score) {
                        return Err(ImportError::at(
                            &pending.place.at("emotion"),
                            format!(
                                "two scores for `{}`, the journey's persona: {} in the emotion column and {score} in theirs",
                                echo(persona),
                                own.unwrap_or_default()
                            ),
                        ));
                    }
                    own = Some(*score);
                } else {
                    card.emotions.insert(persona.clone(), *score);
                    if !members.contains(persona) {
                        members.push(persona.clone());
                    }
                }
            }
            card.emotion = own;
        }
        if let Some(primary) = primary {
            let others = members.iter().any(|m| *m != primary);
            if others {
                if !members.contains(&primary) {
                    members.insert(0, primary.clone());
                }
                journey.committee = members
                    .into_iter()
                    .map(|persona| {
                        journey
                            .committee
                            .iter()
                            .find(|m| m.persona == persona)
                            .cloned()
                            .unwrap_or(Member {
                                persona,
                                role: None,
                                detail: String::new(),
                            })
                    })
                    .collect();
            }
            journey.persona = Some(primary);
        }
        let scored = journey
            .cards
            .iter()
            .any(|c| c.emotion.is_some() || !c.emotions.is_empty());
        if scored && journey.lanes.iter().all(|l| l.kind != LaneKind::Emotion) {
            let at = journey
                .lanes
                .iter()
                .position(|l| l.kind == LaneKind::Touchpoints)
                .map_or(0, |i| i + 1);
            let lanes = &journey.lanes;
            let id = fresh_id("emotion", "lane", |id| lanes.iter().any(|l| l.id == id));
            journey.lanes.insert(
                at,
                Lane {
                    id,
                    kind: LaneKind::Emotion,
                    title: String::new(),
                },
            );
        }
        Ok(())
    }
}

/// The edits that insert the items of `all` from `from` on into `list`, where they are.
fn inserts<T: Clone>(list: List, from: usize, all: &[T], item: fn(T) -> Item) -> Vec<Edit> {
    all.iter()
        .enumerate()
        .skip(from)
        .map(|(index, value)| Edit::List {
            list: list.clone(),
            op: ListOp::Insert {
                index,
                item: item(value.clone()),
            },
        })
        .collect()
}

/// The id of the item among `items` (id, name) whose id is `text`, or else whose name is,
/// in any case.
fn id_or_name<'a>(
    items: impl Iterator<Item = (&'a str, &'a str)> + Clone,
    text: &str,
) -> Option<String> {
    let mut by_id = items.clone().filter(|(id, _)| *id == text);
    let mut by_name = items.filter(|(_, name)| same_text(name, text));
    by_id
        .next()
        .or_else(|| by_name.next())
        .map(|(id, _)| id.to_owned())
}

/// Who holds the scores of an `emotion` column that names nobody.
const BUYER: &str = "Buyer";

/// The lane kind a card of `kind` goes in when the row names no lane.
fn lane_for(kind: CardKind) -> LaneKind {
    match kind {
        CardKind::Touchpoint => LaneKind::Touchpoints,
        CardKind::PainPoint => LaneKind::PainPoints,
        CardKind::Opportunity => LaneKind::Opportunities,
        CardKind::Note => LaneKind::Notes,
    }
}

/// An id made from `name` (its slug, at most 40 characters), or from `fallback` when the
/// name has no letters or digits, that `taken` does not hold.
fn fresh_id(name: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = slug(name);
    if let Some((cut, _)) = base.char_indices().nth(40) {
        base.truncate(cut);
        base = base.trim_end_matches('-').to_owned();
    }
    if base.is_empty() {
        base = fallback.to_owned();
    }
    if !taken(&base) {
        return base;
    }
    unique_id(&base, 1, taken)
}
