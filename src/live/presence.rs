//! Who else is in a live session and what they have selected: ephemeral messages through
//! the document's broadcast, never part of the document or the file.
//!
//! Each participant says where they are when it changes and every [`HEARTBEAT`]; one not
//! heard from for [`EXPIRY`] has left (a closed laptop says nothing). A message is a small
//! CBOR array, as the automerge-repo protocol expects of ephemeral payloads:
//! `["journeymap-presence", peer, name, journey, card or null, here]`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How often a participant says they are still here.
pub const HEARTBEAT: Duration = Duration::from_secs(3);

/// How long a participant not heard from counts as present.
pub const EXPIRY: Duration = Duration::from_secs(10);

const TAG: &str = "journeymap-presence";

/// Where one participant is: their name, the journey on their screen and the card they
/// have selected, by ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presence {
    /// The participant's repo, which tells two people of one name apart.
    pub peer: String,
    pub name: String,
    pub journey: String,
    pub card: Option<String>,
    /// False in the message a participant sends as they leave.
    pub here: bool,
}

impl Presence {
    pub fn encode(&self) -> Vec<u8> {
        let mut encoder = minicbor::Encoder::new(Vec::new());
        // Writing to a Vec cannot fail.
        let _ = encoder
            .array(6)
            .and_then(|e| e.str(TAG))
            .and_then(|e| e.str(&self.peer))
            .and_then(|e| e.str(&self.name))
            .and_then(|e| e.str(&self.journey))
            .and_then(|e| match &self.card {
                Some(card) => e.str(card),
                None => e.null(),
            })
            .and_then(|e| e.bool(self.here));
        encoder.into_writer()
    }

    /// The presence a message holds; `None` for anything else (another application's
    /// message, or garbage).
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let mut decoder = minicbor::Decoder::new(bytes);
        if decoder.array().ok()? != Some(6) || decoder.str().ok()? != TAG {
            return None;
        }
        let peer = decoder.str().ok()?.to_owned();
        let name = decoder.str().ok()?.to_owned();
        let journey = decoder.str().ok()?.to_owned();
        let card = match decoder.datatype().ok()? {
            minicbor::data::Type::Null => {
                decoder.null().ok()?;
                None
            }
            _ => Some(decoder.str().ok()?.to_owned()),
        };
        let here = decoder.bool().ok()?;
        Some(Self {
            peer,
            name: bounded(name),
            journey,
            card,
            here,
        })
    }
}

/// A name as others see it: at most 60 characters, so a hostile one cannot fill a screen.
fn bounded(name: String) -> String {
    match name.char_indices().nth(60) {
        Some((end, _)) => name[..end].to_owned(),
        None => name,
    }
}

/// The colleagues heard from lately, by peer.
#[derive(Debug, Default)]
pub struct Roster {
    heard: HashMap<String, (Presence, Instant)>,
}

/// Bounds the roster against a flood of made-up peers.
const MOST_PEOPLE: usize = 256;

impl Roster {
    /// Takes in one message, received at `now`; true when it is from someone not here
    /// a moment ago (who should hear where everyone is).
    pub fn hear(&mut self, message: &[u8], now: Instant) -> bool {
        let Some(presence) = Presence::decode(message) else {
            return false;
        };
        if !presence.here {
            self.heard.remove(&presence.peer);
            return false;
        }
        self.heard
            .retain(|_, (_, at)| now.duration_since(*at) < EXPIRY);
        let new = !self.heard.contains_key(&presence.peer);
        if new && self.heard.len() >= MOST_PEOPLE {
            return false;
        }
        self.heard.insert(presence.peer.clone(), (presence, now));
        new
    }

    /// Who is here at `now`, other than `me`, by name.
    pub fn present(&self, me: &str, now: Instant) -> Vec<Presence> {
        let mut present: Vec<Presence> = self
            .heard
            .values()
            .filter(|(presence, at)| presence.peer != me && now.duration_since(*at) < EXPIRY)
            .map(|(presence, _)| presence.clone())
            .collect();
        present.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.peer.cmp(&b.peer)));
        present
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn ana(card: Option<&str>) -> Presence {
        Presence {
            peer: "p1".into(),
            name: "Ana Müller".into(),
            journey: "as-is".into(),
            card: card.map(str::to_owned),
            here: true,
        }
    }

    #[test]
    fn a_presence_survives_its_message() {
        for presence in [ana(Some("card-3")), ana(None)] {
            assert_eq!(Presence::decode(&presence.encode()), Some(presence));
        }
        assert_eq!(Presence::decode(b"garbage"), None);
        assert_eq!(Presence::decode(&[]), None);
    }

    #[test]
    fn the_roster_forgets_who_left_or_went_quiet() {
        let start = Instant::now();
        let mut roster = Roster::default();
        assert!(
            roster.hear(&ana(Some("card-3")).encode(), start),
            "a newcomer"
        );
        assert!(!roster.hear(&ana(None).encode(), start), "heard before");
        assert_eq!(roster.present("me", start).len(), 1);
        assert!(
            roster.present("p1", start).is_empty(),
            "one is not one's own colleague"
        );
        assert!(roster.present("me", start + EXPIRY).is_empty());
        assert!(roster.hear(&ana(None).encode(), start + EXPIRY), "back");
        roster.hear(
            &Presence {
                here: false,
                ..ana(None)
            }
            .encode(),
            start,
        );
        assert!(roster.present("me", start).is_empty());
    }
}
