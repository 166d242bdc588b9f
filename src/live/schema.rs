//! The project as it lives in an Automerge document, and the way between the two.
//!
//! The shapes follow [`Project`] with three differences, each so that concurrent edits
//! merge as people expect:
//! - Titles, notes and other prose are Automerge text, changed by diff, so two people
//!   typing in one field both keep their letters.
//! - Lists of things with an id (departments, personas, journeys, stages, lanes, committee
//!   members, comments) match their elements by id, so an edit lands on the right one.
//! - A journey's cards are a map by id, each with its place as fields (stage, lane and an
//!   order key, see [`super::order`]): a drag changes fields and never moves an element.
//!
//! Fields added later must be `Option` or carry `#[autosurgeon(missing = …)]`, so that
//! older live documents still load.

use std::collections::{BTreeMap, HashMap};

use autosurgeon::{Hydrate, HydrateError, ReadDoc, Reconcile, Reconciler};

use super::LiveError;
use super::order;
use crate::model::{
    BuyingRole, Card, CardKind, Comment, Department, Empathy, Evidence, Journey, Kpi, Lane,
    LaneKind, Member, Persona, Project, Severity, Stage,
};

/// Prose: Automerge text that is written by diffing against what the document holds (in
/// Automerge's own indexing, so accents and emoji stay whole).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prose(pub String);

impl Reconcile for Prose {
    type Key<'a> = autosurgeon::reconcile::NoKey;

    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        use autosurgeon::reconcile::TextReconciler;
        reconciler.text()?.update(&self.0)
    }
}

impl Hydrate for Prose {
    fn hydrate_text<D: ReadDoc>(doc: &D, obj: &automerge::ObjId) -> Result<Self, HydrateError> {
        Ok(Prose(doc.text(obj)?))
    }

    fn hydrate_string(value: &'_ str) -> Result<Self, HydrateError> {
        Ok(Prose(value.to_owned()))
    }
}

impl From<&String> for Prose {
    fn from(value: &String) -> Self {
        Prose(value.clone())
    }
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveProject {
    pub format: u64,
    pub title: Prose,
    pub notes: Prose,
    pub departments: Vec<LiveDepartment>,
    pub personas: Vec<LivePersona>,
    pub journeys: Vec<LiveJourney>,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveDepartment {
    #[key]
    pub id: String,
    pub name: Prose,
    pub color: String,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LivePersona {
    #[key]
    pub id: String,
    pub name: Prose,
    pub role: Prose,
    pub quote: Prose,
    pub goals: Vec<String>,
    pub values: Vec<String>,
    pub pain_points: Vec<String>,
    pub channels: Vec<String>,
    pub influencers: Vec<String>,
    pub buying_process: Prose,
    pub color: String,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveJourney {
    #[key]
    pub id: String,
    pub name: Prose,
    pub persona: Option<String>,
    pub committee: Vec<LiveMember>,
    pub scenario: Prose,
    pub expectations: Prose,
    pub stages: Vec<LiveStage>,
    pub lanes: Vec<LiveLane>,
    pub cards: HashMap<String, LiveCard>,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveMember {
    #[key]
    pub persona: String,
    pub role: Option<String>,
    pub detail: Prose,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveStage {
    #[key]
    pub id: String,
    pub name: Prose,
    pub goal: Prose,
    pub exit_criteria: Prose,
    pub conversion: Option<f64>,
    pub kpis: Vec<LiveKpi>,
    pub empathy: LiveEmpathy,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveKpi {
    pub name: String,
    pub value: String,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveEmpathy {
    pub sees: Vec<String>,
    pub hears: Vec<String>,
    pub says: Vec<String>,
    pub does: Vec<String>,
    pub thinks: Vec<String>,
    pub feels: Vec<String>,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveLane {
    #[key]
    pub id: String,
    pub kind: String,
    pub title: Prose,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveCard {
    pub kind: String,
    pub stage: String,
    pub lane: String,
    /// Where the card sits among the others: see [`super::order`].
    pub order: String,
    pub title: Prose,
    pub notes: Prose,
    pub channel: String,
    pub owner: Option<String>,
    pub emotion: Option<i64>,
    pub emotions: BTreeMap<String, i64>,
    pub moment_of_truth: bool,
    pub if_it_fails: Prose,
    pub severity: Option<String>,
    pub evidence: String,
    pub links: Vec<String>,
    pub comments: Vec<LiveComment>,
}

#[derive(Clone, Debug, Default, Reconcile, Hydrate)]
pub struct LiveComment {
    /// The comment's identity in the live document: its time and author, numbered when
    /// one author comments twice in one second.
    #[key]
    pub id: String,
    pub author: String,
    pub at: String,
    pub text: Prose,
    pub resolved: bool,
}

/// The order keys a live document gives its cards, by journey and card id: what a
/// write keeps, so that only moved and new cards get new keys.
pub type OrderKeys = HashMap<String, HashMap<String, String>>;

impl LiveProject {
    /// The live shape of `project`, keeping the order keys in `keys` where the order
    /// allows and updating `keys` to the ones now given.
    pub fn from_project(project: &Project, keys: &mut OrderKeys) -> Self {
        LiveProject {
            format: u64::from(project.format),
            title: (&project.title).into(),
            notes: (&project.notes).into(),
            departments: project.departments.iter().map(live_department).collect(),
            personas: project.personas.iter().map(live_persona).collect(),
            journeys: project
                .journeys
                .iter()
                .map(|journey| live_journey(journey, keys.entry(journey.id.clone()).or_default()))
                .collect(),
        }
    }

    /// The project this live document holds, with its order keys. Fails on a value of
    /// the wrong kind; the caller still validates the result as a whole.
    pub fn to_project(&self) -> Result<(Project, OrderKeys), LiveError> {
        let format = u32::try_from(self.format).map_err(|_| LiveError::Field {
            item: "project".to_owned(),
            field: "format",
            value: self.format.to_string(),
        })?;
        let mut keys = OrderKeys::new();
        let journeys = self
            .journeys
            .iter()
            .map(|journey| project_journey(journey, keys.entry(journey.id.clone()).or_default()))
            .collect::<Result<_, _>>()?;
        let project = Project {
            format,
            title: self.title.0.clone(),
            notes: self.notes.0.clone(),
            departments: self.departments.iter().map(project_department).collect(),
            personas: self.personas.iter().map(project_persona).collect(),
            journeys,
        };
        Ok((project, keys))
    }
}

pub(super) fn live_department(department: &Department) -> LiveDepartment {
    LiveDepartment {
        id: department.id.clone(),
        name: (&department.name).into(),
        color: department.color.clone(),
    }
}

fn project_department(live: &LiveDepartment) -> Department {
    Department {
        id: live.id.clone(),
        name: live.name.0.clone(),
        color: live.color.clone(),
    }
}

pub(super) fn live_persona(persona: &Persona) -> LivePersona {
    LivePersona {
        id: persona.id.clone(),
        name: (&persona.name).into(),
        role: (&persona.role).into(),
        quote: (&persona.quote).into(),
        goals: persona.goals.clone(),
        values: persona.values.clone(),
        pain_points: persona.pain_points.clone(),
        channels: persona.channels.clone(),
        influencers: persona.influencers.clone(),
        buying_process: (&persona.buying_process).into(),
        color: persona.color.clone(),
    }
}

fn project_persona(live: &LivePersona) -> Persona {
    Persona {
        id: live.id.clone(),
        name: live.name.0.clone(),
        role: live.role.0.clone(),
        quote: live.quote.0.clone(),
        goals: live.goals.clone(),
        values: live.values.clone(),
        pain_points: live.pain_points.clone(),
        channels: live.channels.clone(),
        influencers: live.influencers.clone(),
        buying_process: live.buying_process.0.clone(),
        color: live.color.clone(),
    }
}

/// The order keys of a journey's cards in their order, keeping the ones in `keys` where
/// the order allows; `keys` becomes the new ones.
pub(super) fn card_orders(journey: &Journey, keys: &mut HashMap<String, String>) -> Vec<String> {
    let current: Vec<(Option<&str>, &str)> = journey
        .cards
        .iter()
        .map(|card| {
            let key = keys.get(&card.id).map(String::as_str);
            (key.filter(|key| order::is_valid(key)), card.id.as_str())
        })
        .collect();
    let orders = order::assign(&current);
    keys.clear();
    keys.extend(
        journey
            .cards
            .iter()
            .zip(&orders)
            .map(|(card, order)| (card.id.clone(), order.clone())),
    );
    orders
}

pub(super) fn live_committee(journey: &Journey) -> Vec<LiveMember> {
    journey
        .committee
        .iter()
        .map(|member| LiveMember {
            persona: member.persona.clone(),
            role: member.role.map(|role| name_of(&role)),
            detail: (&member.detail).into(),
        })
        .collect()
}

pub(super) fn live_lanes(journey: &Journey) -> Vec<LiveLane> {
    journey
        .lanes
        .iter()
        .map(|lane| LiveLane {
            id: lane.id.clone(),
            kind: name_of(&lane.kind),
            title: (&lane.title).into(),
        })
        .collect()
}

fn live_journey(journey: &Journey, keys: &mut HashMap<String, String>) -> LiveJourney {
    let orders = card_orders(journey, keys);
    let cards = journey
        .cards
        .iter()
        .zip(orders)
        .map(|(card, order)| (card.id.clone(), live_card(card, order)))
        .collect();
    LiveJourney {
        id: journey.id.clone(),
        name: (&journey.name).into(),
        persona: journey.persona.clone(),
        committee: live_committee(journey),
        scenario: (&journey.scenario).into(),
        expectations: (&journey.expectations).into(),
        stages: journey.stages.iter().map(live_stage).collect(),
        lanes: live_lanes(journey),
        cards,
    }
}

fn project_journey(
    live: &LiveJourney,
    keys: &mut HashMap<String, String>,
) -> Result<Journey, LiveError> {
    let mut cards: Vec<(&String, &LiveCard)> = live.cards.iter().collect();
    cards.sort_by(|(a_id, a), (b_id, b)| (&a.order, a_id).cmp(&(&b.order, b_id)));
    let committee = live
        .committee
        .iter()
        .map(|member| {
            Ok(Member {
                persona: member.persona.clone(),
                role: member
                    .role
                    .as_deref()
                    .map(|role| named(&BuyingRole::ALL, role, &member.persona, "role"))
                    .transpose()?,
                detail: member.detail.0.clone(),
            })
        })
        .collect::<Result<_, LiveError>>()?;
    let lanes = live
        .lanes
        .iter()
        .map(|lane| {
            Ok(Lane {
                id: lane.id.clone(),
                kind: named(&LaneKind::ALL, &lane.kind, &lane.id, "kind")?,
                title: lane.title.0.clone(),
            })
        })
        .collect::<Result<_, LiveError>>()?;
    let cards = cards
        .into_iter()
        .map(|(id, card)| {
            keys.insert(id.clone(), card.order.clone());
            project_card(id, card)
        })
        .collect::<Result<_, _>>()?;
    Ok(Journey {
        id: live.id.clone(),
        name: live.name.0.clone(),
        persona: live.persona.clone(),
        committee,
        scenario: live.scenario.0.clone(),
        expectations: live.expectations.0.clone(),
        stages: live.stages.iter().map(project_stage).collect(),
        lanes,
        cards,
    })
}

pub(super) fn live_stage(stage: &Stage) -> LiveStage {
    let empathy = &stage.empathy;
    LiveStage {
        id: stage.id.clone(),
        name: (&stage.name).into(),
        goal: (&stage.goal).into(),
        exit_criteria: (&stage.exit_criteria).into(),
        conversion: stage.conversion,
        kpis: stage
            .kpis
            .iter()
            .map(|kpi| LiveKpi {
                name: kpi.name.clone(),
                value: kpi.value.clone(),
            })
            .collect(),
        empathy: LiveEmpathy {
            sees: empathy.sees.clone(),
            hears: empathy.hears.clone(),
            says: empathy.says.clone(),
            does: empathy.does.clone(),
            thinks: empathy.thinks.clone(),
            feels: empathy.feels.clone(),
        },
    }
}

fn project_stage(live: &LiveStage) -> Stage {
    let empathy = &live.empathy;
    Stage {
        id: live.id.clone(),
        name: live.name.0.clone(),
        goal: live.goal.0.clone(),
        exit_criteria: live.exit_criteria.0.clone(),
        conversion: live.conversion,
        kpis: live
            .kpis
            .iter()
            .map(|kpi| Kpi {
                name: kpi.name.clone(),
                value: kpi.value.clone(),
            })
            .collect(),
        empathy: Empathy {
            sees: empathy.sees.clone(),
            hears: empathy.hears.clone(),
            says: empathy.says.clone(),
            does: empathy.does.clone(),
            thinks: empathy.thinks.clone(),
            feels: empathy.feels.clone(),
        },
    }
}

pub(super) fn live_card(card: &Card, order: String) -> LiveCard {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let comments = card
        .comments
        .iter()
        .map(|comment| {
            let base = format!("{}|{}", comment.at, comment.author);
            let count = seen.entry(base.clone()).or_default();
            *count += 1;
            LiveComment {
                id: if *count == 1 {
                    base
                } else {
                    format!("{base}#{count}")
                },
                author: comment.author.clone(),
                at: comment.at.clone(),
                text: (&comment.text).into(),
                resolved: comment.resolved,
            }
        })
        .collect();
    LiveCard {
        kind: name_of(&card.kind),
        stage: card.stage.clone(),
        lane: card.lane.clone(),
        order,
        title: (&card.title).into(),
        notes: (&card.notes).into(),
        channel: card.channel.clone(),
        owner: card.owner.clone(),
        emotion: card.emotion.map(i64::from),
        emotions: card
            .emotions
            .iter()
            .map(|(persona, score)| (persona.clone(), i64::from(*score)))
            .collect(),
        moment_of_truth: card.moment_of_truth,
        if_it_fails: (&card.if_it_fails).into(),
        severity: card.severity.map(|severity| name_of(&severity)),
        evidence: name_of(&card.evidence),
        links: card.links.clone(),
        comments,
    }
}

pub(super) fn project_card(id: &str, live: &LiveCard) -> Result<Card, LiveError> {
    let score = |field: &'static str, value: i64| {
        i8::try_from(value).map_err(|_| LiveError::Field {
            item: format!("card `{id}`"),
            field,
            value: value.to_string(),
        })
    };
    Ok(Card {
        id: id.to_owned(),
        kind: named(&CardKind::ALL, &live.kind, id, "kind")?,
        stage: live.stage.clone(),
        lane: live.lane.clone(),
        title: live.title.0.clone(),
        notes: live.notes.0.clone(),
        channel: live.channel.clone(),
        owner: live.owner.clone(),
        emotion: live.emotion.map(|e| score("emotion", e)).transpose()?,
        emotions: live
            .emotions
            .iter()
            .map(|(persona, e)| Ok((persona.clone(), score("emotions", *e)?)))
            .collect::<Result<_, LiveError>>()?,
        moment_of_truth: live.moment_of_truth,
        if_it_fails: live.if_it_fails.0.clone(),
        severity: live
            .severity
            .as_deref()
            .map(|severity| named(&Severity::ALL, severity, id, "severity"))
            .transpose()?,
        evidence: named(&Evidence::ALL, &live.evidence, id, "evidence")?,
        links: live.links.clone(),
        comments: live
            .comments
            .iter()
            .map(|comment| Comment {
                author: comment.author.clone(),
                at: comment.at.clone(),
                text: comment.text.0.clone(),
                resolved: comment.resolved,
            })
            .collect(),
    })
}

/// How a variant is named in the live document: as in the project file.
fn name_of<T: std::fmt::Debug>(value: &T) -> String {
    format!("{value:?}")
}

/// The variant named `name`, or an error naming the item and field that held it.
fn named<T: std::fmt::Debug + Copy>(
    all: &[T],
    name: &str,
    id: &str,
    field: &'static str,
) -> Result<T, LiveError> {
    all.iter()
        .copied()
        .find(|value| name_of(value) == name)
        .ok_or_else(|| LiveError::Field {
            item: format!("`{id}`"),
            field,
            value: name.to_owned(),
        })
}
