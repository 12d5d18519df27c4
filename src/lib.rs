//! meedoen: gespreksondersteuning voor activeringsconsulenten.
//!
//! `core` is pure (no terminal, no disk), `store` touches the disk, `tui` draws and reads
//! keys, `cli` holds the non-interactive subcommands, `access` is the line-by-line mode for
//! screen readers and pipes.

pub mod access;
pub mod app;
pub mod cli;
pub mod core;
pub mod store;
pub mod tui;
