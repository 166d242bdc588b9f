//! The command line: `journeymap [FILE]` and `journeymap check FILE`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::export::{
    Embed, ExportError, ExportOptions, LEAST_TITLE_PIXELS, PictureFormat, StageRange, check_output,
    curves_of, export_handout, export_picture, export_slides, journey_index, leftover_slide,
    stage_numbers,
};
use crate::file::{read_project, read_project_from, save_project, template_project};
use crate::interchange::{Format, MermaidLanes, export_text, import_file};
use crate::model::{
    CardKind, Document, Evidence, Project, VoiceSet, check_journey, echo, escaped, named_ids,
    quantity,
};
use crate::model::{Filter, department_id};

#[derive(Debug, Parser)]
#[command(
    name = "journeymap",
    version,
    about = "Map how a B2B customer buys: stages, touchpoints, pain points, emotions and owners.",
    long_about = "Map how a B2B customer buys: stages, touchpoints, pain points, emotions and owners.\n\nWithout a command, opens the window on FILE, or on the built-in B2B template when no FILE is given.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A project file (.ron) to open in the window, or the link of a live map
    /// (journeymap://HOST:PORT/DOCUMENT?key=…) to join.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

// Parsed once per run: the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read and validate a project file, and print a summary of what it holds.
    ///
    /// Exits 0 when the file is a valid project, 1 when it cannot be read or is invalid
    /// (the reason goes to stderr, naming the line or the item and field), 2 on usage errors.
    ///
    /// After the summary line comes the journey health check, one finding a line:
    /// `JOURNEY-ID/ITEM-ID: RULE: message`, with the rules unowned, no-failure-path,
    /// pain-without-opportunity, dip-without-opportunity, empty-stage, unresolved-comments,
    /// committee-split (committee members' emotions 3 or more apart with no opportunity
    /// about it) and committee-unheard (a stage the primary persona scored where another
    /// member has no score). Findings do not change the exit code unless --strict is given.
    Check {
        /// The project file to check (.ron, or a PNG, SVG or PDF exported by Journeymap);
        /// `-` reads standard input.
        file: PathBuf,
        /// Exit 3 when the health check finds anything.
        #[arg(long)]
        strict: bool,
    },
    /// Export a journey as a picture that carries its map inside (see --embed): PNG, or
    /// SVG and PDF with sharp lines and real text; as a table of cards (OUT.csv,
    /// OUT.tsv); or as a Mermaid journey diagram (OUT.mmd).
    ///
    /// The picture is drawn by the same code as the window's map, without a window or GPU.
    /// A table has a row per card, of every journey unless --journey is given; a diagram
    /// has a section per stage and a task per touchpoint (see --mermaid-lanes). Exits 0
    /// when written, 1 on any error (the file, the journey, the size), 2 on usage errors.
    /// An existing OUT is replaced only when the new file is complete.
    Export {
        /// The project: a .ron file, or a PNG, SVG or PDF exported by Journeymap; `-`
        /// reads standard input.
        file: PathBuf,
        /// Where to write: the extension says what (.png, .svg, .pdf, .csv, .tsv, .mmd or
        /// .mermaid).
        #[arg(short, long, value_name = "OUT.png")]
        output: PathBuf,
        /// The kind of picture, whatever OUT is named.
        #[arg(long, value_enum)]
        format: Option<PictureFormat>,
        /// Pixels per point, 1 to 4: 2 is crisp on slides, 4 on a 4K projector.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=4))]
        scale: u32,
        /// The journey to export, by id; the first one when left out.
        #[arg(long, value_name = "ID")]
        journey: Option<String>,
        #[arg(long, value_enum, default_value_t = ThemeName::Light)]
        theme: ThemeName,
        /// Leave the background transparent, for a slide of its own colour: with the light
        /// theme (the default) for a light slide, with `--theme dark` for a dark one.
        #[arg(long)]
        transparent: bool,
        /// Show each stage's empathy map in a band under the stage headers.
        #[arg(long)]
        empathy: bool,
        /// What the picture carries so that it opens again in Journeymap: `map` (the
        /// journey shown, its personas and the departments, without comments), `full` (the
        /// whole project, comments too) or `none` (a plain picture).
        #[arg(long, value_enum, default_value_t = Embed::Map)]
        embed: Embed,
        /// Only these stages, counted from 1: `2-4`, or `3` for one stage.
        #[arg(long, value_name = "FIRST-LAST")]
        stages: Option<StageRange>,
        /// 16:9 pictures for slides instead of one picture of the map: 1920 x 1080 pixels
        /// at --scale 1, 3840 x 2160 at 2, as many as keep card titles 18 pixels tall on a
        /// 1920 x 1080 slide, cut between stages. Written as OUT-1.png, OUT-2.png, … (or
        /// .svg); a PDF gets a page per slide.
        #[arg(long)]
        slides: bool,
        /// Draw only these committee members' emotion curves (persona ids, separated by
        /// commas); every member's when left out.
        #[arg(long, value_name = "ID,ID", value_delimiter = ',')]
        personas: Vec<String>,
        /// Which cards a Mermaid diagram has as tasks: the touchpoints (the buyer's
        /// steps), or every card.
        #[arg(long, value_enum, default_value_t = MermaidLanes::Touchpoints)]
        mermaid_lanes: MermaidLanes,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Write the presentation (F5) as a PDF handout: a 16:9 page per slide (the opening,
    /// one per stage, the review), as presentation mode shows them without its controls.
    ///
    /// Like an exported picture, it carries the journey (see --embed) and opens again in
    /// Journeymap. Exits 0 when written, 1 on any error, 2 on usage errors.
    Handout {
        /// The project: a .ron file, or a PNG, SVG or PDF exported by Journeymap; `-`
        /// reads standard input.
        file: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long, value_name = "DECK.pdf")]
        output: PathBuf,
        /// The journey to present, by id or name; the first one when left out.
        #[arg(long, value_name = "ID")]
        journey: Option<String>,
        #[arg(long, value_enum, default_value_t = ThemeName::Light)]
        theme: ThemeName,
        /// What the PDF carries so that it opens again in Journeymap (see export).
        #[arg(long, value_enum, default_value_t = Embed::Map)]
        embed: Embed,
    },
    /// Make a project from a table of cards (.csv, .tsv) or a Mermaid journey diagram
    /// (.mmd, .mermaid).
    ///
    /// A table has a header row naming its columns (stage and title at least; journey,
    /// lane, lane_kind, kind, id, notes, channel, owner, persona, emotion,
    /// emotion:PERSONA, moment_of_truth, if_it_fails, severity, evidence, links) and a
    /// row per card. Exits 0 when written, 1 when the input cannot be read or holds an
    /// error (named by row and column, or line and column), 2 on usage errors. Nothing
    /// is written when the import fails.
    Import {
        /// The table or diagram to import.
        file: PathBuf,
        /// Where to write the project.
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
        /// What FILE holds, when its extension does not say.
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// Run a sync server for live sessions, storing their documents under DIR.
    ///
    /// Anyone with a document's link (see share) can edit it; a peer without the link's
    /// key is refused. Listens on this machine only unless told otherwise; logs each
    /// connection and refusal on standard error. Runs until stopped (Ctrl+C).
    Serve {
        /// The address to listen on; 0.0.0.0:7878 lets other machines connect.
        #[arg(long, value_name = "HOST:PORT", default_value = crate::live::server::DEFAULT_LISTEN)]
        listen: std::net::SocketAddr,
        /// The folder that keeps the documents and their keys; they survive restarts.
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
    },
    /// Put a project on a sync server as a new live document and print its link
    /// (journeymap://HOST:PORT/DOC?key=SECRET), which opens it in the window or with pull.
    ///
    /// Exits 0 once the server holds the document, 1 when the file cannot be read or the
    /// server cannot be reached or refuses it.
    Share {
        /// The project: a .ron file, or a PNG, SVG or PDF exported by Journeymap.
        file: PathBuf,
        /// The sync server, as ws://HOST:PORT.
        #[arg(long, value_name = "ws://HOST:PORT")]
        server: String,
    },
    /// Write a live document's current state as a project file.
    ///
    /// Exits 0 when written, 1 for a wrong key, an unknown document, an unreachable
    /// server or a document that is not a valid project (nothing is written then).
    Pull {
        /// The document's link, as share printed it.
        link: String,
        /// Where to write the project.
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
    },
}

/// `export` "as filtered": cards that don't match every option given are dimmed, and the
/// picture's title says what was filtered.
#[derive(Debug, Default, clap::Args)]
#[command(next_help_heading = "As filtered (cards that don't match are dimmed)")]
pub struct FilterArgs {
    /// Text in the card's title, notes or comments (ignoring case).
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    /// The department that owns the card, by id or name.
    #[arg(long, value_name = "DEPARTMENT")]
    owner: Option<String>,
    /// The card's kind: touchpoint, pain-point, opportunity or note.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    kind: Option<CardKind>,
    /// The card's channel (ignoring case).
    #[arg(long, value_name = "CHANNEL")]
    channel: Option<String>,
    /// The card's evidence: research, anecdote or assumption.
    #[arg(long, value_name = "LEVEL", value_parser = parse_evidence)]
    evidence: Option<Evidence>,
    /// A committee member, by persona id: the cards they gave an emotion.
    #[arg(long, value_name = "ID")]
    persona: Option<String>,
}

impl FilterArgs {
    /// Whether any filter was given.
    fn is_given(&self) -> bool {
        self.search.is_some()
            || self.owner.is_some()
            || self.kind.is_some()
            || self.channel.is_some()
            || self.evidence.is_some()
            || self.persona.is_some()
    }

    /// The filter these options ask for in `project`, or `None` when none was given.
    fn filter(self, project: &Project) -> Result<Option<Filter>, String> {
        let owner = match self.owner {
            Some(name) => Some(department_id(project, &name).ok_or_else(|| {
                let known = named_ids(
                    project
                        .departments
                        .iter()
                        .map(|d| (d.id.as_str(), d.name.as_str())),
                );
                format!(
                    "the project has no department `{}`; its departments are: {known}",
                    echo(&name)
                )
            })?),
            None => None,
        };
        if let Some(id) = &self.persona
            && project.personas.iter().all(|p| &p.id != id)
        {
            let known = named_ids(
                project
                    .personas
                    .iter()
                    .map(|p| (p.id.as_str(), p.name.as_str())),
            );
            return Err(format!(
                "the project has no persona `{}`; its personas are: {known}",
                echo(id)
            ));
        }
        let filter = Filter {
            query: self.search.unwrap_or_default(),
            owner,
            kind: self.kind,
            channel: self.channel,
            evidence: self.evidence,
            persona: self.persona,
        };
        Ok(filter.is_active().then_some(filter))
    }
}

/// A name as the command line spells it: `Pain point` is `pain-point`.
fn argument_name(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
}

/// The value of `--kind` or `--evidence`: one of `values`, by its command-line name.
fn parse_named<T: Copy>(
    text: &str,
    values: &[T],
    name: impl Fn(T) -> &'static str,
) -> Result<T, String> {
    values
        .iter()
        .copied()
        .find(|&v| argument_name(name(v)) == text.to_lowercase())
        .ok_or_else(|| {
            let names: Vec<String> = values.iter().map(|&v| argument_name(name(v))).collect();
            format!("expected one of: {}", names.join(", "))
        })
}

fn parse_kind(text: &str) -> Result<CardKind, String> {
    parse_named(text, &CardKind::ALL, CardKind::name)
}

fn parse_evidence(text: &str) -> Result<Evidence, String> {
    parse_named(text, &Evidence::ALL, Evidence::name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Light,
    Dark,
}

/// Runs the command line; clap itself exits with 2 on usage errors.
pub fn run() -> ExitCode {
    run_from(std::env::args_os())
}

/// Runs the command line given as `args`, the program's name first.
pub fn run_from(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = Cli::parse_from(args);
    match cli.command {
        Some(Command::Check { file, strict }) => check(&file, strict),
        Some(Command::Export {
            file,
            output,
            format: picture,
            scale,
            journey,
            theme,
            transparent,
            empathy,
            embed,
            stages,
            slides,
            personas,
            mermaid_lanes,
            filter,
        }) => {
            if let Some(format) = Format::of_path(&output).filter(|_| picture.is_none()) {
                let picture_only = [
                    (scale != 2, "--scale"),
                    (theme != ThemeName::Light, "--theme"),
                    (transparent, "--transparent"),
                    (empathy, "--empathy"),
                    (embed != Embed::Map, "--embed"),
                    (stages.is_some(), "--stages"),
                    (slides, "--slides"),
                    (!personas.is_empty(), "--personas"),
                    (filter.is_given(), "the filters"),
                ];
                let ignored: Vec<&str> = picture_only
                    .iter()
                    .filter(|(given, _)| *given)
                    .map(|(_, name)| *name)
                    .collect();
                if !ignored.is_empty() {
                    eprintln!(
                        "note: {} {} a picture; a {} has every card of the journey",
                        ignored.join(", "),
                        if ignored.len() == 1 {
                            "shapes"
                        } else {
                            "shape"
                        },
                        format.name()
                    );
                }
                return export_text_file(&file, &output, journey.as_deref(), format, mermaid_lanes);
            }
            let options = ExportOptions {
                scale,
                dark: theme == ThemeName::Dark,
                transparent,
                empathy,
                embed,
                stages,
                slides,
                curves: VoiceSet::default(),
                format: PictureFormat::Png,
            };
            let picked = Picked { filter, personas };
            export(&file, &output, picture, journey.as_deref(), options, picked)
        }
        Some(Command::Handout {
            file,
            output,
            journey,
            theme,
            embed,
        }) => handout(
            &file,
            &output,
            journey.as_deref(),
            theme == ThemeName::Dark,
            embed,
        ),
        Some(Command::Import {
            file,
            output,
            format,
        }) => import(&file, &output, format),
        Some(Command::Serve { listen, data }) => serve(listen, &data),
        Some(Command::Share { file, server }) => share(&file, &server),
        Some(Command::Pull { link, output }) => pull(&link, &output),
        None => open_window(cli.file),
    }
}

/// `export` to a table or a diagram.
fn export_text_file(
    file: &Path,
    output: &Path,
    journey: Option<&str>,
    format: Format,
    lanes: MermaidLanes,
) -> ExitCode {
    let result = not_over(output, file, format.name())
        .and_then(|()| read_input(file))
        .and_then(|project| {
            let index = match (journey, format) {
                (None, Format::Csv | Format::Tsv) => None,
                (journey, _) => Some(
                    journey_index(&project, journey)
                        .map_err(|e| format!("{}: {}", input_name(file), advice(&e)))?,
                ),
            };
            export_text(&project, index, format, lanes, output).map_err(|e| e.to_string())
        });
    match result {
        Ok(()) => {
            print_lines([format!("{}: written", output.display())]);
            ExitCode::SUCCESS
        }
        Err(error) => {
            report_error(&error);
            ExitCode::FAILURE
        }
    }
}

/// Refuses to write `output` (`what` it would hold) over the `input` it is made from.
fn not_over(output: &Path, input: &Path, what: &str) -> Result<(), String> {
    if !is_standard_input(input) && crate::file::same_file(output, input) {
        return Err(format!(
            "{}: that is the file being read; writing the {what} there would replace it. Choose another name",
            output.display()
        ));
    }
    Ok(())
}

/// Refuses a project `output` not named `.ron`.
fn ron_output(output: &Path) -> Result<(), String> {
    if output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        return Ok(());
    }
    Err(format!(
        "{}: a project is written as a .ron file; name it {}",
        output.display(),
        output.with_extension("ron").display()
    ))
}

/// Prints `Ok` lines, or reports the error, and says which as an exit code.
fn finish(result: Result<Vec<String>, String>) -> ExitCode {
    match result {
        Ok(lines) => {
            print_lines(lines);
            ExitCode::SUCCESS
        }
        Err(error) => {
            report_error(&error);
            ExitCode::FAILURE
        }
    }
}

/// `serve`: a sync server until the process is stopped.
fn serve(listen: std::net::SocketAddr, data: &Path) -> ExitCode {
    let options = crate::live::server::ServerOptions::new(listen, data);
    match crate::live::server::Server::start(&options) {
        Ok(server) => {
            print_lines([format!(
                "serving live documents on ws://{} (stored in {})",
                server.address(),
                data.display()
            )]);
            server.run_forever();
            ExitCode::SUCCESS
        }
        Err(error) => finish(Err(error.to_string())),
    }
}

/// `share`: a project onto a server, printing its link.
fn share(file: &Path, server: &str) -> ExitCode {
    finish(read_input(file).and_then(|project| {
        let options = crate::live::SessionOptions::default();
        let session = crate::live::Session::share(server, &project, &options)
            .map_err(|error| error.to_string())?;
        Ok(vec![session.link().to_string()])
    }))
}

/// `pull`: a live document's state into a project file.
fn pull(link: &str, output: &Path) -> ExitCode {
    finish(ron_output(output).and_then(|()| {
        let link = crate::live::Link::parse(link).map_err(|error| error.to_string())?;
        let options = crate::live::SessionOptions::default();
        let (_session, project) =
            crate::live::Session::join(&link, &options).map_err(|error| error.to_string())?;
        save_project(output, &project).map_err(|e| e.to_string())?;
        Ok(vec![format!(
            "{}: written, {}",
            output.display(),
            summary(&project)
        )])
    }))
}

/// `import`: a table or a diagram into a new project file.
fn import(file: &Path, output: &Path, format: Option<Format>) -> ExitCode {
    let result = ron_output(output).and_then(|()| {
        not_over(output, file, "project")
            .and_then(|()| import_file(file, format).map_err(|e| e.to_string()))
            .and_then(|imported| {
                for warning in &imported.warnings {
                    eprintln!("warning: {}: {}", file.display(), escaped(warning));
                }
                save_project(output, &imported.project).map_err(|e| e.to_string())?;
                Ok(vec![format!(
                    "{}: written, {}",
                    output.display(),
                    summary(&imported.project)
                )])
            })
    });
    finish(result)
}

/// Exit code of `check --strict` when the health check found something.
const FINDINGS_EXIT: u8 = 3;

/// What `check` and `export` call standard input in messages.
const STANDARD_INPUT: &str = "standard input";

/// Whether `path` is `-`, standard input.
fn is_standard_input(path: &Path) -> bool {
    path == Path::new("-")
}

/// What messages call the input at `path`.
fn input_name(path: &Path) -> String {
    if is_standard_input(path) {
        STANDARD_INPUT.to_owned()
    } else {
        path.display().to_string()
    }
}

/// Prints an error on standard error, line by line as the message has them; anything in
/// a line that could move the cursor or colour the terminal (a file name holding ESC, say)
/// is shown escaped.
fn report_error(error: &dyn std::fmt::Display) {
    let lines: Vec<String> = error.to_string().lines().map(escaped).collect();
    eprintln!("error: {}", lines.join("\n"));
}

/// The project at `path`, or on standard input for `-`.
fn read_input(path: &Path) -> Result<Project, String> {
    if is_standard_input(path) {
        read_project_from(std::io::stdin().lock(), Path::new(STANDARD_INPUT))
    } else {
        read_project(path)
    }
    .map_err(|error| with_import_hint(&error, path))
}

/// An error reading `path` as a project, with how to import it when its name says it is
/// a table or a diagram.
fn with_import_hint(error: &dyn std::fmt::Display, path: &Path) -> String {
    match Format::of_path(path) {
        Some(format) => format!(
            "{error}\n{} is a {}, not a project: `journeymap import {} -o {}` makes a project of it",
            path.display(),
            format.name(),
            path.display(),
            path.with_extension("ron").display()
        ),
        None => error.to_string(),
    }
}

/// Prints `lines` on standard output. A reader that closed it early (`| head -1`) is no
/// error: the program just stops printing.
fn print_lines(lines: impl IntoIterator<Item = String>) {
    // Buffered: a check of half a million findings makes a few hundred writes, not a
    // write a line.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = lines
        .into_iter()
        .try_for_each(|line| writeln!(out, "{line}"))
        .and_then(|()| out.flush());
    if let Err(error) = written
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write the output: {error}");
    }
}

fn check(path: &Path, strict: bool) -> ExitCode {
    match read_input(path) {
        Ok(project) => {
            let totals = format!("{}: valid, {}", input_name(path), summary(&project));
            // One journey's findings at a time: a project of half a million cards has a
            // million findings, which need not all be in memory at once.
            let found = std::cell::Cell::new(false);
            let findings = project.journeys.iter().flat_map(|journey| {
                let findings = check_journey(&project, journey);
                found.set(found.get() || !findings.is_empty());
                findings
            });
            print_lines(std::iter::once(totals).chain(findings.map(|f| f.to_string())));
            // A reader that stopped early (`| head -1`) may have left journeys unchecked.
            let found = found.get()
                || (strict
                    && project
                        .journeys
                        .iter()
                        .any(|j| !check_journey(&project, j).is_empty()));
            if strict && found {
                ExitCode::from(FINDINGS_EXIT)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            report_error(&error);
            ExitCode::FAILURE
        }
    }
}

/// What `export` was asked to pick out of the journey: cards to leave undimmed, and whose
/// curves to draw.
struct Picked {
    filter: FilterArgs,
    personas: Vec<String>,
}

fn export(
    file: &Path,
    output: &Path,
    format: Option<PictureFormat>,
    journey: Option<&str>,
    mut options: ExportOptions,
    picked: Picked,
) -> ExitCode {
    options.format = match format.or_else(|| PictureFormat::of_path(output)) {
        Some(format) => format,
        // A folder is refused below with what to name the pictures inside it.
        None if output.is_dir() => PictureFormat::Png,
        None => {
            report_error(&format!(
                "{}: an export is named for what it writes: OUT.png, OUT.svg or OUT.pdf for a picture, OUT.csv or OUT.tsv for a table, OUT.mmd or OUT.mermaid for a diagram (or give --format)",
                output.display()
            ));
            return ExitCode::FAILURE;
        }
    };
    if options.format != PictureFormat::Png && options.scale != 2 {
        eprintln!(
            "note: --scale sets a PNG's pixels; an {} is sharp at any size",
            options.format.name()
        );
    }
    let result = read_for_export(file, output, journey).and_then(|(project, index)| {
            let shown = &project.journeys[index];
            if !picked.personas.is_empty() {
                options.curves = curves_of(&project, shown, &picked.personas)
                    .map_err(|e| format!("{}: {}", input_name(file), advice(&e)))?;
            }
            let filter = picked.filter.filter(&project)?;
            if let Some(filter) = &filter
                && !filter.matches_in(shown).contains(&true)
            {
                    eprintln!(
                        "note: no card of journey `{}` matches {}; every card is dimmed",
                        echo(&shown.id),
                        filter.describe(&project)
                    );
            }
            if !options.slides || options.format == PictureFormat::Pdf {
                let count = export_picture(&project, index, options, filter.as_ref(), output)
                    .map_err(|e| advice(&e))?;
                let pages = if options.slides {
                    format!(" ({})", quantity(count, "page", "pages"))
                } else {
                    String::new()
                };
                return Ok(vec![format!("{}: written{pages}", output.display())]);
            }
            let sources = [file];
            let sources: &[&Path] = if is_standard_input(file) { &[] } else { &sources };
            let slides = export_slides(&project, index, options, filter.as_ref(), output, sources)
                .map_err(|e| advice(&e))?;
            if let Some(left) = leftover_slide(output, slides.len()) {
                eprintln!(
                    "note: {} and any after it are left from an earlier export; this deck has {}",
                    left.display(),
                    quantity(slides.len(), "slide", "slides")
                );
            }
            let journey = &project.journeys[index];
            Ok(slides
                .iter()
                .map(|(slide, path)| {
                    let stages = &journey.stages[slide.stages.clone()];
                    let names = match (stages.first(), stages.last()) {
                        (Some(first), Some(last)) if stages.len() > 1 => {
                            format!(", {} to {}", echo(&first.name), echo(&last.name))
                        }
                        (Some(only), _) => format!(", {}", echo(&only.name)),
                        _ => String::new(),
                    };
                    let shown = if stages.is_empty() {
                        "no stages".to_owned()
                    } else {
                        format!("{}{names}", stage_numbers(&slide.stages))
                    };
                    let pixels = slide.title_pixels();
                    let small = if pixels < LEAST_TITLE_PIXELS {
                        format!("; card titles only {pixels:.0} px tall on a 1920 x 1080 slide: this stage does not fit one slide at 18 px")
                    } else {
                        String::new()
                    };
                    format!("{}: written ({shown}{small})", path.display())
                })
                .collect())
        });
    finish(result)
}

/// An export error in the command line's words: which `--scale` to try when the picture
/// is too large.
fn advice(error: &ExportError) -> String {
    match error {
        ExportError::TooLarge {
            fits: Some(scale), ..
        } => format!("{error}; try --scale {scale}"),
        ExportError::TooLarge { fits: None, .. } | ExportError::PageTooLarge { fits: None, .. } => {
            format!("{error}; export some of its stages (--stages) or slides (--slides)")
        }
        ExportError::PageTooLarge {
            fits: Some(stages), ..
        } => format!("{error}; try --stages {stages}, or --slides"),
        _ => error.to_string(),
    }
}

/// Exports go to files: `-o -` is refused rather than written as a file named `-`.
fn not_standard_output(output: &Path) -> Result<(), String> {
    if is_standard_input(output) {
        return Err(
            "`-o -`: exports are written to files, not to standard output; name the file"
                .to_owned(),
        );
    }
    Ok(())
}

/// The project at `file` and the index of its `journey`, for a picture written to
/// `output`: never over the input, nor to standard output.
fn read_for_export(
    file: &Path,
    output: &Path,
    journey: Option<&str>,
) -> Result<(Project, usize), String> {
    not_standard_output(output)?;
    check_output(output, file).map_err(|e| advice(&e))?;
    let project = read_input(file)?;
    let index = journey_index(&project, journey)
        .map_err(|e| format!("{}: {}", input_name(file), advice(&e)))?;
    Ok((project, index))
}

/// `handout`: the presentation of a journey as a PDF.
fn handout(
    file: &Path,
    output: &Path,
    journey: Option<&str>,
    dark: bool,
    embed: Embed,
) -> ExitCode {
    let result = read_for_export(file, output, journey).and_then(|(project, index)| {
            let handout =
                export_handout(&project, index, dark, embed, output).map_err(|e| advice(&e))?;
            for slide in &handout.cut {
                eprintln!(
                    "note: the slide of {slide} has more than fits a page, even with its text at the smallest: the rest is cut (in presentation mode it scrolls); shorten its text or split the stage"
                );
            }
            Ok(format!(
                "{}: written ({})",
                output.display(),
                quantity(handout.pages, "page", "pages")
            ))
        });
    match result {
        Ok(line) => {
            print_lines([line]);
            ExitCode::SUCCESS
        }
        Err(error) => {
            report_error(&error);
            ExitCode::FAILURE
        }
    }
}

/// `N journeys, N stages, N cards, N personas`, totalled over all journeys.
pub fn summary(project: &Project) -> String {
    let stages: usize = project.journeys.iter().map(|j| j.stages.len()).sum();
    let cards: usize = project.journeys.iter().map(|j| j.cards.len()).sum();
    format!(
        "{}, {}, {}, {}",
        quantity(project.journeys.len(), "journey", "journeys"),
        quantity(stages, "stage", "stages"),
        quantity(cards, "card", "cards"),
        quantity(project.personas.len(), "persona", "personas")
    )
}

fn open_window(path: Option<PathBuf>) -> ExitCode {
    // A link joins that live map; the window opens on the template meanwhile.
    let (path, join) = match path.as_deref().and_then(Path::to_str) {
        Some(text) if text.starts_with(&format!("{}:", crate::live::link::SCHEME)) => {
            match crate::live::Link::parse(text) {
                Ok(link) => (None, Some(link)),
                Err(error) => {
                    report_error(&error.to_string());
                    return ExitCode::FAILURE;
                }
            }
        }
        _ => (path, None),
    };
    let project = match &path {
        Some(path) => read_project(path),
        None => template_project(),
    };
    let document = match project {
        Ok(project) => Document::new(project),
        Err(error) => {
            let shown = match &path {
                Some(path) => with_import_hint(&error, path),
                None => error.to_string(),
            };
            report_error(&shown);
            return ExitCode::FAILURE;
        }
    };
    window(document, path, join)
}

fn window(document: Document, path: Option<PathBuf>, join: Option<crate::live::Link>) -> ExitCode {
    match crate::app::run(document, path, join) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
