//! A person's details with a pencil button on each editable one, opening its form in place
//! (`?edit=field`, so it works without JavaScript). Used on one's own account page and by a
//! caregiver on the profile of the patient they act for.
use crate::actions::ProfileField;
use crate::api::profile::{AccountView, SaveProfile};
use crate::api::ApiError;
use crate::door::GrantId;
use crate::ui::form::{action_error, error_for, kept_or, Field, FormAlert, Submit};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

const PROVINCES: [&str; 13] = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

/// How many recovery codes are left, or that there are none yet and where to create them.
pub fn recovery_codes_text(left: Option<i64>) -> impl IntoView {
    match left {
        Some(count) => view! { {move_tr!("account-recovery-left", { "count" => count })} }.into_any(),
        None => view! {
            {move_tr!("account-recovery-none")}
            " "
            <A href="/account/security">{move_tr!("account-recovery-create")}</A>
        }
        .into_any(),
    }
}

pub fn saved_message(field: &str) -> &'static str {
    match field {
        "email" => "account-saved-email",
        "password" => "account-saved-password",
        "session" | "sessions" => "account-saved-sessions",
        "method" => "account-saved-method",
        "caregiver" => "account-saved-caregiver",
        _ => "account-saved",
    }
}

/// The person's details and the editable ones. `base` is the page they are on (their account, or
/// the profile of the patient a caregiver acts for, then `grant` names the grant).
#[component]
pub fn Details(
    me: AccountView,
    save: ServerAction<SaveProfile>,
    base: String,
    grant: Option<GrantId>,
) -> impl IntoView {
    let error = action_error(save);
    let not_set = move || move_tr!("account-not-set").get();
    let or_not_set = move |value: &str| if value.is_empty() { not_set() } else { value.to_string() };
    let address = if me.street.is_empty() {
        String::new()
    } else {
        format!("{}, {}, {} {}", me.street, me.city, me.province, me.postal_code)
    };
    let language_name = |code: &str| crate::i18n::Lang::from_code(code).native_name();
    let phones = [("account-phone-mobile", &me.mobile_phone), ("account-phone-home", &me.home_phone)]
        .into_iter()
        .filter(|(_, number)| !number.is_empty())
        .map(|(key, number)| crate::ui::words::tr_with(key, &[("number", number)]))
        .collect::<Vec<_>>()
        .join(" · ");
    let (mobile, home, street, city, province, postal_code, preferred) = (
        me.mobile_phone.clone(),
        me.home_phone.clone(),
        me.street.clone(),
        me.city.clone(),
        me.province.clone(),
        me.postal_code.clone(),
        me.preferred_name.clone(),
    );
    let (language, interface_language) = (me.language.clone(), me.interface_language.clone());
    let base = StoredValue::new(base);
    view! {
        <h2>{move_tr!("account-details")}</h2>
        <dl class="settings">
            <div class="setting">
                <dt>{move_tr!("account-name")}</dt>
                <dd>{format!("{} {}", me.given_name, me.family_name)}</dd>
            </div>
            {me
                .birth_date
                .map(|date| {
                    view! {
                        <div class="setting">
                            <dt>{move_tr!("account-birth-date")}</dt>
                            <dd>{move || crate::ui::words::long_date(date)}</dd>
                        </div>
                    }
                })}
        </dl>
        <p class="hint">{move_tr!("account-record-note")}</p>
        <dl class="settings">
            <Editable
                field=ProfileField::PreferredName
                base
                grant
                label=move_tr!("account-preferred-name")
                value=or_not_set(&me.preferred_name)
                save
                error
            >
                <Field
                    id="preferred_name"
                    autocomplete="nickname"
                    required=false
                    label=move_tr!("account-preferred-name")
                    hint=move_tr!("account-preferred-name-hint")
                    value=kept_or(error, "preferred_name", preferred.clone())
                    error=error_for(error, "preferred_name")
                />
            </Editable>
            <Editable
                field=ProfileField::Phones
                base
                grant
                label=move_tr!("account-phones")
                value=or_not_set(&phones)
                save
                error
            >
                <Field
                    id="mobile"
                    kind="tel"
                    autocomplete="tel"
                    inputmode="tel"
                    required=false
                    label=move_tr!("account-mobile")
                    hint=move_tr!("account-phone-hint")
                    value=kept_or(error, "mobile", mobile.clone())
                    error=error_for(error, "mobile")
                />
                <Field
                    id="home_phone"
                    kind="tel"
                    autocomplete="tel"
                    inputmode="tel"
                    required=false
                    label=move_tr!("account-home-phone")
                    value=kept_or(error, "home_phone", home.clone())
                    error=error_for(error, "home_phone")
                />
            </Editable>
            <Editable
                field=ProfileField::Address
                base
                grant
                label=move_tr!("account-address")
                value=or_not_set(&address)
                save
                error
            >
                <Field
                    id="street"
                    autocomplete="street-address"
                    required=false
                    label=move_tr!("account-street")
                    value=kept_or(error, "street", street.clone())
                    error=error_for(error, "street")
                />
                <Field
                    id="city"
                    autocomplete="address-level2"
                    required=false
                    label=move_tr!("account-city")
                    value=kept_or(error, "city", city.clone())
                    error=error_for(error, "city")
                />
                <ProvinceSelect error saved=province.clone() />
                <Field
                    id="postal_code"
                    autocomplete="postal-code"
                    required=false
                    label=move_tr!("account-postal-code")
                    hint=move_tr!("account-postal-code-hint")
                    value=kept_or(error, "postal_code", postal_code.clone())
                    error=error_for(error, "postal_code")
                />
                <p class="hint">{move_tr!("account-address-hint")}</p>
            </Editable>
            <Editable
                field=ProfileField::Language
                base
                grant
                label=move_tr!("account-language")
                value=language_name(&me.language).to_string()
                save
                error
            >
                <LanguageRadios legend=move_tr!("account-language") current=language.clone() />
                <p class="hint">{move_tr!("account-language-hint")}</p>
            </Editable>
            {grant
                .is_none()
                .then(|| {
                    view! {
                        <Editable
                            field=ProfileField::InterfaceLanguage
                            base
                            grant
                            label=move_tr!("account-interface-language")
                            value=language_name(&me.interface_language).to_string()
                            save
                            error
                        >
                            <LanguageRadios
                                legend=move_tr!("account-interface-language")
                                current=interface_language.clone()
                            />
                        </Editable>
                    }
                })}
        </dl>
    }
}

/// A setting with its pencil button; when `?edit=` names it, its form instead.
#[component]
fn Editable(
    field: ProfileField,
    base: StoredValue<String>,
    grant: Option<GrantId>,
    #[prop(into)] label: Signal<String>,
    value: String,
    save: ServerAction<SaveProfile>,
    error: Signal<Option<ApiError>>,
    children: ChildrenFn,
) -> impl IntoView {
    let query = use_query_map();
    let field = field.code();
    let editing = move || query.read().get("edit").as_deref() == Some(field);
    let value = StoredValue::new(value);
    let children = StoredValue::new(children);
    view! {
        <div class="setting" id=format!("setting-{field}")>
            <dt>{label}</dt>
            <dd>
                <Show
                    when=editing
                    fallback=move || {
                        view! {
                            <span data-testid=format!("value-{field}")>{value.get_value()}</span>
                            " "
                            <a
                                href=format!("{}?edit={field}#setting-{field}", base.get_value())
                                class="edit-button"
                            >
                                <svg
                                    aria-hidden="true"
                                    focusable="false"
                                    width="16"
                                    height="16"
                                    viewBox="0 0 16 16"
                                >
                                    <path
                                        d="M11.3 1.3a1 1 0 0 1 1.4 0l2 2a1 1 0 0 1 0 1.4l-8.5 8.5-3.6.9.9-3.6z"
                                        fill="currentColor"
                                    />
                                </svg>
                                " "
                                {move_tr!("edit")}
                                <span class="visually-hidden">" : " {label}</span>
                            </a>
                        }
                    }
                >
                    <ActionForm action=save>
                        <FormAlert error />
                        <input type="hidden" name="field" value=field />
                        {grant
                            .map(|grant| {
                                view! { <input type="hidden" name="grant" value=grant.to_string() /> }
                            })}
                        {children.read_value()()}
                        <div class="actions">
                            <Submit pending=save.pending()>{move_tr!("save")}</Submit>
                            <a href=base.get_value()>{move_tr!("cancel")}</a>
                        </div>
                    </ActionForm>
                </Show>
            </dd>
        </div>
    }
}

#[component]
fn ProvinceSelect(error: Signal<Option<ApiError>>, saved: String) -> impl IntoView {
    let chosen = kept_or(error, "province", saved);
    let problem = error_for(error, "province");
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for="province">{move_tr!("account-province")}</label>
            {move || {
                problem
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id="province-error">
                                {message}
                            </p>
                        }
                    })
            }}
            <select
                id="province"
                name="province"
                autocomplete="address-level1"
                aria-describedby=move || problem.get().map(|_| "province-error")
            >
                <option value="" selected=move || chosen.get().is_empty()>
                    "—"
                </option>
                {PROVINCES
                    .into_iter()
                    .map(|code| {
                        view! {
                            <option value=code selected=move || chosen.get() == code>
                                {move || {
                                    expect_context::<leptos_fluent::I18n>()
                                        .tr(&format!("province-{}", code.to_lowercase()))
                                }}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn LanguageRadios(#[prop(into)] legend: Signal<String>, current: String) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {crate::i18n::Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                id=format!("language-{}", lang.code())
                                name="language"
                                value=lang.code()
                                checked=current == lang.code()
                            />
                            <label for=format!("language-{}", lang.code()) lang=lang.code()>
                                {lang.native_name()}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
