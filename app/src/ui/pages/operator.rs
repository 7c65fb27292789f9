//! The platform operator's console (`/operator`, `OperatorLayout`): organisations' requests to
//! join by state, oldest first, with their age; one request with everything its requester typed,
//! what was said since, and the decision — approve, ask for information, refuse with a reason —,
//! each a plain form; the operators, adding one, and the new operator's secret code shown once.
use crate::actions::OrganisationAction;
use crate::actions::RequestDecision;
use crate::api::operator::{
    operator_documents, operator_organisations, operator_request, operator_requests, operators,
    take_operator_code, ActOnOrganisation, AddOperator, DecideRequest, OrganisationLine, PublishDocument,
    RequestView, SetOfferedServices,
};
use crate::states::{DocumentKind, NoteKind, RequestState, Requester, Service};
use crate::ui::components::services::{ServiceBoxes, ServiceList};
use crate::ui::components::shown_once::{CodePage, CodeShownOnce};
use crate::ui::components::table::CellLabel;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{
    action_error, error_for, kept, kept_or, Field, FormAlert, LanguageChoice, Submit, TextArea,
};
use crate::ui::route::{route_params, with_id, OrganisationRequestParams};
use crate::ui::words::{long_date, long_date_time, tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// "3 days", "less than a day".
fn age_in_words(days: i64) -> String {
    tr_with("operator-age-days", &[("days", &days.to_string())])
}

#[component]
pub fn OperatorRequestsPage() -> impl IntoView {
    let query = use_query_map();
    let list = Resource::new(move || query.read().get("state"), operator_requests);
    view! {
        <PageTitle title_key="operator-requests-title" />
        <h1>{move_tr!("operator-requests-title")}</h1>
        <p>{move_tr!("operator-requests-intro")}</p>
        <Loaded data=list let:list>
            {
                let shown = list.state;
                let count = |state: RequestState| {
                    list.counts.iter().find(|(s, _)| *s == state).map(|(_, n)| *n).unwrap_or(0)
                };
                let tabs = RequestState::LISTED
                    .into_iter()
                    .map(|state| {
                        let n = count(state);
                        view! {
                            <li>
                                <a
                                    href=format!("/operator?state={}", state.code())
                                    aria-current=(state == shown).then_some("page")
                                >
                                    {move || tr(state.name_key())}
                                    " "
                                    <span class="badge">{n}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <nav aria-label=move_tr!("operator-states-label")>
                        <ul class="tabs">{tabs}</ul>
                    </nav>
                    <h2>{move || tr(shown.name_key())}</h2>
                    {if list.requests.is_empty() {
                        view! { <p>{move_tr!("operator-requests-none")}</p> }.into_any()
                    } else {
                        view! {
                            <table class="data-table" data-testid="operator-requests">
                                <caption class="visually-hidden">{move || tr(shown.name_key())}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{move_tr!("operator-request-organisation")}</th>
                                        <th scope="col">{move_tr!("operator-request-kind")}</th>
                                        <th scope="col">{move_tr!("operator-request-received")}</th>
                                        <th scope="col">{move_tr!("operator-request-age")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list
                                        .requests
                                        .into_iter()
                                        .map(|request| {
                                            view! {
                                                <tr>
                                                    <th scope="row">
                                                        <A href=format!(
                                                            "/operator/requests/{}",
                                                            request.id,
                                                        )>{request.organisation.clone()}</A>
                                                    </th>
                                                    <td>
                                                        <CellLabel label=move_tr!("operator-request-kind") />
                                                        {move || tr(request.kind.name_key())}
                                                    </td>
                                                    <td>
                                                        <CellLabel label=move_tr!("operator-request-received") />
                                                        {move || long_date(request.received)}
                                                    </td>
                                                    <td>
                                                        <CellLabel label=move_tr!("operator-request-age") />
                                                        {move || age_in_words(request.age_days)}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }}
                }
            }
        </Loaded>
    }
}

/// A term and its description in a request's details.
#[component]
fn Detail(term: &'static str, children: Children) -> impl IntoView {
    view! {
        <dt>{move || tr(term)}</dt>
        <dd>{children()}</dd>
    }
}

#[component]
pub fn OperatorRequestPage() -> impl IntoView {
    let params = route_params::<OrganisationRequestParams>();
    let id = move || params.get().map(|p| p.id);
    let query = use_query_map();
    let decide = ServerAction::<DecideRequest>::new();
    let error = action_error(decide);
    let request = Resource::new(
        move || (id(), decide.version().get(), query.read().get("done")),
        |(id, _, _)| with_id(id, operator_request),
    );
    let done = move || {
        query.read().get("done").and_then(|code| RequestDecision::parse(&code)).map(|decision| {
            view! {
                <p role="status" class="status" data-testid="operator-done">
                    {move || tr(&format!("operator-done-{}", decision.code()))}
                </p>
            }
        })
    };
    view! {
        <PageTitle title_key="operator-requests-title" />
        <p>
            <A href="/operator">{move_tr!("operator-request-back")}</A>
        </p>
        {done}
        <Loaded data=request let:request>
            <RequestDetails request=request.clone() />
            {request.state.awaits_decision().then(|| view! { <Decision id=request.id decide error /> })}
        </Loaded>
    }
}

#[component]
fn RequestDetails(request: RequestView) -> impl IntoView {
    let RequestView { legal_name, state, received, age_days, decided, .. } = request.clone();
    let organisation = legal_name.clone();
    view! {
        <h1>{move || tr_with("operator-request-title", &[("organisation", &organisation)])}</h1>
        <p data-testid="operator-request-state">
            {move_tr!("operator-request-state")} ": " <strong>{move || tr(state.name_key())}</strong>
        </p>
        <p>
            {move || {
                tr_with(
                    "operator-request-received-on",
                    &[("date", &long_date_time(received)), ("age", &age_in_words(age_days))],
                )
            }}
        </p>
        {decided
            .map(|(at, by)| {
                view! {
                    <p>
                        {move || {
                            tr_with(
                                "operator-request-decided",
                                &[
                                    ("state", &tr(state.name_key())),
                                    ("date", &long_date_time(at)),
                                    ("name", &by),
                                ],
                            )
                        }}
                    </p>
                }
            })}
        {(state == RequestState::Active)
            .then(|| {
                view! {
                    <p>
                        <A href=format!(
                            "/operator/requests/{}/agreement",
                            request.id,
                        )>{move_tr!("agreement-link")}</A>
                    </p>
                }
            })}
        <h2>{move_tr!("operator-request-the-organisation")}</h2>
        <dl class="facts">
            <Detail term="operator-request-organisation">{legal_name}</Detail>
            <Detail term="operator-request-kind">{move || tr(request.kind.name_key())}</Detail>
            <Detail term="operator-request-address">{request.address.clone()}</Detail>
            <Detail term="operator-request-phone">{request.phone.clone()}</Detail>
            <Detail term="operator-request-language">{request.language.native_name()}</Detail>
            <Detail term="operator-request-requester">
                {match request.delegate.clone() {
                    Some((name, email)) if request.requester == Requester::Delegate => {
                        tr_with("operator-request-requester-delegate", &[("name", &name), ("email", &email)])
                    }
                    _ => tr("operator-request-requester-lrp"),
                }}
            </Detail>
        </dl>
        <h3>{move_tr!("operator-request-services")}</h3>
        <ServiceList services=request.services.clone() />
        <h2>{move_tr!("operator-request-lrp")}</h2>
        <dl class="facts">
            <Detail term="operator-request-name">{request.lrp.name.clone()}</Detail>
            <Detail term="operator-request-title-field">{request.lrp_title.clone()}</Detail>
            <Detail term="operator-request-email">{request.lrp.email.clone()}</Detail>
            <Detail term="operator-request-phone">{request.lrp.phone.clone()}</Detail>
        </dl>
        <h2>{move_tr!("operator-request-admin")}</h2>
        <dl class="facts">
            <Detail term="operator-request-name">{request.admin.name.clone()}</Detail>
            <Detail term="operator-request-email">{request.admin.email.clone()}</Detail>
            <Detail term="operator-request-phone">{request.admin.phone.clone()}</Detail>
        </dl>
        {(!request.notes.is_empty())
            .then(|| {
                view! {
                    <h2>{move_tr!("operator-request-notes")}</h2>
                    <ol class="notes" data-testid="operator-request-notes">
                        {request
                            .notes
                            .clone()
                            .into_iter()
                            .map(|note| {
                                let author = note.author.clone().unwrap_or_default();
                                let kind = note.kind;
                                view! {
                                    <li class=match kind {
                                        NoteKind::Answer => "note note-answer",
                                        _ => "note",
                                    }>
                                        <p class="note-meta">
                                            <strong>
                                                {move || tr_with(kind.name_key(), &[("name", &author)])}
                                            </strong>
                                            ", "
                                            {move || long_date_time(note.at)}
                                        </p>
                                        <p class="note-body">{note.body.clone()}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
            })}
    }
}

/// The three decisions, each its own plain form to the same server function.
#[component]
fn Decision(
    id: crate::door::OrganisationRequestId,
    decide: ServerAction<DecideRequest>,
    error: Signal<Option<crate::api::ApiError>>,
) -> impl IntoView {
    let id = id.get();
    view! {
        <h2>{move_tr!("operator-decide-title")}</h2>
        <FormAlert error />
        <DecisionForm id decide error decision=RequestDecision::Approve />
        <DecisionForm id decide error decision=RequestDecision::Ask />
        <DecisionForm id decide error decision=RequestDecision::Refuse />
    }
}

/// One decision's form: its title, what it does, the text it needs (a question, a reason) and
/// its button. A refusal keeps the text typed in the form it came from.
#[component]
fn DecisionForm(
    id: i64,
    decide: ServerAction<DecideRequest>,
    error: Signal<Option<crate::api::ApiError>>,
    decision: RequestDecision,
) -> impl IntoView {
    let (title, hint, submit, text, button) = match decision {
        RequestDecision::Approve => {
            ("operator-approve-title", "operator-approve-hint", "operator-approve-submit", None, "button")
        }
        RequestDecision::Ask => (
            "operator-ask-title",
            "operator-ask-hint",
            "operator-ask-submit",
            Some(("question", "operator-ask-label")),
            "button",
        ),
        RequestDecision::Refuse => (
            "operator-refuse-title",
            "operator-refuse-hint",
            "operator-refuse-submit",
            Some(("reason", "operator-refuse-label")),
            "button button-danger",
        ),
    };
    let heading = match decision {
        RequestDecision::Approve => "approve-title",
        RequestDecision::Ask => "ask-title",
        RequestDecision::Refuse => "refuse-title",
    };
    let posted = Signal::derive(move || {
        error.get().filter(|_| decide.input().get().is_none_or(|i| i.decision == decision))
    });
    view! {
        <section class="decision" aria-labelledby=heading>
            <h3 id=heading>{move || tr(title)}</h3>
            <ActionForm action=decide>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="decision" value=decision.code() />
                <p class="hint">{move || tr(hint)}</p>
                {text
                    .map(|(field, label)| {
                        view! {
                            <TextArea
                                id=field
                                label=Signal::derive(move || tr(label))
                                value=kept(posted, field)
                                error=error_for(error, field)
                                rows=4
                            />
                        }
                    })}
                <Submit pending=decide.pending() class=button>
                    {move || tr(submit)}
                </Submit>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn OperatorsPage() -> impl IntoView {
    let add = ServerAction::<AddOperator>::new();
    let error = action_error(add);
    let list = Resource::new(move || add.version().get(), |_| operators());
    view! {
        <PageTitle title_key="operator-operators-title" />
        <h1>{move_tr!("operator-operators-title")}</h1>
        <p>{move_tr!("operator-operators-intro")}</p>
        <Loaded data=list let:list>
            <table class="data-table" data-testid="operators">
                <caption class="visually-hidden">{move_tr!("operator-operators-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move_tr!("operator-request-name")}</th>
                        <th scope="col">{move_tr!("operator-request-email")}</th>
                        <th scope="col">{move_tr!("operator-operator-state")}</th>
                        <th scope="col">{move_tr!("operator-operator-since")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|line| {
                            let state = if line.pending {
                                "operator-operator-pending"
                            } else {
                                "operator-operator-active"
                            };
                            view! {
                                <tr>
                                    <th scope="row">
                                        {line.name.clone()}
                                        {line
                                            .is_me
                                            .then(|| {
                                                view! {
                                                    " "
                                                    {move_tr!("operator-operator-me")}
                                                }
                                            })}
                                    </th>
                                    <td>
                                        <CellLabel label=move_tr!("operator-request-email") />
                                        {line.email.clone()}
                                    </td>
                                    <td>
                                        <CellLabel label=move_tr!("operator-operator-state") />
                                        {move || tr(state)}
                                    </td>
                                    <td>
                                        <CellLabel label=move_tr!("operator-operator-since") />
                                        {move || long_date(line.since)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Loaded>
        <h2>{move_tr!("operator-add-title")}</h2>
        <p class="hint">{move_tr!("operator-add-hint")}</p>
        <ActionForm action=add>
            <FormAlert error />
            <Field id="given_name" label=move_tr!("invite-given-name") autocomplete="off" posted=error />
            <Field id="family_name" label=move_tr!("invite-family-name") autocomplete="off" posted=error />
            <Field id="email" kind="email" inputmode="email" label=move_tr!("invite-email") posted=error />
            <LanguageChoice error />
            <Submit pending=add.pending()>{move_tr!("operator-add-submit")}</Submit>
        </ActionForm>
    }
}

#[component]
pub fn OperatorCodePage() -> impl IntoView {
    let issued = Resource::new(|| (), |_| take_operator_code());
    let texts = CodePage {
        title: "operator-code-title",
        intro: "operator-code-intro",
        reminder: "operator-code-write-down",
        expires: "operator-code-expires",
        gone: "operator-code-gone",
        back: ("/operator/operators", "operator-code-back"),
        test_id: "secret-code",
    };
    view! {
        <PageTitle title_key="operator-code-title" />
        <CodeShownOnce issued texts />
    }
}

/// The organisations, each with its state, administrators, counts and services; "Suspend" and
/// "Change the services offered" open their form on the page (`?suspend=id`, `?services=id`, so
/// they work without JavaScript), "Reactivate" is one button.
#[component]
pub fn OperatorOrganisationsPage() -> impl IntoView {
    let query = use_query_map();
    let act = ServerAction::<ActOnOrganisation>::new();
    let error = action_error(act);
    let offer = ServerAction::<SetOfferedServices>::new();
    let offer_error = action_error(offer);
    let list = Resource::new(
        move || (act.version().get(), offer.version().get(), query.read().get("done")),
        |_| operator_organisations(),
    );
    let done = move || {
        query
            .read()
            .get("done")
            .filter(|d| ["suspended", "reactivated", "services"].contains(&d.as_str()))
            .map(|done| {
                view! {
                    <p role="status" class="status" data-testid="operator-done">
                        {move || tr(&format!("operator-done-{done}"))}
                    </p>
                }
            })
    };
    let suspending = move || {
        query
            .read()
            .get("suspend")
            .or_else(|| error.get().and_then(|e| e.kept("organisation_id").map(str::to_string)))
    };
    let offering = move || {
        query
            .read()
            .get("services")
            .or_else(|| offer_error.get().and_then(|e| e.kept("organisation_id").map(str::to_string)))
    };
    view! {
        <PageTitle title_key="operator-organisations-title" />
        <h1>{move_tr!("operator-organisations-title")}</h1>
        <p>{move_tr!("operator-organisations-intro")}</p>
        {done}
        <Loaded data=list let:list>
            {if list.is_empty() {
                view! { <p>{move_tr!("operator-organisations-none")}</p> }.into_any()
            } else {
                list.into_iter()
                    .map(|organisation| {
                        let id = Some(organisation.id.to_string());
                        let open = suspending() == id;
                        let offering_open = offering() == id;
                        view! {
                            <OrganisationCard organisation open act error offering_open offer offer_error />
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </Loaded>
    }
}

#[component]
fn OrganisationCard(
    organisation: OrganisationLine,
    /// Its suspension form is open.
    open: bool,
    act: ServerAction<ActOnOrganisation>,
    error: Signal<Option<crate::api::ApiError>>,
    /// Its services form is open.
    offering_open: bool,
    offer: ServerAction<SetOfferedServices>,
    offer_error: Signal<Option<crate::api::ApiError>>,
) -> impl IntoView {
    let OrganisationLine { id, name, since, suspended, administrators, staff, patients, services } =
        organisation;
    let anchor = format!("organisation-{id}");
    let heading = anchor.clone();
    let state = suspended.clone();
    view! {
        // An article, not a landmark: two organisations may bear the same name.
        <article class="organisation" aria-labelledby=heading data-testid="operator-organisation">
            <h2 id=anchor>{name}</h2>
            <dl class="facts">
                <dt>{move_tr!("operator-organisation-state")}</dt>
                <dd>
                    {move || match &state {
                        Some((at, _)) => {
                            tr_with("operator-organisation-suspended", &[("date", &long_date(*at))])
                        }
                        None => tr("operator-organisation-active"),
                    }}
                </dd>
                <dt>{move_tr!("operator-organisation-since")}</dt>
                <dd>{move || long_date(since)}</dd>
                <dt>{move_tr!("operator-organisation-administrators")}</dt>
                <dd>
                    {administrators
                        .into_iter()
                        .map(|(name, email)| {
                            view! { <span class="line">{format!("{name} ({email})")}</span> }
                        })
                        .collect_view()}
                </dd>
                <dt>{move_tr!("operator-organisation-counts")}</dt>
                <dd>
                    {move || {
                        tr_with(
                            "operator-organisation-count",
                            &[("staff", &staff.to_string()), ("patients", &patients.to_string())],
                        )
                    }}
                </dd>
                <dt>{move_tr!("operator-organisation-services")}</dt>
                <dd>
                    <ServiceList services=services.clone() />
                </dd>
            </dl>
            {if offering_open {
                let choosable: Vec<Service> = Service::ALL
                    .into_iter()
                    .filter(|s| *s != Service::Administration)
                    .collect();
                view! {
                    <ActionForm action=offer attr:data-testid="offering-form">
                        <FormAlert error=offer_error />
                        <input type="hidden" name="organisation_id" value=id.get() />
                        <ServiceBoxes
                            error=offer_error
                            held=services
                            offered=choosable
                            legend="operator-services-legend"
                            hint=Some("operator-services-hint")
                        />
                        <Submit pending=offer.pending()>{move_tr!("operator-services-submit")}</Submit>
                    </ActionForm>
                }
                    .into_any()
            } else {
                view! {
                    <p>
                        <a href=format!(
                            "/operator/organisations?services={id}#organisation-{id}",
                        )>{move_tr!("operator-services-change")}</a>
                    </p>
                }
                    .into_any()
            }}
            {match suspended {
                Some((_, reason)) => {
                    view! {
                        <p class="note-body">
                            {move || tr_with("operator-organisation-reason", &[("reason", &reason)])}
                        </p>
                        <ActionForm action=act>
                            <input type="hidden" name="organisation_id" value=id.get() />
                            <input type="hidden" name="action" value=OrganisationAction::Reactivate.code() />
                            <Submit pending=act.pending()>{move_tr!("operator-reactivate-submit")}</Submit>
                        </ActionForm>
                    }
                        .into_any()
                }
                None if open => {
                    view! {
                        <ActionForm action=act>
                            <FormAlert error />
                            <input type="hidden" name="organisation_id" value=id.get() />
                            <input type="hidden" name="action" value=OrganisationAction::Suspend.code() />
                            <p class="hint">{move_tr!("operator-suspend-hint")}</p>
                            <TextArea
                                id="reason"
                                label=move_tr!("operator-suspend-label")
                                value=kept(error, "reason")
                                error=error_for(error, "reason")
                                rows=3
                            />
                            <Submit pending=act.pending() class="button button-danger">
                                {move_tr!("operator-suspend-submit")}
                            </Submit>
                        </ActionForm>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p>
                            <a href=format!(
                                "/operator/organisations?suspend={id}#organisation-{id}",
                            )>{move_tr!("operator-suspend-submit")}</a>
                        </p>
                    }
                        .into_any()
                }
            }}
        </article>
    }
}

/// `/operator/documents`: the terms of use and the participation agreement. One at a time
/// (`?kind=`), its current text in both languages to edit and publish as the next version, and
/// every version published.
#[component]
pub fn OperatorDocumentsPage() -> impl IntoView {
    let publish = ServerAction::<PublishDocument>::new();
    let error = action_error(publish);
    let query = use_query_map();
    let kind =
        move || query.read().get("kind").and_then(|k| DocumentKind::parse(&k)).unwrap_or(DocumentKind::Terms);
    let documents =
        Resource::new(move || (kind(), publish.version().get()), |(kind, _)| operator_documents(kind));
    let published = move || query.read().get("published").is_some();
    view! {
        <PageTitle title_key="operator-documents-title" />
        <h1>{move_tr!("operator-documents-title")}</h1>
        <p>{move_tr!("operator-documents-intro")}</p>
        <p role="status" class="status">
            {move || published().then(|| tr("operator-document-published"))}
        </p>
        <ul class="tabs">
            {DocumentKind::ALL
                .into_iter()
                .map(|k| {
                    view! {
                        <li>
                            <a
                                href=format!("/operator/documents?kind={}", k.code())
                                aria-current=move || (kind() == k).then_some("page")
                            >
                                {move || tr(&format!("document-{}", k.code()))}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <Loaded data=documents let:documents>
            {
                let next = (documents.version + 1).to_string();
                let kind = documents.kind;
                view! {
                    <h2>
                        {move || {
                            tr_with(
                                "operator-document-current",
                                &[
                                    ("document", &tr(&format!("document-{}", kind.code()))),
                                    ("version", &documents.version.to_string()),
                                ],
                            )
                        }}
                    </h2>
                    <p class="hint">{move || tr(&format!("operator-document-effect-{}", kind.code()))}</p>
                    <ActionForm action=publish>
                        <FormAlert error />
                        <input type="hidden" name="kind" value=kind.code() />
                        <TextArea
                            id="body_fr"
                            rows=16
                            label=move_tr!("operator-document-french")
                            value=kept_or(error, "body_fr", documents.body_fr.clone())
                            error=error_for(error, "body_fr")
                        />
                        <TextArea
                            id="body_en"
                            rows=16
                            label=move_tr!("operator-document-english")
                            value=kept_or(error, "body_en", documents.body_en.clone())
                            error=error_for(error, "body_en")
                        />
                        <Submit pending=publish
                            .pending()>
                            {move || tr_with("operator-document-publish", &[("version", &next)])}
                        </Submit>
                    </ActionForm>
                    <h2>{move_tr!("operator-document-versions")}</h2>
                    <table class="data-table" data-testid="document-versions">
                        <caption class="visually-hidden">{move_tr!("operator-document-versions")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move_tr!("operator-document-name")}</th>
                                <th scope="col">{move_tr!("operator-document-version")}</th>
                                <th scope="col">{move_tr!("operator-document-date")}</th>
                                <th scope="col">{move_tr!("operator-document-by")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {documents
                                .versions
                                .into_iter()
                                .map(|v| {
                                    let by = v.by.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                {move || tr(&format!("document-{}", v.kind.code()))}
                                            </th>
                                            <td>
                                                <CellLabel label=move_tr!("operator-document-version") />
                                                {v.version}
                                            </td>
                                            <td>
                                                <CellLabel label=move_tr!("operator-document-date") />
                                                {move || long_date(v.published)}
                                            </td>
                                            <td>
                                                <CellLabel label=move_tr!("operator-document-by") />
                                                {by
                                                    .clone()
                                                    .unwrap_or_else(|| tr("operator-document-shipped"))}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
            }
        </Loaded>
    }
}
