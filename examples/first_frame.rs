//! Measures a terminal program the way a consultant experiences it: started in a pseudo-
//! terminal, how long until its first frame is on screen, how much memory it took at
//! its peak, and how much CPU it uses while it waits for a key. Used by
//! `scripts/measure.sh` to compare meedoen with `examples/minimal.rs`.
//!
//! Usage: `first_frame [--runs N] [--idle SECS] --expect TEXT -- PROGRAM [ARGS...]`
//!
//! Prints one line of `key=value` pairs: `median_ms`, `min_ms`, `max_ms`, `times_ms`
//! (every start, comma-separated, so batches can be merged), `peak_rss_kb` (the highest
//! VmHWM of all runs), `idle_cpu_ms` (user + system CPU during the idle window of the
//! first run; `--idle 0` skips it). Linux only: it reads `/proc`.

use std::io::Read;
use std::num::NonZeroU16;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Giving up on a program that never draws, so a broken build fails the script instead
/// of hanging it.
const TIMEOUT: Duration = Duration::from_secs(20);

struct Args {
    runs: usize,
    idle: Duration,
    expect: String,
    program: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut runs = 20;
    let mut idle = Duration::from_secs(3);
    let mut expect = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).ok_or("--runs N")?,
            "--idle" => {
                let secs: u64 = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--idle SECS")?;
                idle = Duration::from_secs(secs);
            }
            "--expect" => expect = args.next(),
            "--" => break,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let program: Vec<String> = args.collect();
    match (expect, program.is_empty()) {
        (Some(expect), false) if runs > 0 => Ok(Args {
            runs,
            idle,
            expect,
            program,
        }),
        _ => Err(
            "usage: first_frame [--runs N] [--idle SECS] --expect TEXT -- PROGRAM [ARGS...]".into(),
        ),
    }
}

/// A field of `/proc/PID/status` in kB, e.g. `VmHWM`.
fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// User plus system CPU time of a process, in clock ticks, from `/proc/PID/stat`.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may contain spaces; the fields after it are fixed.
    let rest = &text[text.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // `rest` starts at field 3 (state); utime is field 14 and stime 15 (man 5 proc).
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// Clock ticks per second; 100 on every Linux this runs on, read from `getconf` to be sure.
fn ticks_per_second() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

struct Run {
    first_frame: Duration,
    peak_rss_kb: u64,
    idle_cpu_ticks: Option<u64>,
}

/// One start: spawn in an 80×24 pty with a private HOME, wait for the expected text on
/// the (alternate) screen, optionally sit idle, read memory, kill.
fn run_once(args: &Args, home: &std::path::Path, measure_idle: bool) -> Result<Run, String> {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(|e| e.to_string())?;
    let mut cmd = CommandBuilder::new(&args.program[0]);
    cmd.args(&args.program[1..]);
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(home);
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).map_err(|e| e.to_string())?;
    drop(pair.slave);
    let pid = child.process_id().ok_or("no pid")?;
    let mut reader = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
    // The pty is read in this thread, as a terminal emulator reads it in its main loop.
    // A reader thread passing chunks over a channel adds a second wake-up per chunk, and
    // on a two-core machine that wake-up waits behind whatever the program does after
    // its first frame, which would be counted as the program's start-up. A watchdog
    // kills a program that never draws, so a broken build fails instead of hanging.
    let (done, stopped) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if stopped.recv_timeout(TIMEOUT).is_err() {
            // Ends the blocking read below: the pty closes when the program dies.
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
        }
    });
    let rows = NonZeroU16::new(24).expect("nonzero");
    let cols = NonZeroU16::new(80).expect("nonzero");
    let mut screen = vt100::Parser::new(rows, cols, 0);
    let mut buf = [0u8; 8192];
    let first_frame = loop {
        let n = reader.read(&mut buf).unwrap_or(0);
        if n == 0 {
            let _ = done.send(());
            let _ = watchdog.join();
            let _ = child.kill();
            return Err(format!(
                "{:?} did not appear within {TIMEOUT:?} or the program ended; screen:\n{}",
                args.expect,
                screen.screen().contents()
            ));
        }
        screen.process(&buf[..n]);
        if screen.screen().alternate_screen() && screen.screen().contents().contains(&args.expect) {
            break start.elapsed();
        }
    };
    let _ = done.send(());
    let _ = watchdog.join();
    let idle_cpu_ticks = if measure_idle {
        let before = cpu_ticks(pid).ok_or("cannot read /proc/PID/stat")?;
        std::thread::sleep(args.idle);
        let after = cpu_ticks(pid).ok_or("cannot read /proc/PID/stat")?;
        Some(after.saturating_sub(before))
    } else {
        None
    };
    let peak_rss_kb = status_kb(pid, "VmHWM").ok_or("cannot read VmHWM")?;
    let _ = child.kill();
    let _ = child.wait();
    // Closing the pty ends the reader thread too.
    drop(pair.master);
    Ok(Run {
        first_frame,
        peak_rss_kb,
        idle_cpu_ticks,
    })
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let home = std::env::temp_dir().join(format!("meedoen-measure-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("create a private HOME");
    let mut runs = Vec::with_capacity(args.runs);
    for i in 0..args.runs {
        match run_once(&args, &home, i == 0 && !args.idle.is_zero()) {
            Ok(r) => runs.push(r),
            Err(e) => {
                eprintln!("{}: {e}", args.program[0]);
                let _ = std::fs::remove_dir_all(&home);
                std::process::exit(1);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&home);
    let mut times: Vec<Duration> = runs.iter().map(|r| r.first_frame).collect();
    times.sort();
    let median = if times.len() % 2 == 1 {
        times[times.len() / 2]
    } else {
        (times[times.len() / 2 - 1] + times[times.len() / 2]) / 2
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let idle_ticks = runs[0].idle_cpu_ticks.unwrap_or(0);
    let all: Vec<String> = times.iter().map(|t| format!("{:.3}", ms(*t))).collect();
    println!(
        "median_ms={:.2} min_ms={:.2} max_ms={:.2} times_ms={} peak_rss_kb={} idle_cpu_ms={}",
        ms(median),
        ms(times[0]),
        ms(times[times.len() - 1]),
        all.join(","),
        runs.iter().map(|r| r.peak_rss_kb).max().unwrap_or(0),
        idle_ticks * 1000 / ticks_per_second(),
    );
}
