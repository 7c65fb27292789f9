//! What a change that needs a fresh re-authentication shows before it.
use crate::api::account::recently_reauthenticated;
use crate::ui::form::failure;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

/// The page a change needs re-authentication for: shown whole once the person re-authenticated,
/// else a short explanation and the way to do it.
#[component]
pub fn AfterReauth(next: &'static str, children: ChildrenFn) -> impl IntoView {
    let recent = Resource::new(|| (), |_| recently_reauthenticated());
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match recent.await {
                    Ok(true) => children.read_value()().into_any(),
                    Ok(false) => {
                        view! {
                            <p>{move_tr!("reauth-needed")}</p>
                            <p>
                                <A href=format!("/account/confirm?next={next}") attr:class="button">
                                    {move_tr!("reauth-start")}
                                </A>
                            </p>
                        }
                            .into_any()
                    }
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
        <p>
            <A href="/account">{move_tr!("back-to-account")}</A>
        </p>
    }
}
