//! Background rules that run on a clock: parents' access ends when the child reaches the age of
//! consent (access already stops that day at every request; this records it and sends the
//! notices), the daily summaries of messages go to the staff who chose them, and questionnaires
//! not yet sent back are reminded two days before their due date and on it, and the records that
//! only serve a moment are erased past their period (`retention`). Runs at start and then every
//! hour, so the notices leave within the hour.
use app::domain::messaging::conversation;
use app::domain::onboarding::caregiver;
use app::domain::organisation::patient_import;
use app::domain::platform::joining;
use app::domain::questionnaire::reminder;
use app::domain::{retention, store, Ctx};
use std::time::Duration;

pub async fn run(db: store::Db, public_url: String) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match caregiver::end_at_age_of_consent(&Ctx::system(&db, store::now())).await {
            Ok(0) => {}
            Ok(ended) => tracing::info!(ended, "parental access ended at the age of consent"),
            Err(e) => tracing::error!(error = %e, "age-of-consent job failed"),
        }
        match conversation::mail::send_digests(&Ctx::system(&db, store::now()).linking_to(&public_url)).await
        {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "daily summaries of messages sent"),
            Err(e) => tracing::error!(error = %e, "daily summary job failed"),
        }
        match joining::discard_unconfirmed(&Ctx::system(&db, store::now())).await {
            Ok(0) => {}
            Ok(discarded) => tracing::info!(discarded, "unconfirmed organisation requests discarded"),
            Err(e) => tracing::error!(error = %e, "organisation request job failed"),
        }
        match patient_import::forget_old(&Ctx::system(&db, store::now())).await {
            Ok(0) => {}
            Ok(forgotten) => tracing::info!(forgotten, "patient lists never confirmed forgotten"),
            Err(e) => tracing::error!(error = %e, "patient list job failed"),
        }
        match reminder::send_due(&Ctx::system(&db, store::now()).linking_to(&public_url)).await {
            Ok(0) => {}
            Ok(reminded) => tracing::info!(reminded, "questionnaire reminders sent"),
            Err(e) => tracing::error!(error = %e, "questionnaire reminder job failed"),
        }
        match retention::purge(&db, store::now()).await {
            Ok(erased) if erased.total() == 0 => {}
            Ok(erased) => tracing::info!(?erased, "records past their retention period erased"),
            Err(e) => tracing::error!(error = %e, "retention job failed"),
        }
    }
}

/// Invites the rows of the lists of patients professionals confirmed, a few seconds after they do.
pub async fn invite_imported(db: store::Db, public_url: String) {
    let mut every_few_seconds = tokio::time::interval(Duration::from_secs(2));
    loop {
        every_few_seconds.tick().await;
        match patient_import::work(&Ctx::system(&db, store::now()).linking_to(&public_url)).await {
            Ok(0) => {}
            Ok(invited) => tracing::info!(invited, "patients invited from a list"),
            Err(e) => tracing::error!(error = %e, "inviting a list of patients failed"),
        }
    }
}
