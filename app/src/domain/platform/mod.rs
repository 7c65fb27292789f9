//! The platform above organisations: its operators, organisations' requests to join
//! (`joining`, the public side) and the operator's review of them (`review`).
pub mod joining;
pub mod operator;
pub mod review;
