//! Secure messaging over HTTP (issue #14): who sees which conversation, replies refused when the
//! team turned them off or closed the conversation, a caregiver writing for the patient, the
//! "new message" email (no content, the recipient's language, one per conversation per hour, off
//! when the patient says so) and each reader's own unread count.
use crate::common::*;
use app::domain::messaging::conversation::{self, Reader};
use app::domain::platform::organisations;
use app::domain::{store, Ctx};
use app::states::Service;
use app::states::TimeLeft;
use futures::StreamExt;
use reqwest::StatusCode;
use serde_json::Value;

const LEA: &str = "lea.gagnon@example.org";
const MARIE: &str = "marie.gagnon@example.org";
const JEAN: &str = "jean.gagnon@example.org";
const SECRET: &str = "Résultats de la prise de sang : tout est normal";

/// An organisation with a team ("Cardiologie", phone given) of which the administrator and Paul are
/// members, and Léa invited by the administrator (so on the team's list) with her account.
struct Clinic {
    app: TestApp,
    admin: String,
    paul: String,
    team_id: i64,
    lea_id: i64,
    lea: String,
}

async fn clinic(lea_language: &str) -> Clinic {
    let app = spawn().await;
    let (admin, _) = app.activated_admin("admin@example.org").await;
    let created = app
        .call(
            "create_team",
            &[("name", "Cardiologie"), ("phone", "514 555 0199"), ("replies_by_default", "on")],
            Some(&admin),
        )
        .await;
    assert!(created.status().is_success(), "{:?}", created.text().await);
    let team_id = app.count("SELECT MAX(id) FROM care_teams").await;
    let admin_id = app.number("SELECT id FROM accounts WHERE email = $1", "admin@example.org").await;
    let paul = member_session(&app, "paul@example.org", 1, "professional").await;
    let paul_id = app.number("SELECT id FROM accounts WHERE email = $1", "paul@example.org").await;
    for member in [admin_id, paul_id] {
        let added = app
            .call(
                "team_member",
                &[("id", &team_id.to_string()), ("account_id", &member.to_string()), ("add", "on")],
                Some(&admin),
            )
            .await;
        assert_eq!(added.status(), StatusCode::OK);
    }
    let (lea_id, lea) = patient(&app, &admin, "Léa", "Gagnon", LEA, "1990-04-12", lea_language).await;
    Clinic { app, admin, paul, team_id, lea_id, lea }
}

impl Clinic {
    /// The administrator writes first to Léa; returns the conversation id.
    async fn write_to_lea(&self, subject: &str, replies: bool) -> i64 {
        let (lea_id, team_id) = (self.lea_id.to_string(), self.team_id.to_string());
        let mut form = vec![
            ("patient_id", lea_id.as_str()),
            ("team_id", &team_id),
            ("subject", subject),
            ("body", SECRET),
        ];
        if replies {
            form.push(("replies", "on"));
        }
        let started = self.app.call("start_conversation", &form, Some(&self.admin)).await;
        assert!(started.status().is_success(), "{:?}", started.text().await);
        self.app.count("SELECT MAX(id) FROM conversations").await
    }
}

async fn status_of(app: &TestApp, function: &str, form: &[(&str, &str)], session: &str) -> StatusCode {
    app.call(function, form, Some(session)).await.status()
}

async fn inbox_total(app: &TestApp, session: &str) -> i64 {
    let list: Value = app.call("team_inbox", &[], Some(session)).await.json().await.unwrap();
    list["total"].as_i64().unwrap()
}

#[tokio::test]
async fn each_person_sees_exactly_the_conversations_they_may() {
    let c = clinic("fr").await;
    let app = &c.app;
    let id = c.write_to_lea("Résultats", true).await;
    let id_text = id.to_string();
    let thread = [("id", id_text.as_str())];

    // The team: both members, in the inbox and on the page.
    assert_eq!(inbox_total(app, &c.paul).await, 1);
    assert_eq!(status_of(app, "team_conversation", &thread, &c.paul).await, StatusCode::OK);
    // Staff outside the team: another professional, an administrator who is no member, support,
    // and staff of another organisation see nothing, and the page is "not found".
    let nora = member_session(app, "nora@example.org", 1, "professional").await;
    let adam = member_session(app, "adam@example.org", 1, "admin").await;
    let support = member_session(app, "sue@example.org", 1, "support").await;
    let elsewhere = another_organisation(app, "Autre clinique").await;
    let other = member_session(app, "olga@example.org", elsewhere, "professional").await;
    for outsider in [&nora, &adam, &other] {
        assert_eq!(inbox_total(app, outsider).await, 0);
        assert_eq!(status_of(app, "team_conversation", &thread, outsider).await, StatusCode::NOT_FOUND);
        assert_eq!(
            status_of(app, "team_reply", &[("id", &id_text), ("body", "Bonjour")], outsider).await,
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(status_of(app, "team_conversation", &thread, &support).await, StatusCode::FORBIDDEN);
    // The open page's "anything new?" question is narrowed the same way.
    assert_eq!(status_of(app, "team_latest_message", &thread, &nora).await, StatusCode::NOT_FOUND);
    let newest: i64 = app.call("team_latest_message", &thread, Some(&c.paul)).await.json().await.unwrap();
    assert_eq!(newest, app.count("SELECT MAX(id) FROM messages").await);

    // The patient, and a caregiver whose grant covers messages; not one whose grant does not.
    let lea_list: Value = app.call("my_conversations", &[], Some(&c.lea)).await.json().await.unwrap();
    assert_eq!(lea_list["lines"][0]["subject"], "Résultats");
    assert_eq!(status_of(app, "my_conversation", &thread, &c.lea).await, StatusCode::OK);
    let (marie_grant, code) =
        add_caregiver(app, &c.admin, c.lea_id, MARIE, "helper", &["messages"], "fr").await;
    let marie = app.redeem(MARIE, &code).await;
    let (jean_grant, code) = add_caregiver(app, &c.admin, c.lea_id, JEAN, "helper", &["profile"], "fr").await;
    let jean = app.redeem(JEAN, &code).await;
    let as_marie = [("grant", marie_grant.to_string()), ("id", id_text.clone())];
    let as_marie: Vec<(&str, &str)> = as_marie.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(status_of(app, "my_conversation", &as_marie, &marie).await, StatusCode::OK);
    let jean_grant = jean_grant.to_string();
    assert_eq!(
        status_of(app, "my_conversations", &[("grant", &jean_grant)], &jean).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status_of(app, "my_conversation", &[("grant", &jean_grant), ("id", &id_text)], &jean).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status_of(app, "latest_message", &[("grant", &jean_grant), ("id", &id_text)], &jean).await,
        StatusCode::NOT_FOUND
    );
    // Marie's own account (not acting for Léa) has no conversations of its own.
    assert_eq!(status_of(app, "my_conversation", &thread, &marie).await, StatusCode::NOT_FOUND);

    // Léa keeps this conversation from her caregivers: Marie no longer sees it, then sees it again.
    let hidden = app.call("hide_from_caregivers", &[("id", &id_text), ("hidden", "on")], Some(&c.lea)).await;
    assert_eq!(hidden.status(), StatusCode::OK);
    assert_eq!(status_of(app, "my_conversation", &as_marie, &marie).await, StatusCode::NOT_FOUND);
    let marie_list: Value = app
        .call("my_conversations", &[("grant", &marie_grant.to_string())], Some(&marie))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(marie_list["total"], 0);
    assert_eq!(
        status_of(app, "hide_from_caregivers", &[("id", &id_text)], &marie).await,
        StatusCode::NOT_FOUND
    );
    app.call("hide_from_caregivers", &[("id", &id_text)], Some(&c.lea)).await;
    assert_eq!(status_of(app, "my_conversation", &as_marie, &marie).await, StatusCode::OK);

    // Another patient of the same organisation sees nothing of it.
    let (_, bob) = patient(app, &c.admin, "Bob", "Roy", "bob@example.org", "1980-01-01", "fr").await;
    assert_eq!(status_of(app, "my_conversation", &thread, &bob).await, StatusCode::NOT_FOUND);
    let bob_list: Value = app.call("my_conversations", &[], Some(&bob)).await.json().await.unwrap();
    assert_eq!(bob_list["total"], 0);

    // Staff reading is in Léa's access log.
    let log: Value = app.call("my_access_log", &[("page", "1")], Some(&c.lea)).await.json().await.unwrap();
    assert!(
        log["entries"].as_array().unwrap().iter().any(|e| e["action"] == "conversation.read"
            && e["actor"] == "Sam Roy"
            && e["actor_role"] == "professional"),
        "Paul's first reading is recorded: {log}"
    );
}

#[tokio::test]
async fn the_patients_side_writes_only_when_the_team_allows_it() {
    let c = clinic("fr").await;
    let app = &c.app;
    let id = c.write_to_lea("Rendez-vous", false).await;
    let id_text = id.to_string();
    let count_messages = format!("SELECT COUNT(*) FROM messages WHERE conversation_id = {id}");
    let messages = || app.count(&count_messages);

    // Replies off: the page explains and gives the team's phone; the server refuses (409).
    let (_, page) = app.page(&format!("/messages/{id}"), Some(&c.lea)).await;
    assert!(
        shows(&page, &text_with("fr", "replies-off-explained-phone", &[("phone", "514-555-0199")])),
        "{page}"
    );
    assert!(!page.contains("name=\"body\""), "no reply box");
    let refused = refusal(
        app.call("reply", &[("id", &id_text), ("body", "Merci")], Some(&c.lea)).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(refused.key, "error-replies-off");
    assert_eq!(messages().await, 1);

    // The team's next message allows replies: Léa replies; her caregiver too, in his own name.
    let allowed = app
        .call(
            "team_reply",
            &[("id", &id_text), ("body", "Vous pouvez répondre."), ("replies", "on")],
            Some(&c.paul),
        )
        .await;
    assert_eq!(allowed.status(), StatusCode::OK);
    assert_eq!(
        app.call("reply", &[("id", &id_text), ("body", "Merci")], Some(&c.lea)).await.status(),
        StatusCode::OK
    );
    let (grant, code) = add_caregiver(app, &c.admin, c.lea_id, MARIE, "helper", &["messages"], "fr").await;
    let marie = app.redeem(MARIE, &code).await;
    let grant = grant.to_string();
    let wrote = app
        .call("reply", &[("grant", &grant), ("id", &id_text), ("body", "Je serai là aussi.")], Some(&marie))
        .await;
    assert_eq!(wrote.status(), StatusCode::OK);
    let (_, page) = app.page(&format!("/staff/conversations/{id}"), Some(&c.paul)).await;
    let signed =
        text_with("fr", "message-author-caregiver", &[("name", "Marie Gagnon"), ("patient", "Léa Gagnon")]);
    assert!(shows(&page, &signed), "the team sees who wrote for whom");
    let acting_for = app
        .count(&format!(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'message.sent' AND acting_for_id = (SELECT account_id FROM patients WHERE id = {})",
            c.lea_id
        ))
        .await;
    assert_eq!(acting_for, 1, "recorded under Marie, for Léa");

    // An empty reply is refused on its field, and what was typed is kept (a no-JS post too).
    let empty = refusal(
        app.call("reply", &[("id", &id_text), ("body", "   ")], Some(&c.lea)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!((empty.key.as_str(), empty.field.as_deref()), ("error-message-required", Some("body")));
    let too_long = refusal(
        app.call("reply", &[("id", &id_text), ("body", &"é".repeat(10_001))], Some(&c.lea)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(too_long.key, "error-message-too-long");
    let page = format!("/messages/{id}");
    let posted = app.submit("reply", &[("id", &id_text), ("body", " ")], Some(&c.lea), &page).await;
    assert_eq!(posted.status(), StatusCode::FOUND, "without JavaScript, back to the conversation");
    let back = location(&posted);
    assert!(back.starts_with(&app.url(&page)) && back.contains("__err="), "{back}");
    let (_, html) = app.page(back.trim_start_matches(&app.base), Some(&c.lea)).await;
    assert!(html.contains("id=\"body-error\""), "the message is next to the reply box");

    // Closed: nobody on the patient's side writes any more, and the page says so.
    assert_eq!(
        app.call("manage_conversation", &[("id", &id_text), ("action", "close")], Some(&c.paul))
            .await
            .status(),
        StatusCode::OK
    );
    let closed = refusal(
        app.call("reply", &[("id", &id_text), ("body", "Encore")], Some(&c.lea)).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(closed.key, "error-conversation-closed");
    let (_, page) = app.page(&format!("/messages/{id}"), Some(&c.lea)).await;
    assert!(page_shows(&page, "fr", "conversation-closed-explained"));
    app.call("manage_conversation", &[("id", &id_text), ("action", "reopen")], Some(&c.paul)).await;
    assert_eq!(
        app.call("reply", &[("id", &id_text), ("body", "Encore")], Some(&c.lea)).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_new_message_is_emailed_without_its_content_at_most_hourly_in_the_readers_language() {
    let c = clinic("en").await;
    let app = &c.app;
    let id = c.write_to_lea("Résultats", true).await;
    let (subject, body) = mail(app, LEA, "new-message").await;
    assert_eq!(subject, text("en", "mail-new-message-subject"));
    assert!(
        body.contains(&format!("/messages/{id}")) && !body.contains("Résultats") && !body.contains(SECRET),
        "{body}"
    );
    // Paul, a member of the team, is not told about his team's own message.
    assert_eq!(mails_of(app, "paul@example.org", "new-message").await, 0);

    // A second message within the hour: no second email.
    let id_text = id.to_string();
    app.call("team_reply", &[("id", &id_text), ("body", "Autre chose"), ("replies", "on")], Some(&c.paul))
        .await;
    assert_eq!(mails_of(app, LEA, "new-message").await, 1);
    // Léa replies: each member of the team is told once.
    app.call("reply", &[("id", &id_text), ("body", "Merci")], Some(&c.lea)).await;
    app.call("reply", &[("id", &id_text), ("body", "Encore merci")], Some(&c.lea)).await;
    assert_eq!(mails_of(app, "paul@example.org", "new-message").await, 1);
    assert_eq!(mails_of(app, "admin@example.org", "new-message").await, 1);

    // One second short of an hour after her email, none; an hour after it, a new one. Then Léa
    // turns them off and gets none.
    let paul_id = app.number("SELECT id FROM accounts WHERE email = $1", "paul@example.org").await;
    let lea_account = app.number("SELECT id FROM accounts WHERE email = $1", LEA).await;
    let told_at =
        app.count(&format!("SELECT sent_at FROM message_mails WHERE account_id = {lea_account}")).await;
    let paul = Reader::Staff { account_id: paul_id, organisation_id: 1 };
    for (after, mails) in [(3599, 1), (3600, 2)] {
        let later = Ctx::system(&app.state.db, told_at + after).by(paul_id);
        conversation::writing::reply(&later, paul, id, "Une heure plus tard", Vec::new(), Some(true))
            .await
            .unwrap();
        assert_eq!(mails_of(app, LEA, "new-message").await, mails, "{after} s after the last email");
    }
    // Sent without a choice, or asking for the staff's daily summary: refused on the field.
    for form in [vec![], vec![("choice", "daily")]] {
        let refused =
            refusal(app.call("set_message_emails", &form, Some(&c.lea)).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(
            (refused.key.as_str(), refused.field.as_deref()),
            ("error-mail-choice-invalid", Some("choice"))
        );
    }
    assert_eq!(
        app.call("set_message_emails", &[("choice", "off")], Some(&c.lea)).await.status(),
        StatusCode::OK
    );
    let much_later = Ctx::system(&app.state.db, told_at + 3 * 3600).by(paul_id);
    conversation::writing::reply(&much_later, paul, id, "Encore plus tard", Vec::new(), Some(true))
        .await
        .unwrap();
    assert_eq!(mails_of(app, LEA, "new-message").await, 2);
}

#[tokio::test]
async fn each_reader_has_their_own_unread_marker_that_nobody_else_sees() {
    let c = clinic("fr").await;
    let app = &c.app;
    let unread = |session: String, function: &'static str| async move {
        app.call(function, &[], Some(&session)).await.json::<i64>().await.unwrap()
    };
    let id = c.write_to_lea("Résultats", true).await;
    assert_eq!(unread(c.lea.clone(), "unread_messages").await, 1);
    assert_eq!(unread(c.paul.clone(), "team_unread").await, 1, "a colleague has not read it");
    assert_eq!(unread(c.admin.clone(), "team_unread").await, 0, "its author has");
    let (_, home) = app.page("/home", Some(&c.lea)).await;
    assert!(
        shows(&home, &text_with("fr", "messages-unread", &[("count", "1")]))
            || home.contains("1 conversation non lue"),
        "the home page counts it"
    );

    let seen: Value =
        app.call("my_conversation", &[("id", &id.to_string())], Some(&c.lea)).await.json().await.unwrap();
    assert_eq!(seen["messages"][0]["new"], true, "shown as new on this first visit");
    assert_eq!(unread(c.lea.clone(), "unread_messages").await, 0);
    assert_eq!(unread(c.paul.clone(), "team_unread").await, 1, "Léa reading changes nothing for Paul");
    let again: Value =
        app.call("my_conversation", &[("id", &id.to_string())], Some(&c.lea)).await.json().await.unwrap();
    assert_eq!(again["messages"][0]["new"], false);
    // What the team sees of the conversation says nothing about Léa having read it.
    let staff_view =
        app.call("team_conversation", &[("id", &id.to_string())], Some(&c.paul)).await.text().await.unwrap();
    assert!(!staff_view.contains("read") && !staff_view.contains("seen"), "{staff_view}");
    let unread_list: Value =
        app.call("team_inbox", &[("filter", "unread")], Some(&c.admin)).await.json().await.unwrap();
    assert_eq!(unread_list["total"], 0);
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[tokio::test]
async fn files_are_checked_by_content_and_given_only_to_readers_as_downloads() {
    let c = clinic("fr").await;
    let app = &c.app;
    let id = c.write_to_lea("Résultats", true).await;
    let id_text = id.to_string();
    let files = || app.count("SELECT COUNT(*) FROM attachments");

    // A page of HTML named .pdf is refused on the file field; the text typed is kept.
    let refused = refusal(
        app.send_files(
            "reply",
            &[("id", &id_text), ("body", "Ci-joint")],
            &[("scan.pdf", b"<html>")],
            &c.lea,
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!((refused.key.as_str(), refused.field.as_deref()), ("error-attachment-type", Some("files")));
    assert_eq!(refused.kept("body"), Some("Ci-joint"));
    // Six files are one too many; nothing is written.
    let six: Vec<(&str, &[u8])> = (0..6).map(|_| ("a.pdf", PDF)).collect();
    let refused = refusal(
        app.send_files("reply", &[("id", &id_text), ("body", "Six")], &six, &c.lea).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.key, "error-attachments-too-many");
    // Over 10 MB: refused, with the same message without JavaScript; over the five files' total,
    // the server refuses the body before reading it.
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let refused = refusal(
        app.send_files("reply", &[("id", &id_text), ("body", "Gros")], &[("big.pdf", &big)], &c.lea).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.key, "error-attachment-too-large");
    assert_eq!((files().await, app.count("SELECT COUNT(*) FROM messages").await), (0, 1));
    // Not multipart at all: a refusal, not a fault.
    let plain = app
        .client
        .post(app.url("/api/reply"))
        .header("accept", "application/json")
        .header("origin", &app.base)
        .header("cookie", &c.lea)
        .form(&[("id", id_text.as_str()), ("body", "Bonjour")])
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), StatusCode::BAD_REQUEST);

    // Léa replies with a PDF: the team sees it listed, and downloads it as an attachment.
    let sent = app
        .send_files(
            "reply",
            &[("id", &id_text), ("body", "Voici le résultat")],
            &[("Résultat.pdf", PDF)],
            &c.lea,
        )
        .await;
    assert_eq!(sent.status(), StatusCode::OK, "{:?}", sent.text().await);
    let file_id = app.count("SELECT MAX(id) FROM attachments").await;
    let (_, page) = app.page(&format!("/staff/conversations/{id}"), Some(&c.paul)).await;
    assert!(
        page.contains(&format!("href=\"/staff/files/{file_id}\"")) && page.contains("Résultat.pdf"),
        "{page}"
    );
    let download = app.get(&format!("/staff/files/{file_id}"), Some(&c.paul)).await;
    assert_eq!(download.status(), StatusCode::OK);
    let header = |name: &str| download.headers()[name].to_str().unwrap().to_string();
    assert_eq!(header("content-type"), "application/pdf");
    assert!(header("content-disposition").starts_with("attachment;"), "{}", header("content-disposition"));
    assert!(header("content-disposition").contains("filename*=UTF-8''R%C3%A9sultat.pdf"));
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'attachment.downloaded'").await,
        1,
        "each download is in the audit trail"
    );

    // Léa gets it through her door, a caregiver with messages through theirs; nobody else.
    assert_eq!(app.get(&format!("/messages/files/{file_id}"), Some(&c.lea)).await.status(), StatusCode::OK);
    let (marie_grant, code) =
        add_caregiver(app, &c.admin, c.lea_id, MARIE, "helper", &["messages"], "fr").await;
    let marie = app.redeem(MARIE, &code).await;
    let (jean_grant, code) = add_caregiver(app, &c.admin, c.lea_id, JEAN, "helper", &["profile"], "fr").await;
    let jean = app.redeem(JEAN, &code).await;
    assert_eq!(
        app.get(&format!("/for/{marie_grant}/messages/files/{file_id}"), Some(&marie)).await.status(),
        StatusCode::OK
    );
    let nora = member_session(app, "nora@example.org", 1, "professional").await;
    let (_, bob) = patient(app, &c.admin, "Bob", "Roy", "bob@example.org", "1980-01-01", "fr").await;
    for (path, session) in [
        (format!("/for/{jean_grant}/messages/files/{file_id}"), &jean),
        (format!("/for/{marie_grant}/messages/files/{file_id}"), &jean),
        (format!("/messages/files/{file_id}"), &marie),
        (format!("/messages/files/{file_id}"), &bob),
        (format!("/staff/files/{file_id}"), &nora),
        (format!("/staff/files/{file_id}"), &c.lea),
        (format!("/messages/files/{}", file_id + 1), &c.lea),
        // An address that names no door or no file is no door at all (never "the patient's").
        (format!("/for/0/messages/files/{file_id}"), &marie),
        (format!("/for/-{marie_grant}/messages/files/{file_id}"), &marie),
        (format!("/for/abc/messages/files/{file_id}"), &marie),
        ("/messages/files/0".to_string(), &c.lea),
        (format!("/messages/files/{file_id}x"), &c.lea),
        ("/staff/files/-1".to_string(), &c.paul),
    ] {
        let response = app.get(&path, Some(session)).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(!response.bytes().await.unwrap().windows(5).any(|w| w == b"%PDF-"), "{path}");
    }
    // Hidden from caregivers: Marie's door closes too.
    app.call("hide_from_caregivers", &[("id", &id_text), ("hidden", "on")], Some(&c.lea)).await;
    assert_eq!(
        app.get(&format!("/for/{marie_grant}/messages/files/{file_id}"), Some(&marie)).await.status(),
        StatusCode::NOT_FOUND
    );
    // Signed out: to the sign-in page, coming back to the file afterwards.
    let signed_out = app.get(&format!("/messages/files/{file_id}"), None).await;
    assert_eq!(signed_out.status(), StatusCode::FOUND);
    assert!(location(&signed_out).contains("/sign-in"), "{}", location(&signed_out));
}

/// A form's ids are read as ids: one that is not (`abc`, `0`, `-3`) is refused on its field with
/// what was typed kept, never taken for "none" (before, a bad grant read as 0, the patient's own).
#[tokio::test]
async fn a_bad_id_in_a_message_form_is_refused_on_its_field() {
    let c = clinic("fr").await;
    let app = &c.app;
    let id = c.write_to_lea("Résultats", true).await.to_string();
    let team = c.team_id.to_string();
    let messages = || app.count("SELECT COUNT(*) FROM messages");
    // (server function, form, the field refused, who posts it)
    let cases = [
        ("reply", vec![("grant", "abc"), ("id", &id), ("body", "Bonjour")], "grant", &c.lea),
        ("reply", vec![("grant", "0"), ("id", &id), ("body", "Bonjour")], "grant", &c.lea),
        ("reply", vec![("id", "5x"), ("body", "Bonjour")], "id", &c.lea),
        ("team_reply", vec![("id", "-3"), ("body", "Bonjour")], "id", &c.paul),
        (
            "start_my_conversation",
            vec![("team_id", "deux"), ("subject", "Rendez-vous"), ("body", "Bonjour")],
            "team_id",
            &c.lea,
        ),
        (
            "start_conversation",
            vec![("patient_id", "0"), ("team_id", &team), ("subject", "Suivi"), ("body", "Bonjour")],
            "patient_id",
            &c.paul,
        ),
    ];
    for (function, form, field, session) in cases {
        let refused =
            refusal(app.send_files(function, &form, &[], session).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(
            (refused.key.as_str(), refused.field.as_deref()),
            ("error-id-invalid", Some(field)),
            "{function} {form:?}"
        );
        assert_eq!(refused.kept("body"), Some("Bonjour"), "{function}: what was typed comes back");
    }
    assert_eq!(messages().await, 1, "nothing refused is written");
    // A plain server function refuses a bad id too (400, not "the first" or "none").
    let response = app.call("my_conversation", &[("grant", "0"), ("id", &id)], Some(&c.lea)).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = app.call("my_conversation", &[("id", &id)], Some(&c.lea)).await;
    assert_eq!(response.status(), StatusCode::OK, "no grant: Léa's own door");
}

#[tokio::test]
async fn a_first_message_carries_files_and_a_refused_one_keeps_what_was_typed() {
    let c = clinic("fr").await;
    let app = &c.app;
    let (lea_id, team) = (c.lea_id.to_string(), c.team_id.to_string());
    let form = [
        ("patient_id", lea_id.as_str()),
        ("team_id", team.as_str()),
        ("subject", "Vos résultats"),
        ("body", "Voici vos résultats."),
        ("replies", "on"),
    ];

    // A file that is not what its name says: nothing is written, and everything typed comes back.
    let refused = refusal(
        app.send_files("start_conversation", &form, &[("resultats.pdf", b"MZ\x90\x00")], &c.admin).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!((refused.key.as_str(), refused.field.as_deref()), ("error-attachment-type", Some("files")));
    for (field, typed) in [
        ("team_id", team.as_str()),
        ("subject", "Vos résultats"),
        ("body", "Voici vos résultats."),
        ("replies", "on"),
    ] {
        assert_eq!(refused.kept(field), Some(typed), "{field}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM conversations").await, 0);

    // The writer's professional number is in the sender line Léa sees.
    let admin_id =
        app.number("SELECT id FROM accounts WHERE email = $1", "admin@example.org").await.to_string();
    let numbered = app
        .call(
            "set_professional_number",
            &[("account_id", &admin_id), ("professional_number", "123456")],
            Some(&c.admin),
        )
        .await;
    assert!(numbered.status().is_success(), "{:?}", numbered.text().await);
    // A real PDF: the conversation opens with it, and Léa sees it in the first message.
    let sent = app.send_files("start_conversation", &form, &[("resultats.pdf", PDF)], &c.admin).await;
    assert!(sent.status().is_success(), "{:?}", sent.text().await);
    let id = app.count("SELECT MAX(id) FROM conversations").await;
    let file_id = app.count("SELECT MAX(id) FROM attachments").await;
    let (_, page) = app.page(&format!("/messages/{id}"), Some(&c.lea)).await;
    assert!(
        page.contains(&format!("href=\"/messages/files/{file_id}\""))
            && page.contains("resultats.pdf")
            && page.contains(", 1-23456"),
        "{page}"
    );
    assert_eq!(
        app.get(&format!("/messages/files/{file_id}"), Some(&c.lea)).await.bytes().await.unwrap().as_ref(),
        PDF
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'attachment.added'").await, 1);

    // Without JavaScript the browser posts the same form and is taken to the new conversation.
    let posted = app
        .client
        .post(app.url("/api/start_conversation"))
        .header("accept", "text/html")
        .header("origin", &app.base)
        .header("referer", app.url(&format!("/staff/patients/{lea_id}/messages/new")))
        .header("cookie", &c.admin)
        .multipart(
            reqwest::multipart::Form::new()
                .text("patient_id", lea_id.clone())
                .text("team_id", team.clone())
                .text("subject", "Sans JavaScript")
                .text("body", "Bonjour"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::FOUND);
    assert_eq!(location(&posted), format!("/staff/conversations/{}", id + 1));
}

#[tokio::test]
async fn the_patient_writes_first_only_to_a_team_that_allows_it() {
    let c = clinic("fr").await;
    let app = &c.app;
    let team = c.team_id.to_string();
    let form = [("team_id", team.as_str()), ("subject", "Question"), ("body", "Puis-je venir plus tôt?")];

    // Off by default: no team to choose, and the server refuses on the team field.
    let list: Value = app.call("my_conversations", &[], Some(&c.lea)).await.json().await.unwrap();
    assert_eq!(list["startable"], serde_json::json!([]));
    let refused =
        refusal(app.call("start_my_conversation", &form, Some(&c.lea)).await, StatusCode::BAD_REQUEST).await;
    assert_eq!((refused.key.as_str(), refused.field.as_deref()), ("error-team-invalid", Some("team_id")));
    assert_eq!(refused.kept("body"), Some("Puis-je venir plus tôt?"));
    assert_eq!(app.count("SELECT COUNT(*) FROM conversations").await, 0);

    // The administrator lets patients write first: Léa picks the team and writes; the team is told.
    let settings = [
        ("id", team.as_str()),
        ("name", "Cardiologie"),
        ("phone", "514 555 0199"),
        ("patients_may_start", "on"),
        ("replies_by_default", "on"),
    ];
    assert_eq!(app.call("update_team", &settings, Some(&c.admin)).await.status(), StatusCode::OK);
    let list: Value = app.call("my_conversations", &[], Some(&c.lea)).await.json().await.unwrap();
    assert_eq!(list["startable"][0]["name"], "Cardiologie");
    let started = app.call("start_my_conversation", &form, Some(&c.lea)).await;
    assert_eq!(started.status(), StatusCode::OK, "{:?}", started.text().await);
    assert_eq!(inbox_total(app, &c.paul).await, 1);
    await_mails(app, "paul@example.org", "new-message", 1).await;
    // A caregiver with the messages scope writes first too, in their own name; one without cannot.
    let (grant, code) = add_caregiver(app, &c.admin, c.lea_id, MARIE, "helper", &["messages"], "fr").await;
    let marie = app.redeem(MARIE, &code).await;
    let grant = grant.to_string();
    let mut as_marie = form.to_vec();
    as_marie.push(("grant", &grant));
    assert_eq!(app.call("start_my_conversation", &as_marie, Some(&marie)).await.status(), StatusCode::OK);
    let (jean_grant, code) = add_caregiver(app, &c.admin, c.lea_id, JEAN, "helper", &["profile"], "fr").await;
    let jean = app.redeem(JEAN, &code).await;
    let jean_grant = jean_grant.to_string();
    let mut as_jean = form.to_vec();
    as_jean.push(("grant", &jean_grant));
    assert_eq!(
        app.call("start_my_conversation", &as_jean, Some(&jean)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM conversations").await, 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM messages WHERE author_role = 'caregiver'").await, 1);
    // A team of another organisation is not one Léa may pick.
    let elsewhere = another_organisation(app, "Autre clinique").await;
    let other_admin = member_session(app, "olga@example.org", elsewhere, "admin").await;
    let created = app
        .call(
            "create_team",
            &[("name", "Ailleurs"), ("phone", ""), ("patients_may_start", "on")],
            Some(&other_admin),
        )
        .await;
    assert_eq!(created.status(), StatusCode::OK);
    let other_team = app.count("SELECT MAX(id) FROM care_teams").await.to_string();
    let elsewhere_form = [("team_id", other_team.as_str()), ("subject", "Question"), ("body", "Bonjour")];
    let refused = refusal(
        app.call("start_my_conversation", &elsewhere_form, Some(&c.lea)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.key, "error-team-invalid");

    // The platform stops offering messaging to Léa's organisation: she can no longer write first.
    let system = Ctx::system(&app.state.db, store::now());
    organisations::change_offering(&system, 1, &[Service::Invitations, Service::Caregivers]).await.unwrap();
    let list: Value = app.call("my_conversations", &[], Some(&c.lea)).await.json().await.unwrap();
    assert_eq!(list["startable"], serde_json::json!([]));
    let refused =
        refusal(app.call("start_my_conversation", &form, Some(&c.lea)).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.key, "error-team-invalid");
    assert_eq!(app.count("SELECT COUNT(*) FROM conversations").await, 2);
}

#[tokio::test]
async fn a_professional_who_chose_the_daily_summary_gets_one_a_day_without_names() {
    let c = clinic("en").await;
    let app = &c.app;
    let paul_id = app.number("SELECT id FROM accounts WHERE email = $1", "paul@example.org").await;
    let chosen = app.call("set_message_emails", &[("choice", "daily")], Some(&c.paul)).await;
    assert_eq!(chosen.status(), StatusCode::OK);
    let choice: String = app.call("message_emails", &[], Some(&c.paul)).await.json().await.unwrap();
    assert_eq!(choice, "daily");
    let id = c.write_to_lea("Résultats", true).await.to_string();
    let reply = [("id", id.as_str()), ("body", "Merci, à demain.")];
    assert_eq!(app.call("reply", &reply, Some(&c.lea)).await.status(), StatusCode::OK);
    // No email per message for Paul (the administrator, who did not choose it, gets hers).
    await_mails(app, "admin@example.org", "new-message", 1).await;
    assert_eq!(mails_of(app, "paul@example.org", "new-message").await, 0);

    // The hourly job: one summary, in Paul's language (French; Léa's is English), with the count
    // and no patient or subject.
    let now = store::now();
    let digests = |at: i64| {
        let ctx = Ctx::system(&app.state.db, at).linking_to("http://localhost");
        async move { conversation::mail::send_digests(&ctx).await.unwrap() }
    };
    assert_eq!(digests(now).await, 1);
    let (subject, body) = mail(app, "paul@example.org", "message-digest").await;
    assert_eq!(subject, text("fr", "mail-message-digest-subject"));
    assert!(body.contains(" : 1.") && body.contains("/staff/inbox?filter=unread"), "{body}");
    assert!(!body.contains("Léa") && !body.contains("Résultats") && !body.contains("Merci"), "{body}");
    // Not again within 23 hours, even with more to read; then again.
    assert_eq!(digests(now + 23 * 3600 - 1).await, 0);
    assert_eq!(digests(now + 23 * 3600).await, 1);
    assert_eq!(mails_of(app, "paul@example.org", "message-digest").await, 2);
    // Once Paul has read it, the next day's summary has nothing to say and is not sent.
    let paul = Reader::Staff { account_id: paul_id, organisation_id: 1 };
    conversation::open(&Ctx::system(&app.state.db, now).by(paul_id), paul, id.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(digests(now + 3 * 23 * 3600).await, 0);
    assert_eq!(mails_of(app, "paul@example.org", "message-digest").await, 2);
}

#[tokio::test]
async fn messages_are_limited_per_account_and_an_anonymous_post_is_refused_unread() {
    let c = clinic("fr").await;
    let app = &c.app;
    // Ten first messages from one account, then the eleventh waits, keeping what was typed.
    for i in 0..10 {
        c.write_to_lea(&format!("Sujet {i}"), true).await;
    }
    let (lea_id, team_id) = (c.lea_id.to_string(), c.team_id.to_string());
    let eleventh = [
        ("patient_id", lea_id.as_str()),
        ("team_id", team_id.as_str()),
        ("subject", "Onzième"),
        ("body", "Un texte à garder"),
        ("replies", "on"),
    ];
    let refused = refusal(
        app.call("start_conversation", &eleventh, Some(&c.admin)).await,
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    assert_eq!(refused.key, "error-too-many-attempts");
    assert_eq!((refused.kept("subject"), refused.kept("body")), (Some("Onzième"), Some("Un texte à garder")));
    assert_eq!(app.count("SELECT COUNT(*) FROM conversations").await, 10);
    // Another member of the team still writes.
    assert!(app.call("start_conversation", &eleventh, Some(&c.paul)).await.status().is_success());

    // Léa's replies: 30 at once, then one every 10 seconds.
    let id = app.count("SELECT MIN(id) FROM conversations").await.to_string();
    for i in 0..30 {
        let body = format!("Réponse {i}");
        let sent = app.call("reply", &[("id", &id), ("body", &body)], Some(&c.lea)).await;
        assert_eq!(sent.status(), StatusCode::OK, "reply {i}: {:?}", sent.text().await);
    }
    let thirty_first = app.call("reply", &[("id", &id), ("body", "Encore")], Some(&c.lea)).await;
    assert_eq!(refusal(thirty_first, StatusCode::TOO_MANY_REQUESTS).await.kept("body"), Some("Encore"));

    // Nobody signed in: refused before the form is read. The body below never ends; an answer
    // means the server did not wait for it.
    let start = b"--x\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nBonjour\r\n--x\r\n\
Content-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF"
        .to_vec();
    let endless = futures::stream::iter([Ok::<_, std::io::Error>(start)]).chain(futures::stream::pending());
    let request = app
        .client
        .post(app.url("/api/reply"))
        .header("content-type", "multipart/form-data; boundary=x")
        .header("accept", "application/json")
        .header("origin", &app.base)
        .body(reqwest::Body::wrap_stream(endless))
        .send();
    let answered = tokio::time::timeout(std::time::Duration::from_secs(10), request)
        .await
        .expect("answered without reading the whole form")
        .unwrap();
    assert_eq!(answered.status(), StatusCode::UNAUTHORIZED);
}

/// A form whose body never ends, sent as `session`: held open until its task is aborted.
async fn endless_reply(client: reqwest::Client, url: String, origin: String, session: String) {
    let start = b"--x\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nBonjour\r\n--x\r\n".to_vec();
    let endless = futures::stream::iter([Ok::<_, std::io::Error>(start)]).chain(futures::stream::pending());
    let _ = client
        .post(url)
        .header("content-type", "multipart/form-data; boundary=x")
        .header("accept", "application/json")
        .header("origin", origin)
        .header("cookie", session)
        .body(reqwest::Body::wrap_stream(endless))
        .send()
        .await;
}

#[tokio::test]
async fn one_account_sends_two_forms_with_files_at_once_not_three() {
    let c = clinic("fr").await;
    let app = &c.app;
    let id = c.write_to_lea("Sujet", true).await.to_string();
    let open: Vec<_> = (0..2)
        .map(|_| {
            let (client, url, origin, session) =
                (app.client.clone(), app.url("/api/reply"), app.base.clone(), c.lea.clone());
            tokio::spawn(endless_reply(client, url, origin, session))
        })
        .collect();
    // Once both are being read, a third from Léa waits; replies sent before that went through.
    let mut third = None;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let answer = app.call("reply", &[("id", &id), ("body", "Trois")], Some(&c.lea)).await;
        if answer.status() != StatusCode::OK {
            third = Some(answer);
            break;
        }
    }
    let third = third.expect("a third upload at once is refused");
    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(third.headers()["retry-after"], "5");
    // The team is not held back by her.
    let team =
        app.call("team_reply", &[("id", &id), ("body", "Réponse"), ("replies", "on")], Some(&c.admin)).await;
    assert_eq!(team.status(), StatusCode::OK);
    // Gone callers free their places.
    for task in open {
        task.abort();
    }
    let mut after = StatusCode::TOO_MANY_REQUESTS;
    for _ in 0..50 {
        after = app.call("reply", &[("id", &id), ("body", "Après")], Some(&c.lea)).await.status();
        if after == StatusCode::OK {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(after, StatusCode::OK, "the places of aborted uploads are freed");
}

/// An open conversation asks for new messages every 5 seconds: those polls do not keep the session
/// alive, only the person's own doing does (a page, a form, their typing reported by
/// `keep_alive`); after 30 idle minutes the next page goes to the sign-in page, which says why.
#[tokio::test]
async fn an_open_conversation_polling_still_signs_out_after_30_idle_minutes() {
    let c = clinic("fr").await;
    let app = &c.app;
    let id = c.write_to_lea("Résultats", true).await.to_string();
    let account = app.number("SELECT id FROM accounts WHERE email = $1", LEA).await;
    let session = app.count(&format!("SELECT MAX(id) FROM sessions WHERE account_id = {account}")).await;
    let idle_for = |seconds: i64| async move {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(store::now() - seconds)
            .bind(session)
            .execute(&app.state.db)
            .await
            .unwrap();
    };
    let seen_ago = || async move {
        store::now() - app.count(&format!("SELECT last_seen_at FROM sessions WHERE id = {session}")).await
    };
    let thread = [("id", id.as_str())];
    let poll = || app.call("latest_message", &thread, Some(&c.lea));

    // 28 minutes without the person: the page's polls are answered but leave the clock alone.
    idle_for(28 * 60).await;
    for _ in 0..3 {
        assert_eq!(poll().await.status(), StatusCode::OK);
    }
    assert!(seen_ago().await >= 28 * 60, "a poll is not the person");
    let left: Option<TimeLeft> = app.call("session_left", &[], Some(&c.lea)).await.json().await.unwrap();
    assert!(left.is_some_and(|left| left.seconds <= 120 && !left.at_cap), "{left:?}: the page warns now");

    // "Stay signed in" (or any typing) restarts the clock; so does opening a page.
    let kept: Option<TimeLeft> = app.call("keep_alive", &[], Some(&c.lea)).await.json().await.unwrap();
    assert!(kept.is_some_and(|left| left.seconds >= 29 * 60), "{kept:?}");
    assert!(seen_ago().await <= 5);
    idle_for(28 * 60).await;
    let (status, _) = app.page(&format!("/messages/{id}"), Some(&c.lea)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(seen_ago().await <= 5, "a page opened is the person");

    // 30 minutes: the poll is refused and the next page is the sign-in page, saying why.
    idle_for(30 * 60).await;
    assert_eq!(poll().await.status(), StatusCode::UNAUTHORIZED);
    let left: Option<TimeLeft> = app.call("session_left", &[], Some(&c.lea)).await.json().await.unwrap();
    assert_eq!(left, None);
    let page = app.get(&format!("/messages/{id}"), Some(&c.lea)).await;
    assert_eq!(page.status(), StatusCode::FOUND);
    let to = location(&page);
    assert_eq!(to, format!("/sign-in?next=%2Fmessages%2F{id}&reason=idle"));
    let (_, html) = app.page(&to, None).await;
    assert!(page_shows(&html, "fr", "signed-out-idle"), "the sign-in page says why");
    let (_, html) = app.page("/sign-in", None).await;
    assert!(!page_shows(&html, "fr", "signed-out-idle"), "and only then");
}

/// Near the 12-hour cap the page is told that it is the cap, which staying active does not move.
#[tokio::test]
async fn near_the_12_hour_cap_the_page_is_told_it_is_the_cap() {
    let c = clinic("fr").await;
    let app = &c.app;
    let account = app.number("SELECT id FROM accounts WHERE email = $1", LEA).await;
    sqlx::query("UPDATE sessions SET created_at = $1 WHERE account_id = $2")
        .bind(store::now() - 12 * 3600 + 100)
        .bind(account)
        .execute(&app.state.db)
        .await
        .unwrap();
    let kept: Option<TimeLeft> = app.call("keep_alive", &[], Some(&c.lea)).await.json().await.unwrap();
    assert!(
        kept.is_some_and(|left| left.at_cap && left.seconds <= 100),
        "{kept:?}: typing does not move the cap"
    );
}
