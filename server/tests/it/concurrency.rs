//! Many people at once: every page render answers, whole, while others render beside it. A render
//! that panics drops its connection, so the count of full answers is the count of requests.
use crate::common::*;
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_renders_of_public_and_signed_in_pages_all_answer() {
    let app = std::sync::Arc::new(spawn().await);
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let patient = app.sign_in(PATIENT, PASSWORD).await;
    let pages: Vec<(&str, Option<String>, &str)> = vec![
        ("/help", None, "help-title"),
        ("/", None, "home-title"),
        ("/sign-in", None, "sign-in-title"),
        ("/account", Some(patient), "account-title"),
        ("/staff/patients", Some(staff), "patients-title"),
    ];
    let mut tasks = Vec::new();
    for worker in 0..32 {
        let (app, pages) = (app.clone(), pages.clone());
        tasks.push(tokio::spawn(async move {
            let mut failures = Vec::new();
            for round in 0..20 {
                let (path, cookie, title) = &pages[(worker + round) % pages.len()];
                match app
                    .client
                    .get(app.url(path))
                    .header("cookie", cookie.clone().unwrap_or_default())
                    .send()
                    .await
                {
                    Ok(response) if response.status() == StatusCode::OK => {
                        let html = response.text().await.unwrap_or_default();
                        if !page_shows(&html, "fr", title) || !html.contains("</html>") {
                            failures.push(format!("{path}: incomplete page"));
                        }
                    }
                    Ok(response) => failures.push(format!("{path}: {}", response.status())),
                    Err(error) => failures.push(format!("{path}: {error}")),
                }
            }
            failures
        }));
    }
    let mut failures = Vec::new();
    for task in tasks {
        failures.extend(task.await.unwrap());
    }
    assert_eq!(failures, Vec::<String>::new(), "640 renders, every one answered whole");
}
