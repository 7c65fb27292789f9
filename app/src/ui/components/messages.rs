//! What the patient's side and the care team's pages of a conversation share: the messages,
//! oldest first, each saying who wrote it (a caregiver "for" the patient), when, and whether it is
//! new to the reader; the list of conversations with their unread marker; the route's ids.
use crate::api::messages::{ConversationLine, MessageView};
use crate::ui::dates::long_date_time;
use crate::ui::layout::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// A number from the route (`:id`, `:grant`); 0 when absent or not a number.
pub fn route_number(name: &'static str) -> impl Fn() -> i64 + Copy {
    let params = use_params_map();
    move || params.read().get(name).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// With JavaScript, asks `latest` every 5 seconds for the newest message's id and calls
/// `reload` when it is newer than the one shown (`shown`); stops when the page goes away.
pub fn follow_new_messages<F, Fut>(
    shown: Signal<Option<i64>>,
    latest: F,
    reload: impl Fn() + Clone + Send + Sync + 'static,
) where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Option<i64>> + 'static,
{
    #[cfg(feature = "hydrate")]
    {
        let handle = set_interval_with_handle(
            move || {
                let (latest, reload) = (latest.clone(), reload.clone());
                leptos::task::spawn_local(async move {
                    if let (Some(newest), Some(current)) = (latest().await, shown.get_untracked()) {
                        if newest > current {
                            reload();
                        }
                    }
                });
            },
            std::time::Duration::from_secs(5),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (shown, latest, reload);
}

/// The reply box's value: what the person is typing (`draft`, kept when a new message reloads the
/// conversation), or what came back with an error from a post without JavaScript.
pub fn draft_or_kept(error: Signal<Option<crate::api::ApiError>>, draft: RwSignal<String>) -> Signal<String> {
    Signal::derive(move || {
        let typed = draft.get_untracked();
        if typed.is_empty() {
            error.get().and_then(|e| e.kept("body").map(str::to_string)).unwrap_or_default()
        } else {
            typed
        }
    })
}

/// "Marc Côté (caregiver) for Éloïse D'Amours-Côté", or the author's name.
fn author_text(message: &MessageView, patient: &str) -> String {
    match message.role.as_str() {
        "caregiver" => {
            tr_with("message-author-caregiver", &[("name", &message.author), ("patient", patient)])
        }
        "staff" => tr_with("message-author-staff", &[("name", &message.author)]),
        _ => message.author.clone(),
    }
}

#[component]
pub fn MessageThread(messages: Vec<MessageView>, patient: String) -> impl IntoView {
    view! {
        <ol class="thread" data-testid="thread">
            {messages.into_iter().map(|m| {
                let author = author_text(&m, &patient);
                let at = m.at;
                view! {
                    <li class="message" class:message-mine=m.mine class:message-new=m.new id=format!("message-{}", m.id)>
                        <p class="message-meta">
                            <span class="message-author">{move || if m.mine { tr_with("message-author-me", &[]) } else { author.clone() }}</span>
                            " · "
                            <span>{move || long_date_time(at)}</span>
                            {m.new.then(|| view! { " " <span class="badge">{move_tr!("message-new")}</span> })}
                        </p>
                        <div class="message-body">{m.body.clone()}</div>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// Conversations as links, newest first; an unread one is bold and says "New" in words.
#[component]
pub fn ConversationItems(
    lines: Vec<ConversationLine>,
    href: impl Fn(i64) -> String,
    #[prop(default = false)] show_patient: bool,
) -> impl IntoView {
    view! {
        <ul class="conversations" data-testid="conversations">
            {lines.into_iter().map(|c| {
                let at = c.last_message_at;
                let patient = show_patient.then(|| c.patient.clone());
                view! {
                    <li class="conversation" class:conversation-unread=c.unread>
                        <A href=href(c.id)>
                            {c.unread.then(|| view! { <span class="badge">{move_tr!("message-new")}</span> " " })}
                            <span class="conversation-subject">{c.subject.clone()}</span>
                        </A>
                        <p class="conversation-meta">
                            {patient.map(|p| view! { <span>{p}</span> " · " })}
                            <span>{c.team.clone()}</span>
                            " · "
                            <span>{move || long_date_time(at)}</span>
                            {c.closed.then(|| view! { " · " <span>{move_tr!("conversation-closed")}</span> })}
                            {c.assigned_to.clone().map(|name| view! { " · " <span>{move || tr_with("conversation-assigned-to", &[("name", &name)])}</span> })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
