//! How a participant reaches the server: a WebSocket over TCP with Nagle off, the link's
//! key in the address, and a refusal told apart from a network failure, so that a wrong
//! key fails once instead of being retried for ever.

use std::sync::{Arc, Mutex, PoisonError};

use futures::future::BoxFuture;
use futures::{FutureExt, SinkExt, StreamExt};
use samod::{DialError, Dialer, Transport, Url};
use tokio_tungstenite::tungstenite::{self, Message, client::IntoClientRequest};

use super::LiveError;
use super::server::MAX_MESSAGE_BYTES;

/// Why the server turned a participant away for good.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("wrong key")]
    WrongKey,
    #[error("unknown document")]
    UnknownDocument,
    #[error("{0}")]
    Other(String),
}

/// A WebSocket that failed or sent what is not samod's binary framing.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WireError(pub String);

impl WireError {
    pub fn text() -> Self {
        WireError("a text message on a binary socket".to_owned())
    }
}

pub struct LinkDialer {
    url: String,
    /// The address without its key, for samod's logs.
    bare: Url,
    server: String,
    /// What went wrong on the latest attempt, to tell the user.
    last_error: Arc<Mutex<Option<String>>>,
}

impl LinkDialer {
    pub fn new(url: String, server: &str) -> Result<Self, LiveError> {
        let bare = url.split('?').next().unwrap_or_default();
        let bare = Url::parse(bare).map_err(|error| LiveError::Link(format!("{bare}: {error}")))?;
        Ok(Self {
            url,
            bare,
            server: server.to_owned(),
            last_error: Arc::default(),
        })
    }

    /// The latest failure, shared with whoever reports it.
    pub fn last_error(&self) -> Arc<Mutex<Option<String>>> {
        self.last_error.clone()
    }
}

impl Dialer for LinkDialer {
    type Error = Refusal;

    fn url(&self) -> Url {
        self.bare.clone()
    }

    fn connect(&self) -> BoxFuture<'static, Result<Transport, DialError<Refusal>>> {
        let (url, server, last_error) = (
            self.url.clone(),
            self.server.clone(),
            self.last_error.clone(),
        );
        async move {
            let result = connect(&url, &server).await;
            if let Err(error) = &result {
                let text = match error {
                    DialError::PermanentFailure(refusal) => refusal.to_string(),
                    DialError::TransientFailure(error) => error.to_string(),
                };
                *last_error.lock().unwrap_or_else(PoisonError::into_inner) = Some(text);
            }
            result
        }
        .boxed()
    }
}

async fn connect(url: &str, server: &str) -> Result<Transport, DialError<Refusal>> {
    let stream = tokio::net::TcpStream::connect(server)
        .await
        .map_err(DialError::transient)?;
    stream.set_nodelay(true).map_err(DialError::transient)?;
    let request = url
        .into_client_request()
        .map_err(|error| DialError::PermanentFailure(Refusal::Other(error.to_string())))?;
    let config = tungstenite::protocol::WebSocketConfig::default()
        .max_message_size(Some(MAX_MESSAGE_BYTES))
        .max_frame_size(Some(MAX_MESSAGE_BYTES));
    let socket =
        match tokio_tungstenite::client_async_with_config(request, stream, Some(config)).await {
            Ok((socket, _)) => socket,
            Err(tungstenite::Error::Http(response)) => {
                let status = response.status().as_u16();
                let body = response
                    .body()
                    .as_deref()
                    .map(String::from_utf8_lossy)
                    .unwrap_or_default()
                    .into_owned();
                return Err(match status {
                    403 => DialError::PermanentFailure(Refusal::WrongKey),
                    404 => DialError::PermanentFailure(Refusal::UnknownDocument),
                    503 => DialError::transient(WireError(format!("busy: {body}"))),
                    _ => DialError::PermanentFailure(Refusal::Other(format!("{status} {body}"))),
                });
            }
            Err(error) => return Err(DialError::transient(error)),
        };
    let (sink, stream) = socket.split();
    let stream = stream
        .take_while(|message| futures::future::ready(!matches!(message, Ok(Message::Close(_)))))
        .filter_map(|message| {
            futures::future::ready(match message {
                Ok(Message::Binary(bytes)) => Some(Ok(bytes.to_vec())),
                Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_) | Message::Close(_)) => {
                    None
                }
                Ok(Message::Text(_)) => Some(Err(WireError::text())),
                Err(error) => Some(Err(WireError(error.to_string()))),
            })
        });
    let sink = sink
        .sink_map_err(|error| WireError(error.to_string()))
        .with(|bytes: Vec<u8>| {
            futures::future::ready(Ok::<_, WireError>(Message::Binary(bytes.into())))
        });
    Ok(Transport::new(Box::pin(stream), Box::pin(sink)))
}
