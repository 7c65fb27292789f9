//! What the patient's side and the care team's pages of a conversation share: the messages,
//! oldest first, each saying who wrote it (a caregiver "for" the patient), when, and whether it is
//! new to the reader, with its files; the reply box; the list of conversations with their unread
//! marker.
use crate::api::messages::{
    message_emails, ConversationLine, FileView, MessageView, Reply, SetMessageEmails, TeamChoice, TeamReply,
};
use crate::api::ApiError;
use crate::door::GrantId;
use crate::states::Author;
use crate::ui::form::{
    action_error, error_for, kept, posted_error, CheckBox, FileField, FormAlert, MultipartForm, Submit,
    TextArea,
};
use crate::ui::words::long_date_time;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_fluent::move_tr;
use leptos_router::components::A;

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

/// Which side writes: the patient's (the patient, or a caregiver under `grant`), or the team's.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Patient { grant: Option<GrantId> },
    Team { replies_by_default: bool },
}

/// A conversation's reply box: the text, up to five files, and for the team "the patient may
/// reply". Without JavaScript it is a plain multipart form, and the page comes back (with what was
/// typed and the message next to its field when refused). With JavaScript it is sent in the
/// background: the page stays, the box empties, and `on_sent` shows the new message.
#[component]
pub fn ReplyBox(
    side: Side,
    conversation_id: i64,
    draft: RwSignal<String>,
    on_sent: Callback<()>,
) -> impl IntoView {
    let path = match side {
        Side::Patient { .. } => Reply::PATH,
        Side::Team { .. } => TeamReply::PATH,
    };
    let error = RwSignal::new(posted_error(path));
    let error_signal: Signal<Option<ApiError>> = error.into();
    let sending = RwSignal::new(false);
    let sent = Callback::new(move |()| {
        draft.set(String::new());
        on_sent.run(());
    });
    view! {
        <MultipartForm path error sending on_sent=sent>
            {match side {
                Side::Patient { grant: Some(grant) } => {
                    Some(view! { <input type="hidden" name="grant" value=grant.to_string() /> })
                }
                _ => None,
            }}
            <input type="hidden" name="id" value=conversation_id />
            <FormAlert error=error_signal />
            <div on:input=move |ev| draft.set(event_target_value(&ev))>
                <TextArea
                    id="body"
                    label=move_tr!("reply-label")
                    value=draft_or_kept(error_signal, draft)
                    error=error_for(error_signal, "body")
                />
            </div>
            <FilesField error=error_for(error_signal, "files") />
            {match side {
                Side::Team { replies_by_default } => {
                    Some(
                        view! {
                            <CheckBox
                                id="replies"
                                label=move_tr!("message-replies-allowed")
                                error=error_signal
                                saved=replies_by_default
                            />
                        },
                    )
                }
                Side::Patient { .. } => None,
            }}
            <Submit pending=sending>{move_tr!("message-send")}</Submit>
        </MultipartForm>
    }
}

/// The team a first message goes to, showing the one chosen before a refusal.
#[component]
pub fn TeamSelect(
    #[prop(into)] label: Signal<String>,
    teams: Vec<TeamChoice>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let chosen = kept(error, "team_id");
    let message = error_for(error, "team_id");
    view! {
        <div class="field" class:field-invalid=move || message.get().is_some()>
            <label for="team_id">{label}</label>
            {move || {
                message
                    .get()
                    .map(|m| {
                        view! {
                            <p class="field-error" id="team_id-error">
                                {m}
                            </p>
                        }
                    })
            }}
            <select
                id="team_id"
                name="team_id"
                aria-invalid=move || message.get().is_some().then_some("true")
                aria-describedby=move || message.get().is_some().then_some("team_id-error")
            >
                {teams
                    .into_iter()
                    .map(|t| {
                        let value = t.id.to_string();
                        let selected = move || chosen.get() == t.id.to_string();
                        view! {
                            <option value=value selected=selected>
                                {t.name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The file input of a message, with what it accepts and its own error.
#[component]
pub fn FilesField(error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <FileField
            id="files"
            label=move_tr!("message-files")
            hint=move_tr!("message-files-hint")
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            multiple=true
            error
        />
    }
}

/// "820 Ko", "2,4 Mo" / "820 KB", "2.4 MB".
fn file_size(bytes: i64) -> String {
    const KB: i64 = 1000;
    if bytes < KB * KB {
        tr_with("file-size-kb", &[("size", &((bytes + KB - 1) / KB).to_string())])
    } else {
        let tenths = (bytes * 10 + KB * KB - 1) / (KB * KB);
        let separator = tr_with("decimal-separator", &[]);
        tr_with("file-size-mb", &[("size", &format!("{}{separator}{}", tenths / 10, tenths % 10))])
    }
}

#[component]
fn FileLinks(files: Vec<FileView>) -> impl IntoView {
    (!files.is_empty()).then(|| {
        view! {
            <ul class="message-files" aria-label=move_tr!("message-files-list")>
                {files
                    .into_iter()
                    .map(|f| {
                        let size = f.size;
                        view! {
                            <li>
                                <a href=f.href download=f.name.clone() rel="external">
                                    {f.name.clone()}
                                </a>
                                " "
                                <span class="hint">
                                    {move || tr_with("file-size", &[("size", &file_size(size))])}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// "Marc Côté (caregiver) for Éloïse D'Amours-Côté", or the author's name.
fn author_text(message: &MessageView, patient: &str) -> String {
    match message.role {
        Author::Caregiver => {
            tr_with("message-author-caregiver", &[("name", &message.author), ("patient", patient)])
        }
        Author::Staff => match &message.number {
            Some(number) => {
                tr_with("message-author-staff-number", &[("name", &message.author), ("number", number)])
            }
            None => tr_with("message-author-staff", &[("name", &message.author)]),
        },
        Author::Patient => message.author.clone(),
    }
}

#[component]
pub fn MessageThread(messages: Vec<MessageView>, patient: String) -> impl IntoView {
    view! {
        <ol class="thread" data-testid="thread">
            {messages
                .into_iter()
                .map(|m| {
                    let author = author_text(&m, &patient);
                    let at = m.at;
                    view! {
                        <li
                            class="message"
                            class:message-mine=m.mine
                            class:message-new=m.new
                            id=format!("message-{}", m.id)
                        >
                            <p class="message-meta">
                                <span class="message-author">
                                    {move || {
                                        if m.mine {
                                            tr_with("message-author-me", &[])
                                        } else {
                                            author.clone()
                                        }
                                    }}
                                </span>
                                " · "
                                <span>{move || long_date_time(at)}</span>
                                {m
                                    .new
                                    .then(|| {
                                        view! {
                                            " "
                                            <span class="badge">{move_tr!("message-new")}</span>
                                        }
                                    })}
                            </p>
                            <div class="message-body">{m.body.clone()}</div>
                            <FileLinks files=m.files.clone() />
                        </li>
                    }
                })
                .collect_view()}
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
            {lines
                .into_iter()
                .map(|c| {
                    let at = c.last_message_at;
                    let patient = show_patient.then(|| c.patient.clone());
                    view! {
                        <li class="conversation" class:conversation-unread=c.unread>
                            <A href=href(
                                c.id,
                            )>
                                {c
                                    .unread
                                    .then(|| {
                                        view! {
                                            <span class="badge">{move_tr!("message-new")}</span>
                                            " "
                                        }
                                    })} <span class="conversation-subject">{c.subject.clone()}</span>
                            </A>
                            <p class="conversation-meta">
                                {patient
                                    .map(|p| {
                                        view! {
                                            <span>{p}</span>
                                            " · "
                                        }
                                    })} <span>{c.team.clone()}</span>
                                // The patient's side may hear from several organisations: each says where it is.
                                {(!show_patient)
                                    .then(|| {
                                        view! {
                                            " · "
                                            <span>{c.organisation.clone()}</span>
                                        }
                                    })} " · " <span>{move || long_date_time(at)}</span>
                                {c
                                    .closed
                                    .then(|| {
                                        view! {
                                            " · "
                                            <span>{move_tr!("conversation-closed")}</span>
                                        }
                                    })}
                                {c
                                    .assigned_to
                                    .clone()
                                    .map(|name| {
                                        view! {
                                            " · "
                                            <span>
                                                {move || tr_with(
                                                    "conversation-assigned-to",
                                                    &[("name", &name)],
                                                )}
                                            </span>
                                        }
                                    })}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "Email me": when a message arrives (the default), never, or — for staff (`daily`) — a daily
/// summary. The email never says what a message is.
#[component]
pub fn EmailPreference(daily: bool) -> impl IntoView {
    let save = ServerAction::<SetMessageEmails>::new();
    let error = action_error(save);
    let saved = Resource::new(move || save.version().get(), |_| message_emails());
    let choices: &[&str] = if daily { &["each", "daily", "off"] } else { &["each", "off"] };
    view! {
        <section class="file-section" aria-labelledby="message-emails-title">
            <h2 id="message-emails-title">{move_tr!("message-emails-title")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    saved
                        .await
                        .ok()
                        .map(|current| {
                            view! {
                                <ActionForm action=save>
                                    <fieldset>
                                        <legend>{move_tr!("message-emails-legend")}</legend>
                                        {move || {
                                            error_for(error, "choice")
                                                .get()
                                                .map(|m| {
                                                    view! {
                                                        <p class="field-error" id="choice-error">
                                                            {m}
                                                        </p>
                                                    }
                                                })
                                        }}
                                        {choices
                                            .iter()
                                            .map(|&code| {
                                                let id = format!("choice-{code}");
                                                view! {
                                                    <div class="choice">
                                                        <input
                                                            type="radio"
                                                            id=id.clone()
                                                            name="choice"
                                                            value=code
                                                            checked=current == code
                                                        />
                                                        <label for=id>
                                                            {move || tr_with(&format!("message-emails-{code}"), &[])}
                                                        </label>
                                                    </div>
                                                }
                                            })
                                            .collect_view()}
                                    </fieldset>
                                    <p class="hint">{move_tr!("message-emails-hint")}</p>
                                    <Submit pending=save.pending()>{move_tr!("save")}</Submit>
                                </ActionForm>
                            }
                        })
                })}
            </Suspense>
        </section>
    }
}
