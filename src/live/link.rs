//! The link a participant sends to invite others: `journeymap://HOST:PORT/DOC?key=SECRET`.
//!
//! The key is a random secret made for each live document; the server admits a peer to
//! that document only with it. Anyone holding the link can edit the map.

use std::fmt;

use samod::{DocumentId, Url};

use super::LiveError;

/// The scheme of a link to a live document.
pub const SCHEME: &str = "journeymap";

/// How many random bytes a document's key has.
const KEY_BYTES: usize = 16;

/// Where a live document is and the key that opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// `HOST:PORT` of the sync server.
    pub server: String,
    pub document: DocumentId,
    pub key: String,
}

impl Link {
    /// A link to `document` on `server` with a new random key.
    pub fn new(server: &str, document: DocumentId) -> Self {
        let bytes: [u8; KEY_BYTES] = rand::random();
        Self {
            server: server.to_owned(),
            document,
            key: bytes.iter().map(|byte| format!("{byte:02x}")).collect(),
        }
    }

    /// Reads a `journeymap://` link, saying what is wrong with one that is not.
    pub fn parse(text: &str) -> Result<Self, LiveError> {
        let bad =
            |why: &str| LiveError::Link(format!("`{}` is not a live link: {why}", text.trim()));
        let url = Url::parse(text.trim()).map_err(|error| bad(&error.to_string()))?;
        if url.scheme() != SCHEME {
            return Err(bad("it must start with journeymap://"));
        }
        let server = server_of(&url).ok_or_else(|| bad("it has no server address (HOST:PORT)"))?;
        let document = url
            .path()
            .trim_start_matches('/')
            .parse::<DocumentId>()
            .map_err(|_| bad("the part after the server is not a document id"))?;
        let key = url
            .query_pairs()
            .find(|(name, _)| name == "key")
            .map(|(_, key)| key.into_owned())
            .filter(|key| is_key(key))
            .ok_or_else(|| bad("it has no key (…?key=…)"))?;
        Ok(Self {
            server,
            document,
            key,
        })
    }

    /// The WebSocket address that reaches this document as `peer`; `create` asks the
    /// server to take a new document with this key.
    pub fn socket_url(&self, peer: &str, create: bool) -> String {
        let mut url = format!(
            "ws://{}/{}?key={}&peer={peer}",
            self.server, self.document, self.key
        );
        if create {
            url.push_str("&new=1");
        }
        url
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{SCHEME}://{}/{}?key={}",
            self.server, self.document, self.key
        )
    }
}

/// Whether `text` could be a document key: hex, of the length this program makes.
pub fn is_key(text: &str) -> bool {
    text.len() == KEY_BYTES * 2 && text.bytes().all(|byte| byte.is_ascii_hexdigit())
}

/// `HOST:PORT` of a URL that has both.
fn server_of(url: &Url) -> Option<String> {
    let host = url.host_str().filter(|host| !host.is_empty())?;
    Some(format!("{host}:{}", url.port()?))
}

/// The `HOST:PORT` of a server given as `ws://HOST:PORT`, `HOST:PORT` or a link.
pub fn server_address(text: &str) -> Result<String, LiveError> {
    let text = text.trim();
    let with_scheme = if text.contains("://") {
        text.to_owned()
    } else {
        format!("ws://{text}")
    };
    let bad = || {
        LiveError::Link(format!(
            "`{text}` is not a server address: give it as ws://HOST:PORT, e.g. ws://127.0.0.1:7878"
        ))
    };
    let url = Url::parse(&with_scheme).map_err(|_| bad())?;
    if url.scheme() != "ws" && url.scheme() != SCHEME {
        return Err(bad());
    }
    server_of(&url).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_link_reads_back_as_it_was_written() {
        let document = DocumentId::new(&mut rand::rng());
        let link = Link::new("127.0.0.1:7878", document);
        assert_eq!(Link::parse(&link.to_string()).unwrap(), link);
    }

    #[test]
    fn a_bad_link_says_what_is_wrong() {
        let document = DocumentId::new(&mut rand::rng());
        for (text, why) in [
            ("http://x:1/a?key=00", "journeymap://"),
            (
                &format!("journeymap://x/{document}?key=00112233445566778899aabbccddeeff"),
                "HOST:PORT",
            ),
            (
                "journeymap://x:1/nope?key=00112233445566778899aabbccddeeff",
                "document id",
            ),
            (&format!("journeymap://x:1/{document}"), "no key"),
        ] {
            let error = Link::parse(text).unwrap_err().to_string();
            assert!(error.contains(why), "{error}");
        }
    }

    #[test]
    fn a_server_address_takes_three_spellings() {
        for text in [
            "ws://127.0.0.1:7878",
            "127.0.0.1:7878",
            " ws://127.0.0.1:7878/ ",
        ] {
            assert_eq!(server_address(text).unwrap(), "127.0.0.1:7878");
        }
        assert!(server_address("ws://127.0.0.1").is_err());
    }
}
