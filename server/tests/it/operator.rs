//! The platform's operators (issue #31): the first created at installation, operators adding
//! operators, the console's requests and decisions — approve, ask (the requester answers through
//! their link), refuse with a reason —, and the wall between the console and everything else.
use crate::common::*;
use crate::joining::{request_form, ADMIN, DELEGATE, LRP};
use reqwest::StatusCode;

const OLIVIER: &str = "olivier.cote@portail.example";

/// A request for `legal_name` confirmed by its requester (the delegate); its id.
async fn confirmed_request(app: &TestApp, legal_name: &str) -> i64 {
    let form: Vec<(&str, &str)> = request_form()
        .into_iter()
        .map(|(name, value)| (name, if name == "legal_name" { legal_name } else { value }))
        .collect();
    let asked = app.call("ask_to_join", &form, None).await;
    assert_eq!(asked.status(), StatusCode::OK);
    let token = link_token(&latest_mail(app, DELEGATE).await.1, "/join/confirm/");
    assert_eq!(
        app.call("confirm_organisation_request", &[("token", &token)], None).await.status(),
        StatusCode::OK
    );
    app.number("SELECT id FROM organisation_requests WHERE legal_name = $1", legal_name).await
}

#[tokio::test]
async fn the_first_operator_comes_from_the_installation_and_adds_the_next() {
    let app = spawn().await;
    let (olivier, _) = app.operator(OLIVIER).await;
    let (status, console) = olivier.page("/operator").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_shows(&console, "fr", "operator-requests-title"));
    let (subject, body) = mail(&app, OLIVIER, "setup").await;
    assert_eq!(subject, text("fr", "mail-operator-setup-subject"));
    assert!(
        body.contains("Olivier") && !body.replace("A-123456", "").contains("A-"),
        "the code is never mailed"
    );

    // Installing again does not make another first operator.
    let args = server::config::BootstrapArgs {
        email: "autre@portail.example".into(),
        organisation: None,
        given_name: "Autre".into(),
        family_name: "Personne".into(),
        language: "fr".into(),
    };
    assert!(server::bootstrap(&app.state, &args).await.is_err());

    // Olivier adds Inès without JavaScript: the code shows once, the link goes by mail.
    let ines = "ines.haddad@portail.example";
    let form = [("given_name", "Inès"), ("family_name", "Haddad"), ("email", ines), ("language", "en")];
    let added = olivier.submit("add_operator", &form, "/operator/operators").await;
    assert_eq!(location(&added), "/operator/operators/code");
    let (_, page) = olivier.page("/operator/operators/code").await;
    let after = page.split(r#"data-testid="secret-code""#).nth(1).unwrap_or_else(|| panic!("{page}"));
    let code = after[after.find('>').unwrap() + 1..][..8].to_string();
    let (_, again) = olivier.page("/operator/operators/code").await;
    assert!(!again.contains(&code) && page_shows(&again, "fr", "operator-code-gone"), "shown once");
    let (subject, body) = latest_mail(&app, ines).await;
    assert_eq!(subject, text("en", "mail-operator-setup-subject"));
    let token = link_token(&body, "/setup/");
    let (_, pending) = olivier.page("/operator/operators").await;
    assert!(pending.contains("Inès Haddad") && page_shows(&pending, "fr", "operator-operator-pending"));

    let ines_browser = app.visitor();
    let (_, setup) = ines_browser.page(&format!("/setup/{token}?lang=en")).await;
    assert!(shows(&setup, &text("en", "setup-platform")), "the link names the platform, no organisation");
    ines_browser.activate_with_code(&token, &code).await;
    let (status, _) = ines_browser.page("/operator").await;
    assert_eq!(status, StatusCode::OK);
    let (_, list) = olivier.page("/operator/operators").await;
    assert!(!page_shows(&list, "fr", "operator-operator-pending"), "both active");
    let audited =
        "SELECT COUNT(*) FROM audit_events WHERE action IN ('operator.bootstrap', 'operator.added')";
    assert_eq!(app.count(audited).await, 2);

    // An operator's account is theirs alone; a form with a field missing names it.
    let (_marie, _) = app.admin("marie.tremblay@example.org").await;
    let taken =
        [("given_name", "Marie"), ("family_name", "Tremblay"), ("email", "marie.tremblay@example.org")];
    let refused = refusal(olivier.call("add_operator", &taken).await, StatusCode::CONFLICT).await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-operator-email-taken", Some("email"))
    );
    let missing = [("given_name", "Zoé"), ("email", "zoe@portail.example")];
    let refused = refusal(olivier.call("add_operator", &missing).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.field.as_deref(), Some("family_name"));
    assert_eq!(refused.kept("given_name"), Some("Zoé"), "what was typed comes back");
    assert_eq!(app.count("SELECT COUNT(*) FROM operators").await, 2);

    // Like staff, an operator keeps the authenticator app.
    let kept = olivier.call("use_email_codes", &[]).await;
    assert!(kept.status().is_client_error(), "{}", kept.status());
}

#[tokio::test]
async fn the_operator_asks_approves_and_refuses_oldest_first_and_the_requester_answers() {
    let app = spawn_with(unthrottled).await;
    let (olivier, _) = app.operator(OLIVIER).await;
    let parc = confirmed_request(&app, "Clinique du Parc inc.").await;
    app.later("organisation_requests", &["created_at", "confirmed_at"], 3 * 86_400).await;
    let fleuve = confirmed_request(&app, "GMF du Fleuve").await;

    // Waiting, oldest first, with their age.
    let (_, console) = olivier.page("/operator").await;
    let (first, second) =
        (console.find("Clinique du Parc inc.").unwrap(), console.find("GMF du Fleuve").unwrap());
    assert!(first < second, "the oldest first");
    assert!(shows(&console, &text_with("fr", "operator-age-days", &[("days", "3")])));
    let (_, one) = olivier.page(&format!("/operator/requests/{parc}")).await;
    assert!(
        one.contains("Directrice médicale")
            && one.contains("luc.roy@example.org")
            && one.contains("Ana Lima")
    );

    // A question, refused empty (what else was typed stays), then sent with its link.
    let id = parc.to_string();
    let empty = [("id", id.as_str()), ("decision", "ask"), ("question", " ")];
    let refused = refusal(olivier.call("decide_request", &empty).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-question-required", Some("question"))
    );
    let question = "Quel est votre numéro d'établissement au ministère?";
    let ask = [("id", id.as_str()), ("decision", "ask"), ("question", question)];
    let asked = olivier.submit("decide_request", &ask, &format!("/operator/requests/{parc}")).await;
    assert_eq!(location(&asked), format!("/operator/requests/{parc}?done=ask"));
    assert_eq!(
        app.text(&format!("SELECT state FROM organisation_requests WHERE id = {parc}")).await,
        "information_requested"
    );
    let (subject, body) = mail(&app, DELEGATE, "organisation-request-question").await;
    assert_eq!(
        subject,
        text_with(
            "fr",
            "mail-organisation-request-question-subject",
            &[("organisation", "Clinique du Parc inc.")]
        )
    );
    assert!(body.contains(question));
    let token = link_token(&body, "/join/answer/");

    // The requester answers through the link, without an account.
    let requester = app.visitor();
    let (_, page) = requester.page(&format!("/join/answer/{token}")).await;
    assert!(shows(&page, question));
    let blank = refusal(
        requester.call("answer_organisation_request", &[("token", &token), ("answer", "")]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!((blank.key.as_str(), blank.field.as_deref()), ("error-join-answer-required", Some("answer")));
    let answer = "Notre numéro est le 1234-5678.";
    let sent = requester
        .submit(
            "answer_organisation_request",
            &[("token", &token), ("answer", answer)],
            &format!("/join/answer/{token}"),
        )
        .await;
    assert_eq!(location(&sent), format!("/join/answer/{token}"));
    let (_, page) = requester.page(&format!("/join/answer/{token}")).await;
    assert!(shows(&page, &text_with("fr", "join-answered", &[("organisation", "Clinique du Parc inc.")])));
    let twice =
        requester.call("answer_organisation_request", &[("token", &token), ("answer", "encore")]).await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.text(&format!("SELECT state FROM organisation_requests WHERE id = {parc}")).await,
        "submitted"
    );
    let (_, one) = olivier.page(&format!("/operator/requests/{parc}")).await;
    assert!(shows(&one, question) && shows(&one, answer), "the exchange, in order");
    assert_eq!(app.count("SELECT COUNT(*) FROM organisation_request_notes").await, 2);

    // Two operators approve at once: one wins, the other is told it was decided.
    let (ines, _) = {
        let form = [
            ("given_name", "Inès"),
            ("family_name", "Haddad"),
            ("email", "ines@portail.example"),
            ("language", "fr"),
        ];
        olivier.ok("add_operator", &form).await;
        let (_, page) = olivier.page("/operator/operators/code").await;
        let after = page.split(r#"data-testid="secret-code""#).nth(1).unwrap();
        let code = after[after.find('>').unwrap() + 1..][..8].to_string();
        let token = link_token(&latest_mail(&app, "ines@portail.example").await.1, "/setup/");
        let ines = app.visitor();
        let secret = ines.activate_with_code(&token, &code).await;
        (ines, secret)
    };
    let approve = [("id", id.as_str()), ("decision", "approve")];
    let (a, b) =
        tokio::join!(olivier.call("decide_request", &approve), ines.call("decide_request", &approve));
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    assert_eq!(
        app.text(&format!("SELECT state FROM organisation_requests WHERE id = {parc}")).await,
        "agreement_pending"
    );
    assert_eq!(mails_of(&app, DELEGATE, "organisation-request-approved").await, 1, "told once");
    let (_, page) = requester.page(&format!("/join/answer/{token}")).await;
    assert!(page_shows(&page, "fr", "join-answer-unusable"), "decided: the link no longer answers");

    // A refusal needs its reason, which the requester receives as written.
    let fleuve_id = fleuve.to_string();
    let no_reason = [("id", fleuve_id.as_str()), ("decision", "refuse")];
    let refused = refusal(olivier.call("decide_request", &no_reason).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.field.as_deref(), Some("reason"));
    let reason = "Un GMF doit passer par son CISSS.";
    let refuse = [("id", fleuve_id.as_str()), ("decision", "refuse"), ("reason", reason)];
    assert_eq!(olivier.call("decide_request", &refuse).await.status(), StatusCode::OK);
    let (_, body) = mail(&app, DELEGATE, "organisation-request-refused").await;
    assert!(body.contains(reason));
    let (_, refused_tab) = olivier.page("/operator?state=refused").await;
    assert!(refused_tab.contains("GMF du Fleuve") && !refused_tab.contains("Clinique du Parc inc."));
    let (_, waiting) = olivier.page("/operator").await;
    assert!(page_shows(&waiting, "fr", "operator-requests-none"));
    let audited = "SELECT COUNT(*) FROM audit_events WHERE target = 'organisation_request:' || $1 AND action LIKE 'organisation-request.%'";
    assert_eq!(app.number(audited, &id).await, 5, "submitted, confirmed, asked, answered, approved");
    let unknown = olivier.call("decide_request", &[("id", "99999"), ("decision", "approve")]).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_operators_reach_the_console_and_operators_reach_nothing_else() {
    let app = spawn().await;
    let (olivier, _) = app.operator(OLIVIER).await;
    let parc = confirmed_request(&app, "Clinique du Parc inc.").await.to_string();
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let lea = app.visitor();
    lea.redeem(&marie.invite_patient("lea@example.org", "fr").await).await;
    let console: [(&str, Vec<(&str, &str)>); 7] = [
        ("operator_requests", vec![]),
        ("operator_request", vec![("id", &parc)]),
        ("decide_request", vec![("id", &parc), ("decision", "approve")]),
        ("operators", vec![]),
        ("add_operator", vec![("given_name", "X"), ("family_name", "Y"), ("email", "x@portail.example")]),
        ("operator_documents", vec![("kind", "terms")]),
        ("publish_document", vec![("kind", "terms"), ("body_fr", "# X"), ("body_en", "# X")]),
    ];
    for (function, form) in &console {
        for (who, actor) in [("an administrator", &marie), ("a patient", &lea)] {
            assert_eq!(
                actor.call(function, form).await.status(),
                StatusCode::FORBIDDEN,
                "{function} by {who}"
            );
        }
        assert_eq!(
            app.call(function, form, None).await.status(),
            StatusCode::UNAUTHORIZED,
            "{function} signed out"
        );
    }
    assert_eq!(app.text("SELECT state FROM organisation_requests").await, "submitted", "nothing decided");
    assert_eq!(app.count("SELECT COUNT(*) FROM operators").await, 1);
    let (_, page) = marie.page("/operator").await;
    assert!(page_shows(&page, "fr", "error-forbidden") && !page.contains("Clinique du Parc inc."));

    // The operator reaches no organisation's staff space, no patient list, no team.
    for function in ["list_patients", "team_inbox", "list_staff", "organisation_overview", "support_search"] {
        let status = olivier.call(function, &[]).await.status();
        assert_eq!(status, StatusCode::FORBIDDEN, "{function} by the operator");
    }
}

#[tokio::test]
async fn the_signed_agreement_makes_the_organisation_and_splits_its_administrators_credentials() {
    let app = spawn_with(unthrottled).await;
    let (olivier, _) = app.operator(OLIVIER).await;
    let parc = confirmed_request(&app, "Clinique du Parc inc.").await;
    let approve = [("id", parc.to_string()), ("decision", "approve".to_string())];
    let approve: Vec<(&str, &str)> = approve.iter().map(|(k, v)| (*k, v.as_str())).collect();
    olivier.ok("decide_request", &approve).await;
    assert_eq!(app.text("SELECT state FROM organisation_requests").await, "agreement_pending");
    assert_eq!(mails_of(&app, DELEGATE, "organisation-request-approved").await, 1, "the delegate is told");
    let (subject, body) = mail(&app, LRP, "organisation-agreement").await;
    assert_eq!(
        subject,
        text_with("fr", "mail-organisation-agreement-subject", &[("organisation", "Clinique du Parc inc.")])
    );
    let token = link_token(&body, "/join/agreement/");

    // The LRP reads both documents, and signs with their name as on the request.
    let lrp = app.visitor();
    let (_, page) = lrp.page(&format!("/join/agreement/{token}")).await;
    assert!(page.contains("Entente de participation au portail usager") && page.contains("Conditions d"));
    assert!(shows(&page, &text_with("fr", "join-agreement-name-hint", &[("name", "Hélène Gagnon")])));
    let sign = |name: &'static str, accepted: bool| {
        let mut form = vec![("token", token.clone()), ("signed_name", name.to_string())];
        if accepted {
            form.push(("accepted", "on".to_string()));
        }
        form
    };
    let as_pairs =
        |form: &[(&'static str, String)]| form.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    for (form, field) in [
        (sign("Ana Lima", true), "signed_name"),
        (sign("Hélène Gagnon", false), "accepted"),
        (sign("", true), "signed_name"),
    ] {
        let pairs = as_pairs(&form);
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = refusal(lrp.call("sign_agreement", &pairs).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(refused.field.as_deref(), Some(field), "{form:?}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM organisations").await, 0, "nothing signed yet");
    let pairs = as_pairs(&sign("  HELENE   gagnon ", true));
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let signed = lrp.submit("sign_agreement", &pairs, &format!("/join/agreement/{token}")).await;
    assert_eq!(location(&signed), format!("/join/agreement/{token}"));
    assert_eq!(
        lrp.call("sign_agreement", &pairs).await.status(),
        StatusCode::OK,
        "a second click changes nothing"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM organisations").await, 1);
    assert_eq!(app.text("SELECT state FROM organisation_requests").await, "active");
    assert_eq!(
        app.text("SELECT address FROM organisations").await,
        "123, rue du Parc, Montréal (Québec) H2X 1Y4"
    );
    assert_eq!(app.text("SELECT signed_name FROM agreement_signatures").await, "HELENE   gagnon");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM agreement_signatures WHERE ip <> '' AND agreement_id <> terms_id")
            .await,
        1
    );
    let organisation = app.count("SELECT id FROM organisations").await;
    let audited = format!(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.agreement_signed' AND organisation_id = {organisation}"
    );
    assert_eq!(app.count(&audited).await, 1, "in the organisation's own trail");
    let offered =
        format!("SELECT COUNT(*) FROM organisation_services WHERE organisation_id = {organisation}");
    assert_eq!(app.count(&offered).await, 3, "messaging and questionnaires as asked, and administration");

    // Two mails to two people: the link to the administrator, the code to the LRP.
    let (_, setup) = mail(&app, ADMIN, "setup").await;
    assert!(setup.contains("Hélène Gagnon"), "the administrator is told whom to ask");
    let (_, code_mail) = mail(&app, LRP, "administrator-code").await;
    let is_code =
        |w: &&str| w.len() == 8 && w.as_bytes()[1] == b'-' && w[2..].bytes().all(|b| b.is_ascii_digit());
    let code =
        code_mail.split_whitespace().find(is_code).unwrap_or_else(|| panic!("{code_mail}")).to_string();
    assert!(!setup.contains(&code), "neither mail alone opens the account");
    let luc = app.visitor();
    luc.activate_with_code(&link_token(&setup, "/setup/"), &code).await;
    let (_, home) = luc.page("/staff").await;
    assert!(home.contains("Clinique du Parc inc."));
    assert_eq!(luc.ok("offered_services", &[]).await.as_array().unwrap().len(), 3);
    let luc_id = app.number("SELECT id FROM accounts WHERE email = $1", ADMIN).await;
    let held = format!("SELECT COUNT(*) FROM staff_services WHERE account_id = {luc_id}");
    assert_eq!(app.count(&held).await, 3, "the administrator holds what is offered");
    assert!(luc.ok("first_steps", &[]).await["patients"].is_null(), "no invitations offered: no such step");
    let held = luc.ok("signed_agreement", &[]).await;
    assert_eq!(held["signed_name"], "HELENE   gagnon");
    let (_, print) = luc.page("/staff/settings/agreement").await;
    assert!(print.contains("Entente de participation au portail usager"));
    let seen = olivier.ok("request_agreement", &[("id", &parc.to_string())]).await;
    assert_eq!(seen["organisation"], "Clinique du Parc inc.");
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    assert_eq!(
        marie.ok("signed_agreement", &[]).await,
        serde_json::Value::Null,
        "another organisation's is not hers"
    );

    // A link unused for 30 days no longer signs.
    let fleuve = confirmed_request(&app, "GMF du Fleuve").await;
    olivier.ok("decide_request", &[("id", &fleuve.to_string()), ("decision", "approve")]).await;
    let token = link_token(&latest_mail(&app, LRP).await.1, "/join/agreement/");
    app.later("organisation_requests", &["decided_at"], 31 * 86_400).await;
    let (_, page) = lrp.page(&format!("/join/agreement/{token}")).await;
    assert!(page_shows(&page, "fr", "join-agreement-unusable"));
}

#[tokio::test]
async fn an_administrator_who_has_an_account_is_asked_to_join_instead_of_getting_a_new_one() {
    let app = spawn_with(unthrottled).await;
    let (olivier, _) = app.operator(OLIVIER).await;
    let (_marie, _) = app.admin("luc.roy@example.org").await;
    let parc = confirmed_request(&app, "Clinique du Parc inc.").await;
    olivier.ok("decide_request", &[("id", &parc.to_string()), ("decision", "approve")]).await;
    let token = link_token(&mail(&app, LRP, "organisation-agreement").await.1, "/join/agreement/");
    let form = [("token", token.as_str()), ("signed_name", "Hélène Gagnon"), ("accepted", "on")];
    assert_eq!(app.call("sign_agreement", &form, None).await.status(), StatusCode::OK);
    assert_eq!(mails_of(&app, LRP, "administrator-code").await, 0, "no new account, no code");
    assert_eq!(mails_of(&app, ADMIN, "setup").await, 1, "only the setup mail of the account they had");
    let asked =
        "SELECT COUNT(*) FROM staff_invitations WHERE email_key = 'luc.roy@example.org' AND answer IS NULL";
    assert_eq!(app.count(asked).await, 1, "asked to join as administrator");
}

#[tokio::test]
async fn a_suspended_organisation_stops_its_staff_and_tells_its_patients_who_keep_their_data() {
    let app = spawn().await;
    let (olivier, _) = app.operator(OLIVIER).await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let lea = app.visitor();
    lea.redeem(&marie.invite_patient("lea@example.org", "fr").await).await;
    let organisation = app.count("SELECT id FROM organisations").await.to_string();
    let (_, list) = olivier.page("/operator/organisations").await;
    assert!(list.contains("Clinique Saint-Laurent") && list.contains("marie.tremblay@example.org"));
    assert!(shows(
        &list,
        &text_with("fr", "operator-organisation-count", &[("staff", "1"), ("patients", "1")])
    ));
    assert!(!list.contains("lea@example.org") && !list.contains("Léa"), "counts, never who the patients are");

    let no_reason = [("organisation_id", organisation.as_str()), ("action", "suspend")];
    let refused =
        refusal(olivier.call("act_on_organisation", &no_reason).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-suspension-reason-required", Some("reason"))
    );
    let reason = "Entente non respectée : aucun responsable de la confidentialité.";
    let suspend = [("organisation_id", organisation.as_str()), ("action", "suspend"), ("reason", reason)];
    let done = olivier.submit("act_on_organisation", &suspend, "/operator/organisations").await;
    assert_eq!(
        location(&done),
        format!("/operator/organisations?done=suspended#organisation-{organisation}")
    );
    let (_, body) = mail(&app, "marie.tremblay@example.org", "organisation-suspended").await;
    assert!(body.contains(reason));
    let audited = format!("SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.suspended' AND organisation_id = {organisation}");
    assert_eq!(app.count(&audited).await, 1, "in the organisation's own trail");

    // Its staff can no longer work in it, and are told why on their home page.
    assert_eq!(marie.call("list_patients", &[("search", "")]).await.status(), StatusCode::FORBIDDEN);
    let (_, home) = marie.page("/staff").await;
    assert!(shows(
        &home,
        &text_with("fr", "staff-organisation-suspended", &[("organisation", "Clinique Saint-Laurent")])
    ));
    // Its patients see a notice and keep their own information and its copy.
    let (_, lea_home) = lea.page("/home").await;
    assert!(shows(
        &lea_home,
        &text_with("fr", "patient-organisation-suspended", &[("organisation", "Clinique Saint-Laurent")])
    ));
    let (status, _) = lea.page("/account/export").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(lea.call("my_account", &[]).await.status(), StatusCode::OK);

    // Reactivated: back to work, told by mail.
    let reactivate = [("organisation_id", organisation.as_str()), ("action", "reactivate")];
    assert_eq!(olivier.call("act_on_organisation", &reactivate).await.status(), StatusCode::OK);
    assert_eq!(marie.call("list_patients", &[("search", "")]).await.status(), StatusCode::OK);
    assert_eq!(mails_of(&app, "marie.tremblay@example.org", "organisation-reactivated").await, 1);
    assert_eq!(
        marie.call("act_on_organisation", &reactivate).await.status(),
        StatusCode::FORBIDDEN,
        "operators only"
    );
}

#[tokio::test]
async fn an_operator_publishes_a_new_version_of_the_terms_which_everyone_accepts_again() {
    let app = spawn().await;
    let (olivier, _) = app.operator(OLIVIER).await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let shown = olivier.ok("operator_documents", &[("kind", "terms")]).await;
    assert_eq!(shown["version"], 1);
    assert!(shown["body_fr"].as_str().unwrap().starts_with("# "));
    assert_eq!(shown["versions"].as_array().unwrap().len(), 2, "the two shipped documents");

    let empty = [("kind", "terms"), ("body_fr", "  "), ("body_en", "# Terms of use, version 2")];
    let refused = refusal(olivier.call("publish_document", &empty).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-document-text-required", Some("body_fr"))
    );
    assert_eq!(refused.kept("body_en"), Some("# Terms of use, version 2"), "what was typed comes back");
    let too_long = "x".repeat(50_001);
    let long = [("kind", "terms"), ("body_fr", "# Conditions"), ("body_en", too_long.as_str())];
    let refused = refusal(olivier.call("publish_document", &long).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.field.as_deref(), Some("body_en"));

    let second =
        [("kind", "terms"), ("body_fr", "# Conditions, version 2"), ("body_en", "# Terms of use, version 2")];
    let done = olivier.submit("publish_document", &second, "/operator/documents").await;
    assert_eq!(location(&done), "/operator/documents?kind=terms&published=1");
    let shown = olivier.ok("operator_documents", &[("kind", "terms")]).await;
    assert_eq!(
        (shown["version"].as_i64(), shown["versions"][0]["by"].as_str()),
        (Some(2), Some("Olivier Côté"))
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'platform_document.published'").await,
        1
    );
    // The agreement is its own series.
    assert_eq!(olivier.ok("operator_documents", &[("kind", "agreement")]).await["version"], 1);

    // Everyone, the operator included, accepts version 2 before their next page.
    for (who, home) in [(&marie, "/staff"), (&olivier, "/operator")] {
        let (status, _) = who.page(home).await;
        assert_eq!(status, StatusCode::FOUND, "{home} waits for the terms");
        let (_, terms) = who.page("/account/terms").await;
        assert!(terms.contains("Conditions, version 2"));
    }
    olivier
        .submit("accept_terms", &[("accept_terms", "on"), ("next", "/operator/documents")], "/account/terms")
        .await;
    let (status, console) = olivier.page("/operator/documents").await;
    assert_eq!(status, StatusCode::OK);
    assert!(console.contains("Conditions, version 2"), "the text in force, to edit");
}
