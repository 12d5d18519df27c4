//! Everything that touches the disk: where files live, the embedded defaults and user
//! overrides, atomic writes, drafts.

pub mod assets;
pub mod drafts;
pub mod files;
pub mod paths;
