fn main() -> std::process::ExitCode {
    // Like other command-line tools, stop quietly when the reader of a pipe
    // goes away (`giaoban tasks --json | head`) instead of reporting an error.
    #[cfg(unix)]
    // SAFETY: setting a signal disposition at start, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    giaoban::cli::run()
}
