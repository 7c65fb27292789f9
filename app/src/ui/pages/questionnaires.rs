//! The patient's side of questionnaires: "To fill" and "Done", grouped by organisation, and one
//! questionnaire filled a section at a time — each section a form post that saves a draft, so
//! the person can stop and come back on another device; read-only once sent. A caregiver whose
//! grant covers questionnaires gets the same pages under `/for/:grant/questionnaires`.
use crate::api::questionnaires::{
    my_questionnaires, questionnaire_form, FormView, QuestionnaireLine, SaveAnswers,
};
use crate::api::ApiError;
use crate::door::Door;
use crate::paths::Page;
use crate::ui::components::questionnaire::{Question, SentDetails, SubmittedAnswers};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, message, FormAlert};
use crate::ui::layout::use_door;
use crate::ui::route::{route_params, with_id, QuestionnaireParams};
use crate::ui::words::{long_date, tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Lines grouped by organisation, in the order they come.
fn by_organisation(lines: Vec<QuestionnaireLine>) -> Vec<(String, Vec<QuestionnaireLine>)> {
    let mut groups: Vec<(String, Vec<QuestionnaireLine>)> = Vec::new();
    for line in lines {
        match groups.iter_mut().find(|(organisation, _)| *organisation == line.organisation) {
            Some((_, lines)) => lines.push(line),
            None => groups.push((line.organisation.clone(), vec![line])),
        }
    }
    groups
}

#[component]
fn Group(
    door: Door,
    lines: Vec<QuestionnaireLine>,
    none: &'static str,
    testid: &'static str,
) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p>{move || tr(none)}</p> }.into_any();
    }
    view! {
        <div data-testid=testid>
            {by_organisation(lines)
                .into_iter()
                .map(|(organisation, lines)| {
                    view! {
                        <div class="organisation">
                            <h3>{organisation.clone()}</h3>
                            <ul class="cards">
                                {lines
                                    .into_iter()
                                    .map(|line| {
                                        let href = crate::door::SentQuestionnaireId::new(line.id)
                                            .map(|id| Page::Questionnaire { door, id }.href())
                                            .unwrap_or_default();
                                        let done = line.submitted_at.is_some();
                                        let title = line.title.clone();
                                        view! {
                                            <li class="card">
                                                <h4>
                                                    <A href=href.clone()>{title}</A>
                                                </h4>
                                                <SentDetails line=line.clone() />
                                                {(!done)
                                                    .then(|| {
                                                        view! {
                                                            <p>
                                                                <A href=href attr:class="button">
                                                                    {move_tr!("questionnaire-fill")}
                                                                </A>
                                                            </p>
                                                        }
                                                    })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}

/// `/questionnaires`, or `/for/:grant/questionnaires` for a caregiver.
#[component]
pub fn QuestionnairesPage() -> impl IntoView {
    let door = use_door();
    let lists = Resource::new(|| (), move |_| my_questionnaires(door.grant()));
    view! {
        <PageTitle title_key="questionnaires-title" />
        <h1>{move_tr!("questionnaires-title")}</h1>
        <p class="hint">{move_tr!("questionnaires-intro")}</p>
        <Loaded data=lists let:lists>
            <h2>{move_tr!("questionnaires-to-fill")}</h2>
            <Group door lines=lists.to_fill none="questionnaires-none-to-fill" testid="to-fill" />
            <h2>{move_tr!("questionnaires-done")}</h2>
            <Group door lines=lists.done none="questionnaires-none-done" testid="done" />
        </Loaded>
    }
}

/// `/questionnaires/:id` (`?section=n`): one section to fill, or the answers once sent.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let door = use_door();
    let params = route_params::<QuestionnaireParams>();
    let id = move || params.get().map(|p| p.id);
    let query = use_query_map();
    let section = move || query.read().get("section").and_then(|s| s.parse::<usize>().ok());
    let save = ServerAction::<SaveAnswers>::new();
    let error = action_error(save);
    // A refused submission names a question that may be in another section: show that one.
    let focus = move || error.get().and_then(|e| e.field);
    let form = Resource::new(
        move || (id(), section(), focus(), save.version().get()),
        move |(id, section, focus, _)| {
            with_id(id, move |id| questionnaire_form(door.grant(), id, section, focus))
        },
    );
    let saved = move || query.read().get("saved").is_some() && error.get().is_none();
    view! {
        <PageTitle title_key="questionnaires-title" />
        <Loaded data=form let:form>
            {
                let back = Page::Questionnaires { door }.href();
                view! {
                    <h1>{form.title.clone()}</h1>
                    <p class="hint">{form.organisation.clone()}</p>
                    {(!form.note.is_empty())
                        .then(|| {
                            view! {
                                <div class="note">
                                    <h2>{move_tr!("questionnaire-note")}</h2>
                                    <p>{form.note.clone()}</p>
                                </div>
                            }
                        })}
                    {match form.submitted.clone() {
                        Some(submission) => {
                            let at = submission.at.date();
                            view! {
                                <p class="status" role="status">
                                    {move || tr_with(
                                        "questionnaire-submitted-notice",
                                        &[("date", &long_date(at))],
                                    )}
                                </p>
                                {form
                                    .score
                                    .clone()
                                    .and_then(|score| score.total.map(|total| (total, score.band)))
                                    .map(|(total, band)| {
                                        view! {
                                            <dl class="facts" data-testid="patient-score">
                                                <dt>{move_tr!("questionnaire-total")}</dt>
                                                <dd>{total}</dd>
                                                {band
                                                    .map(|band| {
                                                        view! {
                                                            <dt>{move_tr!("questionnaire-band")}</dt>
                                                            <dd>{band}</dd>
                                                        }
                                                    })}
                                            </dl>
                                        }
                                    })}
                                <SubmittedAnswers submission patient=form.patient.clone() />
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <p role="status" class="status">
                                    {move || saved().then(|| tr("questionnaire-saved"))}
                                </p>
                                <Section form=form.clone() save error />
                            }
                                .into_any()
                        }
                    }}
                    <p>
                        <A href=back>{move_tr!("questionnaire-back")}</A>
                    </p>
                }
            }
        </Loaded>
    }
}

/// The section on screen as a form: its questions, then "go back", "continue" or "send".
#[component]
fn Section(
    form: FormView,
    save: ServerAction<SaveAnswers>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let door = use_door();
    let FormView {
        id,
        instructions,
        section,
        section_title,
        position,
        sections,
        previous,
        next,
        questions,
        question_count,
        due_on,
        ..
    } = form;
    let autosave = Autosave::new(door.grant(), id, section);
    view! {
        {instructions.filter(|_| position == 1).map(|text| view! { <p>{text}</p> })}
        {due_on
            .map(|due| view! { <p>{move || tr_with("questionnaire-due", &[("date", &long_date(due))])}</p> })}
        <div on:change=move |e| autosave.now(&e) on:input=move |e| autosave.soon(&e)>
            <ActionForm action=save attr:class="questionnaire" attr:novalidate=true>
                {door
                    .grant()
                    .map(|grant| view! { <input type="hidden" name="grant" value=grant.to_string() /> })}
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="section" value=section />
                <FormAlert error />
                <h2>
                    <span class="hint">
                        {move || tr_with(
                            "questionnaire-part-of",
                            &[("n", &position.to_string()), ("count", &sections.to_string())],
                        )}
                    </span>
                    " "
                    {section_title}
                </h2>
                {questions
                    .into_iter()
                    .map(|question| view! { <Question question count=question_count error /> })
                    .collect_view()}
                <div class="actions">
                    {previous
                        .map(|_| {
                            view! {
                                <button type="submit" name="then" value="previous" class="button secondary">
                                    {move_tr!("questionnaire-previous")}
                                </button>
                            }
                        })} <button type="submit" name="then" value="save" class="button secondary">
                        {move_tr!("questionnaire-save")}
                    </button>
                    {match next {
                        Some(_) => {
                            view! {
                                <button type="submit" name="then" value="next" class="button">
                                    {move_tr!("questionnaire-next")}
                                </button>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <p class="hint" id="submit-hint">
                                    {move_tr!("questionnaire-submit-hint")}
                                </p>
                                <button
                                    type="submit"
                                    name="then"
                                    value="submit"
                                    class="button"
                                    aria-describedby="submit-hint"
                                >
                                    {move_tr!("questionnaire-submit")}
                                </button>
                            }
                                .into_any()
                        }
                    }}
                </div>
                <p role="status" class="status" data-testid="autosaved">
                    {move || autosave.said()}
                </p>
            </ActionForm>
        </div>
    }
}

/// With JavaScript, the section is saved as the person answers: at once when a choice changes,
/// a moment after they stop typing. Saves go one at a time, each with the form as it is when it
/// leaves (an older state never lands after a newer one). The page says "Saving…", then "Saved
/// at 14:32" (their clock) once nothing is left to save, or why an answer could not be saved
/// yet. Without JavaScript each button is a post that saves.
#[derive(Clone, Copy)]
struct Autosave {
    grant: Option<crate::door::GrantId>,
    id: Option<crate::door::SentQuestionnaireId>,
    section: usize,
    /// Each change's number: a pause in typing saves only if no change came after it.
    changes: StoredValue<u64>,
    /// A save is on its way; `again`: the form changed meanwhile, send it once more.
    sending: StoredValue<bool>,
    again: StoredValue<bool>,
    state: RwSignal<Option<Saving>>,
}

/// Where the autosave is (only the browser saves, so the server never makes one).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Saving {
    Going,
    Saved(String),
    Refused(ApiError),
}

impl Autosave {
    fn new(grant: Option<crate::door::GrantId>, id: i64, section: usize) -> Self {
        let id = crate::door::SentQuestionnaireId::new(id);
        Self {
            grant,
            id,
            section,
            changes: StoredValue::new(0),
            sending: StoredValue::new(false),
            again: StoredValue::new(false),
            state: RwSignal::new(None),
        }
    }

    fn said(self) -> Option<String> {
        self.state.get().map(|state| match state {
            Saving::Going => tr("questionnaire-autosaving"),
            Saving::Saved(time) => tr_with("questionnaire-autosaved", &[("time", &time)]),
            Saving::Refused(error) => {
                tr_with("questionnaire-autosave-failed", &[("reason", &message(&error))])
            }
        })
    }

    fn now(self, event: &leptos::ev::Event) {
        self.changes.update_value(|n| *n += 1);
        self.save(event);
    }

    fn soon(self, event: &leptos::ev::Event) {
        self.changes.update_value(|n| *n += 1);
        let change = self.changes.get_value();
        let event = event.clone();
        set_timeout(
            move || {
                if self.changes.try_get_value() == Some(change) {
                    self.save(&event);
                }
            },
            std::time::Duration::from_millis(1200),
        );
    }

    #[cfg(feature = "hydrate")]
    fn save(self, event: &leptos::ev::Event) {
        use crate::api::questionnaires::autosave_answers;
        use leptos::wasm_bindgen::JsCast;
        let (Some(id), Some(form)) = (
            self.id,
            event
                .target()
                .and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
                .and_then(|e| e.closest("form").ok().flatten())
                .and_then(|f| f.dyn_into::<leptos::web_sys::HtmlFormElement>().ok()),
        ) else {
            return;
        };
        if self.sending.get_value() {
            self.again.set_value(true);
            return;
        }
        self.sending.set_value(true);
        self.state.set(Some(Saving::Going));
        leptos::task::spawn_local(async move {
            let saved = loop {
                self.again.set_value(false);
                let saved = autosave_answers(self.grant, id, self.section, answers_in(&form)).await;
                if saved.is_err() || !self.again.try_get_value().unwrap_or(false) {
                    break saved;
                }
            };
            self.sending.try_set_value(false);
            let now = js_sys::Date::new_0();
            let time = format!("{:02}:{:02}", now.get_hours(), now.get_minutes());
            self.state.try_set(Some(match saved {
                Ok(()) => Saving::Saved(time),
                Err(error) => Saving::Refused(error),
            }));
        });
    }

    /// The server draws the page; saving as one types needs the browser.
    #[cfg(not(feature = "hydrate"))]
    fn save(self, _event: &leptos::ev::Event) {
        let _ = (self.grant, self.id, self.section, self.sending, self.again);
    }
}

/// The answers the form holds now, by question (`answers[q1]`, `answers[q2/a1]`).
#[cfg(feature = "hydrate")]
fn answers_in(form: &leptos::web_sys::HtmlFormElement) -> std::collections::HashMap<String, String> {
    let mut answers = std::collections::HashMap::new();
    let Ok(data) = leptos::web_sys::FormData::new_with_form(form) else { return answers };
    if let Ok(Some(entries)) = js_sys::try_iter(&data.entries()) {
        for entry in entries.flatten() {
            let pair = js_sys::Array::from(&entry);
            let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
                continue;
            };
            if let Some(key) = name.strip_prefix("answers[").and_then(|n| n.strip_suffix(']')) {
                answers.insert(key.to_string(), value);
            }
        }
    }
    answers
}
