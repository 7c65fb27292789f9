//! A code shown once to the staff member who hands it over (a patient's invitation code, a new
//! staff member's secret code): large, with Copy once the page is live, when it stops working, and
//! on a second visit only that it is gone.
use crate::api::patients::IssuedCode;
use crate::api::ApiError;
use crate::ui::components::copy::CopyButton;
use crate::ui::form::failure;
use crate::ui::words::long_date_time;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

/// The texts of one kind of code page (keys in the locale files).
#[derive(Clone, Copy)]
pub struct CodePage {
    pub title: &'static str,
    /// Says to whom the code goes (`$name`).
    pub intro: &'static str,
    /// "Write it down": it will not be shown again.
    pub reminder: &'static str,
    /// When it stops working (`$date`).
    pub expires: &'static str,
    /// What a second visit says.
    pub gone: &'static str,
    pub back: (&'static str, &'static str),
    /// The code's test id.
    pub test_id: &'static str,
}

#[component]
pub fn CodeShownOnce(
    issued: Resource<Result<Option<IssuedCode>, ApiError>>,
    texts: CodePage,
) -> impl IntoView {
    let (back_href, back_key) = texts.back;
    view! {
        <h1>{move || tr_with(texts.title, &[])}</h1>
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match issued.await {
                    Ok(Some(issued)) => {
                        let (name, at) = (issued.invitee_name.clone(), issued.expires_at);
                        view! {
                            <p>{move || tr_with(texts.intro, &[("name", &name)])}</p>
                            <p class="issued-code" data-testid=texts.test_id>
                                {issued.code.clone()}
                            </p>
                            <p class="actions">
                                <CopyButton text=issued.code.clone() />
                            </p>
                            <p class="alert">
                                <strong>{move || tr_with(texts.reminder, &[])}</strong>
                            </p>
                            <p>{move || tr_with(texts.expires, &[("date", &long_date_time(at))])}</p>
                        }
                            .into_any()
                    }
                    Ok(None) => view! { <p>{move || tr_with(texts.gone, &[])}</p> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
        <p>
            <A href=back_href>{move || tr_with(back_key, &[])}</A>
        </p>
    }
}
