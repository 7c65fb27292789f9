//! Questionnaires over HTTP (issue #30): the care team sends one from the library, the patient
//! (or a caregiver whose grant covers questionnaires) fills it section by section and submits,
//! the team reads the score, band and alerts and marks it reviewed. Who may see what, the
//! PHI-free mail, draft → submit → read-only, and refusals tied to their question.
use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

const LEA: &str = "lea.gagnon@example.org";
const JEAN: &str = "jean.roy@example.org";
const MARC: &str = "marc.cote@example.org";
const NOTE: &str = "Avant votre rendez-vous de suivi en psychiatrie";

/// An organisation with one care team (the administrator and Paul in it), Léa invited by the
/// administrator (so the team follows her), Nina a professional of no team.
struct Clinic {
    app: TestApp,
    admin: String,
    paul: String,
    nina: String,
    lea_id: i64,
    lea: String,
}

async fn clinic() -> Clinic {
    let app = spawn().await;
    let (admin, _) = app.activated_admin("admin@example.org").await;
    let created = app.call("create_team", &[("name", "Psychiatrie"), ("phone", "")], Some(&admin)).await;
    assert!(created.status().is_success(), "{:?}", created.text().await);
    let team_id = app.count("SELECT MAX(id) FROM care_teams").await.to_string();
    let admin_id = app.number("SELECT id FROM accounts WHERE email = $1", "admin@example.org").await;
    let paul = member_session(&app, "paul@example.org", 1, "professional").await;
    let paul_id = app.number("SELECT id FROM accounts WHERE email = $1", "paul@example.org").await;
    for member in [admin_id, paul_id] {
        let form = [("id", team_id.as_str()), ("account_id", &member.to_string()), ("add", "on")];
        assert_eq!(app.call("team_member", &form, Some(&admin)).await.status(), StatusCode::OK);
    }
    let nina = member_session(&app, "nina@example.org", 1, "professional").await;
    let (lea_id, lea) = patient(&app, &admin, "Léa", "Gagnon", LEA, "1990-04-12", "fr").await;
    Clinic { app, admin, paul, nina, lea_id, lea }
}

impl Clinic {
    /// The latest version of `instrument` in the first organisation's library.
    async fn questionnaire(&self, instrument: &str) -> String {
        self.app
            .number(
                "SELECT id FROM questionnaires WHERE instrument = $1 AND organisation_id = 1
                 ORDER BY version DESC LIMIT 1",
                instrument,
            )
            .await
            .to_string()
    }

    /// A PHQ-9 sent by `staff` that Léa fills with `weights` (and "not difficult" at question 10)
    /// and submits; returns its id.
    async fn filled_phq9(&self, staff: &str, weights: [u8; 9]) -> String {
        let id = self.send(staff, "phq-9").await;
        save(&self.app, &self.lea, &section_form(&id, "0", "next", &phq9(weights), None)).await;
        let q10 = vec![("q10".to_string(), "0".to_string())];
        let sent = save(&self.app, &self.lea, &section_form(&id, "1", "submit", &q10, None)).await;
        assert_eq!(sent.status(), StatusCode::OK, "{:?}", sent.text().await);
        id
    }

    /// Sends `instrument` to Léa as `staff`; returns the sent questionnaire's id.
    async fn send(&self, staff: &str, instrument: &str) -> String {
        let form = [
            ("patient", self.lea_id.to_string()),
            ("questionnaire", self.questionnaire(instrument).await),
            ("due", "31/12/2099".to_string()),
            ("note", NOTE.to_string()),
        ];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let sent = self.app.call("send_questionnaire", &form, Some(staff)).await;
        assert!(sent.status().is_success(), "{:?}", sent.text().await);
        self.app.count("SELECT MAX(id) FROM questionnaire_requests").await.to_string()
    }
}

/// A section's form: `answers[q1]=…` for each pair, as the page posts it.
fn section_form<'a>(
    id: &'a str,
    section: &'a str,
    then: &'a str,
    answers: &'a [(String, String)],
    grant: Option<&'a str>,
) -> Vec<(String, String)> {
    let mut form = vec![
        ("id".to_string(), id.to_string()),
        ("section".into(), section.into()),
        ("then".into(), then.into()),
    ];
    form.extend(grant.map(|g| ("grant".to_string(), g.to_string())));
    form.extend(answers.iter().map(|(k, v)| (format!("answers[{k}]"), v.clone())));
    form
}

async fn save(app: &TestApp, session: &str, form: &[(String, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call("save_answers", &form, Some(session)).await
}

/// PHQ-9 answers adding up to `total` with item 9 at `item9`.
fn phq9(weights: [u8; 9]) -> Vec<(String, String)> {
    weights.iter().enumerate().map(|(i, w)| (format!("q{}", i + 1), w.to_string())).collect()
}

async fn ok_json(response: reqwest::Response) -> Value {
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_team_sends_the_patient_fills_across_visits_and_the_team_reviews_the_score() {
    let c = clinic().await;
    let id = c.send(&c.paul, "phq-9").await;

    // The mail says only that there is a questionnaire, in Léa's language.
    let (subject, body) = mail(&c.app, LEA, "questionnaire").await;
    assert_eq!(subject, text("fr", "mail-questionnaire-subject"));
    assert!(body.contains("/questionnaires"), "{body}");
    for secret in ["PHQ", "santé du patient", NOTE, "Psychiatrie"] {
        assert!(!subject.contains(secret) && !body.contains(secret), "{secret} in {body}");
    }

    let lists = ok_json(c.app.call("my_questionnaires", &[], Some(&c.lea)).await).await;
    assert_eq!(lists["to_fill"].as_array().unwrap().len(), 1);
    assert_eq!(lists["to_fill"][0]["title"], "Questionnaire sur la santé du patient (PHQ-9)");
    assert!(lists["to_fill"][0]["score"].is_null(), "the patient's side sees no score");

    // First section saved as a draft; the second (difficulty) is asked since not all are 0.
    let saved =
        save(&c.app, &c.lea, &section_form(&id, "0", "next", &phq9([1, 1, 1, 1, 2, 1, 1, 1, 1]), None)).await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
    assert_eq!(
        c.app.count(&format!("SELECT COUNT(*) FROM questionnaire_answers WHERE request_id = {id}")).await,
        9
    );
    // Another visit (the form read again) finds the draft.
    let form =
        ok_json(c.app.call("questionnaire_form", &[("id", &id), ("section", "0")], Some(&c.lea)).await).await;
    assert_eq!(form["questions"][4]["value"], "2");
    assert_eq!((form["position"].as_i64(), form["sections"].as_i64()), (Some(1), Some(2)));
    assert_eq!(form["next"], 1);

    let q10 = vec![("q10".to_string(), "1".to_string())];
    let sent = save(&c.app, &c.lea, &section_form(&id, "1", "submit", &q10, None)).await;
    assert_eq!(sent.status(), StatusCode::OK, "{:?}", sent.text().await);
    let (score, flagged) = (
        c.app.count(&format!("SELECT score FROM questionnaire_requests WHERE id = {id}")).await,
        c.app.count(&format!("SELECT flagged FROM questionnaire_requests WHERE id = {id}")).await,
    );
    assert_eq!((score, flagged), (10, 1), "10 is moderate, and item 9 above 0 is flagged");

    // Read-only once submitted.
    let again = save(&c.app, &c.lea, &section_form(&id, "0", "save", &phq9([0; 9]), None)).await;
    assert_eq!(refusal(again, StatusCode::CONFLICT).await.key, "error-questionnaire-submitted");
    assert_eq!(c.app.count(&format!("SELECT score FROM questionnaire_requests WHERE id = {id}")).await, 10);
    let done = ok_json(c.app.call("questionnaire_form", &[("id", &id)], Some(&c.lea)).await).await;
    assert_eq!(done["submitted"]["by"], "Léa Gagnon");
    assert!(done["submitted"]["answers"].as_array().unwrap().iter().all(|a| a["band"].is_null()));
    // Her own export carries the questionnaire and each answer as it reads.
    let export: Value = c.app.get("/account/export", Some(&c.lea)).await.json().await.unwrap();
    let exported = &export["questionnaires"][0];
    assert_eq!(
        (exported["instrument"].as_str(), exported["answers"].as_array().map(Vec::len)),
        (Some("phq-9"), Some(10))
    );
    assert_eq!(exported["answers"][4]["answer"], "Plus de sept jours");

    // The team sees score, band and the alert; the file lists it; the waiting list puts it first.
    let review = ok_json(c.app.call("review_questionnaire", &[("id", &id)], Some(&c.admin)).await).await;
    assert_eq!(review["score"]["total"], 10);
    assert_eq!(review["score"]["band"], "Dépression modérée");
    assert_eq!(review["score"]["flags"].as_array().unwrap().len(), 1);
    // Her PHQ-9 totals over time, on the instrument's scale with its bands' bounds as guides.
    let history = &review["history"];
    assert_eq!(
        (history["max"].as_i64(), history["thresholds"].clone()),
        (Some(27), serde_json::json!([5, 10, 15, 20]))
    );
    assert_eq!(history["points"].as_array().unwrap().len(), 1);
    assert_eq!(
        (history["points"][0]["score"].as_i64(), history["points"][0]["band"].as_str()),
        (Some(10), Some("Dépression modérée"))
    );
    let item9 = &review["submitted"]["answers"][8];
    assert_eq!((item9["flagged"].as_bool(), item9["answer"].as_str()), (Some(true), Some("Plusieurs jours")));
    let waiting = ok_json(c.app.call("questionnaires_to_review", &[], Some(&c.paul)).await).await;
    assert_eq!(waiting[0]["id"].as_i64().unwrap().to_string(), id);
    assert_eq!(waiting[0]["flags"].as_array().unwrap().len(), 1);
    // The team's read is in Léa's access log.
    let viewed = c.app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'questionnaire.viewed'").await;
    assert_eq!(viewed, 1);

    let marked = c.app.call("mark_reviewed", &[("id", &id), ("comment", "Appel prévu")], Some(&c.paul)).await;
    assert_eq!(marked.status(), StatusCode::OK, "{:?}", marked.text().await);
    let twice = c.app.call("mark_reviewed", &[("id", &id), ("comment", "")], Some(&c.admin)).await;
    assert_eq!(refusal(twice, StatusCode::CONFLICT).await.key, "error-questionnaire-reviewed");
    let waiting = ok_json(c.app.call("questionnaires_to_review", &[], Some(&c.paul)).await).await;
    assert_eq!(waiting.as_array().unwrap().len(), 0);
    for action in
        ["questionnaire.sent", "questionnaire.opened", "questionnaire.submitted", "questionnaire.reviewed"]
    {
        let n = c.app.number("SELECT COUNT(*) FROM audit_events WHERE action = $1", action).await;
        assert!(n >= 1, "{action} audited");
    }
}

#[tokio::test]
async fn answers_are_checked_and_a_submission_needs_every_required_answer() {
    let c = clinic().await;
    let id = c.send(&c.admin, "phq-9").await;
    // A choice that is not offered: refused on its question, what was typed kept, nothing saved.
    let mut wrong = phq9([1; 9]);
    wrong[2].1 = "7".into();
    let refused = refusal(
        save(&c.app, &c.lea, &section_form(&id, "0", "next", &wrong, None)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!((refused.key.as_str(), refused.field.as_deref()), ("error-answer-choice", Some("q3")));
    assert_eq!(refused.kept("q3"), Some("7"));
    assert_eq!(refused.kept("q1"), Some("1"));
    assert_eq!(
        c.app.count(&format!("SELECT COUNT(*) FROM questionnaire_answers WHERE request_id = {id}")).await,
        0
    );

    // Item 4 left out, then "send" from the second section: refused on item 4, not submitted.
    let mut partial = phq9([0; 9]);
    partial.remove(3);
    assert_eq!(
        save(&c.app, &c.lea, &section_form(&id, "0", "save", &partial, None)).await.status(),
        StatusCode::OK
    );
    let refused = refusal(
        save(&c.app, &c.lea, &section_form(&id, "0", "submit", &partial, None)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!((refused.key.as_str(), refused.field.as_deref()), ("error-answer-required", Some("q4")));
    assert_eq!(
        c.app
            .count(&format!(
                "SELECT COUNT(*) FROM questionnaire_requests WHERE id = {id} AND submitted_at IS NULL"
            ))
            .await,
        1
    );
    // The form opens at the section of the question named.
    let form = ok_json(
        c.app
            .call("questionnaire_form", &[("id", &id), ("section", "1"), ("focus", "q4")], Some(&c.lea))
            .await,
    )
    .await;
    assert_eq!(form["section"], 0);

    // All zeros: the difficulty question is not asked, so the first section is the last.
    let zeros = phq9([0; 9]);
    let sent = save(&c.app, &c.lea, &section_form(&id, "0", "submit", &zeros, None)).await;
    assert_eq!(sent.status(), StatusCode::OK, "{:?}", sent.text().await);
    assert_eq!(c.app.count(&format!("SELECT flagged FROM questionnaire_requests WHERE id = {id}")).await, 0);

    // Sending: a due date already past, or no questionnaire chosen, refused on the field.
    let lea = c.lea_id.to_string();
    let phq = c.questionnaire("phq-9").await;
    let past = c
        .app
        .call(
            "send_questionnaire",
            &[("patient", &lea), ("questionnaire", &phq), ("due", "01/01/2020"), ("note", "")],
            Some(&c.admin),
        )
        .await;
    let past = refusal(past, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (past.key.as_str(), past.field.as_deref(), past.kept("due")),
        ("error-due-date-past", Some("due"), Some("01/01/2020"))
    );
    let none = c
        .app
        .call(
            "send_questionnaire",
            &[("patient", &lea), ("questionnaire", ""), ("due", ""), ("note", "")],
            Some(&c.admin),
        )
        .await;
    assert_eq!(refusal(none, StatusCode::BAD_REQUEST).await.field.as_deref(), Some("questionnaire"));
    let missing = c.app.call("send_questionnaire", &[("patient", &lea)], Some(&c.admin)).await;
    assert_eq!(refusal(missing, StatusCode::BAD_REQUEST).await.field.as_deref(), Some("questionnaire"));
}

#[tokio::test]
async fn only_the_patient_her_caregivers_with_the_scope_and_her_team_see_her_questionnaires() {
    let c = clinic().await;
    let id = c.send(&c.admin, "gad-7").await;
    let app = &c.app;
    let (_, jean) = patient(app, &c.admin, "Jean", "Roy", JEAN, "1985-01-01", "en").await;
    let read = |session: String, function: &'static str, id: String| async move {
        app.call(function, &[("id", id.as_str())], Some(&session)).await.status()
    };
    // Another patient, a professional of no team, the support desk: nothing.
    assert_eq!(read(jean.clone(), "questionnaire_form", id.clone()).await, StatusCode::NOT_FOUND);
    assert_eq!(read(c.nina.clone(), "review_questionnaire", id.clone()).await, StatusCode::NOT_FOUND);
    let nina_file =
        app.call("file_questionnaires", &[("patient", &c.lea_id.to_string())], Some(&c.nina)).await;
    assert_eq!(nina_file.status(), StatusCode::NOT_FOUND);
    let nina_sends = app
        .call(
            "send_questionnaire",
            &[("patient", &c.lea_id.to_string()), ("questionnaire", &c.questionnaire("gad-7").await)],
            Some(&c.nina),
        )
        .await;
    assert_eq!(nina_sends.status(), StatusCode::NOT_FOUND);
    let desk = member_session(app, "desk@example.org", 1, "support").await;
    assert_eq!(read(desk.clone(), "review_questionnaire", id.clone()).await, StatusCode::FORBIDDEN);
    assert_eq!(read(desk, "questionnaires_to_review", id.clone()).await, StatusCode::FORBIDDEN);
    // The patient herself cannot use the team's door.
    assert_eq!(read(c.lea.clone(), "review_questionnaire", id.clone()).await, StatusCode::FORBIDDEN);

    // Another organisation's administrator: nothing, even with the id.
    let (other, _) = app.admin("other.admin@example.org").await;
    let other = other.session_cookie();
    assert_eq!(read(other.clone(), "review_questionnaire", id.clone()).await, StatusCode::NOT_FOUND);
    let theirs = app
        .number("SELECT id FROM questionnaires WHERE instrument = $1 AND organisation_id = 2", "gad-7")
        .await;
    let cross = app
        .call(
            "send_questionnaire",
            &[("patient", &c.lea_id.to_string()), ("questionnaire", &theirs.to_string())],
            Some(&other),
        )
        .await;
    assert_eq!(cross.status(), StatusCode::NOT_FOUND);
    // Nor can A's team send B's questionnaire.
    let mixed = app
        .call(
            "send_questionnaire",
            &[("patient", &c.lea_id.to_string()), ("questionnaire", &theirs.to_string())],
            Some(&c.admin),
        )
        .await;
    assert_eq!(refusal(mixed, StatusCode::BAD_REQUEST).await.field.as_deref(), Some("questionnaire"));

    // A caregiver without the questionnaires scope: not found; with it: fills, in her name.
    let (messages_only, code) =
        add_caregiver(app, &c.admin, c.lea_id, "sans.portee@example.org", "helper", &["messages"], "fr")
            .await;
    let without = app.redeem("sans.portee@example.org", &code).await;
    let grant = messages_only.to_string();
    let denied = app.call("questionnaire_form", &[("id", &id), ("grant", &grant)], Some(&without)).await;
    assert_eq!(denied.status(), StatusCode::NOT_FOUND);
    assert_eq!(mails_of(app, "sans.portee@example.org", "questionnaire").await, 0);

    let (grant, code) =
        add_caregiver(app, &c.admin, c.lea_id, MARC, "helper", &["questionnaires"], "en").await;
    let marc = app.redeem(MARC, &code).await;
    let grant = grant.to_string();
    let id2 = c.send(&c.admin, "gad-7").await;
    let (subject, _) = mail(app, MARC, "questionnaire").await;
    assert_eq!(subject, text("en", "mail-questionnaire-subject"), "in the caregiver's language");
    let answers: Vec<(String, String)> = (1..=7).map(|i| (format!("q{i}"), "2".to_string())).collect();
    let filled = save(app, &marc, &section_form(&id2, "0", "submit", &answers, Some(&grant))).await;
    assert_eq!(filled.status(), StatusCode::OK, "{:?}", filled.text().await);
    let review = ok_json(app.call("review_questionnaire", &[("id", &id2)], Some(&c.paul)).await).await;
    assert_eq!(review["submitted"]["by_caregiver"], true);
    assert_eq!(review["submitted"]["by"], "Marie Gagnon");
    assert_eq!(
        (review["score"]["total"].as_i64(), review["score"]["band"].as_str()),
        (Some(14), Some("Anxiété modérée"))
    );
    let as_caregiver =
        app.text(&format!("SELECT submitted_as FROM questionnaire_requests WHERE id = {id2}")).await;
    assert_eq!(as_caregiver, "caregiver");
    // Léa sees what Marc filled for her; Jean's list is empty.
    let lea_lists = ok_json(app.call("my_questionnaires", &[], Some(&c.lea)).await).await;
    assert_eq!(lea_lists["done"].as_array().unwrap().len(), 1);
    let jean_lists = ok_json(app.call("my_questionnaires", &[], Some(&jean)).await).await;
    assert_eq!(
        jean_lists["to_fill"].as_array().unwrap().len() + jean_lists["done"].as_array().unwrap().len(),
        0
    );
}

#[tokio::test]
async fn without_javascript_each_section_is_a_form_post_and_a_refusal_comes_back_to_the_page() {
    let c = clinic().await;
    let id = c.send(&c.admin, "esas-r").await;
    let page = format!("/questionnaires/{id}");
    let (status, html) = c.app.page(&page, Some(&c.lea)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Douleur") && html.contains("Aucune douleur"), "the scale and its ends: {html}");
    assert!(
        html.contains(&text_with("fr", "questionnaire-question-of", &[("n", "1"), ("count", "11")])),
        "{html}"
    );

    let mut form: Vec<(String, String)> =
        vec![("id".into(), id.clone()), ("section".into(), "0".into()), ("then".into(), "submit".into())];
    for symptom in
        ["pain", "tiredness", "drowsiness", "nausea", "appetite", "breath", "depression", "anxiety"]
    {
        form.push((format!("answers[{symptom}]"), "4".into()));
    }
    let posted: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let refused = c.app.submit("save_answers", &posted, Some(&c.lea), &page).await;
    assert_eq!(refused.status(), StatusCode::FOUND);
    let back = location(&refused);
    let back = &back[back.find(&page).expect("back to the page")..];
    let (_, html) = c.app.page(back, Some(&c.lea)).await;
    assert!(page_shows(&html, "fr", "error-answer-required"), "the refusal on the page: {html}");
    assert!(html.contains("aria-invalid=\"true\""), "{html}");

    form.push(("answers[wellbeing]".into(), "7".into()));
    form.push(("answers[other-name]".into(), "Constipation".into()));
    form.push(("answers[other]".into(), "8".into()));
    let posted: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let sent = c.app.submit("save_answers", &posted, Some(&c.lea), &page).await;
    assert_eq!(sent.status(), StatusCode::FOUND);
    assert!(location(&sent).ends_with(&page), "{}", location(&sent));
    let (_, html) = c.app.page(&page, Some(&c.lea)).await;
    assert!(
        html.contains("Constipation")
            && html.contains(&text_with("fr", "questionnaire-filled-by-patient", &[("name", "Léa Gagnon")])),
        "{html}"
    );
    // The team sees each symptom's level.
    let (_, review) = c.app.page(&format!("/staff/questionnaires/{id}"), Some(&c.admin)).await;
    assert!(review.contains("Modéré") && review.contains("Sévère"), "{review}");
}

#[tokio::test]
async fn reminders_go_two_days_before_and_on_the_due_date_once_each_across_instances() {
    use app::domain::questionnaire::reminder;
    use app::domain::{calendar, store, Ctx};
    let c = clinic().await;
    let db = &c.app.state.db;
    let now = store::now();
    let timezone = calendar::organisation_timezone(db, 1).await.unwrap();
    let due = calendar::local_date(now, &timezone) + chrono::Duration::days(2);
    let (lea, phq) = (c.lea_id.to_string(), c.questionnaire("phq-9").await);
    let due_typed = due.format("%d/%m/%Y").to_string();
    let form = [
        ("patient", lea.as_str()),
        ("questionnaire", phq.as_str()),
        ("due", due_typed.as_str()),
        ("note", ""),
    ];
    assert_eq!(c.app.call("send_questionnaire", &form, Some(&c.admin)).await.status(), StatusCode::OK);
    let id = c.app.count("SELECT MAX(id) FROM questionnaire_requests").await;
    let reminders = || mails_of(&c.app, LEA, "questionnaire-reminder");

    // Three days before: nothing. Two days before, two instances at once: one reminder.
    let at = |seconds: i64| Ctx::system(db, now + seconds).linking_to("http://localhost:3000");
    assert_eq!(reminder::send_due(&at(-86_400)).await.unwrap(), 0);
    let (one, other) = (at(0), at(0));
    let (first, second) = tokio::join!(reminder::send_due(&one), reminder::send_due(&other));
    assert_eq!(first.unwrap() + second.unwrap(), 1);
    assert_eq!(reminders().await, 1);
    let (subject, body) = mail(&c.app, LEA, "questionnaire-reminder").await;
    assert_eq!(subject, text("fr", "mail-questionnaire-reminder-subject"));
    assert!(
        body.contains(&app::i18n::long_date(app::i18n::Lang::Fr, due)) && !body.contains("PHQ"),
        "{body}"
    );
    // The next hour and the next day: nothing more until the due date, then once.
    assert_eq!(reminder::send_due(&at(3_600)).await.unwrap(), 0);
    assert_eq!(reminder::send_due(&at(86_400)).await.unwrap(), 0);
    let (one, other) = (at(2 * 86_400), at(2 * 86_400));
    let (first, second) = tokio::join!(reminder::send_due(&one), reminder::send_due(&other));
    assert_eq!(first.unwrap() + second.unwrap(), 1);
    assert_eq!(reminders().await, 2);
    assert_eq!(reminder::send_due(&at(2 * 86_400 + 3_600)).await.unwrap(), 0);
    assert_eq!(c.app.count(&format!("SELECT COUNT(*) FROM questionnaire_requests WHERE id = {id} AND reminded_before > 0 AND reminded_due > 0")).await, 1);

    // A questionnaire sent back is not reminded.
    let form = [
        ("patient", lea.as_str()),
        ("questionnaire", phq.as_str()),
        ("due", due_typed.as_str()),
        ("note", ""),
    ];
    assert_eq!(c.app.call("send_questionnaire", &form, Some(&c.admin)).await.status(), StatusCode::OK);
    let second = c.app.count("SELECT MAX(id) FROM questionnaire_requests").await.to_string();
    let sent = save(&c.app, &c.lea, &section_form(&second, "0", "submit", &phq9([0; 9]), None)).await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(reminder::send_due(&at(0)).await.unwrap(), 0);
}

/// A library download as the staff member `session` gets it: status, type, body.
async fn download(
    app: &TestApp,
    id: &str,
    what: &str,
    session: Option<&str>,
) -> (StatusCode, String, String) {
    let response = app.get(&format!("/staff/questionnaires/library/{id}/{what}"), session).await;
    let kind = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (response.status(), kind, response.text().await.unwrap())
}

#[tokio::test]
async fn the_library_exports_fhir_and_csv_to_the_team_and_imports_a_new_version() {
    use app::domain::questionnaire::fhir::{Bundle, Questionnaire};
    let c = clinic().await;
    let app = &c.app;
    let phq9_id = c.questionnaire("phq-9").await;
    let id = c.send(&c.paul, "phq-9").await;
    save(app, &c.lea, &section_form(&id, "0", "next", &phq9([1, 1, 1, 1, 2, 1, 1, 1, 1]), None)).await;
    let q10 = vec![("q10".to_string(), "1".to_string())];
    assert_eq!(
        save(app, &c.lea, &section_form(&id, "1", "submit", &q10, None)).await.status(),
        StatusCode::OK
    );

    // The answers as CSV: one row, every question a column, the score, band and flag.
    let (status, kind, csv) = download(app, &phq9_id, "answers-csv", Some(&c.paul)).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "text/csv; charset=utf-8"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with("\"submission\",\"patient\",\"submitted_at\""), "{}", lines[0]);
    assert!(lines[0].ends_with("\"q9\",\"q10\""), "{}", lines[0]);
    for cell in
        ["\"Léa Gagnon\"", "\"10\"", "\"Dépression modérée\"", "\"Plus de sept jours\"", "\"patient\""]
    {
        assert!(lines[1].contains(cell), "{cell} in {}", lines[1]);
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'questionnaire.exported'").await,
        1
    );

    // The same as a FHIR Bundle of QuestionnaireResponses, read by the model.
    let (status, kind, json) = download(app, &phq9_id, "answers-fhir", Some(&c.paul)).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/fhir+json; charset=utf-8"));
    let bundle: Bundle = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (bundle.resource_type.as_str(), bundle.kind.as_str(), bundle.entry.len()),
        ("Bundle", "collection", 1)
    );
    let response = &bundle.entry[0].resource;
    assert_eq!(
        (response.resource_type.as_str(), response.status.as_str()),
        ("QuestionnaireResponse", "completed")
    );
    assert_eq!(response.questionnaire.as_deref(), Some("urn:portail:questionnaire:phq-9|1"));
    let score = response.item.iter().find(|i| i.link_id == "portail-score").unwrap();
    assert_eq!(score.answer[0]["valueInteger"], 10);
    let q9 = &response.item[0].item.iter().find(|i| i.link_id == "q9").unwrap().answer[0]["valueCoding"];
    assert_eq!((q9["code"].as_str(), q9["display"].as_str()), (Some("1"), Some("Plusieurs jours")));

    // A professional of no team exports nothing; the support desk, a patient, another
    // organisation: not found; signed out: sign in first.
    let (status, _, empty) = download(app, &phq9_id, "answers-csv", Some(&c.nina)).await;
    assert_eq!(
        (status, empty.trim_start_matches('\u{feff}').trim_end().lines().count()),
        (StatusCode::OK, 1)
    );
    let desk = member_session(app, "desk@example.org", 1, "support").await;
    assert_eq!(download(app, &phq9_id, "answers-csv", Some(&desk)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(download(app, &phq9_id, "questionnaire", Some(&desk)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(download(app, &phq9_id, "answers-fhir", Some(&c.lea)).await.0, StatusCode::NOT_FOUND);
    let (other, _) = app.admin("other.admin@example.org").await;
    let other = other.session_cookie();
    assert_eq!(download(app, &phq9_id, "questionnaire", Some(&other)).await.0, StatusCode::NOT_FOUND);
    let signed_out = app.get(&format!("/staff/questionnaires/library/{phq9_id}/answers-csv"), None).await;
    assert_eq!(signed_out.status(), StatusCode::FOUND);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'questionnaire.exported'").await,
        2,
        "the CSV and the Bundle, and none for those refused"
    );

    // The definition as a FHIR Questionnaire, changed and imported back: version 2.
    let (status, _, json) = download(app, &phq9_id, "questionnaire", Some(&c.admin)).await;
    assert_eq!(status, StatusCode::OK);
    let mut questionnaire: Questionnaire = serde_json::from_str(&json).unwrap();
    assert_eq!(questionnaire.code[0].code.as_deref(), Some("44249-1"));
    questionnaire.title = Some("PHQ-9 (version du service)".into());
    let changed = serde_json::to_string(&questionnaire).unwrap();
    let professional = app.call("import_questionnaire", &[("fhir", &changed)], Some(&c.paul)).await;
    assert_eq!(professional.status(), StatusCode::FORBIDDEN);
    let imported = app.call("import_questionnaire", &[("fhir", &changed)], Some(&c.admin)).await;
    assert_eq!(imported.status(), StatusCode::OK, "{:?}", imported.text().await);
    let versions = app
        .count("SELECT MAX(version) FROM questionnaires WHERE instrument = 'phq-9' AND organisation_id = 1")
        .await;
    assert_eq!(versions, 2);
    let library = ok_json(app.call("questionnaire_library", &[], Some(&c.admin)).await).await;
    let phq9 = library["entries"].as_array().unwrap().iter().find(|e| e["instrument"] == "phq-9").unwrap();
    assert_eq!(
        (phq9["version"].as_i64(), phq9["title"].as_str()),
        (Some(2), Some("PHQ-9 (version du service)"))
    );
    assert_eq!(
        (library["imports"].as_bool(), library["exports_answers"].as_bool()),
        (Some(true), Some(true))
    );
    // The answered submission stays on version 1.
    let still = ok_json(app.call("review_questionnaire", &[("id", &id)], Some(&c.admin)).await).await;
    assert_eq!(still["line"]["title"], "Questionnaire sur la santé du patient (PHQ-9)");
    // The same again: nothing added. A broken reference: refused on the field, the text kept.
    let again = app.call("import_questionnaire", &[("fhir", &changed)], Some(&c.admin)).await;
    assert_eq!(refusal(again, StatusCode::CONFLICT).await.key, "error-questionnaire-same-version");
    let broken = changed.replacen("\"linkId\":\"q1\"", "\"linkId\":\"q1\",\"enableWhen\":[{\"question\":\"q7\",\"operator\":\"exists\",\"answerBoolean\":true}]", 1);
    let refused = refusal(
        app.call("import_questionnaire", &[("fhir", &broken)], Some(&c.admin)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-fhir-condition-later", Some("fhir"))
    );
    assert!(refused.args.contains(&("item".to_string(), "1.1".to_string())), "{:?}", refused.args);
    assert_eq!(refused.kept("fhir"), Some(broken.as_str()));
    let unknown = changed.replacen("\"linkId\":\"q1\"", "\"linkId\":\"q1\",\"enableWhen\":[{\"question\":\"q77\",\"operator\":\"exists\",\"answerBoolean\":true}]", 1);
    let refused = refusal(
        app.call("import_questionnaire", &[("fhir", &unknown)], Some(&c.admin)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.key, "error-fhir-unknown-link");
    assert_eq!(app.count("SELECT COUNT(*) FROM questionnaires WHERE organisation_id = 1").await, 4);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'questionnaire.imported'").await,
        1
    );
}

#[tokio::test]
async fn a_flagged_submission_mails_the_team_members_who_chose_alerts_and_no_one_else() {
    let c = clinic().await;
    let app = &c.app;
    let alerts = |session: String| async move {
        ok_json(app.call("questionnaire_alerts", &[], Some(&session)).await).await.as_bool().unwrap()
    };
    assert!(!alerts(c.paul.clone()).await, "off until chosen");
    let chosen = app.call("set_questionnaire_alerts", &[("alerts", "on")], Some(&c.paul)).await;
    assert_eq!(chosen.status(), StatusCode::OK, "{:?}", chosen.text().await);
    assert!(alerts(c.paul.clone()).await);
    // Nina chose them too, but follows no patient of hers; the support desk cannot choose.
    assert_eq!(
        app.call("set_questionnaire_alerts", &[("alerts", "on")], Some(&c.nina)).await.status(),
        StatusCode::OK
    );
    let desk = member_session(app, "desk@example.org", 1, "support").await;
    assert_eq!(
        app.call("set_questionnaire_alerts", &[("alerts", "on")], Some(&desk)).await.status(),
        StatusCode::FORBIDDEN
    );

    // Not flagged: no alert.
    c.filled_phq9(&c.admin, [1, 1, 1, 1, 1, 1, 1, 1, 0]).await;
    assert_eq!(mails_of(app, "paul@example.org", "questionnaire-alert").await, 0);

    // Item 9 above 0: Paul is written to, once, without clinical content; nobody else.
    let flagged = c.filled_phq9(&c.admin, [0, 0, 0, 0, 0, 0, 0, 0, 1]).await;
    assert_eq!(mails_of(app, "paul@example.org", "questionnaire-alert").await, 1);
    let (subject, body) = mail(app, "paul@example.org", "questionnaire-alert").await;
    assert_eq!(subject, text("fr", "mail-questionnaire-alert-subject"));
    assert!(body.contains(&format!("/staff/questionnaires/{flagged}")), "{body}");
    for secret in ["PHQ", "Léa", "Gagnon", "question 9", "Psychiatrie"] {
        assert!(!body.contains(secret), "{secret} in {body}");
    }
    for other in ["admin@example.org", "nina@example.org", "desk@example.org", LEA] {
        assert_eq!(mails_of(app, other, "questionnaire-alert").await, 0, "{other}");
    }

    // Turned off: no more.
    let off = app.call("set_questionnaire_alerts", &[], Some(&c.paul)).await;
    assert_eq!(off.status(), StatusCode::OK);
    assert!(!alerts(c.paul.clone()).await);
    c.filled_phq9(&c.admin, [0, 0, 0, 0, 0, 0, 0, 0, 2]).await;
    assert_eq!(mails_of(app, "paul@example.org", "questionnaire-alert").await, 1);
}

#[tokio::test]
async fn the_patient_sees_the_score_and_band_only_when_the_team_chose_to_show_them() {
    let c = clinic().await;
    let app = &c.app;
    let hidden = c.send(&c.paul, "gad-7").await;
    let form = [
        ("patient", c.lea_id.to_string()),
        ("questionnaire", c.questionnaire("gad-7").await),
        ("show_score", "on".to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.call("send_questionnaire", &form, Some(&c.paul)).await.status(), StatusCode::OK);
    let shown = app.count("SELECT MAX(id) FROM questionnaire_requests").await.to_string();
    let gad7: Vec<(String, String)> = (1..=7).map(|i| (format!("q{i}"), "2".to_string())).collect();
    for id in [&hidden, &shown] {
        let sent = save(app, &c.lea, &section_form(id, "0", "submit", &gad7, None)).await;
        assert_eq!(sent.status(), StatusCode::OK, "{:?}", sent.text().await);
    }
    let lea = &c.lea;
    let read = |id: String| async move {
        ok_json(app.call("questionnaire_form", &[("id", &id)], Some(lea)).await).await
    };
    let not_shown = read(hidden.clone()).await;
    assert!(not_shown["score"].is_null(), "{not_shown}");
    let with_score = read(shown.clone()).await;
    assert_eq!(with_score["score"]["total"], 14);
    assert_eq!(with_score["score"]["band"], "Anxiété modérée");
    assert_eq!(with_score["score"]["flags"].as_array().map(Vec::len), Some(0));
    let lists = ok_json(app.call("my_questionnaires", &[], Some(&c.lea)).await).await;
    let scores: Vec<Option<i64>> =
        lists["done"].as_array().unwrap().iter().map(|l| l["score"].as_i64()).collect();
    assert_eq!(scores.iter().filter(|s| **s == Some(14)).count(), 1, "{scores:?}");
    assert_eq!(scores.iter().filter(|s| s.is_none()).count(), 1, "{scores:?}");
}

#[tokio::test]
async fn a_team_member_sends_one_questionnaire_to_several_patients_of_the_team() {
    let c = clinic().await;
    let app = &c.app;
    let (jean_id, jean) = patient(app, &c.admin, "Jean", "Roy", JEAN, "1985-01-01", "en").await;
    let view = ok_json(app.call("team_sending", &[], Some(&c.paul)).await).await;
    let team = view["teams"][0][0].as_i64().unwrap().to_string();
    assert_eq!(view["teams"][0][1], "Psychiatrie");
    let view = ok_json(app.call("team_sending", &[("team", &team)], Some(&c.paul)).await).await;
    let names: Vec<&str> =
        view["patients"].as_array().unwrap().iter().map(|p| p[1].as_str().unwrap()).collect();
    assert_eq!(names, ["Léa Gagnon", "Jean Roy"], "by family name");
    let gad7 = c.questionnaire("gad-7").await;
    let (lea_box, jean_box) = (format!("patients[{}]", c.lea_id), format!("patients[{jean_id}]"));

    // None ticked: refused on the list, what was chosen kept, nothing sent.
    let none = app
        .call("send_to_team", &[("team", &team), ("questionnaire", &gad7), ("note", "Suivi")], Some(&c.paul))
        .await;
    let refused = refusal(none, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-questionnaire-no-patient", Some("patients"))
    );
    assert_eq!(refused.kept("note"), Some("Suivi"));
    // A patient not on the list (another organisation's, or none), or a team not hers: nothing.
    let stranger = [
        ("team", team.as_str()),
        ("questionnaire", &gad7),
        (lea_box.as_str(), "on"),
        ("patients[999]", "on"),
    ];
    assert_eq!(app.call("send_to_team", &stranger, Some(&c.paul)).await.status(), StatusCode::NOT_FOUND);
    let nina = [("team", team.as_str()), ("questionnaire", &gad7), (lea_box.as_str(), "on")];
    assert_eq!(app.call("send_to_team", &nina, Some(&c.nina)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM questionnaire_requests").await, 0);

    let both = [
        ("team", team.as_str()),
        ("questionnaire", &gad7),
        ("due", "31/12/2099"),
        (lea_box.as_str(), "on"),
        (jean_box.as_str(), "on"),
    ];
    let sent = app.call("send_to_team", &both, Some(&c.paul)).await;
    assert_eq!(sent.status(), StatusCode::OK, "{:?}", sent.text().await);
    assert_eq!(app.count("SELECT COUNT(*) FROM questionnaire_requests WHERE due_on = '2099-12-31'").await, 2);
    for (session, email) in [(&c.lea, LEA), (&jean, JEAN)] {
        let lists = ok_json(app.call("my_questionnaires", &[], Some(session)).await).await;
        assert_eq!(lists["to_fill"].as_array().unwrap().len(), 1, "{email}");
        assert_eq!(mails_of(app, email, "questionnaire").await, 1, "{email}");
    }
}

/// A builder call as its form posts it.
async fn build(app: &TestApp, function: &str, form: &[(&str, &str)], session: &str) -> reqwest::Response {
    app.call(function, form, Some(session)).await
}

#[tokio::test]
async fn an_administrator_builds_a_questionnaire_publishes_it_edits_it_into_a_new_version_and_archives_it() {
    let c = clinic().await;
    let app = &c.app;
    let started =
        build(app, "new_questionnaire", &[("title_fr", "Suivi de la douleur"), ("title_en", "")], &c.admin)
            .await;
    let refused = refusal(started, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.field.as_deref(), Some("title_en"));
    assert_eq!(refused.kept("title_fr"), Some("Suivi de la douleur"), "what was typed comes back");
    let started = build(
        app,
        "new_questionnaire",
        &[("title_fr", "Suivi de la douleur"), ("title_en", "Pain follow-up")],
        &c.admin,
    )
    .await;
    assert_eq!(started.status(), StatusCode::OK, "{:?}", started.text().await);
    let draft = app.count("SELECT MAX(id) FROM questionnaire_drafts").await.to_string();
    assert_eq!(app.text("SELECT instrument FROM questionnaire_drafts").await, "suivi-de-la-douleur");

    // Three questions; the second asked only when the first is "yes".
    let admin = c.admin.as_str();
    let add = |fields: Vec<(&'static str, &'static str)>| {
        let draft = draft.clone();
        async move {
            let mut form = vec![("draft", draft.as_str()), ("section", "s1")];
            form.extend(fields);
            build(app, "save_draft_item", &form, admin).await
        }
    };
    let missing = add(vec![("kind", "yes-no"), ("text_fr", "Avez-vous mal ?")]).await;
    let refused = refusal(missing, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-builder-text-required", Some("text_en"))
    );
    assert_eq!(refused.kept("text_fr"), Some("Avez-vous mal ?"));
    for fields in [
        vec![
            ("kind", "yes-no"),
            ("text_fr", "Avez-vous mal ?"),
            ("text_en", "Are you in pain?"),
            ("required", "on"),
        ],
        vec![
            ("kind", "scale"),
            ("text_fr", "Intensité"),
            ("text_en", "Intensity"),
            ("low_fr", "Aucune"),
            ("low_en", "None"),
            ("high_fr", "Pire"),
            ("high_en", "Worst"),
            ("when_question", "q1"),
            ("when_operator", "="),
            ("when_answer", "oui"),
        ],
        vec![("kind", "long-text"), ("text_fr", "Autre chose ?"), ("text_en", "Anything else?")],
    ] {
        let added = add(fields).await;
        assert_eq!(added.status(), StatusCode::OK, "{:?}", added.text().await);
    }
    let arrange = |target: &'static str, step: &'static str| {
        let draft = draft.clone();
        async move {
            build(app, "arrange_draft", &[("draft", &draft), ("target", target), ("step", step)], admin).await
        }
    };
    assert_eq!(arrange("q3", "up").await.status(), StatusCode::OK);
    let refused = refusal(arrange("q1", "remove").await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.key, "error-builder-depended-on");
    let view = ok_json(build(app, "questionnaire_draft", &[("draft", &draft)], &c.admin).await).await;
    let order: Vec<&str> = view["sections"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["link_id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["q1", "q3", "q2"]);
    let preview = ok_json(build(app, "questionnaire_preview", &[("draft", &draft)], &c.admin).await).await;
    assert_eq!(preview["count"], 3);

    // Published: the library's first version, sendable; the draft is gone.
    assert_eq!(build(app, "publish_draft", &[("draft", &draft)], &c.admin).await.status(), StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM questionnaire_drafts").await, 0);
    let v1 = app.number("SELECT id FROM questionnaires WHERE instrument = $1", "suivi-de-la-douleur").await;
    let sent_v1 = c.send(&c.paul, "suivi-de-la-douleur").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'questionnaire.published'").await,
        1
    );

    // Edited: a draft of version 1; publishing it makes version 2, and version 1 can no longer
    // be sent while what was sent of it stays tied to it.
    assert_eq!(
        build(app, "edit_questionnaire", &[("id", &v1.to_string())], &c.admin).await.status(),
        StatusCode::OK
    );
    let draft = app.count("SELECT MAX(id) FROM questionnaire_drafts").await.to_string();
    let details = [
        ("draft", draft.as_str()),
        ("title_fr", "Suivi de la douleur (v2)"),
        ("title_en", "Pain follow-up (v2)"),
        ("instructions_fr", "Pensez à la dernière semaine."),
        ("instructions_en", "Think of the last week."),
    ];
    assert_eq!(build(app, "save_draft_details", &details, &c.admin).await.status(), StatusCode::OK);
    assert_eq!(build(app, "publish_draft", &[("draft", &draft)], &c.admin).await.status(), StatusCode::OK);
    let versions =
        app.count("SELECT MAX(version) FROM questionnaires WHERE instrument = 'suivi-de-la-douleur'").await;
    assert_eq!(versions, 2);
    let old = app
        .call(
            "send_questionnaire",
            &[("patient", &c.lea_id.to_string()), ("questionnaire", &v1.to_string())],
            Some(&c.paul),
        )
        .await;
    assert_eq!(refusal(old, StatusCode::BAD_REQUEST).await.field.as_deref(), Some("questionnaire"));
    let form = ok_json(app.call("questionnaire_form", &[("id", &sent_v1)], Some(&c.lea)).await).await;
    assert_eq!(form["title"], "Suivi de la douleur", "the version sent");

    // The shipped instruments are not edited here.
    let phq9 = c.questionnaire("phq-9").await;
    let refused =
        refusal(build(app, "edit_questionnaire", &[("id", &phq9)], &c.admin).await, StatusCode::CONFLICT)
            .await;
    assert_eq!(refused.key, "error-builder-validated");

    // Archived: no longer offered nor sendable; brought back, it is again.
    let library = ok_json(app.call("questionnaire_library", &[], Some(&c.admin)).await).await;
    let v2 = library["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["instrument"] == "suivi-de-la-douleur")
        .unwrap()["id"]
        .to_string();
    assert_eq!(build(app, "archive_questionnaire", &[("id", &v2)], &c.admin).await.status(), StatusCode::OK);
    let library = ok_json(app.call("questionnaire_library", &[], Some(&c.admin)).await).await;
    assert!(library["entries"].as_array().unwrap().iter().all(|e| e["instrument"] != "suivi-de-la-douleur"));
    assert_eq!(library["archived"][0]["id"].to_string(), v2);
    let archived = app
        .call(
            "send_questionnaire",
            &[("patient", &c.lea_id.to_string()), ("questionnaire", &v2)],
            Some(&c.paul),
        )
        .await;
    assert_eq!(archived.status(), StatusCode::BAD_REQUEST);
    let restore = [("id", v2.as_str()), ("restore", "on")];
    assert_eq!(build(app, "archive_questionnaire", &restore, &c.admin).await.status(), StatusCode::OK);
    c.send(&c.paul, "suivi-de-la-douleur").await;
}

#[tokio::test]
async fn administrators_decide_who_builds_and_a_draft_stays_in_its_organisation() {
    let c = clinic().await;
    let app = &c.app;
    let title = [("title_fr", "Sommeil"), ("title_en", "Sleep")];
    // Paul holds Questionnaires: he builds once the administrators allow it.
    assert_eq!(build(app, "new_questionnaire", &title, &c.paul).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        build(app, "set_questionnaire_builders", &[("professionals", "on")], &c.paul).await.status(),
        StatusCode::FORBIDDEN
    );
    let allowed = build(app, "set_questionnaire_builders", &[("professionals", "on")], &c.admin).await;
    assert_eq!(allowed.status(), StatusCode::OK);
    assert_eq!(build(app, "new_questionnaire", &title, &c.paul).await.status(), StatusCode::OK);
    let draft = app.count("SELECT MAX(id) FROM questionnaire_drafts").await.to_string();
    assert_eq!(
        ok_json(build(app, "questionnaire_draft", &[("draft", &draft)], &c.admin).await).await["title"][0],
        "Sommeil"
    );

    // The support desk, a patient: refused. Another organisation's administrator: not found,
    // and nothing they send changes the draft.
    let desk = member_session(app, "desk@example.org", 1, "support").await;
    assert_eq!(
        build(app, "questionnaire_draft", &[("draft", &draft)], &desk).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        build(app, "questionnaire_draft", &[("draft", &draft)], &c.lea).await.status(),
        StatusCode::FORBIDDEN
    );
    let (other, _) = app.admin("other.admin@example.org").await;
    let other = other.session_cookie();
    assert_eq!(
        build(app, "questionnaire_draft", &[("draft", &draft)], &other).await.status(),
        StatusCode::NOT_FOUND
    );
    for (function, form) in [
        ("save_draft_details", vec![("draft", draft.as_str()), ("title_fr", "Pris"), ("title_en", "Taken")]),
        ("arrange_draft", vec![("draft", draft.as_str()), ("target", "s1"), ("step", "remove")]),
        ("publish_draft", vec![("draft", draft.as_str())]),
        ("discard_draft", vec![("draft", draft.as_str())]),
    ] {
        assert_eq!(build(app, function, &form, &other).await.status(), StatusCode::NOT_FOUND, "{function}");
    }
    let theirs = app
        .number("SELECT id FROM questionnaires WHERE instrument = $1 AND organisation_id = 2", "gad-7")
        .await;
    assert_eq!(
        build(app, "archive_questionnaire", &[("id", &theirs.to_string())], &c.admin).await.status(),
        StatusCode::NOT_FOUND
    );
    let kept = app.text(&format!("SELECT definition FROM questionnaire_drafts WHERE id = {draft}")).await;
    assert!(kept.contains("Sommeil") && !kept.contains("Taken"), "{kept}");

    // An empty section cannot be published; a removed draft is gone.
    let refused =
        refusal(build(app, "publish_draft", &[("draft", &draft)], &c.paul).await, StatusCode::BAD_REQUEST)
            .await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-questionnaire-empty-group", Some("s1"))
    );
    assert_eq!(build(app, "discard_draft", &[("draft", &draft)], &c.paul).await.status(), StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM questionnaire_drafts").await, 0);
    // Taken back: Paul no longer builds.
    assert_eq!(build(app, "set_questionnaire_builders", &[], &c.admin).await.status(), StatusCode::OK);
    assert_eq!(build(app, "new_questionnaire", &title, &c.paul).await.status(), StatusCode::FORBIDDEN);
}
