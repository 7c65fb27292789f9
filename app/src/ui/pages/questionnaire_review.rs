//! The care team's side of questionnaires: those waiting for review (flagged first), and one
//! submission with its score, band, flagged answers and "Mark reviewed".
use crate::api::questionnaires::{
    questionnaire_alerts, questionnaires_to_review, review_questionnaire, MarkReviewed,
    SetQuestionnaireAlerts,
};
use crate::ui::components::questionnaire::{
    state_key, ScoreChart, ScoreSummary, SentDetails, SubmittedAnswers,
};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, kept, CheckBox, FormAlert, Submit, TextArea};
use crate::ui::route::{route_params, with_id, QuestionnaireParams};
use crate::ui::words::{long_date_time, tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReviewListPage() -> impl IntoView {
    let waiting = Resource::new(|| (), |_| questionnaires_to_review());
    view! {
        <PageTitle title_key="questionnaires-waiting-title" />
        <h1>{move_tr!("questionnaires-waiting-title")}</h1>
        <p class="hint">{move_tr!("questionnaires-waiting-intro")}</p>
        <p>
            <A href="/staff/questionnaires/send">{move_tr!("team-send-title")}</A>
        </p>
        <p>
            <A href="/staff/questionnaires/library">{move_tr!("library-link")}</A>
        </p>
        <Loaded data=waiting let:lines>
            {if lines.is_empty() {
                view! { <p>{move_tr!("questionnaires-waiting-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards" data-testid="to-review">
                        {lines
                            .into_iter()
                            .map(|line| {
                                let name = format!("{} — {}", line.patient, line.title);
                                view! {
                                    <li class="card">
                                        <h2>
                                            <A href=format!("/staff/questionnaires/{}", line.id)>{name}</A>
                                        </h2>
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
        </Loaded>
        <AlertChoice />
    }
}

/// "Email me when a questionnaire raises an alert", in the organisation the member works in.
#[component]
fn AlertChoice() -> impl IntoView {
    let save = ServerAction::<SetQuestionnaireAlerts>::new();
    let error = action_error(save);
    let query = use_query_map();
    let chosen = Resource::new(move || save.version().get(), |_| questionnaire_alerts());
    view! {
        <section class="file-section" aria-labelledby="alerts-title">
            <h2 id="alerts-title">{move_tr!("questionnaire-alerts-title")}</h2>
            <p role="status" class="status" data-testid="alerts-saved">
                {move || {
                    (query.read().get("alerts").is_some() || save.version().get() > 0)
                        .then(|| tr("questionnaire-alerts-saved"))
                }}
            </p>
            <Loaded data=chosen let:chosen>
                <ActionForm action=save>
                    <FormAlert error />
                    <CheckBox id="alerts" label=move_tr!("questionnaire-alerts-label") error saved=chosen />
                    <Submit pending=save.pending()>{move_tr!("questionnaire-alerts-save")}</Submit>
                </ActionForm>
            </Loaded>
        </section>
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = route_params::<QuestionnaireParams>();
    let id = move || params.get().map(|p| p.id);
    let mark = ServerAction::<MarkReviewed>::new();
    let error = action_error(mark);
    let query = use_query_map();
    let view_data =
        Resource::new(move || (id(), mark.version().get()), |(id, _)| with_id(id, review_questionnaire));
    view! {
        <PageTitle title_key="questionnaires-title" />
        <Loaded data=view_data let:r>
            {
                let line = r.line.clone();
                view! {
                    <h1>{line.title.clone()}</h1>
                    <p>
                        <A href=format!(
                            "/staff/patients/{}#file-questionnaires",
                            r.patient_id,
                        )>{move || tr_with("questionnaire-patient", &[("name", &line.patient)])}</A>
                    </p>
                    <p role="status" class="status">
                        {move || query.read().get("saved").map(|_| tr("account-saved"))}
                    </p>
                    <p>
                        <span class="badge">
                            {
                                let state = state_key(&r.line);
                                move || tr(state)
                            }
                        </span>
                    </p>
                    <SentDetails line=r.line.clone() />
                    {r
                        .score
                        .clone()
                        .map(|score| {
                            view! {
                                <section class="file-section" aria-labelledby="result-title">
                                    <h2 id="result-title">{move_tr!("questionnaire-result")}</h2>
                                    {score
                                        .flags
                                        .iter()
                                        .map(|flag| {
                                            let flag = flag.clone();
                                            view! {
                                                <p class="alert-flag" role="alert" data-testid="flag">
                                                    {move || tr_with("questionnaire-alert", &[("flag", &flag)])}
                                                </p>
                                            }
                                        })
                                        .collect_view()}
                                    {score
                                        .total
                                        .map(|total| {
                                            view! {
                                                <dl class="facts">
                                                    <dt>{move_tr!("questionnaire-total")}</dt>
                                                    <dd data-testid="score">{total}</dd>
                                                    {score
                                                        .band
                                                        .clone()
                                                        .map(|band| {
                                                            view! {
                                                                <dt>{move_tr!("questionnaire-band")}</dt>
                                                                <dd data-testid="band">{band}</dd>
                                                            }
                                                        })}
                                                </dl>
                                            }
                                        })}
                                </section>
                            }
                        })}
                    {r.history.clone().map(|history| view! { <ScoreChart history current=r.line.id /> })}
                    {match r.submitted.clone() {
                        Some(submission) => {
                            view! {
                                <SubmittedAnswers submission patient=r.line.patient.clone() for_team=true />
                            }
                                .into_any()
                        }
                        None => view! { <p>{move_tr!("questionnaire-not-submitted")}</p> }.into_any(),
                    }}
                    {match (r.reviewed.clone(), r.submitted.is_some()) {
                        (Some((at, by, comment)), _) => {
                            view! {
                                <p data-testid="reviewed">
                                    {move || tr_with(
                                        "questionnaire-reviewed-by",
                                        &[("date", &long_date_time(at)), ("name", &by)],
                                    )}
                                </p>
                                {(!comment.is_empty()).then(|| view! { <p>{comment}</p> })}
                            }
                                .into_any()
                        }
                        (None, true) => {
                            view! {
                                <ActionForm action=mark>
                                    <input type="hidden" name="id" value=r.line.id />
                                    <FormAlert error />
                                    <TextArea
                                        id="comment"
                                        label=move_tr!("questionnaire-comment")
                                        value=kept(error, "comment")
                                        error=error_for(error, "comment")
                                    />
                                    <Submit pending=mark
                                        .pending()>{move_tr!("questionnaire-mark-reviewed")}</Submit>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        (None, false) => ().into_any(),
                    }}
                }
            }
        </Loaded>
    }
}
