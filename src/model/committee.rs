//! The buying committee of a journey as the map reads it: one voice per member, in the
//! committee's order, one of them primary; and each card's score for each voice.
//!
//! The primary persona's scores are the cards' `emotion` (what a format-1 file holds, so
//! old files mean the same); the other members' are in `emotions`, by persona id. A journey
//! without a committee has one voice: its persona's, or the buyer's when it names none.

use super::names::echo;
use super::types::{Card, Journey, Member, Persona, Project};

/// One member of a journey's buying committee, resolved against the project.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Voice<'a> {
    /// The persona id; `None` for the unnamed buyer of a journey without a persona.
    pub persona: Option<&'a str>,
    /// Where the persona is in the project's list (its colour's position).
    pub index: Option<usize>,
    pub member: Option<&'a Member>,
    pub primary: bool,
}

impl<'a> Voice<'a> {
    /// The persona, when the voice has one that exists.
    pub fn persona_in(&self, project: &'a Project) -> Option<&'a Persona> {
        self.index.and_then(|i| project.personas.get(i))
    }

    /// The voice's name: the persona's name, else "the buyer".
    pub fn name(&self, project: &Project) -> String {
        self.persona_in(project)
            .map_or_else(|| "the buyer".to_owned(), |p| echo(&p.name))
    }

    /// The member's part in words, "champion · IT security"; empty when none is given.
    pub fn role(&self) -> String {
        let Some(member) = self.member else {
            return String::new();
        };
        let role = member.role.map(|r| r.name());
        match (role, member.detail.trim()) {
            (Some(role), "") => role.to_owned(),
            (Some(role), detail) => format!("{role} · {}", echo(detail)),
            (None, detail) => echo(detail),
        }
    }

    /// What a persona card says of the member's part: "Champion · IT security · primary";
    /// empty for a journey without a committee.
    pub fn part(&self) -> String {
        if self.member.is_none() {
            return String::new();
        }
        let role = self.role();
        let mut part = match role.chars().next() {
            Some(first) => first.to_uppercase().chain(role.chars().skip(1)).collect(),
            None if self.primary => String::new(),
            None => "Committee member".to_owned(),
        };
        if self.primary {
            part = if part.is_empty() {
                "Primary".to_owned()
            } else {
                format!("{part} · primary")
            };
        }
        part
    }

    /// "Dana Whitfield (champion)", or the name alone.
    pub fn label(&self, project: &Project) -> String {
        match self.role() {
            role if role.is_empty() => self.name(project),
            role => format!("{} ({role})", self.name(project)),
        }
    }

    /// This voice's score on `card`.
    pub fn score(&self, card: &Card) -> Option<i8> {
        if self.primary {
            card.emotion
        } else {
            self.persona.and_then(|id| card.emotions.get(id).copied())
        }
    }

    /// The mean of this voice's scores on `cards`; `None` when it scored none of them.
    pub fn mean<'c>(&self, cards: impl IntoIterator<Item = &'c Card>) -> Option<f32> {
        let (sum, count) = cards
            .into_iter()
            .filter_map(|card| self.score(card))
            .fold((0i32, 0i32), |(sum, n), s| (sum + i32::from(s), n + 1));
        (count > 0).then(|| sum as f32 / count as f32)
    }

    /// `card` with this voice's score set (or cleared).
    pub fn set_score(&self, card: &mut Card, score: Option<i8>) {
        if self.primary {
            card.emotion = score;
        } else if let Some(id) = self.persona {
            match score {
                Some(score) => card.emotions.insert(id.to_owned(), score),
                None => card.emotions.remove(id),
            };
        }
    }
}

/// The voices of `journey`: its committee in order, or its one persona (or the buyer).
/// Never empty; exactly one is primary.
pub fn voices<'a>(project: &'a Project, journey: &'a Journey) -> Vec<Voice<'a>> {
    let mut voices = journey_voices(journey);
    for voice in &mut voices {
        voice.index = voice
            .persona
            .and_then(|id| project.personas.iter().position(|p| p.id == id));
    }
    voices
}

/// [`voices`] without the project: their personas' positions unknown.
pub fn journey_voices(journey: &Journey) -> Vec<Voice<'_>> {
    let primary = journey.persona.as_deref();
    if journey.committee.is_empty() {
        return vec![Voice {
            persona: primary,
            index: None,
            member: None,
            primary: true,
        }];
    }
    journey
        .committee
        .iter()
        .map(|member| Voice {
            persona: Some(member.persona.as_str()),
            index: None,
            member: Some(member),
            primary: primary == Some(member.persona.as_str()),
        })
        .collect()
}

/// Some of a journey's voices, by position in [`voices`]: whose emotion curves are drawn.
/// All of them by default. A committee holds at most 100 members, so a bit each fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoiceSet(u128);

impl Default for VoiceSet {
    fn default() -> Self {
        Self(u128::MAX)
    }
}

impl VoiceSet {
    /// No voice at all.
    pub const NONE: VoiceSet = VoiceSet(0);

    pub fn contains(self, voice: usize) -> bool {
        voice >= 128 || self.0 & (1 << voice) != 0
    }

    pub fn with(self, voice: usize) -> Self {
        Self(self.0 | 1u128.checked_shl(voice as u32).unwrap_or(0))
    }

    pub fn without(self, voice: usize) -> Self {
        Self(self.0 & !1u128.checked_shl(voice as u32).unwrap_or(0))
    }
}
