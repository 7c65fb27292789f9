//! How people arrive: an invitation with its code and its redemption into an account, caregivers
//! invited for a patient, and the setup links (with a secret code) that bring staff in and back;
//! and how they leave: closing their own account.
pub mod caregiver;
pub mod closure;
pub mod invitation;
pub mod redemption;
pub mod setup_link;
