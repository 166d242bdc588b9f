//! The command line: `journeymap [FILE]` and `journeymap check FILE`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::file::{read_project, template_project};
use crate::model::{Document, Project};

#[derive(Debug, Parser)]
#[command(
    name = "journeymap",
    version,
    about = "Map how a B2B customer buys: stages, touchpoints, pain points, emotions and owners.",
    long_about = "Map how a B2B customer buys: stages, touchpoints, pain points, emotions and owners.\n\nWithout a command, opens the window on FILE, or on the built-in B2B template when no FILE is given.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A project file (.ron) to open in the window.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read and validate a project file, and print a summary of what it holds.
    ///
    /// Exits 0 when the file is a valid project, 1 when it cannot be read or is invalid
    /// (the reason goes to stderr, naming the line or the item and field), 2 on usage errors.
    Check {
        /// The project file to check.
        file: PathBuf,
    },
}

/// Runs the command line; clap itself exits with 2 on usage errors.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => check(&file),
        None => open_window(cli.file),
    }
}

fn check(path: &Path) -> ExitCode {
    match read_project(path) {
        Ok(project) => {
            println!("{}: valid, {}", path.display(), summary(&project));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `N journeys, N stages, N cards, N personas`, totalled over all journeys.
pub fn summary(project: &Project) -> String {
    let stages: usize = project.journeys.iter().map(|j| j.stages.len()).sum();
    let cards: usize = project.journeys.iter().map(|j| j.cards.len()).sum();
    format!(
        "{} journeys, {stages} stages, {cards} cards, {} personas",
        project.journeys.len(),
        project.personas.len()
    )
}

fn open_window(path: Option<PathBuf>) -> ExitCode {
    let project = match &path {
        Some(path) => read_project(path),
        None => template_project(),
    };
    let document = match project {
        Ok(project) => Document::new(project),
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    match crate::app::run(document, path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
