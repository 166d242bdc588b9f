//! The journey document: plain data, exactly the shapes of the project file (format 2).
//!
//! Field order here is the order of `docs/format.md`, because serde writes fields in
//! declaration order and the file must be deterministic. Optional fields that hold their
//! default are left out when writing, so files stay short and diffs small.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::limits;

/// The newest project-file format this program reads and writes. Format 2 added the
/// buying committee (`committee`, a card's `emotions`); a format-1 file means the same in
/// format 2, and is written as format 2 when saved.
pub const FORMAT_VERSION: u32 = 2;

fn is_false(value: &bool) -> bool {
    !value
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A whole project: departments, personas and one or more journeys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub format: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::departments"
    )]
    pub departments: Vec<Department>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::personas"
    )]
    pub personas: Vec<Persona>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::journeys"
    )]
    pub journeys: Vec<Journey>,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            title: String::new(),
            notes: String::new(),
            departments: Vec::new(),
            personas: Vec::new(),
            journeys: Vec::new(),
        }
    }
}

/// A team inside the seller's company that owns steps of the journey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub id: String,
    pub name: String,
    /// `#RRGGBB`; empty means the palette colour for the department's position.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub color: String,
}

/// The buyer whose point of view a journey takes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Persona {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::goals"
    )]
    pub goals: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::values"
    )]
    pub values: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::pain_points"
    )]
    pub pain_points: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::channels"
    )]
    pub channels: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::influencers"
    )]
    pub influencers: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub buying_process: String,
    /// `#RRGGBB`; empty means the palette colour for the persona's position.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub color: String,
}

/// One map: stages left to right, lanes top to bottom, cards in their cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    pub id: String,
    pub name: String,
    /// Whose point of view the map takes: the primary persona, whose scores are the
    /// cards' `emotion`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona: Option<String>,
    /// The buying committee, the primary among them; empty means the primary alone.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::committee"
    )]
    pub committee: Vec<Member>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scenario: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expectations: String,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::stages"
    )]
    pub stages: Vec<Stage>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::lanes"
    )]
    pub lanes: Vec<Lane>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::cards"
    )]
    pub cards: Vec<Card>,
}

/// A persona on a journey's buying committee and the part they play in the decision.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// A persona id.
    pub persona: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<BuyingRole>,
    /// Free text beside the role: "IT security", "procurement".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// The part a committee member plays in a B2B purchase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BuyingRole {
    DecisionMaker,
    EconomicBuyer,
    Champion,
    User,
    Influencer,
    Gatekeeper,
    Blocker,
}

impl BuyingRole {
    pub const ALL: [BuyingRole; 7] = [
        BuyingRole::DecisionMaker,
        BuyingRole::EconomicBuyer,
        BuyingRole::Champion,
        BuyingRole::User,
        BuyingRole::Influencer,
        BuyingRole::Gatekeeper,
        BuyingRole::Blocker,
    ];

    /// The role in words, lower case: "economic buyer".
    pub fn name(self) -> &'static str {
        match self {
            BuyingRole::DecisionMaker => "decision maker",
            BuyingRole::EconomicBuyer => "economic buyer",
            BuyingRole::Champion => "champion",
            BuyingRole::User => "user",
            BuyingRole::Influencer => "influencer",
            BuyingRole::Gatekeeper => "gatekeeper",
            BuyingRole::Blocker => "blocker",
        }
    }

    /// The role as a title: "Economic buyer".
    pub fn title(self) -> String {
        let name = self.name();
        name[..1].to_uppercase() + &name[1..]
    }
}

impl Journey {
    /// Every comment not yet resolved, with its card, in card order.
    pub fn open_comments(&self) -> impl Iterator<Item = (&Card, &Comment)> {
        self.cards.iter().flat_map(|card| {
            card.comments
                .iter()
                .filter(|c| !c.resolved)
                .map(move |c| (card, c))
        })
    }
}

/// A phase of the buyer's purchase process (a column of the map).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub exit_criteria: String,
    /// Share of buyers who reach the next stage, in `0..=1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::kpis"
    )]
    pub kpis: Vec<Kpi>,
    #[serde(default, skip_serializing_if = "Empathy::is_empty")]
    pub empathy: Empathy,
}

/// A named measurement of a stage, as the team reports it ("3.1%").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub value: String,
}

/// What the buyer sees, hears, says, does, thinks and feels in one stage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Empathy {
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::entries"
    )]
    pub sees: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::entries"
    )]
    pub hears: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::entries"
    )]
    pub says: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::entries"
    )]
    pub does: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::entries"
    )]
    pub thinks: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::entries"
    )]
    pub feels: Vec<String>,
}

impl Empathy {
    /// The quadrants in the order the map and the inspector show them.
    pub const QUADRANTS: [&'static str; 6] = ["Sees", "Hears", "Says", "Does", "Thinks", "Feels"];

    /// The quadrants' lists, in the order of [`Self::QUADRANTS`].
    pub fn lists(&self) -> [&Vec<String>; 6] {
        [
            &self.sees,
            &self.hears,
            &self.says,
            &self.does,
            &self.thinks,
            &self.feels,
        ]
    }

    /// The quadrants' lists to edit, in the order of [`Self::QUADRANTS`].
    pub fn lists_mut(&mut self) -> [&mut Vec<String>; 6] {
        [
            &mut self.sees,
            &mut self.hears,
            &mut self.says,
            &mut self.does,
            &mut self.thinks,
            &mut self.feels,
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.sees.is_empty()
            && self.hears.is_empty()
            && self.says.is_empty()
            && self.does.is_empty()
            && self.thinks.is_empty()
            && self.feels.is_empty()
    }
}

/// A row of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub id: String,
    pub kind: LaneKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneKind {
    Touchpoints,
    PainPoints,
    Opportunities,
    Backstage,
    /// Holds no cards: draws the curve through the emotion scores of the journey's cards.
    Emotion,
    Notes,
}

impl LaneKind {
    pub const ALL: [LaneKind; 6] = [
        LaneKind::Touchpoints,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Backstage,
        LaneKind::Emotion,
        LaneKind::Notes,
    ];

    /// The kind of card a new card in this lane gets; `None` for the Emotion lane.
    pub fn card_kind(self) -> Option<CardKind> {
        match self {
            LaneKind::Touchpoints => Some(CardKind::Touchpoint),
            LaneKind::PainPoints => Some(CardKind::PainPoint),
            LaneKind::Opportunities => Some(CardKind::Opportunity),
            LaneKind::Backstage | LaneKind::Notes => Some(CardKind::Note),
            LaneKind::Emotion => None,
        }
    }
}

/// One step, pain, opportunity or note in a (stage, lane) cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub kind: CardKind,
    pub stage: String,
    pub lane: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel: String,
    /// A department id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// How the buyer (the journey's primary persona) feels here, in `-2..=2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion: Option<i8>,
    /// How the other members of the buying committee feel here, by persona id.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "limits::emotions"
    )]
    pub emotions: BTreeMap<String, i8>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub moment_of_truth: bool,
    /// What happens to the buyer when this step fails, and who notices.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub if_it_fails: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub evidence: Evidence,
    /// Ids of related cards in the same journey.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::links"
    )]
    pub links: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "limits::comments"
    )]
    pub comments: Vec<Comment>,
}

impl Card {
    /// A card with the given identity and place and every other field at its default.
    pub fn new(id: &str, kind: CardKind, stage: &str, lane: &str, title: &str) -> Self {
        Self {
            id: id.to_owned(),
            kind,
            stage: stage.to_owned(),
            lane: lane.to_owned(),
            title: title.to_owned(),
            notes: String::new(),
            channel: String::new(),
            owner: None,
            emotion: None,
            emotions: BTreeMap::new(),
            moment_of_truth: false,
            if_it_fails: String::new(),
            severity: None,
            evidence: Evidence::default(),
            links: Vec::new(),
            comments: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CardKind {
    Touchpoint,
    PainPoint,
    Opportunity,
    Note,
}

impl CardKind {
    pub const ALL: [CardKind; 4] = [
        CardKind::Touchpoint,
        CardKind::PainPoint,
        CardKind::Opportunity,
        CardKind::Note,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];
}

/// How the team knows what a card says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Evidence {
    #[default]
    Assumption,
    Anecdote,
    Research,
}

impl Evidence {
    pub const ALL: [Evidence; 3] = [Evidence::Assumption, Evidence::Anecdote, Evidence::Research];
}

/// A reviewer's remark on a card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// RFC 3339 time, e.g. `2026-11-20T10:12:00Z`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolved: bool,
}
