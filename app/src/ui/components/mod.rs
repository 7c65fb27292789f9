//! Components used by several pages. Pages never import each other; what two pages share is here.
pub mod accept_terms;
pub mod after_reauth;
pub mod audit;
pub mod caregivers;
pub mod copy;
pub mod idle_watch;
pub mod loaded;
pub mod messages;
pub mod organisation_logo;
pub mod page_title;
pub mod pager;
pub mod passkeys;
pub mod privacy_notice;
pub mod profile;
pub mod questionnaire;
pub mod resend_code;
pub mod route_progress;
pub mod services;
pub mod shown_once;
pub mod signed_agreement;
pub mod staff_state;
pub mod suspended;
pub mod table;
pub mod workplace;

pub use loaded::Loaded;
pub use page_title::PageTitle;
