//! An organisation asks to join the portal: the Join page (how far the platform has got, and
//! the questions that say whether the organisation may), the request form, "check your email",
//! the confirmation link, the link that answers the operator's question, and the agreement the
//! legally responsible person signs. Public, and whole without JavaScript: the questions are a GET
//! form, everything else plain posts.
use crate::api::joining::{
    join_processing_date, organisation_agreement, organisation_request_link, organisation_request_question,
    AgreementLink, AnswerOrganisationRequest, AskToJoin, ConfirmOrganisationRequest, QuestionLink,
    RequestLink, SignAgreement,
};
use crate::states::{OrganisationKind, Requester, Service};
use crate::ui::components::privacy_notice::PrivacyNotice;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, kept, CheckBox, Field, FormAlert, Submit, TextArea};
use crate::ui::words::{long_date, tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// "Today we are processing requests received on or before 20 December 2026."
#[component]
fn ProcessingBanner() -> impl IntoView {
    let date = Resource::new(|| (), |_| join_processing_date());
    view! {
        <Loaded data=date let:date>
            <p class="alert-info" data-testid="join-processing">
                {move || tr_with("join-processing", &[("date", &long_date(date))])}
            </p>
        </Loaded>
    }
}

/// One question answered by radio buttons; `options`: (value, message key).
#[component]
fn Question(
    name: &'static str,
    legend: &'static str,
    options: Vec<(&'static str, &'static str)>,
    chosen: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{move || tr(legend)}</legend>
            {options
                .into_iter()
                .map(|(value, key)| {
                    let id = format!("{name}-{value}");
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                id=id.clone()
                                name=name
                                value=value
                                required=true
                                checked=move || chosen.get().as_deref() == Some(value)
                            />
                            <label for=id>{move || tr(key)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
pub fn JoinPage() -> impl IntoView {
    let query = use_query_map();
    let answer = move |name: &'static str| Signal::derive(move || query.read().get(name));
    view! {
        <PageTitle title_key="join-title" />
        <h1>{move_tr!("join-title")}</h1>
        <p>{move_tr!("join-intro")}</p>
        <ProcessingBanner />
        <h2>{move_tr!("join-questions-title")}</h2>
        <form method="get" action="/join/request" class="join-questions">
            <Question
                name="custodian"
                legend="join-custodian-question"
                options=vec![("yes", "join-yes"), ("no", "join-no")]
                chosen=answer("custodian")
            />
            <p class="hint">{move_tr!("join-custodian-hint")}</p>
            <div class="field">
                <label for="kind">{move_tr!("join-kind")}</label>
                <select id="kind" name="kind">
                    {OrganisationKind::ALL
                        .into_iter()
                        .map(|kind| {
                            view! {
                                <option
                                    value=kind.code()
                                    selected=move || answer("kind").get().as_deref() == Some(kind.code())
                                >
                                    {move || tr(kind.name_key())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <Question
                name="requester"
                legend="join-requester-question"
                options=vec![
                    ("lrp", "join-requester-lrp"),
                    ("delegate", "join-requester-delegate"),
                    ("neither", "join-requester-neither"),
                ]
                chosen=answer("requester")
            />
            <p class="hint">{move_tr!("join-lrp-hint")}</p>
            <button type="submit" class="button">
                {move_tr!("join-continue")}
            </button>
        </form>
    }
}

/// The request form, or why the organisation cannot ask, from the Join page's answers.
#[component]
pub fn JoinRequestPage() -> impl IntoView {
    let query = use_query_map();
    let custodian = move || query.read().get("custodian").as_deref() == Some("yes");
    let requester = move || query.read().get("requester").and_then(|r| Requester::parse(&r));
    let kind = move || query.read().get("kind").and_then(|k| OrganisationKind::parse(&k));
    let back = move || {
        let q = query.read();
        let answers: Vec<String> = ["custodian", "kind", "requester"]
            .into_iter()
            .filter_map(|name| q.get(name).map(|v| format!("{name}={}", urlencoding::encode(&v))))
            .collect();
        format!("/join?{}", answers.join("&"))
    };
    move || match Requester::eligible(custodian(), requester()) {
        Err(reason) => {
            let (title, body) = match reason {
                crate::states::NotEligible::NotACustodian => {
                    ("join-not-custodian-title", "join-not-custodian-body")
                }
                crate::states::NotEligible::NotResponsible => {
                    ("join-not-responsible-title", "join-not-responsible-body")
                }
            };
            view! {
                <PageTitle title_key=title />
                <h1>{move || tr(title)}</h1>
                <p data-testid="join-not-eligible">{move || tr(body)}</p>
                <p>
                    <A href=back>{move_tr!("join-change-answers")}</A>
                </p>
            }
            .into_any()
        }
        Ok(requester) => view! { <RequestForm requester kind=kind() back=back() /> }.into_any(),
    }
}

#[component]
fn RequestForm(requester: Requester, kind: Option<OrganisationKind>, back: String) -> impl IntoView {
    let action = ServerAction::<AskToJoin>::new();
    let error = action_error(action);
    let kind = kind.unwrap_or(OrganisationKind::Other);
    let services_error = error_for(error, "services");
    let attested_error = error_for(error, "attested");
    view! {
        <PageTitle title_key="join-request-title" />
        <h1>{move_tr!("join-request-title")}</h1>
        <p>{move || tr(kind.name_key())} " · " <A href=back>{move_tr!("join-change-answers")}</A></p>
        <p class="hint">{move_tr!("join-request-intro")}</p>
        <PrivacyNotice />
        <ActionForm action=action attr:class="join-form">
            <FormAlert error />
            <input type="hidden" name="kind" value=kind.code() />
            <input type="hidden" name="requester" value=requester.code() />
            <fieldset>
                <legend>{move_tr!("join-organisation")}</legend>
                <Field
                    id="legal_name"
                    label=move_tr!("join-legal-name")
                    autocomplete="organization"
                    posted=error
                />
                <Field
                    id="address"
                    label=move_tr!("join-address")
                    autocomplete="street-address"
                    posted=error
                />
                <Field
                    id="phone"
                    kind="tel"
                    inputmode="tel"
                    autocomplete="tel"
                    label=move_tr!("join-phone")
                    posted=error
                />
            </fieldset>
            {(requester == Requester::Delegate)
                .then(|| {
                    view! {
                        <fieldset>
                            <legend>{move_tr!("join-delegate")}</legend>
                            <Field
                                id="delegate_name"
                                label=move_tr!("join-delegate-name")
                                autocomplete="name"
                                posted=error
                            />
                            <Field
                                id="delegate_email"
                                kind="email"
                                inputmode="email"
                                autocomplete="email"
                                label=move_tr!("join-delegate-email")
                                hint=move_tr!("join-confirm-hint")
                                posted=error
                            />
                        </fieldset>
                    }
                })}
            <fieldset>
                <legend>{move_tr!("join-lrp")}</legend>
                <Field id="lrp_given_name" label=move_tr!("join-given-name") posted=error />
                <Field id="lrp_family_name" label=move_tr!("join-family-name") posted=error />
                <Field id="lrp_title" label=move_tr!("join-lrp-title") posted=error />
                <Field
                    id="lrp_email"
                    kind="email"
                    inputmode="email"
                    label=move_tr!("join-email")
                    hint=Signal::derive(move || {
                        if requester == Requester::Lrp {
                            tr("join-confirm-hint")
                        } else {
                            tr("join-lrp-email-hint")
                        }
                    })
                    posted=error
                />
                <Field
                    id="lrp_phone"
                    kind="tel"
                    inputmode="tel"
                    label=move_tr!("join-phone-person")
                    posted=error
                />
            </fieldset>
            <fieldset>
                <legend>{move_tr!("join-admin")}</legend>
                <p class="hint">{move_tr!("join-admin-hint")}</p>
                <CheckBox id="lrp_is_admin" label=move_tr!("join-lrp-is-admin") error saved=false />
                <Field id="admin_given_name" label=move_tr!("join-given-name") required=false posted=error />
                <Field
                    id="admin_family_name"
                    label=move_tr!("join-family-name")
                    required=false
                    posted=error
                />
                <Field
                    id="admin_email"
                    kind="email"
                    inputmode="email"
                    label=move_tr!("join-email")
                    required=false
                    posted=error
                />
                <Field
                    id="admin_phone"
                    kind="tel"
                    inputmode="tel"
                    label=move_tr!("join-phone-person")
                    required=false
                    posted=error
                />
            </fieldset>
            <fieldset class:field-invalid=move || services_error.get().is_some()>
                <legend>{move_tr!("join-services")}</legend>
                <p class="hint">{move_tr!("join-services-hint")}</p>
                {move || services_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                {Service::ALL
                    .into_iter()
                    .filter(|service| *service != Service::Administration)
                    .map(|service| {
                        let field = format!("services[{}]", service.code());
                        let id = format!("service-{}", service.code());
                        let ticked = {
                            let field = field.clone();
                            move || error.get().is_some_and(|e| e.kept(&field).is_some())
                        };
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name=field checked=ticked />
                                <label for=id>{move || tr(service.name_key())}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="field" class:field-invalid=move || attested_error.get().is_some()>
                {move || attested_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                <CheckBox id="attested" label=move_tr!("join-attestation") error saved=false />
            </div>
            <Submit pending=action.pending()>{move_tr!("join-submit")}</Submit>
        </ActionForm>
    }
}

#[component]
pub fn JoinSentPage() -> impl IntoView {
    view! {
        <PageTitle title_key="join-sent-title" />
        <h1>{move_tr!("join-sent-title")}</h1>
        <p role="status">{move_tr!("join-sent-body")}</p>
        <p class="hint">{move_tr!("join-sent-hint")}</p>
    }
}

/// The link mailed to the requester: one button confirms (a mail app that opens links to check
/// them confirms nothing).
#[component]
pub fn JoinConfirmPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let action = ServerAction::<ConfirmOrganisationRequest>::new();
    let error = action_error(action);
    let link = Resource::new(
        move || (token(), action.version().get()),
        |(token, _)| organisation_request_link(token),
    );
    view! {
        <PageTitle title_key="join-confirm-title" />
        <Loaded data=link let:link>
            {match link {
                RequestLink::Unusable => {
                    view! {
                        <h1>{move_tr!("join-link-unusable-title")}</h1>
                        <p>{move_tr!("join-link-unusable-body")}</p>
                        <p>
                            <A href="/join">{move_tr!("join-ask-again")}</A>
                        </p>
                    }
                        .into_any()
                }
                RequestLink::Confirmed { organisation } => {
                    view! {
                        <h1>{move_tr!("join-confirmed-title")}</h1>
                        <p role="status" data-testid="join-confirmed">
                            {move || tr_with("join-confirmed", &[("organisation", &organisation)])}
                        </p>
                        <ProcessingBanner />
                        <p class="hint">{move_tr!("join-confirmed-next")}</p>
                    }
                        .into_any()
                }
                RequestLink::Waiting { organisation } => {
                    view! {
                        <h1>{move_tr!("join-confirm-title")}</h1>
                        <p>{move || tr_with("join-confirm-body", &[("organisation", &organisation)])}</p>
                        <ActionForm action=action>
                            <FormAlert error />
                            <input type="hidden" name="token" value=token() />
                            <Submit pending=action.pending()>{move_tr!("join-confirm-submit")}</Submit>
                        </ActionForm>
                    }
                        .into_any()
                }
            }}
        </Loaded>
    }
}

/// `/join/answer/:token`: the operator's question about the request, and the requester's answer.
#[component]
pub fn JoinAnswerPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let action = ServerAction::<AnswerOrganisationRequest>::new();
    let error = action_error(action);
    let link = Resource::new(
        move || (token(), action.version().get()),
        |(token, _)| organisation_request_question(token),
    );
    view! {
        <PageTitle title_key="join-answer-title" />
        <Loaded data=link let:link>
            {match link {
                QuestionLink::Unusable => {
                    view! {
                        <h1>{move_tr!("join-link-unusable-title")}</h1>
                        <p>{move_tr!("join-answer-unusable")}</p>
                    }
                        .into_any()
                }
                QuestionLink::Answered { organisation } => {
                    view! {
                        <h1>{move_tr!("join-answered-title")}</h1>
                        <p role="status" data-testid="join-answered">
                            {move || tr_with("join-answered", &[("organisation", &organisation)])}
                        </p>
                        <ProcessingBanner />
                    }
                        .into_any()
                }
                QuestionLink::Open { organisation, question } => {
                    view! {
                        <h1>{move_tr!("join-answer-title")}</h1>
                        <p>{move || tr_with("join-answer-intro", &[("organisation", &organisation)])}</p>
                        <blockquote class="note-body" data-testid="join-question">
                            {question}
                        </blockquote>
                        <ActionForm action=action>
                            <FormAlert error />
                            <input type="hidden" name="token" value=token() />
                            <TextArea
                                id="answer"
                                label=move_tr!("join-answer-label")
                                value=kept(error, "answer")
                                error=error_for(error, "answer")
                            />
                            <Submit pending=action.pending()>{move_tr!("join-answer-submit")}</Submit>
                        </ActionForm>
                    }
                        .into_any()
                }
            }}
        </Loaded>
    }
}

/// `/join/agreement/:token`: the legally responsible person reads the agreement and the terms,
/// types their name and accepts.
#[component]
pub fn JoinAgreementPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let action = ServerAction::<SignAgreement>::new();
    let error = action_error(action);
    let link =
        Resource::new(move || (token(), action.version().get()), |(token, _)| organisation_agreement(token));
    view! {
        <PageTitle title_key="join-agreement-title" />
        <Loaded data=link let:link>
            {match link {
                AgreementLink::Unusable => {
                    view! {
                        <h1>{move_tr!("join-link-unusable-title")}</h1>
                        <p>{move_tr!("join-agreement-unusable")}</p>
                    }
                        .into_any()
                }
                AgreementLink::Signed { organisation } => {
                    view! {
                        <h1>{move_tr!("join-agreement-signed-title")}</h1>
                        <p role="status" data-testid="join-agreement-signed">
                            {move || tr_with("join-agreement-signed", &[("organisation", &organisation)])}
                        </p>
                    }
                        .into_any()
                }
                AgreementLink::ToSign { organisation, lrp_name, agreement_html, terms_html } => {
                    view! {
                        <h1>{move_tr!("join-agreement-title")}</h1>
                        <p>{move || tr_with("join-agreement-intro", &[("organisation", &organisation)])}</p>
                        <article class="document" inner_html=agreement_html></article>
                        <article class="document" inner_html=terms_html></article>
                        <h2>{move_tr!("join-agreement-sign-title")}</h2>
                        <ActionForm action=action>
                            <FormAlert error />
                            <input type="hidden" name="token" value=token() />
                            <Field
                                id="signed_name"
                                label=move_tr!("join-agreement-name-label")
                                hint=Signal::derive(move || tr_with(
                                    "join-agreement-name-hint",
                                    &[("name", &lrp_name)],
                                ))
                                autocomplete="name"
                                posted=error
                            />
                            <CheckBox
                                id="accepted"
                                label=move_tr!("join-agreement-accept")
                                error
                                saved=false
                            />
                            <Submit pending=action.pending()>{move_tr!("join-agreement-submit")}</Submit>
                        </ActionForm>
                    }
                        .into_any()
                }
            }}
        </Loaded>
    }
}
