//! Form building blocks: a labelled field whose hint and error are tied to the input with
//! `aria-describedby`, and the alert that announces a form's error.
use crate::api::ApiError;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// The last error of an action, as a signal.
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<ApiError>>
where
    I: leptos::server_fn::ServerFn<Output = O, Error = ApiError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The error in the current language, with its values filled in.
pub fn message(error: &ApiError) -> String {
    let args: Vec<(&str, &str)> = error.args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    crate::ui::words::tr_with(&error.key, &args)
}

/// The translated message of `error` if it belongs to `field`.
pub fn error_for(error: Signal<Option<ApiError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || error.get().filter(|e| e.field.as_deref() == Some(field)).map(|e| message(&e)))
}

/// What the person had typed in `field` before a form posted without JavaScript came back.
pub fn kept(error: Signal<Option<ApiError>>, field: &'static str) -> Signal<String> {
    Signal::derive(move || error.get().and_then(|e| e.kept(field).map(str::to_string)).unwrap_or_default())
}

/// The value a field shows: what the person typed if their post came back with an error, else
/// the value saved.
pub fn kept_or(error: Signal<Option<ApiError>>, field: &'static str, saved: String) -> Signal<String> {
    Signal::derive(move || match error.get() {
        Some(e) => e.kept(field).unwrap_or_default().to_string(),
        None => saved.clone(),
    })
}

/// Announces a form-level error (one that belongs to no single field) or a summary.
#[component]
pub fn FormAlert(error: Signal<Option<ApiError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <div class="alert" role="alert">
                    <p class="alert-title">{move_tr!("form-error-title")}</p>
                    <p>{message(&e)}</p>
                </div>
            }
        })
    }
}

#[component]
pub fn Field(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] value: Option<Signal<String>>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    /// What the form came back with: unless `value` or `error` say otherwise, the field shows what
    /// was typed in it and the message that names it (both by `id`).
    #[prop(optional, into)]
    posted: Option<Signal<Option<ApiError>>>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let value = adopting_typed(id, value.or_else(|| posted.map(|p| kept(p, id))).unwrap_or_default());
    let error = error.or_else(|| posted.map(|p| error_for(p, id))).unwrap_or_default();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="hint" id=hint_id>
                            {hint}
                        </p>
                    }
                })}
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id=error_id.clone()>
                                {message}
                            </p>
                        }
                    })
            }}
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                aria-required=required.then_some("true")
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                data-from-server=SERVER_MARK
                value=value
                // The attribute is the page without JavaScript; the property replaces what was
                // typed once the saved value comes back (e.g. a phone number stored normalised).
                prop:value=value
            />
        </div>
    }
}

/// A form's submit button that shows the form is being sent while `pending` (argon2 takes a
/// moment at sign-in, a file takes longer): a spinner, "Sending…" said to screen readers, and a
/// second press ignored rather than sent twice. The button keeps the focus (it is not disabled).
#[component]
pub fn Submit(
    #[prop(into)] pending: Signal<bool>,
    #[prop(default = "button")] class: &'static str,
    children: Children,
) -> impl IntoView {
    let once = move |ev: leptos::ev::MouseEvent| {
        if pending.get_untracked() {
            ev.prevent_default();
        }
    };
    view! {
        <button
            type="submit"
            class=class
            class:is-pending=move || pending.get()
            aria-disabled=move || pending.get().then_some("true")
            on:click=once
        >
            {children()}
        </button>
        <span class="visually-hidden" role="status">
            {move || pending.get().then(|| move_tr!("form-sending").get())}
        </span>
    }
}

/// A multi-line field, its hint and error tied to it like `Field`'s.
#[component]
pub fn TextArea(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] value: Signal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(default = 6)] rows: u32,
) -> impl IntoView {
    let value = adopting_typed(id, value);
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error.get().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id=error_id.clone()>
                                {message}
                            </p>
                        }
                    })
            }}
            <textarea
                id=id
                name=id
                rows=rows
                aria-required="true"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                data-from-server=SERVER_MARK
                prop:value=value
                // The text the server writes (a post without JavaScript came back with it), as
                // markup: an empty text child would be no node at all, which hydration trips on.
                inner_html=escaped(&value.get_untracked())
            ></textarea>
        </div>
    }
}

/// Marks a field the server drew (the attribute is absent from what the app draws), so that the
/// app adopts the element's value once, at hydration, and never an element of a page it left.
const SERVER_MARK: Option<&str> = if cfg!(feature = "ssr") { Some("") } else { None };

/// `value`, except at first when the person typed into the server's page before the app arrived
/// (a slow phone): then what they typed, which hydration writes back instead of emptying the
/// field. The next change of `value` (a saved value, a post that came back) wins again.
fn adopting_typed(id: &'static str, value: Signal<String>) -> Signal<String> {
    let typed = StoredValue::new(typed_before_the_app(id));
    Memo::new(move |_| {
        let current = value.get();
        typed.try_update_value(Option::take).flatten().unwrap_or(current)
    })
    .into()
}

/// What the person changed in the server-drawn field `id`, taken once (the mark is removed).
#[cfg(feature = "hydrate")]
fn typed_before_the_app(id: &str) -> Option<String> {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{HtmlInputElement, HtmlTextAreaElement};
    let element = document().get_element_by_id(id)?;
    if !element.has_attribute("data-from-server") {
        return None;
    }
    let _ = element.remove_attribute("data-from-server");
    let (now, drawn) = if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        (input.value(), input.default_value())
    } else if let Some(text) = element.dyn_ref::<HtmlTextAreaElement>() {
        (text.value(), text.default_value().unwrap_or_default())
    } else {
        return None;
    };
    (now != drawn).then_some(now)
}

#[cfg(not(feature = "hydrate"))]
fn typed_before_the_app(_id: &str) -> Option<String> {
    None
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A checkbox sending `on` when ticked; ticked as saved, or as typed when a post came back.
#[component]
pub fn CheckBox(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    error: Signal<Option<ApiError>>,
    saved: bool,
) -> impl IntoView {
    let ticked = move || match error.get() {
        Some(e) => e.kept(id).is_some(),
        None => saved,
    };
    view! {
        <div class="choice">
            <input type="checkbox" id=id name=id checked=ticked />
            <label for=id>{label}</label>
        </div>
    }
}

/// The preferred language of a person being added (radio buttons; French unless English was kept).
#[component]
pub fn LanguageChoice(error: Signal<Option<ApiError>>) -> impl IntoView {
    let language = kept(error, "language");
    view! {
        <fieldset>
            <legend>{move_tr!("invite-language")}</legend>
            <div class="choice">
                <input
                    type="radio"
                    id="language-fr"
                    name="language"
                    value="fr"
                    checked=move || language.get() != "en"
                />
                <label for="language-fr" lang="fr">
                    "Français"
                </label>
            </div>
            <div class="choice">
                <input
                    type="radio"
                    id="language-en"
                    name="language"
                    value="en"
                    checked=move || language.get() == "en"
                />
                <label for="language-en" lang="en">
                    "English"
                </label>
            </div>
        </fieldset>
    }
}

/// A new password and its confirmation, with the password rules as the hint and the message that
/// names the password (the confirmation is judged with it).
#[component]
pub fn NewPassword(error: Signal<Option<ApiError>>) -> impl IntoView {
    view! {
        <Field
            id="password"
            kind="password"
            autocomplete="new-password"
            label=move_tr!("setup-password-label")
            hint=move_tr!("setup-password-rules")
            error=error_for(error, "password")
        />
        <Field
            id="password_confirmation"
            kind="password"
            autocomplete="new-password"
            label=move_tr!("setup-password-confirm-label")
        />
    }
}

/// What a page shows when its data could not be read: the sign-in page for a signed-out person,
/// the translated reason otherwise.
pub fn failure(error: ApiError) -> AnyView {
    if error.is_signed_out() {
        let location = leptos_router::hooks::use_location();
        let here =
            crate::ui::route::address(location.pathname.get_untracked(), &location.search.get_untracked());
        let sign_in = crate::api::auth::sign_in_returning_to(&here);
        view! { <leptos_router::components::Redirect path=sign_in /> }.into_any()
    } else {
        view! { <p role="alert">{message(&error)}</p> }.into_any()
    }
}

/// A search box: a plain GET form sending `q`, so it works the same without JavaScript.
#[component]
pub fn SearchForm(
    action: &'static str,
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] submit: Signal<String>,
    #[prop(into)] value: Signal<String>,
    /// More fields sent with the search (a filter), before the search box.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <form method="get" action=action role="search" class="search">
            {children.map(|c| c())}
            <label for=id>{label}</label>
            <div class="search-row">
                <input id=id name="q" type="search" value=value />
                <button type="submit" class="button">
                    {submit}
                </button>
            </div>
        </form>
    }
}

/// The error a form posted without JavaScript came back with, when it was posted to `path` (the
/// server function library puts it in the page's address).
pub fn posted_error(path: &str) -> Option<ApiError> {
    use leptos::server::ServerActionError;
    use leptos::server_fn::error::ServerFnUrlError;
    use_context::<ServerActionError>()
        .filter(|e| e.path() == path)
        .map(|e| ServerFnUrlError::<ApiError>::decode_err(e.err()))
}

/// A file input with its label, hint and error (tied by `aria-describedby`).
#[component]
pub fn FileField(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    /// The kinds of file offered in the browser's picker (the server judges what comes).
    accept: &'static str,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] required: bool,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if error.get().is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            <p class="hint" id=hint_id>
                {hint}
            </p>
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id=error_id.clone()>
                                {message}
                            </p>
                        }
                    })
            }}
            <input
                type="file"
                id=id
                name=id
                multiple=multiple
                required=required
                accept=accept
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
        </div>
    }
}

/// A form that carries files (multipart) to the server function at `path`. Without JavaScript it
/// is a plain post: the page that comes back shows the outcome, and `error` starts with what the
/// address says. With JavaScript the same form data goes in the background (`upload::post`), a
/// progress bar showing the share sent once the form is large enough to take a while; a refusal
/// lands in `error`, and on success the form is emptied and `on_sent` runs, or the browser goes
/// where the server function sends it.
#[component]
pub fn MultipartForm(
    path: &'static str,
    error: RwSignal<Option<ApiError>>,
    #[prop(optional)] sending: RwSignal<bool>,
    #[prop(optional)] on_sent: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    // The share sent, shown only for a form large enough to take a moment.
    let sent_percent = RwSignal::new(None::<u8>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            ev.prevent_default();
            if sending.get_untracked() {
                return;
            }
            let Some(form) = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) else { return };
            sending.set(true);
            let navigate = leptos_router::hooks::use_navigate();
            leptos::task::spawn_local(async move {
                let result = crate::ui::upload::post(path, &data, move |share| sent_percent.set(share)).await;
                sending.set(false);
                sent_percent.set(None);
                match result {
                    Ok(redirect) => {
                        error.set(None);
                        form.reset();
                        if let Some(on_sent) = on_sent {
                            on_sent.run(());
                        }
                        if let Some(to) = redirect {
                            navigate(&to, Default::default());
                        }
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, on_sent, error, sending);
    };
    view! {
        <form method="post" action=path enctype="multipart/form-data" on:submit=on_submit>
            {children()}
            {move || {
                sent_percent
                    .get()
                    .map(|percent| {
                        let said = crate::ui::words::tr_with(
                            "form-upload-progress",
                            &[("percent", &percent.to_string())],
                        );
                        view! {
                            <progress class="upload-progress" max="100" value=percent aria-label=said.clone()>
                                {said.clone()}
                            </progress>
                        }
                    })
            }}
        </form>
    }
}
