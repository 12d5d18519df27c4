//! Everything that touches the disk: where files live, the embedded defaults and user
//! overrides, atomic writes, drafts.

pub mod assets;
pub mod drafts;
pub mod erase;
pub mod eventlog;
pub mod extras;
pub mod files;
pub mod layers;
pub mod paths;
pub mod sessions;
pub mod trainer;
