//! Components used by several pages. Pages never import each other; what two pages share is here.
pub mod caregivers;
pub mod profile;
pub mod resend_code;
