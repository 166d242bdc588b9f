//! The worst inputs we know for `check` and `export`, each at the edge of a limit, run
//! through the real command line in a process of its own, with its wall time and peak
//! memory. Goals (release, 2 cores): `check` <= 3 s and 400 MB, `export` finishes or
//! refuses in <= 5 s and 600 MB, whatever the input up to the 64 MiB file limit.
//!
//! `cargo bench --bench worst_case` prints a table; `-- NAME` runs the cases whose name
//! contains NAME. The inputs are written to a temporary folder and removed afterwards.

// A bench that cannot set up its data should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use journeymap::file::{MAX_PROJECT_BYTES, encode_png};
use journeymap::model::limits;

/// One input and the command run on it.
struct Case {
    name: &'static str,
    /// `check` or `export` and its options; the input's path is added.
    command: &'static [&'static str],
    input: fn() -> Vec<u8>,
}

/// The arguments that make this binary run one command line and report its memory.
const CHILD: &str = "--run-journeymap";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(CHILD) {
        let code = journeymap::cli::run_from(args[2..].iter().map(Into::into));
        eprintln!("peak-kib {}", peak_kib());
        std::process::exit(if code == std::process::ExitCode::SUCCESS {
            0
        } else {
            1
        });
    }
    let filter = args.iter().skip(1).find(|a| !a.starts_with('-'));
    let folder = tempfile::tempdir().unwrap();
    println!(
        "| case | input | command | result | seconds | peak MB |\n| --- | --- | --- | --- | --- | --- |"
    );
    for case in cases() {
        if filter.is_some_and(|f| !case.name.contains(f.as_str())) {
            continue;
        }
        let input = folder.path().join(format!("{}.in", case.name));
        let bytes = (case.input)();
        std::fs::write(&input, &bytes).unwrap();
        let (seconds, peak, outcome) = run(&input, case.command, folder.path());
        println!(
            "| {} | {} | {} | {outcome} | {seconds:.2} | {:.0} |",
            case.name,
            size(bytes.len()),
            case.command.join(" "),
            peak as f64 / 1024.0
        );
        std::fs::remove_file(&input).unwrap();
    }
}

/// Runs `journeymap COMMAND INPUT` in a child process: seconds, peak KiB, and the first
/// line it printed on stderr (or "ok").
fn run(input: &Path, command: &[&str], folder: &Path) -> (f64, u64, String) {
    let mut args: Vec<String> = vec![CHILD.into(), "journeymap".into(), command[0].into()];
    args.push(input.display().to_string());
    args.extend(command[1..].iter().map(|a| a.to_string()));
    if command[0] == "export" {
        args.push("-o".into());
        args.push(folder.join("out.png").display().to_string());
    }
    let start = Instant::now();
    let output = Command::new(std::env::current_exe().unwrap())
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .output()
        .unwrap();
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-kib "))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let outcome = match stderr.lines().find(|l| l.starts_with("error: ")) {
        Some(error) => refusal(error),
        None => "ok".to_owned(),
    };
    (seconds, peak, outcome)
}

/// The reason of a refusal, without the temporary path, short enough for a table cell.
fn refusal(error: &str) -> String {
    let reason = error.rsplit(".in").next().unwrap_or(error);
    let reason = reason.trim_start_matches([':', ' ']);
    let short: String = reason.chars().take(70).collect();
    format!("refused: {}", short.replace('|', "/"))
}

/// This process's peak resident memory, from `/proc/self/status`.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{:.0} KiB", bytes as f64 / 1024.0)
    }
}

/// Text of `project`'s body repeated until the file is just under the size limit.
fn fill(head: &str, repeated: impl Fn(usize) -> String, tail: &str) -> Vec<u8> {
    let mut text = head.to_owned();
    let mut i = 0;
    loop {
        let next = repeated(i);
        if (text.len() + next.len() + tail.len()) as u64 > MAX_PROJECT_BYTES {
            break;
        }
        text.push_str(&next);
        i += 1;
    }
    text.push_str(tail);
    text.into_bytes()
}

const LANES: &str = "lanes: [Lane(id: \"t\", kind: Touchpoints), Lane(id: \"e\", kind: Emotion)]";

/// `stages` stages named s0.. and the two lanes.
fn stages(count: usize) -> String {
    let mut text = String::from("stages: [");
    for i in 0..count {
        write!(text, "Stage(id: \"s{i}\", name: \"Stage {i}\"),").unwrap();
    }
    text.push_str("], ");
    text.push_str(LANES);
    text
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "tiny-stages",
            command: &["check"],
            input: || {
                fill(
                    "Project(format: 1, journeys: [Journey(id: \"j\", name: \"J\", stages: [",
                    |i| format!("Stage(id:\"{i}\",name:\"s\"),"),
                    "])])",
                )
            },
        },
        Case {
            name: "tiny-stages-in-png",
            command: &["check"],
            input: || {
                let text = (cases()[0].input)();
                encode_png(&[0, 0, 0, 0], 1, 1, std::str::from_utf8(&text).ok()).unwrap()
            },
        },
        Case {
            name: "most-cards",
            command: &["check"],
            input: || most_cards(limits::JOURNEYS.max),
        },
        Case {
            name: "most-comments",
            command: &["check"],
            input: || {
                let comments = "Comment(text: \"c\"),".repeat(limits::COMMENTS.max);
                let cards = limits::ALL_ENTRIES / limits::COMMENTS.max - limits::STAGES.max;
                cards_with(cards, limits::STAGES.max, |i| {
                    format!("title: \"Card {i}\", comments: [{comments}]")
                })
            },
        },
        Case {
            name: "longest-texts",
            command: &["check"],
            input: || {
                let text = "w".repeat(limits::TEXT_CHARS - 1);
                let mut head =
                    String::from("Project(format: 1, journeys: [Journey(id: \"j\", name: \"J\", ");
                head.push_str(&stages(limits::STAGES.max));
                head.push_str(", cards: [");
                fill(
                    &head,
                    |i| {
                        format!(
                            "Card(id: \"c{i}\", kind: Touchpoint, stage: \"s{}\", lane: \"t\", title: \"{text}\", notes: \"{text}\", channel: \"{text}\"),",
                            i % 100
                        )
                    },
                    "])])",
                )
            },
        },
        Case {
            name: "broken-links",
            command: &["check"],
            input: || {
                let links = "\"nowhere\",".repeat(limits::LINKS.max);
                cards_with(limits::CARDS.max, limits::STAGES.max, |i| {
                    format!("title: \"Card {i}\", links: [{links}]")
                })
            },
        },
        Case {
            name: "unknown-fields",
            command: &["check"],
            input: || {
                // Skipped values, just under the separator limit, then text to the size limit.
                let values = "1,".repeat(7_999_990);
                let head = format!("Project(format: 1, future: [{values}], other: \"");
                let filler = MAX_PROJECT_BYTES as usize - head.len() - 3;
                format!("{head}{}\")", "x".repeat(filler)).into_bytes()
            },
        },
        Case {
            name: "unknown-struct-fields",
            command: &["check"],
            input: || {
                let fields = "f: 1, ".repeat(3_999_990);
                format!("Project(format: 1, future: ({fields}))").into_bytes()
            },
        },
        Case {
            name: "deep-nesting",
            command: &["check"],
            input: || {
                let depth = (MAX_PROJECT_BYTES / 2 - 64) as usize;
                format!(
                    "Project(format: 1, x: {}{})",
                    "[".repeat(depth),
                    "]".repeat(depth)
                )
                .into_bytes()
            },
        },
        Case {
            name: "most-cards",
            command: &["export", "--scale", "1"],
            input: || most_cards(1),
        },
        Case {
            name: "widest-map",
            command: &["export", "--scale", "4"],
            input: widest_map,
        },
        Case {
            name: "widest-map",
            command: &["export", "--scale", "1"],
            input: widest_map,
        },
        Case {
            name: "most-cards-that-fit",
            command: &["export", "--scale", "1"],
            input: || {
                let (cards, stages) = (3_000, 27);
                cards_with(cards, stages, |i| {
                    let links = if i < limits::JOURNEY_LINKS.max / 2 {
                        format!("\"c{}\", \"c{}\"", cards - 1 - i, (i + cards / 2) % cards)
                    } else {
                        String::new()
                    };
                    format!(
                        "title: \"Card {i}: a buyer's step that takes three rows to tell\", owner: Some(\"d\"), emotion: Some({}), moment_of_truth: true, channel: \"Email\", links: [{links}]",
                        i as i64 % 5 - 2
                    )
                })
            },
        },
        Case {
            name: "largest-picture",
            command: &["export", "--scale", "4"],
            input: || cards_with(LARGEST_PICTURE_CARDS, 6, |i| format!("title: \"Card {i}\"")),
        },
        Case {
            name: "longest-links",
            command: &["export", "--scale", "4"],
            input: longest_links,
        },
        Case {
            name: "longest-links",
            command: &["export", "--scale", "2"],
            input: longest_links,
        },
        Case {
            name: "longest-texts",
            command: &["export", "--scale", "1"],
            input: || {
                let text = "Lorem ipsum dolor sit amet ".repeat(limits::TEXT_CHARS / 27);
                cards_with(1_000, 10, |_| {
                    format!("title: \"{text}\", channel: \"{text}\", owner: Some(\"d\")")
                })
            },
        },
    ]
}

/// Cards in six stages that make a picture at scale 4 just within the size limits.
const LARGEST_PICTURE_CARDS: usize = 126;

/// One journey of `count` cards spread over `stage_count` stages, each with `fields`
/// (its title among them).
fn cards_with(count: usize, stage_count: usize, fields: impl Fn(usize) -> String) -> Vec<u8> {
    let mut text = String::from(
        "Project(format: 1, departments: [Department(id: \"d\", name: \"D\")], journeys: [Journey(id: \"j\", name: \"J\", ",
    );
    text.push_str(&stages(stage_count));
    text.push_str(", cards: [");
    for i in 0..count {
        write!(
            text,
            "Card(id: \"c{i}\", kind: Touchpoint, stage: \"s{}\", lane: \"t\", {}),",
            i % stage_count,
            fields(i)
        )
        .unwrap();
    }
    text.push_str("])])");
    text.into_bytes()
}

/// `journeys` journeys of the most cards each, within the limit on all entries.
fn most_cards(journeys: usize) -> Vec<u8> {
    let mut text = String::from("Project(format: 1, journeys: [");
    let per_journey = limits::CARDS
        .max
        .min(limits::ALL_ENTRIES / journeys - 2 * limits::STAGES.max);
    for j in 0..journeys {
        write!(
            text,
            "Journey(id: \"j{j}\", name: \"J\", {}, cards: [",
            stages(limits::STAGES.max)
        )
        .unwrap();
        for i in 0..per_journey {
            write!(text, "Card(id:\"{i}\",kind:Touchpoint,stage:\"s{}\",lane:\"t\",title:\"t\",emotion:Some(-1)),", i % limits::STAGES.max).unwrap();
        }
        text.push_str("]),");
    }
    text.push_str("])");
    text.into_bytes()
}

/// The most stages and lanes, a card in every cell.
fn widest_map() -> Vec<u8> {
    let mut text =
        String::from("Project(format: 1, journeys: [Journey(id: \"j\", name: \"J\", stages: [");
    for i in 0..limits::STAGES.max {
        write!(
            text,
            "Stage(id: \"s{i}\", name: \"Stage {i}\", conversion: Some(0.5)),"
        )
        .unwrap();
    }
    text.push_str("], lanes: [");
    for l in 0..limits::LANES.max {
        write!(
            text,
            "Lane(id: \"l{l}\", kind: {}),",
            if l == 1 { "Emotion" } else { "Notes" }
        )
        .unwrap();
    }
    text.push_str("], cards: [");
    for s in 0..limits::STAGES.max {
        for l in (0..limits::LANES.max).filter(|&l| l != 1) {
            write!(text, "Card(id: \"c{s}-{l}\", kind: Note, stage: \"s{s}\", lane: \"l{l}\", title: \"A card in stage {s}, lane {l}\", emotion: Some({})),", (s + l) as i64 % 5 - 2).unwrap();
        }
    }
    text.push_str("])])");
    text.into_bytes()
}

/// The most links a journey may have, each from one end of the map to the other.
fn longest_links() -> Vec<u8> {
    let cards = limits::JOURNEY_LINKS.max / limits::LINKS.max * 2;
    let half = cards / 2;
    cards_with(cards, 10, |i| {
        if i >= half {
            return format!("title: \"Card {i}\"");
        }
        let links: Vec<String> = (0..limits::LINKS.max)
            .map(|k| format!("\"c{}\"", cards - 1 - (i + k) % half))
            .collect();
        format!("title: \"Card {i}\", links: [{}]", links.join(","))
    })
}
