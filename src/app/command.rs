//! Every user action, with its label and keyboard shortcuts in one table. Menus, buttons
//! and keys all produce a [`Command`]; the app handles them in one place.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    Open,
    /// Read a table of cards or a Mermaid diagram.
    Import,
    Save,
    SaveAs,
    Export,
    /// The presentation as a PDF, a page per slide.
    ExportHandout,
    CopyImage,
    Quit,
    Undo,
    Redo,
    Duplicate,
    Delete,
    MoveCardLeft,
    MoveCardRight,
    /// Select the neighbouring card on the map.
    SelectLeft,
    SelectRight,
    SelectUp,
    SelectDown,
    /// Put the cursor in the selected card's title.
    EditTitle,
    ClearSelection,
    AddStage,
    AddLane,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    ZoomActual,
    ToggleDarkMode,
    ToggleOutline,
    ToggleEmpathy,
    ToggleHealth,
    ToggleReview,
    /// Show or hide the inspector, for a map as wide as the window.
    ToggleInspector,
    Find,
    /// Enter presentation mode, or leave it.
    Present,
    /// Open the command palette.
    Palette,
    /// Put the map on a server for colleagues to edit with you.
    ShareLive,
    /// Open a colleague's live map from its link.
    JoinLive,
    LeaveLive,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Command {
    /// In the order keys are matched: a shortcut with Shift comes before the same one
    /// without, because egui lets extra modifiers through.
    pub const ALL: [Command; 39] = [
        Command::SaveAs,
        Command::Redo,
        Command::CopyImage,
        Command::Export,
        Command::ExportHandout,
        Command::New,
        Command::Open,
        Command::Import,
        Command::Save,
        Command::Quit,
        Command::Undo,
        Command::Duplicate,
        Command::Delete,
        Command::MoveCardLeft,
        Command::MoveCardRight,
        Command::SelectLeft,
        Command::SelectRight,
        Command::SelectUp,
        Command::SelectDown,
        Command::EditTitle,
        Command::ClearSelection,
        Command::AddStage,
        Command::AddLane,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomFit,
        Command::ZoomActual,
        Command::ToggleDarkMode,
        Command::ToggleOutline,
        Command::ToggleEmpathy,
        Command::ToggleHealth,
        Command::ToggleReview,
        Command::ToggleInspector,
        Command::Palette,
        Command::Find,
        Command::Present,
        Command::ShareLive,
        Command::JoinLive,
        Command::LeaveLive,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New…",
            Command::Open => "Open…",
            Command::Import => "Import…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::Export => "Export…",
            Command::ExportHandout => "Export handout…",
            Command::CopyImage => "Copy image",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Duplicate => "Duplicate",
            Command::Delete => "Delete",
            Command::MoveCardLeft => "Move card to previous stage",
            Command::MoveCardRight => "Move card to next stage",
            Command::SelectLeft => "Select the card to the left",
            Command::SelectRight => "Select the card to the right",
            Command::SelectUp => "Select the card above",
            Command::SelectDown => "Select the card below",
            Command::EditTitle => "Edit the card's title",
            Command::ClearSelection => "Clear the selection",
            Command::AddStage => "Add stage",
            Command::AddLane => "Add lane",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomFit => "Fit to window",
            Command::ZoomActual => "Actual size (100 %)",
            Command::ToggleDarkMode => "Dark mode",
            Command::ToggleOutline => "Outline",
            Command::ToggleEmpathy => "Empathy map band",
            Command::ToggleHealth => "Health check",
            Command::ToggleReview => "Review mode",
            Command::ToggleInspector => "Inspector",
            Command::Find => "Search and filter…",
            Command::Present => "Present",
            Command::Palette => "Command palette…",
            Command::ShareLive => "Share live…",
            Command::JoinLive => "Join live…",
            Command::LeaveLive => "Leave the live session",
        }
    }

    /// The shortcuts; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [key(CMD, Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [key(CMD, Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [key(CMD, Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [key(CMD_SHIFT, Key::S)];
        const QUIT: [KeyboardShortcut; 1] = [key(CMD, Key::Q)];
        const EXPORT: [KeyboardShortcut; 1] = [key(CMD, Key::E)];
        const COPY_IMAGE: [KeyboardShortcut; 1] = [key(CMD_SHIFT, Key::C)];
        const UNDO: [KeyboardShortcut; 1] = [key(CMD, Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)];
        const DUPLICATE: [KeyboardShortcut; 1] = [key(CMD, Key::D)];
        const DELETE: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::Delete)];
        const SELECT_LEFT: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::ArrowLeft)];
        const SELECT_RIGHT: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::ArrowRight)];
        const SELECT_UP: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::ArrowUp)];
        const SELECT_DOWN: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::ArrowDown)];
        const EDIT_TITLE: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::Enter)];
        const CLEAR: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::Escape)];
        const LEFT: [KeyboardShortcut; 1] = [key(Modifiers::ALT, Key::ArrowLeft)];
        const RIGHT: [KeyboardShortcut; 1] = [key(Modifiers::ALT, Key::ArrowRight)];
        const ZOOM_IN: [KeyboardShortcut; 2] = [key(CMD, Key::Plus), key(CMD, Key::Equals)];
        const ZOOM_OUT: [KeyboardShortcut; 1] = [key(CMD, Key::Minus)];
        const FIT: [KeyboardShortcut; 1] = [key(CMD, Key::Num0)];
        const ACTUAL: [KeyboardShortcut; 1] = [key(CMD, Key::Num1)];
        const OUTLINE: [KeyboardShortcut; 1] = [key(CMD, Key::L)];
        const HEALTH: [KeyboardShortcut; 1] = [key(CMD, Key::H)];
        const REVIEW: [KeyboardShortcut; 1] = [key(CMD, Key::R)];
        const INSPECTOR: [KeyboardShortcut; 1] = [key(CMD, Key::I)];
        const FIND: [KeyboardShortcut; 1] = [key(CMD, Key::F)];
        const PRESENT: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::F5)];
        const PALETTE: [KeyboardShortcut; 2] = [key(CMD, Key::K), key(CMD_SHIFT, Key::P)];
        match self {
            Command::New => &NEW,
            Command::Open => &OPEN,
            Command::Save => &SAVE,
            Command::SaveAs => &SAVE_AS,
            Command::Quit => &QUIT,
            Command::Export => &EXPORT,
            Command::CopyImage => &COPY_IMAGE,
            Command::Undo => &UNDO,
            Command::Redo => &REDO,
            Command::Duplicate => &DUPLICATE,
            Command::Delete => &DELETE,
            Command::MoveCardLeft => &LEFT,
            Command::MoveCardRight => &RIGHT,
            Command::SelectLeft => &SELECT_LEFT,
            Command::SelectRight => &SELECT_RIGHT,
            Command::SelectUp => &SELECT_UP,
            Command::SelectDown => &SELECT_DOWN,
            Command::EditTitle => &EDIT_TITLE,
            Command::ClearSelection => &CLEAR,
            Command::ZoomIn => &ZOOM_IN,
            Command::ZoomOut => &ZOOM_OUT,
            Command::ZoomFit => &FIT,
            Command::ZoomActual => &ACTUAL,
            Command::ToggleOutline => &OUTLINE,
            Command::ToggleHealth => &HEALTH,
            Command::ToggleReview => &REVIEW,
            Command::ToggleInspector => &INSPECTOR,
            Command::Find => &FIND,
            Command::Present => &PRESENT,
            Command::Palette => &PALETTE,
            Command::Import
            | Command::ExportHandout
            | Command::AddStage
            | Command::AddLane
            | Command::ToggleDarkMode
            | Command::ToggleEmpathy
            | Command::ShareLive
            | Command::JoinLive
            | Command::LeaveLive => &[],
        }
    }

    /// Whether the shortcut still works while a text field has the keyboard: file and
    /// view commands do; editing commands leave the keys to the text field.
    pub fn works_while_typing(self) -> bool {
        !matches!(
            self,
            Command::Undo
                | Command::Redo
                | Command::Duplicate
                | Command::Delete
                | Command::MoveCardLeft
                | Command::MoveCardRight
                | Command::SelectLeft
                | Command::SelectRight
                | Command::SelectUp
                | Command::SelectDown
                | Command::EditTitle
                | Command::ClearSelection
        )
    }

    /// Whether the shortcut works on a slide: only leaving and quitting do, so a key
    /// pressed while presenting never changes the map.
    pub fn works_while_presenting(self) -> bool {
        matches!(self, Command::Present | Command::Quit)
    }

    /// Whether the shortcut is a key without modifiers (an arrow, Enter, Escape, Delete,
    /// F5): the map's own keys, left to an open dialog's buttons.
    fn plain_key(self) -> bool {
        self.shortcuts()
            .first()
            .is_some_and(|shortcut| shortcut.modifiers.is_none())
    }

    /// The commands whose shortcuts were pressed this frame; their key presses are
    /// consumed. Only the keys that fit `keys` are looked at: the others are left to
    /// whatever has the keyboard.
    pub fn from_keys(ctx: &egui::Context, keys: KeyContext) -> Vec<Command> {
        // A text field that had the keyboard last frame counts: egui lets go of it as it
        // reads the Escape or Enter that leaves it, before this sees the key.
        let typing = ctx.egui_wants_keyboard_input() || keys.typed_last_frame;
        ctx.input_mut(|input| {
            Command::ALL
                .into_iter()
                .filter(|command| !typing || command.works_while_typing())
                .filter(|command| !keys.presenting || command.works_while_presenting())
                .filter(|command| !keys.dialog || !command.plain_key())
                .filter(|command| {
                    command
                        .shortcuts()
                        .iter()
                        .any(|shortcut| input.consume_shortcut(shortcut))
                })
                .collect()
        })
    }
}

/// What decides which shortcuts are the app's this frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyContext {
    pub typed_last_frame: bool,
    pub presenting: bool,
    /// A modal dialog is open.
    pub dialog: bool,
}
