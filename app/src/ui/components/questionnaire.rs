//! What the patient's side and the team both show of a questionnaire: a line of a list (title,
//! who sent it, due date, state) and the answers once submitted, as a table.
use crate::api::questionnaires::{
    AnswerLine, QuestionKind, QuestionView, QuestionnaireLine, ScoreHistory, Submission,
};
use crate::api::ApiError;
use crate::ui::form::{error_for, kept, message, CheckBox, Field, TextArea};
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

/// The choices of a sending: the questionnaire from the library, an optional due date and note,
/// and whether the patient's side sees the score — each field keeping what was posted.
#[component]
pub fn SendingFields(library: Vec<(i64, String)>, error: Signal<Option<ApiError>>) -> impl IntoView {
    view! {
        <div class="field" class:field-invalid=move || { error_for(error, "questionnaire").get().is_some() }>
            <label for="questionnaire">{move_tr!("questionnaire-choose")}</label>
            {move || {
                error_for(error, "questionnaire")
                    .get()
                    .map(|m| {
                        view! {
                            <p class="field-error" id="questionnaire-error">
                                {m}
                            </p>
                        }
                    })
            }}
            <select
                id="questionnaire"
                name="questionnaire"
                aria-describedby=move || {
                    error_for(error, "questionnaire").get().map(|_| "questionnaire-error")
                }
            >
                {library
                    .into_iter()
                    .map(|(id, title)| {
                        let chosen = move || { kept(error, "questionnaire").get() == id.to_string() };
                        view! {
                            <option value=id selected=chosen>
                                {title}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <Field
            id="due"
            label=move_tr!("questionnaire-due-label")
            hint=move_tr!("questionnaire-date-hint")
            required=false
            posted=error
        />
        <TextArea
            id="note"
            label=move_tr!("questionnaire-note-label")
            value=kept(error, "note")
            error=error_for(error, "note")
            rows=3
        />
        <p class="hint">{move_tr!("questionnaire-note-hint")}</p>
        <CheckBox id="show_score" label=move_tr!("questionnaire-show-score") error saved=false />
    }
}

/// One question: its number, text, whether required, the input for its kind, and its error.
#[component]
pub fn Question(question: QuestionView, count: usize, error: Signal<Option<ApiError>>) -> impl IntoView {
    let QuestionView { link_id, number, text, required, kind, value, chosen } = question;
    let field = format!("answers[{link_id}]");
    let error_id = format!("q-{link_id}-error");
    let hint_id = format!("q-{link_id}-hint");
    let mine = {
        let link_id = link_id.clone();
        move || error.get().filter(|e| e.field.as_deref() == Some(link_id.as_str())).map(|e| message(&e))
    };
    // What was typed if the post came back refused, else what is saved.
    let shown = {
        let link_id = link_id.clone();
        move || match error.get() {
            Some(e) if !e.kept.is_empty() => e.kept(&link_id).unwrap_or_default().to_string(),
            _ => value.clone(),
        }
    };
    let ticked = {
        let link_id = link_id.clone();
        move |code: &str| match error.get() {
            Some(e) if !e.kept.is_empty() => e.kept(&format!("{link_id}/{code}")).is_some(),
            _ => chosen.iter().any(|c| c == code),
        }
    };
    let label = move || {
        let counter = tr_with(
            "questionnaire-question-of",
            &[("n", &number.to_string()), ("count", &count.to_string())],
        );
        let required = if required { tr("questionnaire-required") } else { tr("questionnaire-optional") };
        (counter, required)
    };
    let heading = {
        let text = text.clone();
        move || {
            let (counter, required) = label();
            view! {
                <span class="question-number">{counter}</span>
                <span class="question-text">{text.clone()} " " <span class="hint">{required}</span></span>
            }
        }
    };
    let hint = match &kind {
        QuestionKind::Scale { low, high } => {
            Some(tr_with("questionnaire-scale-hint", &[("low", low), ("high", high)]))
        }
        QuestionKind::Date => Some(tr("questionnaire-date-hint")),
        QuestionKind::Choice { multiple: true, .. } => Some(tr("questionnaire-choose-many")),
        _ => None,
    };
    let described_by = {
        let (has_hint, error_id, hint_id) = (hint.is_some(), error_id.clone(), hint_id.clone());
        let mine = mine.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if mine().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = {
        let mine = mine.clone();
        move || mine().is_some().then_some("true")
    };
    let hint_view = hint.map(|h| {
        view! {
            <p class="hint" id=hint_id.clone()>
                {h}
            </p>
        }
    });
    let error_view = {
        let mine = mine.clone();
        let error_id = error_id.clone();
        move || {
            mine().map(|m| {
                view! {
                    <p class="field-error" id=error_id.clone()>
                        {m}
                    </p>
                }
            })
        }
    };
    let input_id = format!("q-{link_id}");
    let options: Vec<(String, String)> = match &kind {
        QuestionKind::Choice { options, .. } => options.clone(),
        QuestionKind::YesNo => vec![("yes".into(), tr("yes")), ("no".into(), tr("no"))],
        QuestionKind::Scale { .. } => (0..=10).map(|n| (n.to_string(), n.to_string())).collect(),
        _ => Vec::new(),
    };
    match kind {
        QuestionKind::Display => view! { <p class="question-display">{text}</p> }.into_any(),
        QuestionKind::Choice { multiple: true, .. } => view! {
            <fieldset
                class="question"
                class:field-invalid=move || mine().is_some()
                aria-describedby=described_by
            >
                <legend>{heading}</legend>
                {hint_view}
                {error_view}
                {options
                    .into_iter()
                    .map(|(code, label)| {
                        let id = format!("{input_id}-{code}");
                        let checked = ticked(&code);
                        view! {
                            <div class="choice">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    name=format!("answers[{link_id}/{code}]")
                                    checked=checked
                                />
                                <label for=id>{label}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
        .into_any(),
        QuestionKind::Choice { .. } | QuestionKind::YesNo | QuestionKind::Scale { .. } => {
            let scale = matches!(kind, QuestionKind::Scale { .. });
            let current = shown();
            view! {
                <fieldset
                    class="question"
                    class:field-invalid=move || mine().is_some()
                    aria-describedby=described_by
                    aria-invalid=invalid
                    role="radiogroup"
                    aria-required=required.then_some("true")
                >
                    <legend>{heading}</legend>
                    {hint_view}
                    {error_view}
                    <div class:scale=scale>
                        {options
                            .into_iter()
                            .map(|(code, label)| {
                                let id = format!("{input_id}-{code}");
                                let checked = current == code;
                                view! {
                                    <div class="choice">
                                        <input
                                            type="radio"
                                            id=id.clone()
                                            name=field.clone()
                                            value=code
                                            checked=checked
                                        />
                                        <label for=id>{label}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            }
            .into_any()
        }
        QuestionKind::LongText => view! {
            <div class="field question" class:field-invalid=move || mine().is_some()>
                <label for=input_id.clone()>{heading}</label>
                {hint_view}
                {error_view}
                <textarea id=input_id name=field rows="5" aria-describedby=described_by aria-invalid=invalid>
                    {shown()}
                </textarea>
            </div>
        }
        .into_any(),
        QuestionKind::ShortText | QuestionKind::Number { .. } | QuestionKind::Date => {
            let (inputmode, unit) = match &kind {
                QuestionKind::Number { whole: true, unit } => ("numeric", unit.clone()),
                QuestionKind::Number { whole: false, unit } => ("decimal", unit.clone()),
                _ => ("text", None),
            };
            view! {
                <div class="field question" class:field-invalid=move || mine().is_some()>
                    <label for=input_id.clone()>{heading}</label>
                    {hint_view}
                    {error_view}
                    <input
                        type="text"
                        id=input_id
                        name=field
                        inputmode=inputmode
                        value=shown()
                        aria-describedby=described_by
                        aria-invalid=invalid
                    />
                    {unit.map(|u| view! { <span class="unit">{u}</span> })}
                </div>
            }
            .into_any()
        }
    }
}

/// The chart's drawing area, in the SVG's own units (it scales to the page's width).
const CHART_WIDTH: f64 = 600.0;
const CHART_HEIGHT: f64 = 240.0;
const CHART_LEFT: f64 = 40.0;
const CHART_RIGHT: f64 = 16.0;
const CHART_TOP: f64 = 12.0;
const CHART_BOTTOM: f64 = 36.0;

/// Where each point of `history` goes: days along, score up.
fn chart_points(history: &ScoreHistory) -> Vec<(f64, f64)> {
    let (Some(first), Some(last)) = (history.points.first(), history.points.last()) else {
        return Vec::new();
    };
    let days = (last.on - first.on).num_days().max(1) as f64;
    let width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT;
    history
        .points
        .iter()
        .map(|p| {
            let x = if history.points.len() == 1 {
                CHART_LEFT + width / 2.0
            } else {
                CHART_LEFT + width * (p.on - first.on).num_days() as f64 / days
            };
            (x, chart_y(history.max, p.score))
        })
        .collect()
}

fn chart_y(max: i64, score: i64) -> f64 {
    let height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    CHART_TOP + height * (1.0 - score.clamp(0, max.max(1)) as f64 / max.max(1) as f64)
}

/// A patient's totals for one instrument over time: a line drawn on the server (the bands'
/// lower bounds as dashed guides, this submission's point ringed) and, for screen readers and
/// anyone who prefers figures, the same data as a table beside it.
#[component]
pub fn ScoreChart(history: ScoreHistory, current: i64) -> impl IntoView {
    let points = chart_points(&history);
    let line = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    let max = history.max;
    let (first, last) = (history.points.first().map(|p| p.on), history.points.last().map(|p| p.on));
    let right = CHART_WIDTH - CHART_RIGHT;
    let baseline = chart_y(max, 0);
    view! {
        <section class="file-section" aria-labelledby="history-title" data-testid="score-history">
            <h2 id="history-title">{move_tr!("questionnaire-history-title")}</h2>
            {(history.points.len() > 1)
                .then(|| {
                    view! {
                        <svg
                            class="score-chart"
                            viewBox=format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}")
                            aria-hidden="true"
                            focusable="false"
                        >
                            <line class="axis" x1=CHART_LEFT y1=baseline x2=right y2=baseline />
                            <text class="tick" x=CHART_LEFT - 8.0 y=baseline + 4.0 text-anchor="end">
                                "0"
                            </text>
                            <text class="tick" x=CHART_LEFT - 8.0 y=chart_y(max, max) + 4.0 text-anchor="end">
                                {max}
                            </text>
                            {history
                                .thresholds
                                .iter()
                                .map(|&t| {
                                    let y = chart_y(max, t);
                                    view! {
                                        <line class="guide" x1=CHART_LEFT y1=y x2=right y2=y />
                                        <text class="tick" x=CHART_LEFT - 8.0 y=y + 4.0 text-anchor="end">
                                            {t}
                                        </text>
                                    }
                                })
                                .collect_view()}
                            <polyline class="line" points=line />
                            {points
                                .iter()
                                .zip(&history.points)
                                .map(|(&(x, y), p)| {
                                    let here = p.id == current;
                                    view! {
                                        <circle
                                            class="point"
                                            class:current=here
                                            cx=x
                                            cy=y
                                            r=if here { 8.0 } else { 5.0 }
                                        />
                                    }
                                })
                                .collect_view()}
                            <text class="tick" x=CHART_LEFT y=CHART_HEIGHT - 10.0 text-anchor="start">
                                {first.map(|d| d.format("%Y-%m-%d").to_string())}
                            </text>
                            <text class="tick" x=right y=CHART_HEIGHT - 10.0 text-anchor="end">
                                {last.map(|d| d.format("%Y-%m-%d").to_string())}
                            </text>
                        </svg>
                    }
                })}
            <div class="table-wrap">
                <table class="data-table" data-testid="score-table">
                    <caption class="visually-hidden">{move_tr!("questionnaire-history-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move_tr!("questionnaire-history-date")}</th>
                            <th scope="col">{move_tr!("questionnaire-total")}</th>
                            <th scope="col">{move_tr!("questionnaire-band")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {history
                            .points
                            .into_iter()
                            .map(|p| {
                                let here = p.id == current;
                                view! {
                                    <tr class:current=here>
                                        <th scope="row">
                                            {move || long_date(p.on)}
                                            {here
                                                .then(|| {
                                                    view! {
                                                        " "
                                                        <span class="hint">
                                                            {move_tr!("questionnaire-history-this")}
                                                        </span>
                                                    }
                                                })}
                                        </th>
                                        <td>{p.score}</td>
                                        <td>{p.band.unwrap_or_default()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::questionnaires::ScorePoint;
    use chrono::NaiveDate;

    fn point(id: i64, day: u32, score: i64) -> ScorePoint {
        ScorePoint { id, on: NaiveDate::from_ymd_opt(2026, 1, day).unwrap(), score, band: None }
    }

    #[test]
    fn points_spread_over_the_days_and_rise_with_the_score() {
        let history = ScoreHistory {
            points: vec![point(1, 1, 27), point(2, 11, 0), point(3, 31, 9)],
            max: 27,
            thresholds: vec![5],
        };
        let drawn = chart_points(&history);
        assert_eq!(drawn[0], (CHART_LEFT, CHART_TOP), "the worst score at the top left");
        assert_eq!(drawn[1].1, CHART_HEIGHT - CHART_BOTTOM, "0 on the baseline");
        assert!((drawn[1].0 - (CHART_LEFT + (CHART_WIDTH - CHART_LEFT - CHART_RIGHT) / 3.0)).abs() < 0.01);
        assert_eq!(drawn[2].0, CHART_WIDTH - CHART_RIGHT);
    }
}
