//! meedoen: gespreksondersteuning voor activeringsconsulenten.
//!
//! `core` is pure (no terminal, no disk), `store` touches the disk, `tui` draws and reads
//! keys, `cli` holds the non-interactive subcommands.

pub mod cli;
pub mod core;
pub mod store;
pub mod tui;
