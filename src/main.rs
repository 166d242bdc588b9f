//! The `journeymap` binary: its command line opens the window or runs `check` and `export`.
fn main() -> std::process::ExitCode {
    journeymap::cli::run()
}
