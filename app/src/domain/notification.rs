//! Email. Every message is an outbox row written in the same transaction as the change that
//! causes it; the server's mail worker claims due rows and delivers them, with retries.
//! Emails carry no clinical data and are written in the recipient's language.
use crate::domain::{store, DomainResult};
use crate::i18n::{self, Lang};
use crate::states::Service;
use sqlx::{Any, Executor};

pub struct Mail {
    /// Which message this is (`code`, `invitation`, …): its text's locale keys are `mail-{template}-…`.
    pub template: &'static str,
    pub subject: String,
    pub body: String,
}

pub fn setup_link_mail(lang: Lang, given_name: &str, organisation: &str, link: &str) -> Mail {
    let args = [("name", given_name), ("organisation", organisation), ("link", link)];
    in_language(lang, "setup", "mail-setup-subject", "mail-setup-body", &args)
}

/// The link of an account an administrator created: it works with the secret code they hand over.
pub fn setup_link_with_code_mail(lang: Lang, given_name: &str, organisation: &str, link: &str) -> Mail {
    let args = [("name", given_name), ("organisation", organisation), ("link", link)];
    in_language(lang, "setup", "mail-setup-subject", "mail-setup-code-body", &args)
}

/// A staff member's link to set up their sign-in again after their administrator reset it; the
/// code comes from the administrator.
pub fn sign_in_reset_mail(lang: Lang, given_name: &str, organisation: &str, link: &str) -> Mail {
    let args = [("name", given_name), ("organisation", organisation), ("link", link)];
    in_language(lang, "sign_in_reset", "mail-sign-in-reset-subject", "mail-sign-in-reset-body", &args)
}

/// The first administrator's link of an organisation that joined: the code went to its legally
/// responsible person (`responsible`), whom they ask.
pub fn setup_link_code_with_responsible_mail(
    lang: Lang,
    given_name: &str,
    organisation: &str,
    responsible: &str,
    link: &str,
) -> Mail {
    let args =
        [("name", given_name), ("organisation", organisation), ("responsible", responsible), ("link", link)];
    in_language(lang, "setup", "mail-setup-subject", "mail-setup-lrp-code-body", &args)
}

/// A staff member's link when the administrator mailed the code to an authoriser (`authoriser`),
/// whom they ask.
pub fn setup_link_code_with_authoriser_mail(
    lang: Lang,
    given_name: &str,
    organisation: &str,
    authoriser: &str,
    link: &str,
) -> Mail {
    let args =
        [("name", given_name), ("organisation", organisation), ("authoriser", authoriser), ("link", link)];
    in_language(lang, "setup", "mail-setup-subject", "mail-setup-authoriser-code-body", &args)
}

/// To the authoriser an administrator named: the new staff member's secret code, the other half
/// of their link, to hand over by phone or in person.
pub fn staff_code_mail(
    lang: Lang,
    authoriser: &str,
    organisation: &str,
    staff: &str,
    code: &str,
    expires: chrono::NaiveDateTime,
) -> Mail {
    let date = i18n::long_date_time(lang, expires);
    let args = [
        ("name", authoriser),
        ("organisation", organisation),
        ("staff", staff),
        ("code", code),
        ("date", date.as_str()),
    ];
    in_language(lang, "staff-code", "mail-staff-code-subject", "mail-staff-code-body", &args)
}

/// To the legally responsible person: the link to the participation agreement to sign.
pub fn organisation_agreement_mail(lang: Lang, name: &str, organisation: &str, link: &str) -> Mail {
    let args = [("name", name), ("organisation", organisation), ("link", link)];
    in_language(
        lang,
        "organisation-agreement",
        "mail-organisation-agreement-subject",
        "mail-organisation-agreement-body",
        &args,
    )
}

/// To the legally responsible person, once the agreement is signed: the administrator's secret
/// code, the other half of their link (seed 000: credentials over two addresses).
pub fn administrator_code_mail(
    lang: Lang,
    organisation: &str,
    administrator: &str,
    code: &str,
    expires: chrono::NaiveDateTime,
) -> Mail {
    let date = i18n::long_date_time(lang, expires);
    let args =
        [("organisation", organisation), ("admin", administrator), ("code", code), ("date", date.as_str())];
    in_language(
        lang,
        "administrator-code",
        "mail-administrator-code-subject",
        "mail-administrator-code-body",
        &args,
    )
}

/// To an organisation's administrators: the platform suspended it, for `reason`.
pub fn organisation_suspended_mail(lang: Lang, given_name: &str, organisation: &str, reason: &str) -> Mail {
    let args = [("name", given_name), ("organisation", organisation), ("reason", reason)];
    in_language(
        lang,
        "organisation-suspended",
        "mail-organisation-suspended-subject",
        "mail-organisation-suspended-body",
        &args,
    )
}

/// To an organisation's administrators: the platform reactivated it.
pub fn organisation_reactivated_mail(lang: Lang, given_name: &str, organisation: &str) -> Mail {
    let args = [("name", given_name), ("organisation", organisation)];
    in_language(
        lang,
        "organisation-reactivated",
        "mail-organisation-reactivated-subject",
        "mail-organisation-reactivated-body",
        &args,
    )
}

/// The setup link of a new platform operator; the code comes from whoever added them (another
/// operator), or from the console of whoever installed the portal.
pub fn operator_setup_mail(lang: Lang, given_name: &str, link: &str, added_by_operator: bool) -> Mail {
    let args = [("name", given_name), ("link", link)];
    let body =
        if added_by_operator { "mail-operator-setup-added-body" } else { "mail-operator-setup-first-body" };
    in_language(lang, "setup", "mail-operator-setup-subject", body, &args)
}

/// A mail in the recipient's language.
fn in_language(
    lang: Lang,
    template: &'static str,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, &str)],
) -> Mail {
    Mail {
        template,
        subject: i18n::text_with(lang, subject_key, args),
        body: i18n::text_with(lang, body_key, args),
    }
}

/// The first mail a patient gets: we do not know their language for sure yet, so it is written in
/// both, the preferred one first.
pub fn invitation_mail(preferred: Lang, given_name: &str, organisation: &str, link: &str) -> Mail {
    bilingual(
        preferred,
        "invitation",
        "mail-invitation-subject",
        "mail-invitation-body",
        &[("name", given_name), ("organisation", organisation), ("link", link)],
    )
}

fn bilingual(
    preferred: Lang,
    template: &'static str,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, &str)],
) -> Mail {
    let (first, second) = (preferred, preferred.other());
    Mail {
        template,
        subject: format!(
            "{} / {}",
            i18n::text_with(first, subject_key, args),
            i18n::text_with(second, subject_key, args)
        ),
        body: format!(
            "{}\n\n----------------------------------------\n\n{}",
            i18n::text_with(first, body_key, args),
            i18n::text_with(second, body_key, args)
        ),
    }
}

pub fn verification_code_mail(lang: Lang, given_name: &str, code: &str) -> Mail {
    let args = [("name", given_name), ("code", code)];
    in_language(lang, "code", "mail-code-subject", "mail-code-body", &args)
}

pub fn password_reset_mail(lang: Lang, given_name: &str, link: &str) -> Mail {
    let args = [("name", given_name), ("link", link)];
    in_language(lang, "reset", "mail-reset-subject", "mail-reset-body", &args)
}

pub fn locked_mail(lang: Lang, given_name: &str) -> Mail {
    let args = [("name", given_name)];
    in_language(lang, "locked", "mail-locked-subject", "mail-locked-body", &args)
}

pub fn unlocked_mail(lang: Lang, given_name: &str) -> Mail {
    in_language(lang, "unlocked", "mail-unlocked-subject", "mail-unlocked-body", &[("name", given_name)])
}

pub fn account_closed_mail(lang: Lang, given_name: &str) -> Mail {
    let (subject, body) = ("mail-account-closed-subject", "mail-account-closed-body");
    in_language(lang, "closure", subject, body, &[("name", given_name)])
}

pub fn suspended_mail(lang: Lang, given_name: &str) -> Mail {
    in_language(lang, "suspended", "mail-suspended-subject", "mail-suspended-body", &[("name", given_name)])
}

/// Told when they become one of the organisation's administrators (`made`) or stop being one.
pub fn administrator_mail(lang: Lang, given_name: &str, made: bool) -> Mail {
    let args = [("name", given_name)];
    if made {
        in_language(
            lang,
            "administrator-made",
            "mail-administrator-made-subject",
            "mail-administrator-made-body",
            &args,
        )
    } else {
        in_language(
            lang,
            "administrator-ended",
            "mail-administrator-ended-subject",
            "mail-administrator-ended-body",
            &args,
        )
    }
}

/// The services as a mail lists them, one per line ("No service" when there are none).
fn service_list(lang: Lang, services: &[Service]) -> String {
    if services.is_empty() {
        return i18n::text_with(lang, "services-none", &[]);
    }
    services
        .iter()
        .map(|s| format!("- {}", i18n::text_with(lang, s.name_key(), &[])))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The person's services changed: the mail lists what they may use now.
pub fn services_changed_mail(lang: Lang, given_name: &str, organisation: &str, services: &[Service]) -> Mail {
    with_services(lang, "services-changed", given_name, organisation, services)
}

/// To an organisation's administrators: the platform changed the services it offers (the list is
/// what it offers now).
pub fn organisation_services_mail(
    lang: Lang,
    given_name: &str,
    organisation: &str,
    services: &[Service],
) -> Mail {
    with_services(lang, "organisation-services", given_name, organisation, services)
}

/// Someone who already has an account joins an organisation's staff: nothing to activate.
pub fn joined_organisation_mail(
    lang: Lang,
    given_name: &str,
    organisation: &str,
    services: &[Service],
) -> Mail {
    with_services(lang, "joined", given_name, organisation, services)
}

/// An administrator asks someone with an account to join their staff: the link leads to where
/// they accept or decline.
pub fn join_asked_mail(
    lang: Lang,
    given_name: &str,
    organisation: &str,
    services: &[Service],
    link: &str,
) -> Mail {
    let list = service_list(lang, services);
    let args =
        [("name", given_name), ("organisation", organisation), ("services", list.as_str()), ("link", link)];
    in_language(lang, "join-asked", "mail-join-asked-subject", "mail-join-asked-body", &args)
}

/// A mail of kind `template` (its texts `mail-{template}-subject`/`-body`) listing the services.
fn with_services(
    lang: Lang,
    template: &'static str,
    given_name: &str,
    organisation: &str,
    services: &[Service],
) -> Mail {
    let list = service_list(lang, services);
    let args = [("name", given_name), ("organisation", organisation), ("services", list.as_str())];
    in_language(lang, template, &format!("mail-{template}-subject"), &format!("mail-{template}-body"), &args)
}

pub fn removed_from_organisation_mail(lang: Lang, given_name: &str, organisation: &str) -> Mail {
    let args = [("name", given_name), ("organisation", organisation)];
    in_language(lang, "removed", "mail-removed-subject", "mail-removed-body", &args)
}

/// The support desk deactivated the account, reported as used by someone else.
pub fn deactivated_by_desk_mail(lang: Lang, given_name: &str, organisation: &str) -> Mail {
    let args = [("name", given_name), ("organisation", organisation)];
    in_language(
        lang,
        "desk-deactivated",
        "mail-desk-deactivated-subject",
        "mail-desk-deactivated-body",
        &args,
    )
}

/// The support desk gave the account back, its owner identified.
pub fn reactivated_by_desk_mail(lang: Lang, given_name: &str, organisation: &str) -> Mail {
    let args = [("name", given_name), ("organisation", organisation)];
    in_language(
        lang,
        "desk-reactivated",
        "mail-desk-reactivated-subject",
        "mail-desk-reactivated-body",
        &args,
    )
}

pub fn reactivated_mail(lang: Lang, given_name: &str) -> Mail {
    let args = [("name", given_name)];
    in_language(lang, "reactivated", "mail-reactivated-subject", "mail-reactivated-body", &args)
}

pub fn email_change_confirm_mail(lang: Lang, given_name: &str, link: &str) -> Mail {
    let args = [("name", given_name), ("link", link)];
    in_language(lang, "email-confirm", "mail-email-confirm-subject", "mail-email-confirm-body", &args)
}

pub fn email_change_notice_mail(lang: Lang, given_name: &str, new_email: &str, report_link: &str) -> Mail {
    let args = [("name", given_name), ("email", new_email), ("link", report_link)];
    in_language(lang, "email-notice", "mail-email-notice-subject", "mail-email-notice-body", &args)
}

pub fn email_taken_mail(lang: Lang, given_name: &str) -> Mail {
    let args = [("name", given_name)];
    in_language(lang, "email-taken", "mail-email-taken-subject", "mail-email-taken-body", &args)
}

pub fn email_change_reported_mail(lang: Lang, given_name: &str, email: &str) -> Mail {
    let args = [("name", given_name), ("email", email)];
    in_language(lang, "email-reported", "mail-email-reported-subject", "mail-email-reported-body", &args)
}

pub fn method_added_mail(lang: Lang, given_name: &str) -> Mail {
    let args = [("name", given_name)];
    in_language(lang, "method-added", "mail-method-added-subject", "mail-method-added-body", &args)
}

/// A passkey was added to the account, or removed from it (`removed`), named as its owner named it.
pub fn passkey_added_mail(lang: Lang, given_name: &str, passkey: &str) -> Mail {
    let args = [("name", given_name), ("passkey", passkey)];
    in_language(lang, "passkey-added", "mail-passkey-added-subject", "mail-passkey-added-body", &args)
}

pub fn passkey_removed_mail(lang: Lang, given_name: &str, passkey: &str) -> Mail {
    let args = [("name", given_name), ("passkey", passkey)];
    in_language(lang, "passkey-removed", "mail-passkey-removed-subject", "mail-passkey-removed-body", &args)
}

pub fn password_changed_mail(lang: Lang, given_name: &str) -> Mail {
    let args = [("name", given_name)];
    in_language(
        lang,
        "password-changed",
        "mail-password-changed-subject",
        "mail-password-changed-body",
        &args,
    )
}

/// A caregiver's invitation: like a patient's, in both languages, preferred first.
pub fn caregiver_invitation_mail(
    preferred: Lang,
    given_name: &str,
    patient: &str,
    organisation: &str,
    link: &str,
) -> Mail {
    let args = [("name", given_name), ("patient", patient), ("organisation", organisation), ("link", link)];
    bilingual(
        preferred,
        "caregiver-invitation",
        "mail-caregiver-invitation-subject",
        "mail-caregiver-invitation-body",
        &args,
    )
}

/// A caregiver as the patient's mail names them, in the patient's language.
pub struct CaregiverAdded {
    pub caregiver: String,
    pub relationship: String,
    pub scope: String,
    pub organisation: String,
}

/// Someone may now act for the patient: told to the patient (and a child's parents on file), with
/// how to end it.
pub fn caregiver_added_mail(lang: Lang, given_name: &str, added: &CaregiverAdded) -> Mail {
    let args = [
        ("name", given_name),
        ("caregiver", added.caregiver.as_str()),
        ("relationship", added.relationship.as_str()),
        ("scope", added.scope.as_str()),
        ("organisation", added.organisation.as_str()),
    ];
    in_language(lang, "caregiver-added", "mail-caregiver-added-subject", "mail-caregiver-added-body", &args)
}

pub fn age_of_consent_teen_mail(lang: Lang, given_name: &str, caregiver: &str) -> Mail {
    let args = [("name", given_name), ("caregiver", caregiver)];
    in_language(lang, "age-teen", "mail-age-teen-subject", "mail-age-teen-body", &args)
}

pub fn age_of_consent_parent_mail(lang: Lang, given_name: &str, patient: &str) -> Mail {
    let args = [("name", given_name), ("patient", patient)];
    in_language(lang, "age-parent", "mail-age-parent-subject", "mail-age-parent-body", &args)
}

/// A new message: only that there is one and where to read it, never what it says.
pub fn new_message_mail(lang: Lang, given_name: &str, link: &str) -> Mail {
    let args = [("name", given_name), ("link", link)];
    in_language(lang, "new-message", "mail-new-message-subject", "mail-new-message-body", &args)
}

/// The daily summary for staff: how many conversations have unread messages, never which.
pub fn message_digest_mail(lang: Lang, given_name: &str, conversations: i64, link: &str) -> Mail {
    let count = conversations.to_string();
    let args = [("name", given_name), ("count", count.as_str()), ("link", link)];
    in_language(lang, "message-digest", "mail-message-digest-subject", "mail-message-digest-body", &args)
}

/// A questionnaire to fill: only that there is one and where, never which.
pub fn questionnaire_mail(lang: Lang, given_name: &str, link: &str) -> Mail {
    let args = [("name", given_name), ("link", link)];
    in_language(lang, "questionnaire", "mail-questionnaire-subject", "mail-questionnaire-body", &args)
}

/// To a team member who chose alerts: a questionnaire needs attention — never which, nor whose.
pub fn questionnaire_alert_mail(lang: Lang, given_name: &str, link: &str) -> Mail {
    let args = [("name", given_name), ("link", link)];
    in_language(
        lang,
        "questionnaire-alert",
        "mail-questionnaire-alert-subject",
        "mail-questionnaire-alert-body",
        &args,
    )
}

/// The link that confirms an organisation's request to join, to whoever filled it.
pub fn organisation_request_confirmation_mail(lang: Lang, organisation: &str, link: &str) -> Mail {
    let args = [("organisation", organisation), ("link", link)];
    in_language(
        lang,
        "organisation-request",
        "mail-organisation-request-subject",
        "mail-organisation-request-body",
        &args,
    )
}

/// The operator's question about an organisation's request, with the link to answer it.
pub fn organisation_request_question_mail(
    lang: Lang,
    organisation: &str,
    question: &str,
    link: &str,
) -> Mail {
    let args = [("organisation", organisation), ("question", question), ("link", link)];
    in_language(
        lang,
        "organisation-request-question",
        "mail-organisation-request-question-subject",
        "mail-organisation-request-question-body",
        &args,
    )
}

/// An organisation's request refused, with the operator's reason.
pub fn organisation_request_refused_mail(lang: Lang, organisation: &str, reason: &str) -> Mail {
    let args = [("organisation", organisation), ("reason", reason)];
    in_language(
        lang,
        "organisation-request-refused",
        "mail-organisation-request-refused-subject",
        "mail-organisation-request-refused-body",
        &args,
    )
}

/// An organisation's request approved: the agreement comes next.
pub fn organisation_request_approved_mail(lang: Lang, organisation: &str) -> Mail {
    let args = [("organisation", organisation)];
    in_language(
        lang,
        "organisation-request-approved",
        "mail-organisation-request-approved-subject",
        "mail-organisation-request-approved-body",
        &args,
    )
}

/// A reminder of a questionnaire to fill by `due`: the date, never which questionnaire.
pub fn questionnaire_reminder_mail(lang: Lang, given_name: &str, due: chrono::NaiveDate, link: &str) -> Mail {
    let date = i18n::long_date(lang, due);
    let args = [("name", given_name), ("date", date.as_str()), ("link", link)];
    in_language(
        lang,
        "questionnaire-reminder",
        "mail-questionnaire-reminder-subject",
        "mail-questionnaire-reminder-body",
        &args,
    )
}

/// Queues a mail about the person's own account (codes, resets, email changes): no organisation's.
pub async fn enqueue<'e>(
    exec: impl Executor<'e, Database = Any>,
    recipient: &str,
    mail: &Mail,
    now: i64,
) -> DomainResult<()> {
    queue(exec, None, None, recipient, mail, now).await
}

/// Queues a mail an organisation sends (invitations, staff changes, messages): counted in its
/// overview's mail queue.
pub async fn enqueue_for<'e>(
    exec: impl Executor<'e, Database = Any>,
    organisation_id: i64,
    recipient: &str,
    mail: &Mail,
    now: i64,
) -> DomainResult<()> {
    queue(exec, Some(organisation_id), None, recipient, mail, now).await
}

/// Queues an invitation's mail, tied to it so that a refusal for good shows on the invitation.
pub async fn enqueue_invitation<'e>(
    exec: impl Executor<'e, Database = Any>,
    organisation_id: i64,
    invitation_id: i64,
    recipient: &str,
    mail: &Mail,
    now: i64,
) -> DomainResult<()> {
    queue(exec, Some(organisation_id), Some(invitation_id), recipient, mail, now).await
}

async fn queue<'e>(
    exec: impl Executor<'e, Database = Any>,
    organisation_id: Option<i64>,
    invitation_id: Option<i64>,
    recipient: &str,
    mail: &Mail,
    now: i64,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO outbox (organisation_id, invitation_id, recipient, template, subject, body, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(organisation_id)
    .bind(invitation_id)
    .bind(recipient)
    .bind(mail.template)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(now)
    .execute(exec)
    .await?;
    Ok(())
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OutboxMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
    pub created_at: i64,
}

/// How long a worker may hold a claimed row before another instance may take it over.
const CLAIM_SECONDS: i64 = 120;
pub const MAX_ATTEMPTS: i64 = 12;

/// Mails waiting to be sent, and mails given up after the last attempt.
pub async fn counts(db: &store::Db) -> DomainResult<(i64, i64)> {
    counts_where(db, "", None).await
}

/// Mails an organisation sent that wait or failed (its overview's mail queue).
pub async fn counts_of(db: &store::Db, organisation_id: i64) -> DomainResult<(i64, i64)> {
    counts_where(db, " AND organisation_id = $1", Some(organisation_id)).await
}

async fn counts_where(
    db: &store::Db,
    condition: &str,
    organisation_id: Option<i64>,
) -> DomainResult<(i64, i64)> {
    let sql = format!(
        "SELECT COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS waiting,
                COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed
         FROM outbox WHERE status IN ('pending', 'failed'){condition}"
    );
    let query = sqlx::query(&sql);
    let query = match organisation_id {
        Some(id) => query.bind(id),
        None => query,
    };
    let row = query.fetch_one(db).await?;
    use sqlx::Row;
    Ok((row.try_get("waiting")?, row.try_get("failed")?))
}

/// Claims the oldest due message. Two workers (or two instances) never claim the same row: the
/// outer WHERE is re-checked on the locked row.
pub async fn claim_due(db: &store::Db, now: i64) -> DomainResult<Option<OutboxMail>> {
    Ok(sqlx::query_as(
        "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1
         WHERE id = (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $2
                       AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY id LIMIT 1)
           AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < $2)
         RETURNING id, recipient, subject, body, attempts, created_at",
    )
    .bind(now + CLAIM_SECONDS)
    .bind(now)
    .fetch_optional(db)
    .await?)
}

/// Delivered: the body (live links, codes) is blanked; recipient, subject, template, status and
/// times stay for support.
pub async fn mark_sent(db: &store::Db, id: i64, now: i64) -> DomainResult<()> {
    sqlx::query(
        "UPDATE outbox SET status = 'sent', sent_at = $1, claimed_until = NULL, last_error = NULL, body = ''
         WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// Exponential backoff (30 s, 1 min, 2 min … capped at 1 h); gives up after `MAX_ATTEMPTS`, or at
/// once when the failure is `permanent` (an address the mailer refuses, a 5xx answer).
pub fn retry_delay(attempts: i64) -> i64 {
    (30 * 2i64.pow(attempts.clamp(1, 8) as u32 - 1)).min(3600)
}

pub async fn mark_failed(
    db: &store::Db,
    mail: &OutboxMail,
    error: &str,
    permanent: bool,
    now: i64,
) -> DomainResult<()> {
    let status = if permanent || mail.attempts >= MAX_ATTEMPTS { "failed" } else { "pending" };
    // A mail given up on keeps no body: its links and codes must not outlive the attempt.
    sqlx::query(
        "UPDATE outbox SET status = $1, next_attempt_at = $2, claimed_until = NULL, last_error = $3,
                body = CASE WHEN $1 = 'failed' THEN '' ELSE body END
         WHERE id = $4",
    )
    .bind(status)
    .bind(now + retry_delay(mail.attempts))
    .bind(error.chars().take(500).collect::<String>())
    .bind(mail.id)
    .execute(db)
    .await?;
    Ok(())
}

/// Newest first, for the development mailbox.
pub async fn recent(db: &store::Db, limit: i64) -> DomainResult<Vec<OutboxMail>> {
    Ok(sqlx::query_as(
        "SELECT id, recipient, subject, body, attempts, created_at FROM outbox ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(retry_delay(1), 30);
        assert_eq!(retry_delay(2), 60);
        assert_eq!(retry_delay(3), 120);
        assert_eq!(retry_delay(20), 3600);
    }

    #[test]
    fn invitation_mail_has_both_languages_preferred_first() {
        let en = invitation_mail(Lang::En, "Léa", "Clinique A", "http://x/invitation/t");
        assert!(en.subject.starts_with("Invitation to the Patient Portal"), "{}", en.subject);
        let (first, second) = en.body.split_once("----").unwrap();
        assert!(first.contains("Hello Léa") && second.contains("Bonjour Léa"));
        assert_eq!(en.body.matches("http://x/invitation/t").count(), 2);
    }

    #[test]
    fn setup_mail_is_in_the_recipients_language() {
        let fr = setup_link_mail(Lang::Fr, "Marie", "Clinique A", "http://x/setup/t");
        let en = setup_link_mail(Lang::En, "Marie", "Clinique A", "http://x/setup/t");
        assert!(fr.body.contains("Bonjour Marie") && fr.body.contains("http://x/setup/t"), "{}", fr.body);
        assert!(en.body.contains("Hello Marie") && en.body.contains("http://x/setup/t"), "{}", en.body);
    }
}
