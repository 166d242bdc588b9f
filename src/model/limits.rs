//! How much a project may hold, so that reading, checking and drawing any file stay fast
//! and small whatever is in it (the numbers are in `docs/format.md`, "Limits").
//!
//! Each list is bounded twice with the same numbers: while a file is read, so that a file
//! of a million tiny stages is refused at the first one too many without building them,
//! with the line and column; and by [`super::validate`], so that no edit can pass them.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;

use super::types::Project;
use serde::de::{Deserialize, MapAccess, SeqAccess, Visitor};

/// The most entries one list may have: what the entries are and what holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub max: usize,
    /// The entries, plural: "stages".
    pub what: &'static str,
    /// What holds the list: "a journey".
    pub holder: &'static str,
}

impl Limit {
    const fn new(max: usize, what: &'static str, holder: &'static str) -> Self {
        Self { max, what, holder }
    }

    /// "has 101 stages; a journey holds at most 100".
    pub fn exceeded(&self, count: usize) -> String {
        format!(
            "has {count} {}; {} holds at most {}",
            self.what, self.holder, self.max
        )
    }
}

pub const JOURNEYS: Limit = Limit::new(50, "journeys", "a project");
pub const DEPARTMENTS: Limit = Limit::new(100, "departments", "a project");
pub const PERSONAS: Limit = Limit::new(100, "personas", "a project");
pub const STAGES: Limit = Limit::new(100, "stages", "a journey");
pub const LANES: Limit = Limit::new(30, "lanes", "a journey");
pub const CARDS: Limit = Limit::new(10_000, "cards", "a journey");
pub const LINKS: Limit = Limit::new(20, "links", "a card");
pub const COMMENTS: Limit = Limit::new(100, "comments", "a card");
/// Every other list holds at most this many entries: a persona's goals, values, pain
/// points, channels and influencers, a stage's KPIs and each quadrant of its empathy map.
pub const ENTRIES: Limit = Limit::new(100, "entries", "a quadrant of an empathy map");
pub const GOALS: Limit = Limit::new(ENTRIES.max, "goals", "a persona");
pub const VALUES: Limit = Limit::new(ENTRIES.max, "values", "a persona");
pub const PAIN_POINTS: Limit = Limit::new(ENTRIES.max, "pain points", "a persona");
pub const CHANNELS: Limit = Limit::new(ENTRIES.max, "channels", "a persona");
pub const INFLUENCERS: Limit = Limit::new(ENTRIES.max, "influencers", "a persona");
pub const KPIS: Limit = Limit::new(ENTRIES.max, "KPIs", "a stage");
pub const COMMITTEE: Limit = Limit::new(PERSONAS.max, "members", "a buying committee");
pub const EMOTIONS: Limit = Limit::new(PERSONAS.max, "committee emotions", "a card");

/// The most links all the cards of one journey may have together: each is a curve drawn
/// across the map.
pub const JOURNEY_LINKS: Limit = Limit::new(500, "links", "a journey");

/// The most entries all lists of a project may have together, counted while reading.
pub const ALL_ENTRIES: usize = 500_000;

/// The longest id, in characters.
pub const ID_CHARS: usize = 200;
/// The longest text of any other field, in characters (about ten printed pages).
pub const TEXT_CHARS: usize = 20_000;

/// How many entries all the lists of `project` hold together, counted as a read counts
/// them (so that no project can be saved that could not be read again).
pub fn all_entries(project: &Project) -> usize {
    let personas: usize = project
        .personas
        .iter()
        .map(|p| {
            p.goals.len()
                + p.values.len()
                + p.pain_points.len()
                + p.channels.len()
                + p.influencers.len()
        })
        .sum();
    let journeys: usize = project
        .journeys
        .iter()
        .map(|journey| {
            let stages: usize = journey
                .stages
                .iter()
                .map(|s| s.kpis.len() + s.empathy.lists().iter().map(|l| l.len()).sum::<usize>())
                .sum();
            let cards: usize = journey
                .cards
                .iter()
                .map(|c| c.links.len() + c.comments.len() + c.emotions.len())
                .sum();
            journey.stages.len()
                + journey.lanes.len()
                + journey.cards.len()
                + journey.committee.len()
                + stages
                + cards
        })
        .sum();
    project.journeys.len()
        + project.departments.len()
        + project.personas.len()
        + personas
        + journeys
}

thread_local! {
    /// Entries still allowed in the file being read on this thread; `None` outside a read.
    static ENTRIES_LEFT: Cell<Option<usize>> = const { Cell::new(None) };
}

/// While alive, the lists read on this thread may hold [`ALL_ENTRIES`] together.
pub struct EntryBudget(Option<usize>);

impl EntryBudget {
    pub fn start() -> Self {
        Self(ENTRIES_LEFT.replace(Some(ALL_ENTRIES)))
    }
}

impl Drop for EntryBudget {
    fn drop(&mut self) {
        ENTRIES_LEFT.set(self.0);
    }
}

/// Takes one entry from the budget of the read in progress; false when none is left.
fn take_entry() -> bool {
    match ENTRIES_LEFT.get() {
        None => true,
        Some(0) => false,
        Some(left) => {
            ENTRIES_LEFT.set(Some(left - 1));
            true
        }
    }
}

fn too_many<E: serde::de::Error>(limit: Limit) -> E {
    E::custom(format!(
        "{} holds at most {} {}, and this list has more",
        limit.holder, limit.max, limit.what
    ))
}

/// Takes one entry from the read's budget, or says the project holds too many.
fn take_entry_or_refuse<E: serde::de::Error>() -> Result<(), E> {
    if take_entry() {
        Ok(())
    } else {
        Err(E::custom(format!(
            "the project has more than {ALL_ENTRIES} entries in its lists, the most a project may hold"
        )))
    }
}

/// Reads a list of at most `limit.max` entries, refusing the first one too many.
fn bounded<'de, D, T>(deserializer: D, limit: Limit) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Bounded<T>(Limit, PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Bounded<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {} {}", self.0.max, self.0.what)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let limit = self.0;
            let mut list = Vec::new();
            while let Some(entry) = seq.next_element()? {
                if list.len() == limit.max {
                    return Err(too_many(limit));
                }
                take_entry_or_refuse()?;
                list.push(entry);
            }
            Ok(list)
        }
    }

    deserializer.deserialize_seq(Bounded(limit, PhantomData))
}

/// Reads a card's committee emotions: at most [`EMOTIONS`], each counted like a list entry.
pub(super) fn emotions<'de, D>(deserializer: D) -> Result<BTreeMap<String, i8>, D::Error>
where
    D: Deserializer<'de>,
{
    struct Bounded;

    impl<'de> Visitor<'de> for Bounded {
        type Value = BTreeMap<String, i8>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a map of persona ids to emotions, like {{\"cfo\": -1}}")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut emotions = BTreeMap::new();
            while let Some((persona, emotion)) = map.next_entry::<String, i8>()? {
                if emotions.len() == EMOTIONS.max {
                    return Err(too_many(EMOTIONS));
                }
                take_entry_or_refuse()?;
                if emotions.contains_key(&persona) {
                    return Err(serde::de::Error::custom(format!(
                        "this card gives `{}` two emotions",
                        super::names::echo(&persona)
                    )));
                }
                emotions.insert(persona, emotion);
            }
            Ok(emotions)
        }
    }

    deserializer.deserialize_map(Bounded)
}

/// One `deserialize_with` function per limit, for the fields of `types.rs`.
macro_rules! bounded_lists {
    ($($name:ident: $limit:ident),* $(,)?) => {
        $(
            pub(super) fn $name<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
            where
                D: Deserializer<'de>,
                T: Deserialize<'de>,
            {
                bounded(deserializer, $limit)
            }
        )*
    };
}

bounded_lists! {
    journeys: JOURNEYS,
    departments: DEPARTMENTS,
    personas: PERSONAS,
    stages: STAGES,
    lanes: LANES,
    cards: CARDS,
    links: LINKS,
    comments: COMMENTS,
    goals: GOALS,
    values: VALUES,
    pain_points: PAIN_POINTS,
    channels: CHANNELS,
    influencers: INFLUENCERS,
    kpis: KPIS,
    entries: ENTRIES,
    committee: COMMITTEE,
}
