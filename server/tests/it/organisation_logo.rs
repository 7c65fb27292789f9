//! An organisation's logo (issue #31): its administrators send a PNG or JPEG of 256 KB at most —
//! anything else refused on its field, with and without JavaScript —; its own people (staff,
//! patients) get it beside its name, anyone else a plain 404; removing it; both audited.
use crate::common::*;
use reqwest::StatusCode;

const FORM: (&str, &str, &str) = (app::api::settings::LOGO_UPLOAD_PATH, "logo", "/staff/settings");

/// A 1×1 PNG.
const PNG: [u8; 70] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00,
    0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x64, 0x60, 0xF8, 0x5F, 0x0F, 0x00, 0x02,
    0x87, 0x01, 0x80, 0xEB, 0x47, 0xBA, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42,
    0x60, 0x82,
];

#[tokio::test]
async fn the_organisations_own_people_see_its_logo_and_nobody_else_does() {
    let app = spawn_with(unthrottled).await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let cookie = marie.session_cookie();
    let lea = app.visitor();
    lea.redeem(&marie.invite_patient("lea@example.org", "fr").await).await;
    let organisation = app.count("SELECT id FROM organisations").await;
    let address = format!("/organisations/{organisation}/logo");
    let (_, settings) = marie.page("/staff/settings").await;
    assert!(shows(&settings, &text("fr", "settings-logo-none")));
    assert_eq!(marie.page(&address).await.0, StatusCode::NOT_FOUND, "none yet");

    // Not an image, an SVG (it could carry a script), too large: refused on the field, nothing kept.
    let mut large = PNG.to_vec();
    large.resize(app::domain::organisation::logo::MAX_BYTES + 1, 0);
    for (name, content, key, status) in [
        (
            "logo.svg",
            &b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"[..],
            "error-logo-format",
            StatusCode::BAD_REQUEST,
        ),
        ("logo.gif", b"GIF89a\x01\x00\x01\x00", "error-logo-format", StatusCode::BAD_REQUEST),
        ("logo.png", &large, "error-logo-too-large", StatusCode::BAD_REQUEST),
        ("logo.png", &vec![0; 400_000], "error-logo-too-large", StatusCode::PAYLOAD_TOO_LARGE),
    ] {
        let error = refusal(app.send_file(FORM, name, content, &cookie, true).await, status).await;
        assert_eq!((error.key.as_str(), error.field.as_deref()), (key, Some("logo")), "{name}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM organisation_logos").await, 0);
    let back = app.send_file(FORM, "logo.svg", b"<svg/>", &cookie, false).await;
    assert_eq!(back.status(), StatusCode::FOUND);
    let (_, page) = marie.page(&location(&back).replace(&app.base, "")).await;
    assert!(shows(&page, &text("fr", "error-logo-format")), "without JavaScript, said on the form");

    // A PNG: saved, audited; its address on the settings, the staff home and the Contact page.
    let sent = app.send_file(FORM, "logo.png", &PNG, &cookie, false).await;
    assert_eq!(location(&sent), "/staff/settings?saved=logo#logo-settings");
    let audited = format!(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.logo_changed' AND organisation_id = {organisation}"
    );
    assert_eq!(app.count(&audited).await, 1);
    let (_, settings) = marie.page("/staff/settings").await;
    assert!(settings.contains(&format!("{address}?v=")));
    assert!(marie.page("/staff").await.1.contains(&format!("{address}?v=")));
    marie.ok("save_support_contact", &[("support_phone", "514 555 0100")]).await;
    assert!(lea.page("/contact").await.1.contains(&format!("{address}?v=")), "the patient sees it too");

    // Served as what it is, to the organisation's people only.
    for reader in [&marie, &lea] {
        let image = reader.get(&address).await;
        assert_eq!(image.status(), StatusCode::OK);
        assert_eq!(image.headers()["content-type"], "image/png");
        assert_eq!(image.headers()["x-content-type-options"], "nosniff");
        assert!(image.headers()["cache-control"].to_str().unwrap().starts_with("private"));
        assert_eq!(image.bytes().await.unwrap().as_ref(), &PNG[..]);
    }
    let (paul, _) = app.admin("paul.roy@example.org").await;
    assert_eq!(paul.page(&address).await.0, StatusCode::NOT_FOUND, "another organisation's administrator");
    assert_eq!(app.visitor().page(&address).await.0, StatusCode::NOT_FOUND, "signed out");
    assert_eq!(marie.page("/organisations/nope/logo").await.0, StatusCode::NOT_FOUND);
    let as_patient = app.send_file(FORM, "logo.png", &PNG, &lea.session_cookie(), true).await;
    assert_eq!(as_patient.status(), StatusCode::FORBIDDEN, "only its administrators change it");

    // Removed: gone for everyone, audited.
    let removed = marie.submit("remove_logo", &[], "/staff/settings").await;
    assert_eq!(location(&removed), "/staff/settings?saved=logo-removed#logo-settings");
    assert_eq!(lea.page(&address).await.0, StatusCode::NOT_FOUND);
    let removal = format!(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.logo_removed' AND organisation_id = {organisation}"
    );
    assert_eq!(app.count(&removal).await, 1);
}
