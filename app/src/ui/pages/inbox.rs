//! The care team's side of messaging: the inbox of the teams a professional is in (unread,
//! assigned to me, all; searched by patient or subject; 50 a page), a conversation with its reply
//! box and "the patient may reply", taking it and closing it, and writing first to a patient.
use crate::actions::ConversationAction;
use crate::api::messages::{
    new_conversation_form, team_conversation, team_inbox, team_latest_message, ManageConversation,
    StartConversation,
};
use crate::api::ApiError;

use crate::ui::components::messages::{
    follow_new_messages, ConversationItems, EmailPreference, FilesField, MessageThread, ReplyBox, Side,
    TeamSelect,
};
use crate::ui::components::pager::Pager;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{
    error_for, kept, posted_error, CheckBox, Field, FormAlert, MultipartForm, Submit, TextArea,
};
use crate::ui::route::{route_params, with_id, ConversationParams, PatientParams};
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

const FILTERS: [(&str, &str); 3] = [("", "inbox-all"), ("unread", "inbox-unread"), ("mine", "inbox-mine")];

#[component]
pub fn TeamInbox() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let filter = move || query.read().get("filter").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1);
    let list = Resource::new(move || (filter(), search(), page()), |(f, q, page)| team_inbox(f, q, page));
    let address = move |filter: &str, page: i64| {
        format!("/staff/inbox?filter={filter}&q={}&page={page}", urlencoding::encode(&search()))
    };
    view! {
        <PageTitle title_key="inbox-title" />
        <h1>{move_tr!("inbox-title")}</h1>
        <nav aria-label=move_tr!("inbox-filters")>
            <ul class="tabs">
                {FILTERS
                    .into_iter()
                    .map(|(code, key)| {
                        view! {
                            <li>
                                <a
                                    href=move || address(code, 1)
                                    aria-current=move || (filter() == code).then_some("page")
                                >
                                    {move || tr_with(key, &[])}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <form method="get" action="/staff/inbox" role="search" class="search">
            <input type="hidden" name="filter" value=filter />
            <label for="q">{move_tr!("inbox-search-label")}</label>
            <div class="search-row">
                <input id="q" name="q" type="search" value=search />
                <button type="submit" class="button">
                    {move_tr!("patients-search-submit")}
                </button>
            </div>
        </form>
        <Loaded data=list let:list>
            {if list.lines.is_empty() {
                view! { <p>{move_tr!("inbox-none")}</p> }.into_any()
            } else {
                view! {
                    <p class="hint" role="status">
                        {move_tr!("messages-count", { "total" => list.total })}
                    </p>
                    <ConversationItems
                        lines=list.lines
                        href=|id| format!("/staff/conversations/{id}")
                        show_patient=true
                    />
                    <Pager
                        page=list.page
                        pages=list.pages
                        href=move |n| address(&filter(), n)
                        label=move_tr!("messages-pages")
                        before=move_tr!("access-log-newer")
                        after=move_tr!("access-log-older")
                    />
                }
                    .into_any()
            }}
        </Loaded>
        <EmailPreference daily=true />
    }
}

#[component]
pub fn TeamConversationPage() -> impl IntoView {
    let params = route_params::<ConversationParams>();
    let id = move || params.get().map(|p| p.id);
    let manage = ServerAction::<ManageConversation>::new();
    let thread =
        Resource::new(move || (id(), manage.version().get()), |(id, ..)| with_id(id, team_conversation));
    let draft = RwSignal::new(String::new());
    let shown = Signal::derive(move || {
        thread.get().and_then(Result::ok).and_then(|t| t.messages.last().map(|m| m.id))
    });
    follow_new_messages(
        shown,
        move || async move { team_latest_message(id()?).await.ok() },
        move || thread.refetch(),
    );
    view! {
        <PageTitle title_key="conversation-title" />
        <Loaded data=thread let:t>
            {
                let (team, id, patient) = (t.team.clone(), t.id, t.patient.clone());
                let manage_button = move |action: ConversationAction| {
                    view! {
                        <ActionForm action=manage attr:class="inline-form">
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="action" value=action.code() />
                            <Submit pending=manage.pending() class="link-button">
                                {move || tr_with(&format!("conversation-{}", action.code()), &[])}
                            </Submit>
                        </ActionForm>
                    }
                };
                view! {
                    <h1>{t.subject.clone()}</h1>
                    <p class="hint">
                        <A href=format!("/staff/patients/{}", t.patient_id)>{patient}</A>
                        " · "
                        {move || tr_with("conversation-team", &[("team", &team)])}
                        {t
                            .assigned_to
                            .clone()
                            .map(|name| {
                                view! {
                                    " · "
                                    {move || tr_with("conversation-assigned-to", &[("name", &name)])}
                                }
                            })}
                        {t
                            .closed
                            .then(|| {
                                view! {
                                    " · "
                                    {move_tr!("conversation-closed")}
                                }
                            })}
                    </p>
                    <div class="actions">
                        {manage_button(
                            if t.assigned_to_me {
                                ConversationAction::Release
                            } else {
                                ConversationAction::Take
                            },
                        )}
                        {manage_button(
                            if t.closed { ConversationAction::Reopen } else { ConversationAction::Close },
                        )}
                    </div>
                    <MessageThread messages=t.messages.clone() patient=t.patient.clone() />
                    {if t.closed {
                        view! { <p class="notice">{move_tr!("conversation-closed-staff")}</p> }.into_any()
                    } else {
                        view! {
                            <ReplyBox
                                side=Side::Team {
                                    replies_by_default: t.replies_by_default,
                                }
                                conversation_id=t.id
                                draft
                                on_sent=Callback::new(move |_| thread.refetch())
                            />
                        }
                            .into_any()
                    }}
                }
                    .into_any()
            }
        </Loaded>
        <p>
            <A href="/staff/inbox">{move_tr!("inbox-back")}</A>
        </p>
    }
}

/// A professional writes first to a patient, from one of their teams that follows the patient.
#[component]
pub fn NewConversationPage() -> impl IntoView {
    let sending = RwSignal::new(false);
    let params = route_params::<PatientParams>();
    let patient_id = move || params.get().map(|p| p.id);
    let posted = RwSignal::new(posted_error(StartConversation::PATH));
    let error: Signal<Option<ApiError>> = posted.into();
    let form = Resource::new(patient_id, |id| with_id(id, new_conversation_form));
    view! {
        <PageTitle title_key="conversation-new-title" />
        <Loaded data=form let:f>
            {if f.teams.is_empty() {
                view! {
                    <h1>{move_tr!("conversation-new-title")}</h1>
                    <p>{move_tr!("conversation-new-no-team")}</p>
                }
                    .into_any()
            } else {
                {
                    let patient = f.patient.clone();
                    view! {
                        <h1>{move || tr_with("conversation-new-heading", &[("patient", &patient)])}</h1>
                        <MultipartForm path=StartConversation::PATH error=posted sending>
                            <input
                                type="hidden"
                                name="patient_id"
                                value=patient_id().map(|id| id.to_string())
                            />
                            <FormAlert error />
                            <TeamSelect label=move_tr!("message-team-from") teams=f.teams error />
                            <Field id="subject" label=move_tr!("message-subject") posted=error />
                            <TextArea
                                id="body"
                                label=move_tr!("message-body")
                                value=kept(error, "body")
                                error=error_for(error, "body")
                            />
                            <FilesField error=error_for(error, "files") />
                            <CheckBox
                                id="replies"
                                label=move_tr!("message-replies-allowed")
                                error
                                saved=f.replies_by_default
                            />
                            <Submit pending=sending>{move_tr!("message-send")}</Submit>
                        </MultipartForm>
                    }
                        .into_any()
                }
            }}
        </Loaded>
        <p>
            <A href=move || {
                patient_id().map(|id| format!("/staff/patients/{id}")).unwrap_or_default()
            }>{move_tr!("cancel")}</A>
        </p>
    }
}
