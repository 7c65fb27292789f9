//! How a person proves who they are, in words: their method, and what the second step of
//! signing in or confirming who one is asks for.
use crate::states::Method;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// What the second step asks for: the mailed code, the app's, or (staff whose way in is a
/// passkey) a recovery code.
pub fn code_step_text(method: Method) -> Signal<String> {
    match method {
        Method::Email => move_tr!("sign-in-code-email"),
        Method::Totp => move_tr!("sign-in-code-totp"),
        Method::Passkey => move_tr!("sign-in-code-passkey"),
    }
}

pub fn code_label(method: Method) -> Signal<String> {
    match method {
        Method::Passkey => move_tr!("sign-in-recovery-label"),
        _ => move_tr!("sign-in-code-label"),
    }
}

/// The way a person signs in, as their account pages name it.
pub fn method_name(method: Method) -> Signal<String> {
    match method {
        Method::Totp => move_tr!("account-method-totp"),
        Method::Passkey => move_tr!("account-method-passkey"),
        Method::Email => move_tr!("account-method-email"),
    }
}
