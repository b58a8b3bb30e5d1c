/// mimalloc instead of the system allocator: `compare` reads thousands of reports into many small strings,
/// and glibc's allocator took a fifth of its time (measured with `cargo bench --bench compare`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(kuntakompassi::main_with_args(std::env::args_os()))
}
