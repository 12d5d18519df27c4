//! The `meedoen` binary: everything happens in `meedoen::cli`, so the library's tests
//! cover it too.

/// Matching and search build many small strings per keystroke; mimalloc frees and reuses
/// them several times faster than the platform allocators (glibc's consolidation of freed
/// chunks was half the time of ranking a large catalogue).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    meedoen::cli::main()
}
