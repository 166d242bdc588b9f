fn main() -> std::process::ExitCode {
    journeymap::cli::run()
}
