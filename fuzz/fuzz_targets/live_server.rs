//! Any bytes sent to a live server over a connection that passed the key check: as raw
//! bytes after the WebSocket handshake (garbage, broken frames, huge lengths), or wrapped
//! in one binary frame so that they reach samod's message decoding. Nothing panics (a
//! panic in any of the server's threads aborts the run), and the server still lets an
//! honest peer in afterwards. The same bytes are also read as a colleague's presence
//! message, which peers broadcast to each other.
#![no_main]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Mutex, OnceLock};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use journeymap::live::server::{Server, ServerOptions};
use journeymap::live::{Link, Presence, Session, SessionOptions};
use journeymap::model::project_operations::blank_project;
use libfuzzer_sys::fuzz_target;

/// The server and the one document's sharer, kept for the whole run.
static KEPT: Mutex<Option<(Server, Session)>> = Mutex::new(None);

/// The server's address and the link of the one document on it (its sharer stays
/// connected).
fn server() -> &'static (SocketAddr, Link) {
    static SERVER: OnceLock<(SocketAddr, Link)> = OnceLock::new();
    SERVER.get_or_init(|| {
        let data = tempfile_dir();
        let options = ServerOptions::new("127.0.0.1:0".parse().unwrap(), &data);
        let server = Server::start(&options).unwrap();
        let address = server.address();
        let session = Session::share(
            &format!("ws://{address}"),
            &blank_project(),
            &SessionOptions::default(),
        )
        .unwrap();
        let link = session.link().clone();
        *KEPT.lock().unwrap() = Some((server, session));
        (address, link)
    })
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("journeymap-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A connection through the WebSocket handshake, under a peer name of its own; `None`
/// when the server refused it.
fn connect(address: SocketAddr, link: &Link) -> Option<TcpStream> {
    static PEERS: AtomicU64 = AtomicU64::new(0);
    let peer = format!("fuzz{}", PEERS.fetch_add(1, Ordering::Relaxed));
    let mut stream = TcpStream::connect(address).ok()?;
    stream.set_read_timeout(Some(Duration::from_millis(20))).ok()?;
    stream.set_nodelay(true).ok()?;
    let request = format!(
        "GET /{}?key={}&peer={peer} HTTP/1.1\r\nHost: {address}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        link.document, link.key
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).ok()?;
        head.push(byte[0]);
    }
    head.starts_with(b"HTTP/1.1 101").then_some(stream)
}

/// `body` as one masked binary frame, as a client sends it.
fn frame(body: &[u8]) -> Vec<u8> {
    let mut frame = vec![0x82];
    match body.len() {
        len @ 0..=125 => frame.push(0x80 | len as u8),
        len @ 126..=0xffff => {
            frame.push(0x80 | 126);
            frame.extend_from_slice(&(len as u16).to_be_bytes());
        }
        len => {
            frame.push(0x80 | 127);
            frame.extend_from_slice(&(len as u64).to_be_bytes());
        }
    }
    let mask = [0x12, 0x34, 0x56, 0x78];
    frame.extend_from_slice(&mask);
    frame.extend(body.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    frame
}

fuzz_target!(|data: &[u8]| {
    let _ = Presence::decode(data);
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let (address, link) = server();
    let mut stream = connect(*address, link).expect("the server lets a peer with the key in");
    let sent = if mode % 2 == 0 {
        frame(body)
    } else {
        body.to_vec()
    };
    // The server may close the connection half-way through: that is its right.
    if stream.write_all(&sent).is_ok() {
        let mut answer = [0u8; 4096];
        while matches!(stream.read(&mut answer), Ok(n) if n > 0) {}
    }
});
