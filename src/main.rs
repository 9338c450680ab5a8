fn main() -> std::process::ExitCode {
    giaoban::cli::run()
}
