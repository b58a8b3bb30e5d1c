fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(kuntakompassi::main_with_args(std::env::args_os()))
}
