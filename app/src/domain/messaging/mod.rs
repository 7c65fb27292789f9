//! Conversations between a patient (or their caregivers) and a care team, their attachments, the
//! care teams themselves, and the mail that tells people something is waiting.
pub mod attachment;
pub mod care_team;
pub mod conversation;
