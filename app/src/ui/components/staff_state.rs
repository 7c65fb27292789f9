//! Where a staff member's account stands, in words (team list and the person's page).
use crate::api::staff::StaffState;
use crate::ui::dates::long_date_time;
use crate::ui::layout::tr_with;

pub fn staff_state_text(state: StaffState) -> String {
    match state {
        StaffState::Invited => tr_with("person-state-invited", &[]),
        StaffState::Active => tr_with("person-state-active", &[]),
        StaffState::Suspended => tr_with("person-state-suspended", &[]),
        StaffState::LockedUntil(until) => tr_with("person-state-locked", &[("date", &long_date_time(until))]),
    }
}
