//! Which cards a review looks at: a search over titles, notes and comments, and filters by
//! owner, kind, channel, evidence and the committee member who scored them. The app's search bar, the export "as filtered" and
//! `journeymap export --search/--owner/...` share it.

use super::{Card, CardKind, Evidence, Journey, Project};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub query: String,
    /// A department id.
    pub owner: Option<String>,
    pub kind: Option<CardKind>,
    pub channel: Option<String>,
    pub evidence: Option<Evidence>,
    /// A persona id: cards that persona has an emotion on.
    pub persona: Option<String>,
}

impl Filter {
    /// Whether a card of a journey whose primary persona is `primary` passes: the query in
    /// its title, notes or comments, and every filter that is set (text and channel
    /// ignoring case).
    fn matches(&self, card: &Card, primary: Option<&str>) -> bool {
        let query = self.query.trim().to_lowercase();
        let text = query.is_empty()
            || card.title.to_lowercase().contains(&query)
            || card.notes.to_lowercase().contains(&query)
            || card
                .comments
                .iter()
                .any(|c| c.text.to_lowercase().contains(&query));
        text && self
            .owner
            .as_ref()
            .is_none_or(|o| card.owner.as_ref() == Some(o))
            && self.kind.is_none_or(|k| card.kind == k)
            && self
                .channel
                .as_ref()
                .is_none_or(|c| card.channel.to_lowercase() == c.to_lowercase())
            && self.evidence.is_none_or(|e| card.evidence == e)
            && self.persona.as_deref().is_none_or(|p| {
                if primary == Some(p) {
                    card.emotion.is_some()
                } else {
                    card.emotions.contains_key(p)
                }
            })
    }

    /// Which cards of `journey` pass, by index.
    pub fn matches_in(&self, journey: &Journey) -> Vec<bool> {
        let primary = journey.persona.as_deref();
        journey
            .cards
            .iter()
            .map(|c| self.matches(c, primary))
            .collect()
    }

    /// Whether anything is asked for: an empty filter lets every card through.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
            || self.owner.is_some()
            || self.kind.is_some()
            || self.channel.is_some()
            || self.evidence.is_some()
            || self.persona.is_some()
    }

    /// What the filter asks for, in words: `“call”, owner Sales, pain points`.
    pub fn describe(&self, project: &Project) -> String {
        let mut parts = Vec::new();
        let query = self.query.trim();
        if !query.is_empty() {
            parts.push(format!("“{query}”"));
        }
        if let Some(owner) = &self.owner {
            let name = project
                .departments
                .iter()
                .find(|d| &d.id == owner)
                .map_or(owner.as_str(), |d| d.name.as_str());
            parts.push(format!("owner {name}"));
        }
        if let Some(kind) = self.kind {
            parts.push(format!("kind {}", kind.name().to_lowercase()));
        }
        if let Some(channel) = &self.channel {
            parts.push(format!("channel {channel}"));
        }
        if let Some(evidence) = self.evidence {
            parts.push(format!("evidence {}", evidence.name().to_lowercase()));
        }
        if let Some(persona) = &self.persona {
            let name = project
                .personas
                .iter()
                .find(|p| &p.id == persona)
                .map_or(persona.as_str(), |p| p.name.as_str());
            parts.push(format!("scored by {name}"));
        }
        parts.join(", ")
    }

    /// The line an export "as filtered" carries beside the journey's title, given which
    /// cards match (from [`Filter::matches_in`]).
    pub fn caption(&self, project: &Project, matches: &[bool]) -> String {
        let matching = matches.iter().filter(|&&m| m).count();
        format!(
            "Filtered: {} · {matching} of {} cards",
            self.describe(project),
            matches.len()
        )
    }
}

/// The id of the department named `name` (its id, or its name ignoring case).
pub fn department_id(project: &Project, name: &str) -> Option<String> {
    project
        .departments
        .iter()
        .find(|d| d.id == name)
        .or_else(|| {
            project
                .departments
                .iter()
                .find(|d| d.name.to_lowercase() == name.to_lowercase())
        })
        .map(|d| d.id.clone())
}
