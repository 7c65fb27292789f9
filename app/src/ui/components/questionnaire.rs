//! What the patient's side and the team both show of a questionnaire: a line of a list (title,
//! who sent it, due date, state) and the answers once submitted, as a table.
use crate::api::questionnaires::{AnswerLine, QuestionnaireLine, Submission};
use crate::ui::words::{long_date, long_date_time, tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// "Sent on … by …", the due date or "Overdue", and the submission date.
#[component]
pub fn SentDetails(line: QuestionnaireLine) -> impl IntoView {
    let QuestionnaireLine { sent_at, sent_by, due_on, overdue, submitted_at, .. } = line;
    view! {
        <p class="hint">
            {move || tr_with(
                "questionnaire-sent-on",
                &[("date", &long_date_time(sent_at)), ("name", &sent_by)],
            )}
        </p>
        {submitted_at
            .map(|at| {
                view! {
                    <p>{move || tr_with("questionnaire-submitted-on", &[("date", &long_date_time(at))])}</p>
                }
            })}
        {(submitted_at.is_none())
            .then(|| {
                due_on
                    .map(|due| {
                        view! {
                            <p>
                                {move || tr_with("questionnaire-due", &[("date", &long_date(due))])}
                                {overdue
                                    .then(|| {
                                        view! {
                                            " "
                                            <span class="badge badge-warning">
                                                {move_tr!("questionnaire-overdue")}
                                            </span>
                                        }
                                    })}
                            </p>
                        }
                    })
            })}
    }
}

/// Score, band and alerts of a line, as the team reads them in a list.
#[component]
pub fn ScoreSummary(line: QuestionnaireLine) -> impl IntoView {
    let QuestionnaireLine { score, band, flags, .. } = line;
    view! {
        {score
            .map(|score| {
                let band = band.clone().map(|b| format!(" · {b}")).unwrap_or_default();
                view! {
                    <p>{move || tr_with("questionnaire-score", &[("score", &score.to_string())])} {band}</p>
                }
            })}
        {flags
            .into_iter()
            .map(|flag| {
                view! {
                    <p class="alert-flag" data-testid="flag">
                        {move || tr_with("questionnaire-alert", &[("flag", &flag)])}
                    </p>
                }
            })
            .collect_view()}
    }
}

/// The state of a sent questionnaire in words.
pub fn state_key(line: &QuestionnaireLine) -> &'static str {
    match (line.submitted_at.is_some(), line.reviewed, line.overdue) {
        (true, true, _) => "questionnaire-state-reviewed",
        (true, false, _) => "questionnaire-state-submitted",
        (false, _, true) => "questionnaire-state-overdue",
        (false, _, false) => "questionnaire-state-sent",
    }
}

/// Who filled it, and the answers question by question (the team also sees each flag and level).
#[component]
pub fn SubmittedAnswers(
    submission: Submission,
    patient: String,
    #[prop(default = false)] for_team: bool,
) -> impl IntoView {
    let Submission { by, by_caregiver, answers, .. } = submission;
    let filled_by = move || {
        if by_caregiver {
            tr_with("questionnaire-filled-by-caregiver", &[("name", &by), ("patient", &patient)])
        } else {
            tr_with("questionnaire-filled-by-patient", &[("name", &by)])
        }
    };
    let has_levels = for_team && answers.iter().any(|a| a.band.is_some());
    view! {
        <p data-testid="filled-by">{filled_by}</p>
        <div class="table-wrap">
            <table class="answers" data-testid="answers">
                <caption>{move_tr!("questionnaire-answers")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move_tr!("questionnaire-question")}</th>
                        <th scope="col">{move_tr!("questionnaire-answer")}</th>
                        {has_levels.then(|| view! { <th scope="col">{move_tr!("questionnaire-level")}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {answers.into_iter().map(|a| view! { <AnswerRow answer=a has_levels /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn AnswerRow(answer: AnswerLine, has_levels: bool) -> impl IntoView {
    let AnswerLine { number, question, answer, asked, flagged, band } = answer;
    let shown = move || match (&answer, asked) {
        (Some(a), _) => a.clone(),
        (None, true) => tr("questionnaire-no-answer"),
        (None, false) => tr("questionnaire-not-asked"),
    };
    view! {
        <tr class:flagged=flagged data-flagged=flagged.then_some("true")>
            <th scope="row">{format!("{number}. ")} {question}</th>
            <td>
                {shown}
                {flagged
                    .then(|| {
                        view! {
                            " "
                            <span class="badge badge-alert">{move_tr!("questionnaire-flag-badge")}</span>
                        }
                    })}
            </td>
            {has_levels.then(|| view! { <td>{band.clone().unwrap_or_default()}</td> })}
        </tr>
    }
}
