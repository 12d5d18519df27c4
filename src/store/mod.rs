//! Everything that touches the disk: where files live, the embedded defaults and user
//! overrides, atomic writes, drafts.

pub mod assets;
pub mod clipboard;
pub mod drafts;
pub mod emergency;
pub mod erase;
pub mod eventlog;
pub mod extras;
pub mod files;
pub mod layers;
pub mod lezen;
pub mod melding;
pub mod opruimen;
pub mod paths;
pub mod prefs;
pub mod sessions;
pub mod set;
pub mod syncer;
pub mod trainer;
pub mod verhuis;
