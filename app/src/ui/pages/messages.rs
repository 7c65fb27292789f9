//! The patient's side of messaging: their conversations with their care teams, one conversation
//! with its reply box (or why there is none), and writing first when a team allows it. A caregiver
//! whose grant covers messages gets the same pages under `/for/:grant/messages`, with the banner
//! saying for whom they act. Every form posts without JavaScript too.
use crate::api::messages::{
    latest_message, my_conversation, my_conversations, HideFromCaregivers, StartMyConversation,
};
use crate::api::ApiError;
use crate::door::{ConversationId, Door};
use crate::paths::Page;
use crate::ui::components::messages::{
    follow_new_messages, ConversationItems, EmailPreference, FilesField, MessageThread, ReplyBox, Side,
    TeamSelect,
};
use crate::ui::components::pager::Pager;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{
    error_for, kept, posted_error, Field, FormAlert, MultipartForm, SearchForm, Submit, TextArea,
};
use crate::ui::layout::use_door;
use crate::ui::route::{route_params, with_id, ConversationParams};
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// `/messages`, or `/for/:grant/messages` for a caregiver (the door comes from the layout).
#[component]
pub fn MessagesPage() -> impl IntoView {
    let door = use_door();
    let grant = door.grant();
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1);
    let list = Resource::new(move || (search(), page()), move |(q, page)| my_conversations(grant, q, page));
    let here = Page::Conversations { door }.href();
    view! {
        <PageTitle title_key="messages-title" />
        <h1>{move_tr!("messages-title")}</h1>
        <p class="hint">{move_tr!("messages-intro")}</p>
        <SearchForm
            action=if grant.is_some() { "" } else { "/messages" }
            id="q"
            label=move_tr!("messages-search-label")
            submit=move_tr!("patients-search-submit")
            value=Signal::derive(search)
        />
        <Loaded data=list let:list>
            {
                let pager_base = here.clone();
                view! {
                    {(!list.startable.is_empty())
                        .then(|| {
                            view! {
                                <p>
                                    <A href=Page::NewConversation { door }.href() attr:class="button">
                                        {move_tr!("messages-write")}
                                    </A>
                                </p>
                            }
                        })}
                    {if list.lines.is_empty() {
                        view! { <p>{move_tr!("messages-none")}</p> }.into_any()
                    } else {
                        view! {
                            <p class="hint" role="status">
                                {move_tr!("messages-count", { "total" => list.total })}
                            </p>
                            <ConversationItems lines=list.lines href=move |id| conversation_href(door, id) />
                            <Pager
                                page=list.page
                                pages=list.pages
                                href=move |n| {
                                    format!("{pager_base}?q={}&page={n}", urlencoding::encode(&search()))
                                }
                                label=move_tr!("messages-pages")
                                before=move_tr!("access-log-newer")
                                after=move_tr!("access-log-older")
                            />
                        }
                            .into_any()
                    }}
                }
            }
        </Loaded>
        {grant.is_none().then(|| view! { <EmailPreference daily=false /> })}
    }
}

/// A conversation's address from a list's line.
fn conversation_href(door: Door, id: i64) -> String {
    ConversationId::new(id).map(|id| Page::Conversation { door, id }.href()).unwrap_or_default()
}

#[component]
pub fn ConversationPage() -> impl IntoView {
    let door = use_door();
    let grant = door.grant();
    let params = route_params::<ConversationParams>();
    let id = move || params.get().map(|p| p.id);
    let hide = ServerAction::<HideFromCaregivers>::new();
    let thread = Resource::new(
        move || (id(), hide.version().get()),
        move |(id, ..)| with_id(id, move |id| my_conversation(grant, id)),
    );
    let draft = RwSignal::new(String::new());
    let shown = Signal::derive(move || {
        thread.get().and_then(Result::ok).and_then(|t| t.messages.last().map(|m| m.id))
    });
    follow_new_messages(
        shown,
        move || async move { latest_message(grant, id()?).await.ok() },
        move || thread.refetch(),
    );
    let back = Page::Conversations { door }.href();
    view! {
        <PageTitle title_key="conversation-title" />
        <Loaded data=thread let:t>
            {
                let phone = t.team_phone.clone();
                let team = t.team.clone();
                view! {
                    <h1>{t.subject.clone()}</h1>
                    <p class="hint">{move || tr_with("conversation-with", &[("team", &team)])}</p>
                    <MessageThread messages=t.messages.clone() patient=t.patient.clone() />
                    {if t.closed {
                        view! {
                            <p class="notice" data-testid="no-reply">
                                {move_tr!("conversation-closed-explained")}
                            </p>
                        }
                            .into_any()
                    } else if !t.replies_allowed {
                        view! {
                            <p class="notice" data-testid="no-reply">
                                {move || {
                                    if phone.is_empty() {
                                        tr_with("replies-off-explained", &[])
                                    } else {
                                        tr_with("replies-off-explained-phone", &[("phone", &phone)])
                                    }
                                }}
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <ReplyBox
                                side=Side::Patient { grant }
                                conversation_id=t.id
                                draft
                                on_sent=Callback::new(move |_| thread.refetch())
                            />
                        }
                            .into_any()
                    }}
                    {grant
                        .is_none()
                        .then(|| {
                            view! {
                                <ActionForm action=hide attr:class="inline-form">
                                    <input type="hidden" name="id" value=t.id />
                                    <div class="choice">
                                        <input
                                            type="checkbox"
                                            id="hidden"
                                            name="hidden"
                                            checked=t.hidden_from_caregivers
                                        />
                                        <label for="hidden">{move_tr!("conversation-hide-label")}</label>
                                    </div>
                                    <Submit pending=hide.pending() class="link-button">
                                        {move_tr!("save")}
                                    </Submit>
                                </ActionForm>
                            }
                        })}
                }
                    .into_any()
            }
        </Loaded>
        <p>
            <A href=back>{move_tr!("messages-back")}</A>
        </p>
    }
}

/// Writing first to a care team that lets patients start a conversation.
#[component]
pub fn NewMessagePage() -> impl IntoView {
    let sending = RwSignal::new(false);
    let door = use_door();
    let grant = door.grant();
    let posted = RwSignal::new(posted_error(StartMyConversation::PATH));
    let error: Signal<Option<ApiError>> = posted.into();
    let teams = Resource::new(|| (), move |_| my_conversations(grant, String::new(), 1));
    view! {
        <PageTitle title_key="messages-write" />
        <h1>{move_tr!("messages-write")}</h1>
        <Loaded data=teams let:list>
            {if list.startable.is_empty() {
                view! { <p>{move_tr!("messages-write-none")}</p> }.into_any()
            } else {
                view! {
                    <MultipartForm path=StartMyConversation::PATH error=posted sending>
                        {grant
                            .map(|grant| {
                                view! { <input type="hidden" name="grant" value=grant.to_string() /> }
                            })}
                        <FormAlert error />
                        <TeamSelect label=move_tr!("message-team") teams=list.startable error />
                        <Field id="subject" label=move_tr!("message-subject") posted=error />
                        <TextArea
                            id="body"
                            label=move_tr!("message-body")
                            value=kept(error, "body")
                            error=error_for(error, "body")
                        />
                        <FilesField error=error_for(error, "files") />
                        <Submit pending=sending>{move_tr!("message-send")}</Submit>
                    </MultipartForm>
                }
                    .into_any()
            }}
        </Loaded>
        <p>
            <A href=Page::Conversations { door }.href()>{move_tr!("cancel")}</A>
        </p>
    }
}
