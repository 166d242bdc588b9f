//! Whether a native file dialog can be shown here. rfd asks the desktop portal over the
//! D-Bus session bus, then falls back to zenity; with neither it returns nothing, exactly
//! as if the user had pressed Cancel. A bus alone proves nothing (a bare X session run
//! under `dbus-run-session` has one and no portal), so the app asks the portal itself and
//! offers its own path field when nothing answers.

use std::ffi::OsStr;

/// How long the portal may take to say it is there, at start.
#[cfg(target_os = "linux")]
const PORTAL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// Whether native file dialogs work in this session; `Err` says why not, for the user.
pub fn native_dialogs_available() -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    let bus = std::env::var("DBUS_SESSION_BUS_ADDRESS").ok();
    let path = std::env::var_os("PATH");
    dialogs_available(bus.as_deref(), path.as_deref())
}

/// Whether rfd can show a file dialog with the session bus at `bus` and the program
/// search path `path`: zenity on the path, or a desktop portal that answers for files.
pub fn dialogs_available(bus: Option<&str>, path: Option<&OsStr>) -> Result<(), String> {
    let zenity = path
        .is_some_and(|paths| std::env::split_paths(paths).any(|dir| dir.join("zenity").is_file()));
    if zenity {
        return Ok(());
    }
    let why = match bus.filter(|address| !address.is_empty()) {
        None => "no D-Bus session for a desktop portal".to_owned(),
        Some(address) => match ask_in_time(address) {
            Ok(()) => return Ok(()),
            Err(why) => why,
        },
    };
    Err(format!(
        "No file dialog can be shown here ({why}, and no zenity). Type the file's path instead."
    ))
}

/// [`portal_answers`], given [`PORTAL_TIMEOUT`] in all: a bus that never answers must
/// not hold up the start.
#[cfg(target_os = "linux")]
fn ask_in_time(address: &str) -> Result<(), String> {
    let (answer, answered) = std::sync::mpsc::channel();
    let address = address.to_owned();
    std::thread::spawn(move || {
        let _ = answer.send(portal_answers(&address));
    });
    answered
        .recv_timeout(PORTAL_TIMEOUT)
        .unwrap_or_else(|_| Err("the D-Bus session did not answer".to_owned()))
}

#[cfg(target_os = "linux")]
const NO_PORTAL: &str = "no desktop portal answers for file dialogs";

/// Asks the desktop portal on the bus at `address` for its file chooser's version.
#[cfg(target_os = "linux")]
fn portal_answers(address: &str) -> Result<(), String> {
    use zbus::names::InterfaceName;
    let unreachable = |error: zbus::Error| format!("the D-Bus session cannot be reached: {error}");
    let connection = zbus::blocking::connection::Builder::address(address)
        .map_err(unreachable)?
        .method_timeout(PORTAL_TIMEOUT)
        .build()
        .map_err(unreachable)?;
    let no_portal = |_| NO_PORTAL.to_owned();
    let properties = zbus::blocking::fdo::PropertiesProxy::builder(&connection)
        .destination("org.freedesktop.portal.Desktop")
        .and_then(|builder| builder.path("/org/freedesktop/portal/desktop"))
        .and_then(|builder| builder.build())
        .map_err(no_portal)?;
    let chooser = InterfaceName::from_static_str_unchecked("org.freedesktop.portal.FileChooser");
    properties
        .get(chooser, "version")
        .map(|_| ())
        .map_err(|_| NO_PORTAL.to_owned())
}

#[cfg(not(target_os = "linux"))]
fn ask_in_time(_address: &str) -> Result<(), String> {
    Ok(())
}
