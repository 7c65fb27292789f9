//! The care team's side: what was sent to a patient and its state, the questionnaires waiting
//! for review (flagged first), one submission with its score, and "Mark reviewed". Every staff
//! read is recorded on the patient, so it shows in their access log.
use super::filling::{self, Filled, Order, Sent, LIST_MAX};
use super::{Reader, TeamMember};
use crate::domain::{store::Db, Ctx, DomainError, DomainResult, Target};

/// Comments are a few sentences.
pub const COMMENT_MAX: usize = 2_000;

/// What was sent to one patient the member's teams follow.
pub async fn for_patient(db: &Db, member: TeamMember, patient_id: i64) -> DomainResult<Vec<Sent>> {
    filling::select(db, Reader::Team(member), Order::ToFillFirst, LIST_MAX, |q| {
        q.and("r.patient_id = {}", patient_id)
    })
    .await
}

/// The patient's submitted totals for `instrument` (every version), oldest first: the points of
/// the chart of scores over time.
pub async fn history(
    db: &Db,
    member: TeamMember,
    patient_id: i64,
    instrument: &str,
) -> DomainResult<Vec<Sent>> {
    let mut scored = filling::select(db, Reader::Team(member), Order::ToFillFirst, LIST_MAX, |q| {
        q.and("r.patient_id = {}", patient_id);
        q.and("q.instrument = {}", instrument.to_string());
        q.and_fixed("r.submitted_at IS NOT NULL AND r.score IS NOT NULL");
    })
    .await?;
    scored.reverse();
    Ok(scored)
}

/// The review list shows this many, the most urgent.
pub const WAITING_PAGE: i64 = 50;

/// Submitted and not yet reviewed, for the member's teams: flagged first, then oldest first.
pub async fn waiting(db: &Db, member: TeamMember) -> DomainResult<Vec<Sent>> {
    filling::select(db, Reader::Team(member), Order::FlaggedFirst, WAITING_PAGE, |q| {
        q.and_fixed("r.submitted_at IS NOT NULL AND r.reviewed_at IS NULL")
    })
    .await
}

/// One submission (or one still being filled) with its answers, the read recorded on the patient.
pub async fn open(ctx: &Ctx, member: TeamMember, id: i64) -> DomainResult<Filled> {
    let filled = filling::load(&ctx.db, Reader::Team(member), id).await?;
    ctx.audit_view(
        Some(filled.sent.organisation_id),
        "questionnaire.viewed",
        Target::Patient(filled.sent.patient_id),
    )
    .await?;
    Ok(filled)
}

/// Marks a submitted questionnaire reviewed, with an optional comment; once only.
pub async fn mark_reviewed(ctx: &Ctx, member: TeamMember, id: i64, comment: &str) -> DomainResult<()> {
    let comment = comment.trim();
    if comment.chars().count() > COMMENT_MAX {
        return Err(DomainError::invalid("comment", "error-comment-too-long"));
    }
    let Filled { sent, .. } = filling::load(&ctx.db, Reader::Team(member), id).await?;
    if sent.submitted_at.is_none() {
        return Err(DomainError::conflict(None, "error-questionnaire-not-submitted"));
    }
    let mut tx = ctx.db.begin().await?;
    let marked = sqlx::query(
        "UPDATE questionnaire_requests SET reviewed_at = $2, reviewed_by = $3, review_comment = $4
         WHERE id = $1 AND reviewed_at IS NULL AND submitted_at IS NOT NULL",
    )
    .bind(id)
    .bind(ctx.now)
    .bind(member.account_id)
    .bind(comment)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if marked == 0 {
        return Err(DomainError::conflict(None, "error-questionnaire-reviewed"));
    }
    ctx.audit(
        &mut *tx,
        Some(sent.organisation_id),
        "questionnaire.reviewed",
        Target::Patient(sent.patient_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
