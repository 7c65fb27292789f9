//! The platform above organisations: its operators, organisations' requests to join
//! (`joining`, the public side), the operator's review of them (`review`), and the documents an
//! organisation signs (`document`, `agreement`).
pub mod agreement;
pub mod document;
pub mod joining;
pub mod operator;
pub mod organisations;
pub mod review;
