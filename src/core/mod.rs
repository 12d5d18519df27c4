//! The pure core: everything about a gesprek that does not need a terminal or a disk.
//! Functions here take data and return data, so they are tested directly.

pub mod b1;
pub mod bijzonder;
pub mod catalogue;
pub mod data;
pub mod datum;
pub mod eigen_catalogus;
pub mod eigen_taxonomie;
pub mod fields;
pub mod gate;
pub mod gemeente;
pub mod klas;
pub mod layered;
pub mod matching;
pub mod oefen;
pub mod parse;
pub mod plan;
pub mod praktijk;
pub mod privacy;
pub mod problem;
pub mod ronscan;
pub mod route;
pub mod script;
pub mod search;
pub mod sectie;
pub mod session;
pub mod tally;
pub mod taxonomy;
pub mod terminal;
pub mod validate;
pub mod vervolg;
