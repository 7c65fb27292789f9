//! Backup and restore of the embedded SQLite database (#33): a copy taken while professionals
//! keep inviting patients holds every invitation committed before it began, whole (each patient
//! with its invitation and its mail), and a fresh server on the restored copy serves the same
//! people with the same sessions. Always SQLite, whichever database the rest of the run uses.
use crate::common::*;
use futures::future::join;
use reqwest::StatusCode;
use server::backup;
use std::cell::RefCell;
use std::path::Path;

fn sqlite_url(folder: &Path, name: &str) -> String {
    format!("sqlite://{}", folder.join(name).display())
}

fn email(i: usize) -> String {
    format!("patient{i}@example.org")
}

#[tokio::test]
async fn a_copy_taken_under_writes_restores_every_committed_row() {
    let folder = tempfile::tempdir().unwrap();
    let live_url = sqlite_url(folder.path(), "live.db");
    let live = spawn_adjusted(&live_url, None, unthrottled).await;
    let (admin, _) = live.admin("admin@example.org").await;
    let copy = folder.path().join("copy.db");

    // Professionals keep inviting while the copy is taken; each invitation is one transaction
    // (the patient, the invitation, its mail, the audit entry).
    let committed = RefCell::new(0usize);
    let (copy_started, stop) = (RefCell::new(None), RefCell::new(false));
    let writing = async {
        let mut i = 0;
        while !*stop.borrow() {
            let address = email(i);
            let form = invite_form(&address, "fr");
            assert_eq!(admin.call("invite_patient", &form).await.status(), StatusCode::OK);
            i += 1;
            *committed.borrow_mut() = i;
        }
    };
    let copying = async {
        while *committed.borrow() < 15 {
            tokio::task::yield_now().await;
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        *copy_started.borrow_mut() = Some(*committed.borrow());
        let checked = backup::backup(&live_url, &copy).await.expect("backup under writes");
        while *committed.borrow() < copy_started.borrow().unwrap() + 10 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        *stop.borrow_mut() = true;
        checked
    };
    let ((), checked) = join(writing, copying).await;
    let before_copy = copy_started.borrow().unwrap();
    let written = *committed.borrow();
    assert!(written >= before_copy + 10, "writes went on after the copy: {written}");
    assert!(checked.patients as usize >= before_copy, "{checked}");
    assert!((checked.patients as usize) <= written, "{checked}");
    let refused = backup::backup(&live_url, &copy).await.unwrap_err().to_string();
    assert!(refused.contains("exists already"), "a backup never overwrites: {refused}");

    // Restored into a new place and served afresh.
    let restored_url = sqlite_url(folder.path(), "restored.db");
    let restored = backup::restore(&copy, &restored_url, 1).await.expect("restore");
    assert!(restored.previous.is_none(), "nothing was there to keep");
    let fresh = spawn_adjusted(&restored_url, None, |state| state).await;
    for i in 0..before_copy {
        let found = fresh.number("SELECT COUNT(*) FROM patients WHERE email = $1", &email(i)).await;
        assert_eq!(found, 1, "{} committed before the copy began", email(i));
    }
    let patients = fresh.count("SELECT COUNT(*) FROM patients").await;
    assert_eq!(patients, checked.patients);
    assert_eq!(fresh.count("SELECT COUNT(*) FROM invitations").await, patients, "each patient whole");
    assert_eq!(
        fresh.count("SELECT COUNT(*) FROM outbox WHERE invitation_id IS NOT NULL").await,
        patients,
        "each invitation with its mail"
    );
    // The administrator's session lives on in the copy: the restored server knows them.
    let (status, html) = fresh.page("/staff/patients", Some(&admin.session_cookie())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Tremblay"), "the patients are listed");
}

#[tokio::test]
async fn a_restore_is_refused_on_a_bad_copy_a_newer_copy_and_a_served_database() {
    let folder = tempfile::tempdir().unwrap();
    let live_url = sqlite_url(folder.path(), "live.db");
    let live = spawn_adjusted(&live_url, None, |state| state).await;
    live.admin("admin@example.org").await;
    let copy = folder.path().join("copy.db");
    backup::backup(&live_url, &copy).await.unwrap();
    let target_url = sqlite_url(folder.path(), "target.db");

    // Not a database, and a database cut short.
    let garbage = folder.path().join("garbage.db");
    std::fs::write(&garbage, b"not a database at all, just text").unwrap();
    let refused = backup::restore(&garbage, &target_url, 1).await.unwrap_err().to_string();
    assert!(refused.contains("not a SQLite database"), "{refused}");
    let cut = folder.path().join("cut.db");
    let whole = std::fs::read(&copy).unwrap();
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    assert!(backup::restore(&cut, &target_url, 1).await.is_err(), "half a copy is refused");
    assert!(!folder.path().join("target.db").exists(), "nothing installed");

    // A copy made by a newer release.
    let newer = folder.path().join("newer.db");
    std::fs::copy(&copy, &newer).unwrap();
    {
        use sqlx::Connection;
        let mut conn =
            sqlx::SqliteConnection::connect(&format!("sqlite://{}", newer.display())).await.unwrap();
        sqlx::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (99990101000000, 'future', 1, x'00', 0)")
            .execute(&mut conn)
            .await
            .unwrap();
    }
    let refused = backup::restore(&newer, &target_url, 1).await.unwrap_err().to_string();
    assert!(refused.contains("newer release"), "{refused}");

    // A database a server is using.
    let serving = backup::hold_while_serving(&target_url).unwrap();
    let refused = backup::restore(&copy, &target_url, 1).await.unwrap_err().to_string();
    assert!(refused.contains("stop it"), "{refused}");
    drop(serving);

    // Installed over an existing database: the one it replaces is kept beside it.
    backup::restore(&copy, &target_url, 1).await.unwrap();
    let again = backup::restore(&copy, &target_url, 2).await.unwrap();
    let kept = again.previous.expect("the replaced database is kept");
    assert!(kept.ends_with("target.db.before-restore-2"), "{}", kept.display());
    assert_eq!(backup::check(&kept).await.unwrap().accounts, again.checked.accounts);
    // Once the restore is done, a server may hold the database again.
    assert!(backup::hold_while_serving(&target_url).is_ok());
}

#[tokio::test]
async fn postgresql_is_backed_up_with_its_own_tools() {
    let folder = tempfile::tempdir().unwrap();
    let refused = backup::backup("postgres://portail@localhost/portail", &folder.path().join("x"))
        .await
        .unwrap_err()
        .to_string();
    assert!(refused.contains("pg_dump"), "{refused}");
}
