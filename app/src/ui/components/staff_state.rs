//! Where a staff member's account stands and what they are here, in words (team list and the
//! person's page).
use crate::api::staff::StaffState;
use crate::states::Role;
use crate::ui::words::long_date_time;
use crate::ui::words::tr_with;

pub fn staff_state_text(state: StaffState) -> String {
    match state {
        StaffState::Invited => tr_with("person-state-invited", &[]),
        StaffState::Active => tr_with("person-state-active", &[]),
        StaffState::Suspended => tr_with("person-state-suspended", &[]),
        StaffState::LockedUntil(until) => tr_with("person-state-locked", &[("date", &long_date_time(until))]),
    }
}

/// "Administration", "Professional" or "Support desk".
pub fn role_name(role: Role) -> String {
    tr_with(
        match role {
            Role::Admin => "team-role-admin",
            Role::Support => "team-role-support",
            Role::Professional | Role::Patient => "team-role-professional",
        },
        &[],
    )
}
