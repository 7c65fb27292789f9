//! The walking skeleton end to end over HTTP: bootstrap → setup link → password + TOTP →
//! sign-out → sign-in; and the rules around it (CSRF, single-use links, readiness, language).
use crate::common::*;
use futures::StreamExt;
use reqwest::StatusCode;

#[tokio::test]
async fn bootstrap_setup_sign_out_and_sign_in_with_totp() {
    let app = spawn().await;
    let link = app.bootstrap("marie.tremblay@example.org").await;
    let token = &link.token;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE recipient = 'marie.tremblay@example.org'").await,
        1,
        "setup link mailed"
    );
    let mailed: String =
        sqlx::query_scalar("SELECT body FROM outbox").fetch_one(&app.state.db).await.unwrap();
    assert!(mailed.contains(token.as_str()) && !mailed.contains(&link.code), "the code is not mailed");

    // The link alone (a mail scanner's preview) shows no secret: it asks for the console's code.
    let (status, html) = app.page(&format!("/setup/{token}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_shows(&html, "fr", "setup-code-label"), "asks for the code");
    assert!(!html.contains("totp-secret"), "no secret before the code");
    let refused = app.call("complete_setup", &setup_form(token, "000000"), None).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT, "no setup without the code");

    // With the code, opening the link shows the form and changes nothing.
    let pass = app.setup_pass(&link).await;
    let (status, html) = app.page(&format!("/setup/{token}"), Some(&pass)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_shows(&html, "fr", "setup-title"), "setup page in French");
    assert!(html.contains("Clinique Saint-Laurent"));
    let secret = totp_secret_on_page(&html);
    assert_eq!(app.count("SELECT COUNT(*) FROM setup_links WHERE used_at IS NULL").await, 1);

    let setup = app.call("complete_setup", &setup_form(token, &current_totp(&secret)), Some(&pass)).await;
    assert_eq!(setup.status(), StatusCode::OK, "{}", setup.text().await.unwrap());
    let cookie = session_cookie(&setup).expect("signed in after setup");
    let set_cookie = setup
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"), "{set_cookie}");

    let (status, html) = app.page("/staff", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Bonjour, Marie"), "staff home greets the administrator");
    assert!(shows(
        &html,
        &text_with("fr", "staff-role-admin", &[("organisation", "Clinique Saint-Laurent")])
    ));

    let out = app.call("sign_out", &[], Some(&cookie)).await;
    assert_eq!(out.status(), StatusCode::OK);
    let after = app.get("/staff", Some(&cookie)).await;
    assert_eq!(after.status(), StatusCode::FOUND, "the old cookie no longer opens the staff page");
    assert_eq!(location(&after), "/sign-in?next=%2Fstaff");

    let signed_in = app.sign_in_totp("MARIE.TREMBLAY@example.org", PASSWORD, &next_totp(&secret)).await;
    assert_eq!(signed_in.status(), StatusCode::OK, "{}", signed_in.text().await.unwrap());
    let cookie = session_cookie(&signed_in).expect("new session");
    let (_, html) = app.page("/staff", Some(&cookie)).await;
    assert!(html.contains("Bonjour, Marie"));

    for action in ["bootstrap", "account.setup_completed", "sign_out", "sign_in.succeeded"] {
        assert_eq!(
            app.count(&format!("SELECT COUNT(*) FROM audit_events WHERE action = '{action}'")).await,
            1,
            "audit {action}"
        );
    }
}

#[tokio::test]
async fn wrong_totp_and_wrong_password_are_refused() {
    let app = spawn().await;
    let (_, secret) = app.activated_admin("marie.tremblay@example.org").await;
    let wrong_password = app
        .call(
            "sign_in",
            &[("email", "marie.tremblay@example.org"), ("password", "not the password at all")],
            None,
        )
        .await;
    assert!(cookie_named(&wrong_password, "portail-challenge").is_none());
    assert!(wrong_password.text().await.unwrap().contains("error-credentials"));
    let unknown = app.call("sign_in", &[("email", "nobody@example.org"), ("password", PASSWORD)], None).await;
    assert!(
        unknown.text().await.unwrap().contains("error-credentials"),
        "unknown email gets the same message"
    );

    let right = next_totp(&secret);
    let wrong = if right == "000000" { "111111" } else { "000000" };
    let response = app.sign_in_totp("marie.tremblay@example.org", PASSWORD, wrong).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(session_cookie(&response).is_none());
    let body = response.text().await.unwrap();
    assert!(body.contains("error-verification-wrong") && body.contains("\"4\""), "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in.failed'").await, 2);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'verification_code.failed'").await,
        1
    );
    assert_eq!(app.count("SELECT failed_sign_ins FROM accounts").await, 2);
}

#[tokio::test]
async fn a_used_totp_code_cannot_be_replayed() {
    let app = spawn().await;
    let (_, secret) = app.activated_admin("marie.tremblay@example.org").await;
    let code = next_totp(&secret);
    assert_eq!(
        app.sign_in_totp("marie.tremblay@example.org", PASSWORD, &code).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.sign_in_totp("marie.tremblay@example.org", PASSWORD, &code).await.status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn form_without_javascript_comes_back_with_the_error_and_the_email() {
    let app = spawn().await;
    app.activated_admin("marie.tremblay@example.org").await;
    let response = app
        .submit(
            "sign_in",
            &[("email", "marie.tremblay@example.org"), ("password", "wrong password here")],
            None,
            "/sign-in",
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert!(back.starts_with(&app.url("/sign-in?")), "{back}");
    let (_, html) = app.page(back.trim_start_matches(&app.base), None).await;
    assert!(page_shows(&html, "fr", "error-credentials"), "translated error shown");
    assert!(html.contains("value=\"marie.tremblay@example.org\""), "typed email kept");
}

#[tokio::test]
async fn a_post_from_another_origin_is_refused() {
    let app = spawn().await;
    let token = app.bootstrap("marie.tremblay@example.org").await.token;
    for origin in [Some("https://evil.example"), None] {
        let response = app
            .post(
                "complete_setup",
                &[
                    ("token", &token),
                    ("password", PASSWORD),
                    ("password_confirmation", PASSWORD),
                    ("code", "000000"),
                ],
                None,
                "application/json",
                origin,
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "origin {origin:?}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM setup_links WHERE used_at IS NULL").await, 1);
}

#[tokio::test]
async fn the_setup_link_works_once() {
    let app = spawn().await;
    let link = app.bootstrap("marie.tremblay@example.org").await;
    let (token, pass) = (&link.token, app.setup_pass(&link).await);
    let (_, html) = app.page(&format!("/setup/{token}"), Some(&pass)).await;
    let secret = totp_secret_on_page(&html);
    let secret_step_code = next_totp(&secret);
    let form = [
        ("token", token.as_str()),
        ("password", PASSWORD),
        ("password_confirmation", PASSWORD),
        ("code", secret_step_code.as_str()),
        ("accept_terms", "on"),
    ];
    assert_eq!(app.call("complete_setup", &form, Some(&pass)).await.status(), StatusCode::OK);
    let again = app.call("complete_setup", &form, Some(&pass)).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(session_cookie(&again).is_none());
    let (_, html) = app.page(&format!("/setup/{token}"), None).await;
    assert!(page_shows(&html, "fr", "setup-unusable-title"), "used link page");
    assert!(page_shows(&html, "fr", "setup-used-body"), "says it was used");
    let (_, html) = app.page("/setup/not-a-real-token", None).await;
    assert!(page_shows(&html, "fr", "setup-unknown-body"));
}

#[tokio::test]
async fn weak_passwords_are_refused_with_a_reason() {
    let app = spawn().await;
    let link = app.bootstrap("marie.tremblay@example.org").await;
    let (token, pass) = (&link.token, app.setup_pass(&link).await);
    let (_, html) = app.page(&format!("/setup/{token}"), Some(&pass)).await;
    let code = next_totp(&totp_secret_on_page(&html));
    for (password, key) in [
        ("short", "error-password-too-short"),
        ("Password1234", "error-password-common"),
        ("marie-tremblay-2024!", "error-password-personal"),
    ] {
        let response = app
            .call(
                "complete_setup",
                &[
                    ("token", token),
                    ("password", password),
                    ("password_confirmation", password),
                    ("code", &code),
                ],
                Some(&pass),
            )
            .await;
        assert!(response.text().await.unwrap().contains(key), "{password} → {key}");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM setup_links WHERE used_at IS NULL").await,
        1,
        "a refused password does not consume the link"
    );
}

#[tokio::test]
async fn readyz_fails_when_the_database_is_gone() {
    let app = spawn().await;
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
    assert_eq!(app.get("/readyz", None).await.status(), StatusCode::OK);
    app.state.db.close().await;
    assert_eq!(app.get("/readyz", None).await.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK, "the process is still up");
}

#[tokio::test]
async fn language_follows_the_toggle_and_is_remembered() {
    let app = spawn().await;
    let (_, html) = app.page("/", None).await;
    assert!(html.contains("lang=\"fr\""), "French by default");
    assert!(page_shows(&html, "fr", "home-title"));
    let response = app.get("/help?lang=en", None).await;
    let cookie =
        response.headers().get("set-cookie").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(cookie.starts_with("lang=en"), "{cookie}");
    let html = response.text().await.unwrap();
    assert!(html.contains("lang=\"en\"") && page_shows(&html, "en", "help-q-secure"));
    let (_, html) = app.page("/contact", Some("lang=en")).await;
    assert!(page_shows(&html, "en", "contact-title") && html.contains("1 833 564-0404"));
    let (status, html) = app.page("/no-such-page", Some("lang=en")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page_shows(&html, "en", "not-found-title"));
    let (status, html) = app.page("/no-such-page", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page_shows(&html, "fr", "not-found-title"));
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let app = spawn().await;
    let response = app.get("/", None).await;
    let headers = response.headers().clone();
    let csp = headers.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'nonce-")
            && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert_eq!(headers.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(headers.get("referrer-policy").unwrap(), "same-origin");
    assert_eq!(headers.get("cache-control").unwrap(), "no-store");
    let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_string();
    let html = response.text().await.unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "inline scripts carry the nonce");
    assert!(headers.get("strict-transport-security").is_none(), "never HSTS on http://localhost");
}

/// A portal served over https tells browsers to come back only over https (#33), on pages, files
/// and refusals alike.
#[tokio::test]
async fn a_portal_served_over_https_asks_for_https_only() {
    let app = spawn_with(|mut state| {
        let mut config = (*state.config).clone();
        config.secure_cookies = true;
        state.config = std::sync::Arc::new(config);
        state
    })
    .await;
    for path in ["/", "/sign-in", "/no-such-page", "/healthz"] {
        let response = app.get(path, None).await;
        assert_eq!(
            response.headers().get("strict-transport-security").map(|v| v.to_str().unwrap().to_string()),
            Some("max-age=63072000; includeSubDomains".to_string()),
            "{path}"
        );
    }
}

/// Every page's policy lets its own scripts run, even under load: 300 signed-in pages asked 30 at
/// a time, a third of them left before they arrive, each carry a nonce policy whose nonce is the
/// one in the page. (Set from inside the
/// render, the policy was sometimes missing under load; the fallback `default-src 'none'` then
/// blocked the page's styles and scripts, and the page never became interactive.)
// On several threads, like the server: a render's task may move between threads.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_page_carries_its_own_nonce_policy_under_load() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let pages = ["/staff", "/staff/team", "/staff/patients", "/staff/teams", "/staff/overview", "/account"];
    let calls = (0..300).map(|i| {
        let (app, staff, page) = (&app, &staff, pages[i % pages.len()]);
        async move {
            if i % 3 == 0 {
                // A visitor who leaves before the page arrives (the browser drops the request).
                let wait = std::time::Duration::from_millis((i % 17) as u64);
                let _ = tokio::time::timeout(wait, app.get(page, Some(staff.as_str()))).await;
                return Ok(());
            }
            let response = app.get(page, Some(staff.as_str())).await;
            let status = response.status();
            let csp = response
                .headers()
                .get("content-security-policy")
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default();
            let html = response.text().await.unwrap();
            let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next());
            let carried = nonce.is_some_and(|nonce| {
                html.contains(&format!("nonce=\"{nonce}\""))
                    && !html.contains(&format!("crossorigin=\"{nonce}\""))
            });
            (status == StatusCode::OK && carried).then_some(()).ok_or(format!("{page}: {status} {csp}"))
        }
    });
    let answers = futures::stream::iter(calls).buffer_unordered(30).collect::<Vec<_>>().await;
    let wrong: Vec<_> = answers.into_iter().filter_map(Result::err).collect();
    assert!(
        wrong.is_empty(),
        "{} of 300 pages without their policy: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(3)]
    );
}

/// Public pages are rendered once and reused for every signed-out visitor: each answer still
/// has its own nonce, the same in the page and in its policy, and the language cookie picks the
/// stored page; a signed-in visitor always gets a render of their own.
#[tokio::test]
async fn stored_public_pages_get_a_new_nonce_and_never_serve_a_session() {
    let app = spawn().await;
    let nonce_of = |response: &reqwest::Response| {
        let csp = response.headers().get("content-security-policy").unwrap().to_str().unwrap();
        csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_string()
    };
    let mut seen = Vec::new();
    for _ in 0..3 {
        let response = app.get("/help", None).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers().get("cache-control").unwrap(), "no-store");
        let nonce = nonce_of(&response);
        let html = response.text().await.unwrap();
        assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the page carries its policy's nonce");
        assert!(page_shows(&html, "fr", "help-q-secure"));
        // Leptos writes the nonce as the preloads' `crossorigin`; the page says `anonymous`.
        assert!(!html.contains(&format!("crossorigin=\"{nonce}\"")), "no nonce as a crossorigin value");
        assert!(
            html.contains(r#"rel="modulepreload" href="/pkg/portail.js" crossorigin="anonymous""#),
            "{html}"
        );
        seen.push((nonce.clone(), html.replace(&nonce, "NONCE")));
    }
    assert!(seen[0].0 != seen[1].0 && seen[1].0 != seen[2].0, "a new nonce each time");
    assert!(seen[0].1 == seen[1].1 && seen[1].1 == seen[2].1, "otherwise the same page");
    let (_, html) = app.page("/help", Some("lang=en")).await;
    assert!(html.contains("lang=\"en\"") && page_shows(&html, "en", "help-q-secure"));

    let (session, _) = app.activated_admin("admin@example.org").await;
    let (_, anonymous) = app.page("/", None).await;
    let (_, signed_in) = app.page("/", Some(&session)).await;
    assert!(!page_shows(&anonymous, "fr", "sign-out"));
    assert!(page_shows(&signed_in, "fr", "sign-out"), "the signed-in visitor's own page");
    let (_, anonymous_again) = app.page("/", None).await;
    assert!(!page_shows(&anonymous_again, "fr", "sign-out"), "nothing of the session was stored");
}

/// The compiled bundle goes out precompressed when the browser accepts it (brotli first, then
/// gzip), as is otherwise, and is revalidated rather than cached blindly; no pages are cached.
#[tokio::test]
async fn the_bundle_is_sent_precompressed_and_cached_by_name() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    std::fs::write(pkg.join("portail.wasm"), b"raw wasm bytes").unwrap();
    std::fs::write(pkg.join("portail.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(pkg.join("portail.wasm.gz"), b"gzip bytes").unwrap();
    std::fs::write(pkg.join("portail.Hh3hGq0TLbJ0tNl1Q9Cr-w.css"), b"body{}").unwrap();
    let database_url = format!("sqlite://{}/portail.db", site.path().display());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = server::prepare(&database_url, &base, true, test_keys()).await.unwrap();
    let router = server::routes::router(state, site.path().to_str().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
            .await
            .unwrap();
    });
    let client = reqwest::Client::new();
    let fetch_file = |name: &'static str, encoding: &'static str| {
        let (client, url) = (client.clone(), format!("{base}/pkg/{name}"));
        async move {
            let response = client.get(url).header("accept-encoding", encoding).send().await.unwrap();
            let header = |name: &str| {
                response.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
            };
            let seen =
                (header("content-encoding"), header("content-type"), header("cache-control"), header("vary"));
            (seen, response.bytes().await.unwrap())
        }
    };
    let fetch = |encoding| fetch_file("portail.wasm", encoding);
    let (seen, body) = fetch("gzip, deflate, br").await;
    assert_eq!(seen.0, "br");
    assert_eq!(&body[..], b"brotli bytes");
    assert_eq!(seen.1, "application/wasm", "the type of the file itself");
    assert_eq!(seen.2, "no-cache", "a plain name is revalidated");
    assert!(seen.3.to_lowercase().contains("accept-encoding"));
    let (seen, body) = fetch("gzip").await;
    assert_eq!((seen.0.as_str(), &body[..]), ("gzip", &b"gzip bytes"[..]));
    let (seen, body) = fetch("identity").await;
    assert_eq!((seen.0.as_str(), &body[..]), ("", &b"raw wasm bytes"[..]));
    let (seen, body) = fetch_file("portail.Hh3hGq0TLbJ0tNl1Q9Cr-w.css", "br").await;
    assert_eq!(&body[..], b"body{}");
    assert_eq!(seen.2, "public, max-age=31536000, immutable", "a name that changes with the content is kept");
}

#[tokio::test]
async fn the_dev_mailbox_shows_the_setup_mail() {
    let app = spawn().await;
    let token = app.bootstrap("marie.tremblay@example.org").await.token;
    let (status, html) = app.page("/dev/mailbox", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_shows(&html, "fr", "mail-setup-subject"));
    assert!(html.contains(&format!("/setup/{token}")));
}

#[tokio::test]
async fn the_account_page_shows_my_details_and_sessions_only_to_me() {
    let app = spawn().await;
    let (cookie, secret) = app.activated_admin("marie.tremblay@example.org").await;
    // A second session from another device.
    let other = app.sign_in_totp("marie.tremblay@example.org", PASSWORD, &next_totp(&secret)).await;
    assert_eq!(other.status(), StatusCode::OK);
    let (status, html) = app.page("/account", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_shows(&html, "fr", "account-title") && html.contains("marie.tremblay@example.org"));
    assert_eq!(html.matches("class=\"patient\"").count(), 2, "both sessions listed");
    assert_eq!(html.matches(&text("fr", "account-this-device")).count(), 1, "the current one marked");
    assert!(html.contains("href=\"/account\""), "the name in the header leads here");
    let anonymous = app.get("/account", None).await;
    assert_eq!(anonymous.status(), StatusCode::FOUND);
    assert_eq!(location(&anonymous), "/sign-in?next=%2Faccount");

    // Another person, signed in, sees their own account: nothing of Marie's, one session.
    let (paul, _) = app.activated_admin("paul.roy@example.org").await;
    let (status, html) = app.page("/account", Some(&paul)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("paul.roy@example.org") && !html.contains("marie.tremblay@example.org"));
    assert_eq!(html.matches("class=\"patient\"").count(), 1, "only Paul's own session");
    let view: serde_json::Value = app.call("my_account", &[], Some(&paul)).await.json().await.unwrap();
    assert_eq!(view["email"], "paul.roy@example.org");
    assert_eq!(view["sessions"].as_array().map(Vec::len), Some(1));
}

/// A signed-out visit to a private page goes to sign-in and, once signed in, back to that page
/// (with its query); a return address that is not one of our private pages is ignored.
#[tokio::test]
async fn a_signed_out_visit_signs_in_first_and_comes_back() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    for path in ["/staff/patients/new", "/staff/patients?q=tremblay", "/account/password", "/home"] {
        let visit = app.get(path, None).await;
        assert_eq!(visit.status(), StatusCode::FOUND, "{path}");
        assert_eq!(location(&visit), format!("/sign-in?next={}", urlencoding::encode(path)));
    }
    let (_, html) = app.page("/sign-in?next=%2Faccount%2Fpassword", None).await;
    assert!(
        html.contains("name=\"next\"") && html.contains("value=\"/account/password\""),
        "carried by the form"
    );

    let after_sign_in = |next: &'static str| {
        let app = &app;
        async move {
            let form = [("email", PATIENT), ("password", PASSWORD), ("next", next)];
            let started = app.call("sign_in", &form, None).await;
            let challenge = cookie_named(&started, "portail-challenge").unwrap();
            let carried = cookie_named(&started, "portail-return").unwrap_or_default();
            let cookies = format!("{challenge}; {carried}");
            let code = emailed_code(app, PATIENT).await;
            let done = app.call("verify_sign_in", &[("code", &code)], Some(&cookies)).await;
            assert_eq!(done.status(), StatusCode::OK, "{next}");
            location(&done)
        }
    };
    assert_eq!(after_sign_in("/account/access-log?page=2").await, "/account/access-log?page=2");
    for elsewhere in
        ["//evil.example/home", "/\\evil.example", "https://evil.example/", "/sign-in", "/help", ""]
    {
        assert_eq!(after_sign_in(elsewhere).await, "/home", "{elsewhere:?} is not followed");
    }
}

/// The dev transport (every mail shown at /dev/mailbox) cannot be turned on for a public address.
#[tokio::test]
async fn the_dev_mailbox_is_refused_for_a_public_address() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = format!("sqlite://{}/portail.db", dir.path().display());
    let refused = server::prepare(&database_url, "https://portail.example.org", true, test_keys()).await;
    assert!(refused.is_err_and(|e| e.to_string().contains("MAIL_TRANSPORT=dev")));
    assert!(server::prepare(&database_url, "https://portail.example.org", false, test_keys()).await.is_ok());
    assert!(server::prepare(&database_url, "http://localhost:3000", true, test_keys()).await.is_ok());
}

/// The browser's words come from the file its page names, one language per page, compressed and
/// kept by name; the bundle holds none (app::i18n::browser_words).
#[tokio::test]
async fn a_page_names_its_language_words_and_they_are_sent_compressed_and_kept() {
    let app = spawn().await;
    let link_href = |html: &str| {
        let link =
            html.split("<link").find(|tag| tag.contains(r#"id="locale""#)).expect("the words' preload link");
        let href = link.split(r#"href=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
        let lang = link.split(r#"hreflang=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
        (href, lang)
    };
    let (_, french_page) = app.page("/sign-in", None).await;
    let (_, english_page) = app.page("/sign-in?lang=en", None).await;
    let (french, english) = (link_href(&french_page), link_href(&english_page));
    assert_eq!((french.1.as_str(), english.1.as_str()), ("fr", "en"));
    assert!(french.0.starts_with("/locales/fr.") && english.0.starts_with("/locales/en."));
    assert!(french_page.contains(r#"rel="preload""#) && french_page.contains(r#"as="fetch""#));

    let get = |href: String, encoding: &'static str| {
        let (client, url) = (app.client.clone(), format!("{}{href}", app.base));
        async move {
            let response = client.get(url).header("accept-encoding", encoding).send().await.unwrap();
            let header = |name: &str| {
                response.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
            };
            let seen = (response.status().as_u16(), header("content-encoding"), header("cache-control"));
            (seen, response.bytes().await.unwrap().to_vec())
        }
    };
    let (seen, plain) = get(english.0.clone(), "identity").await;
    assert_eq!(seen, (200, String::new(), "public, max-age=31536000, immutable".to_string()));
    let plain = String::from_utf8(plain).unwrap();
    assert!(plain.contains("sign-in-title = Sign in"), "the English words");
    assert!(!plain.contains("Connexion"), "and only them");

    let (seen, compressed) = get(french.0.clone(), "gzip, br").await;
    assert_eq!(seen.1, "br");
    let mut words = String::new();
    std::io::Read::read_to_string(&mut brotli::Decompressor::new(&compressed[..], 4096), &mut words).unwrap();
    assert!(words.contains("sign-in-title = Connexion"), "the French words, whole");
    assert!(compressed.len() * 3 < words.len(), "compressed: {} of {} bytes", compressed.len(), words.len());

    let (seen, _) = get("/locales/fr.0123456789abcdef012345.ftl".to_string(), "br").await;
    assert_eq!(seen.0, 404, "words of another release are not made up");
}
