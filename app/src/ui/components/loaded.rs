//! The block every page with server data writes: "loading…" while the data is read, the reason
//! (or the sign-in page) when it cannot be, the page's view once it is.
use crate::api::ApiError;
use crate::ui::form::failure;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// `<Loaded data=resource let:value>…</Loaded>`: the children get the value once it is read.
#[component]
pub fn Loaded<T, V, F>(data: Resource<Result<T, ApiError>>, children: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => children(value).into_any(),
                        Err(e) => failure(e),
                    }
                })
            }}
        </Suspense>
    }
}
