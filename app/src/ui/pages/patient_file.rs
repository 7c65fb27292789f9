//! A patient's file for the care team, in sections: identity and contact, account, invitations
//! (with "Send a new invitation"), caregivers, recent activity. Later features add theirs as
//! further `FileSection`s.
use crate::api::care_teams::{patient_teams, SetPatientTeam};
use crate::api::caregivers::{
    patient_file, ConfirmCaregiver, EndCaregiver, FileAccount, PatientFileView, ReissueCaregiverInvitation,
};
use crate::api::patients::{InvitationStatus, ReissueInvitation};
use crate::api::questionnaires::{file_questionnaires, SendQuestionnaire};
use crate::door::PatientId;
use crate::states::CaregiverStatus;
use crate::ui::components::audit::action_key;
use crate::ui::components::caregivers::line_details;
use crate::ui::components::questionnaire::{state_key, ScoreSummary, SendingFields, SentDetails};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, FormAlert, Submit};
use crate::ui::route::{route_params, with_id, PatientParams};
use crate::ui::words::tr;
use crate::ui::words::{long_date, long_date_time};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PatientFilePage() -> impl IntoView {
    let params = route_params::<PatientParams>();
    let patient_id = move || params.get().map(|p| p.id);
    let end = ServerAction::<EndCaregiver>::new();
    let query = use_query_map();
    let file = Resource::new(
        move || (patient_id(), end.version().get(), query.read().get("saved")),
        |(id, _, _)| with_id(id, patient_file),
    );
    view! {
        <PageTitle title_key="patient-file-title" />
        <Loaded data=file let:file>
            {
                view! {
                    <h1>{file.name.clone()}</h1>
                    <p role="status" class="status">
                        {move || {
                            query
                                .read()
                                .get("saved")
                                .map(|saved| {
                                    tr(
                                        match saved.as_str() {
                                            "awaiting" => "caregiver-saved-awaiting",
                                            "questionnaire" => "questionnaire-sent",
                                            _ => "account-saved",
                                        },
                                    )
                                })
                        }}
                    </p>
                    <div class="file-sections">
                        <Contact file=file.clone() />
                        <Invitations file=file.clone() />
                        {PatientId::new(file.patient_id).map(|patient_id| view! { <Teams patient_id /> })}
                        {PatientId::new(file.patient_id)
                            .map(|patient_id| view! { <Questionnaires patient_id /> })}
                        <Caregivers file=file.clone() end />
                        <Activity file />
                    </div>
                    <p>
                        <A href="/staff/patients">{move_tr!("issued-back")}</A>
                    </p>
                }
            }
        </Loaded>
    }
}

/// One titled part of the file; `id` names it for `aria-labelledby` and links.
#[component]
fn FileSection(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let (heading, labelled_by) = (format!("{id}-title"), format!("{id}-title"));
    view! {
        <section class="file-section" id=id aria-labelledby=labelled_by>
            <h2 id=heading>{move || tr(title)}</h2>
            {children()}
        </section>
    }
}

/// The care teams following the patient (their conversations are with these), adding or removing
/// one, and writing to the patient from a team the professional is in.
#[component]
fn Teams(patient_id: PatientId) -> impl IntoView {
    let change = ServerAction::<SetPatientTeam>::new();
    let error = crate::ui::form::action_error(change);
    let teams = Resource::new(move || change.version().get(), move |_| patient_teams(patient_id));
    view! {
        <FileSection id="file-teams" title="file-teams">
            <crate::ui::form::FormAlert error />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    teams
                        .await
                        .ok()
                        .map(|t| {
                            view! {
                                {t
                                    .can_write
                                    .then(|| {
                                        view! {
                                            <p>
                                                <A
                                                    href=format!("/staff/patients/{patient_id}/messages/new")
                                                    attr:class="button"
                                                >
                                                    {move_tr!("conversation-new-title")}
                                                </A>
                                            </p>
                                        }
                                    })}
                                {if t.following.is_empty() {
                                    view! { <p>{move_tr!("file-teams-none")}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="links" data-testid="file-teams">
                                            {t
                                                .following
                                                .into_iter()
                                                .map(|team| {
                                                    view! {
                                                        <li>
                                                            {team.name.clone()}
                                                            <ActionForm action=change attr:class="inline-form">
                                                                <input
                                                                    type="hidden"
                                                                    name="patient_id"
                                                                    value=patient_id.get()
                                                                />
                                                                <input type="hidden" name="team_id" value=team.id />
                                                                <Submit pending=change.pending() class="link-button">
                                                                    {move_tr!("file-teams-remove")}
                                                                    <span class="visually-hidden">
                                                                        {format!(" – {}", team.name)}
                                                                    </span>
                                                                </Submit>
                                                            </ActionForm>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                                {(!t.others.is_empty())
                                    .then(|| {
                                        view! {
                                            <ActionForm action=change>
                                                <input
                                                    type="hidden"
                                                    name="patient_id"
                                                    value=patient_id.get()
                                                />
                                                <input type="hidden" name="follows" value="on" />
                                                <div class="field">
                                                    <label for="team_id">
                                                        {move_tr!("file-teams-add-label")}
                                                    </label>
                                                    <select id="team_id" name="team_id">
                                                        {t
                                                            .others
                                                            .into_iter()
                                                            .map(|o| {
                                                                view! { <option value=o.id.to_string()>{o.name}</option> }
                                                            })
                                                            .collect_view()}
                                                    </select>
                                                </div>
                                                <Submit pending=change
                                                    .pending()>{move_tr!("file-teams-add")}</Submit>
                                            </ActionForm>
                                        }
                                    })}
                            }
                        })
                })}
            </Suspense>
        </FileSection>
    }
}

fn or_not_provided(value: String) -> String {
    if value.trim().is_empty() {
        tr("account-not-set")
    } else {
        value
    }
}

#[component]
fn Contact(file: PatientFileView) -> impl IntoView {
    let birth_date = file.birth_date;
    let language = crate::i18n::Lang::from_code(&file.language).native_name();
    let account = file.account;
    view! {
        <FileSection id="file-contact" title="file-contact">
            <dl class="settings">
                <div class="setting">
                    <dt>{move_tr!("invite-birth-date")}</dt>
                    <dd data-testid="file-birth-date">{move || long_date(birth_date)}</dd>
                </div>
                <div class="setting">
                    <dt>{move_tr!("account-email")}</dt>
                    <dd>{file.email.clone()}</dd>
                </div>
                <div class="setting">
                    <dt>{move_tr!("account-mobile")}</dt>
                    <dd>{move || or_not_provided(file.mobile_phone.clone())}</dd>
                </div>
                <div class="setting">
                    <dt>{move_tr!("account-home-phone")}</dt>
                    <dd>{move || or_not_provided(file.home_phone.clone())}</dd>
                </div>
                <div class="setting">
                    <dt>{move_tr!("account-address")}</dt>
                    <dd>{move || or_not_provided(file.address.clone())}</dd>
                </div>
                <div class="setting">
                    <dt>{move_tr!("account-language")}</dt>
                    <dd>{language}</dd>
                </div>
                <div class="setting">
                    <dt>{move_tr!("file-account")}</dt>
                    <dd data-testid="file-account">
                        {move || match account {
                            FileAccount::NoAccount => tr("file-account-none"),
                            FileAccount::Active => tr("file-account-active"),
                            FileAccount::LockedUntil(until) => {
                                crate::ui::words::tr_with(
                                    "file-account-locked",
                                    &[("date", &long_date_time(until))],
                                )
                            }
                        }}
                    </dd>
                </div>
            </dl>
        </FileSection>
    }
}

fn invitation_state(
    status: InvitationStatus,
    expires_at: chrono::NaiveDateTime,
    redeemed_at: Option<chrono::NaiveDateTime>,
) -> String {
    use crate::ui::words::tr_with;
    match status {
        InvitationStatus::Pending => {
            tr_with("file-invitation-pending", &[("date", &long_date_time(expires_at))])
        }
        InvitationStatus::Expired => {
            tr_with("file-invitation-expired", &[("date", &long_date_time(expires_at))])
        }
        InvitationStatus::Void => tr("file-invitation-void"),
        InvitationStatus::Replaced => tr("file-invitation-replaced"),
        InvitationStatus::Redeemed => match redeemed_at {
            Some(at) => tr_with("file-invitation-redeemed", &[("date", &long_date_time(at))]),
            None => tr("status-redeemed"),
        },
    }
}

#[component]
fn Invitations(file: PatientFileView) -> impl IntoView {
    let reissue = ServerAction::<ReissueInvitation>::new();
    let error = crate::ui::form::action_error(reissue);
    let can_invite = file.account == FileAccount::NoAccount;
    let email = file.email.clone();
    view! {
        <FileSection id="file-invitations" title="file-invitations">
            {file.invitations.is_empty().then(|| view! { <p>{move_tr!("file-invitations-none")}</p> })}
            <ol class="history" data-testid="file-invitations">
                {file
                    .invitations
                    .into_iter()
                    .map(|i| {
                        let sent_by = i.sent_by.clone().unwrap_or_default();
                        view! {
                            <li>
                                <p>
                                    {move || crate::ui::words::tr_with(
                                        "file-invitation-sent",
                                        &[("date", &long_date_time(i.sent_at)), ("name", &sent_by)],
                                    )}
                                </p>
                                <p class="hint">
                                    {move || invitation_state(i.status, i.expires_at, i.redeemed_at)}
                                </p>
                                {(i.undelivered && i.status != InvitationStatus::Redeemed)
                                    .then(|| {
                                        view! {
                                            <p class="field-error" data-testid="invitation-undelivered">
                                                {move_tr!("file-invitation-undelivered")}
                                            </p>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {can_invite
                .then(|| {
                    view! {
                        <ActionForm action=reissue>
                            <crate::ui::form::FormAlert error />
                            <input type="hidden" name="patient_id" value=file.patient_id />
                            <crate::ui::form::Field
                                id="email"
                                kind="email"
                                autocomplete="off"
                                inputmode="email"
                                label=Signal::derive(|| tr("file-reissue-email"))
                                hint=Signal::derive(|| tr("file-reissue-email-hint"))
                                value=crate::ui::form::kept_or(error, "email", email.clone())
                                error=crate::ui::form::error_for(error, "email")
                            />
                            <Submit pending=reissue.pending()>{move_tr!("patients-reissue")}</Submit>
                        </ActionForm>
                    }
                })}
        </FileSection>
    }
}

#[component]
fn Caregivers(file: PatientFileView, end: ServerAction<EndCaregiver>) -> impl IntoView {
    let reissue = ServerAction::<ReissueCaregiverInvitation>::new();
    let confirm = ServerAction::<ConfirmCaregiver>::new();
    let confirm_error = crate::ui::form::action_error(confirm);
    let patient_id = file.patient_id;
    view! {
        <FileSection id="file-caregivers" title="caregivers-title">
            <crate::ui::form::FormAlert error=confirm_error />
            <p>
                <A href=format!("/staff/patients/{patient_id}/caregivers/new") attr:class="button">
                    {move_tr!("caregiver-add")}
                </A>
            </p>
            {file.caregivers.is_empty().then(|| view! { <p>{move_tr!("caregivers-none")}</p> })}
            <ul class="patient-list">
                {file
                    .caregivers
                    .into_iter()
                    .map(|c| {
                        let details = line_details(&c);
                        let ended = c.status == CaregiverStatus::Ended;
                        let whose = format!(" – {}", c.name);
                        let (edit_whose, reissue_whose) = (whose.clone(), whose.clone());
                        let edit_link = format!("/staff/patients/{patient_id}/caregivers/{}", c.grant_id);
                        view! {
                            <li class="patient">
                                <p class="patient-name">
                                    {c.name.clone()} " " <span class="badge">{tr(c.status.key())}</span>
                                </p>
                                <p>{c.email.clone()}</p>
                                <p>{details}</p>
                                {(!c.note.is_empty()).then(|| view! { <p class="hint">{c.note.clone()}</p> })}
                                {(!ended)
                                    .then(|| {
                                        view! {
                                            <p>
                                                <A href=edit_link>
                                                    {move_tr!("caregiver-edit")}
                                                    <span class="visually-hidden">{edit_whose}</span>
                                                </A>
                                            </p>
                                            {(c.status == CaregiverStatus::Awaiting)
                                                .then(|| {
                                                    view! {
                                                        <p class="hint">{move_tr!("caregiver-awaiting-hint")}</p>
                                                    }
                                                })}
                                            {c
                                                .confirmable
                                                .then(|| {
                                                    let confirm_whose = whose.clone();
                                                    view! {
                                                        <ActionForm action=confirm>
                                                            <input type="hidden" name="grant_id" value=c.grant_id />
                                                            <Submit pending=confirm
                                                                .pending()>
                                                                {move_tr!("caregiver-confirm")}
                                                                <span class="visually-hidden">{confirm_whose}</span>
                                                            </Submit>
                                                        </ActionForm>
                                                    }
                                                })}
                                            {(c.status == CaregiverStatus::Invited)
                                                .then(|| {
                                                    view! {
                                                        <ActionForm action=reissue>
                                                            <input type="hidden" name="grant_id" value=c.grant_id />
                                                            <Submit pending=reissue.pending() class="link-button">
                                                                {move_tr!("patients-reissue")}
                                                                <span class="visually-hidden">{reissue_whose}</span>
                                                            </Submit>
                                                        </ActionForm>
                                                    }
                                                })}
                                            <ActionForm action=end>
                                                <input type="hidden" name="grant_id" value=c.grant_id />
                                                <input type="hidden" name="patient_id" value=patient_id />
                                                <Submit pending=end.pending() class="link-button">
                                                    {move_tr!("caregiver-end")}
                                                    <span class="visually-hidden">{whose.clone()}</span>
                                                </Submit>
                                            </ActionForm>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </FileSection>
    }
}

#[component]
fn Activity(file: PatientFileView) -> impl IntoView {
    view! {
        <FileSection id="file-activity" title="file-activity">
            <ol class="access-log" data-testid="file-activity">
                {file
                    .activity
                    .into_iter()
                    .map(|a| {
                        let action = action_key(&a.action);
                        let who = a.actor.clone().unwrap_or_default();
                        view! {
                            <li class="log-entry">
                                <p class="log-what">{move || tr(&action)}</p>
                                <p class="hint">
                                    {move || long_date_time(a.at)}
                                    {(!who.is_empty()).then(|| format!(" · {who}"))}
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </FileSection>
    }
}

/// What was sent to the patient (state, score, alerts, a link to each) and sending one more —
/// for a member of a team following the patient who holds the Questionnaires service; nothing
/// for anyone else.
#[component]
fn Questionnaires(patient_id: PatientId) -> impl IntoView {
    let send = ServerAction::<SendQuestionnaire>::new();
    let error = action_error(send);
    let found = Resource::new(move || send.version().get(), move |_| file_questionnaires(patient_id));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                found
                    .await
                    .ok()
                    .map(|q| {
                        let library = q.library.clone();
                        view! {
                            <FileSection id="file-questionnaires" title="file-questionnaires">
                                {if q.sent.is_empty() {
                                    view! { <p>{move_tr!("file-questionnaires-none")}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="cards" data-testid="sent-questionnaires">
                                            {q
                                                .sent
                                                .into_iter()
                                                .map(|line| {
                                                    let state = state_key(&line);
                                                    let title = line.title.clone();
                                                    view! {
                                                        <li class="card">
                                                            <h3>
                                                                <A href=format!(
                                                                    "/staff/questionnaires/{}",
                                                                    line.id,
                                                                )>{title}</A>
                                                            </h3>
                                                            <p>
                                                                <span class="badge">{move || tr(state)}</span>
                                                            </p>
                                                            <ScoreSummary line=line.clone() />
                                                            <SentDetails line />
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                                <h3>{move_tr!("questionnaire-send-title")}</h3>
                                <ActionForm action=send>
                                    <input type="hidden" name="patient" value=patient_id.get() />
                                    <FormAlert error />
                                    <SendingFields library error />
                                    <Submit pending=send.pending()>{move_tr!("questionnaire-send")}</Submit>
                                </ActionForm>
                            </FileSection>
                        }
                    })
            })}
        </Suspense>
    }
}
