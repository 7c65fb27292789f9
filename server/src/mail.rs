//! The mail worker: claims due outbox rows and delivers them. With the `dev` transport mail stays
//! in the outbox (see /dev/mailbox). A failed delivery is retried with backoff; nothing is lost
//! while the SMTP server is down.
use app::domain::{notification, store};
use lettre::message::{header::ContentType, Mailbox};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpSender {
    pub fn new(smtp_url: &str, from: &str) -> anyhow::Result<Self> {
        Self::trusting(smtp_url, from, None)
    }

    /// `ca_pem`: certificates (PEM) trusted besides the public roots, for a relay whose
    /// certificate a private authority signed (a hospital's own). TLS must then be asked for in
    /// the URL (`smtps://`, or `smtp://…?tls=required`): a CA file with a clear connection is a
    /// mistake to refuse, not to ignore.
    pub fn trusting(smtp_url: &str, from: &str, ca_pem: Option<&[u8]>) -> anyhow::Result<Self> {
        let mut transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)?;
        if let Some(pem) = ca_pem {
            anyhow::ensure!(
                std::str::from_utf8(pem).is_ok_and(|text| text.contains("-----BEGIN CERTIFICATE-----")),
                "SMTP_CA_FILE holds no PEM certificate"
            );
            let url = url::Url::parse(smtp_url)?;
            let host = url.host_str().ok_or_else(|| anyhow::anyhow!("SMTP_URL names no host"))?;
            let tls_asked = url.query_pairs().find(|(k, _)| k == "tls").map(|(_, v)| v.into_owned());
            let parameters = TlsParameters::builder(host.to_string())
                .add_root_certificate(Certificate::from_pem(pem)?)
                .build_rustls()?;
            let tls = match (url.scheme(), tls_asked.as_deref()) {
                ("smtps", _) => Tls::Wrapper(parameters),
                ("smtp", Some("required")) => Tls::Required(parameters),
                ("smtp", Some("opportunistic")) => Tls::Opportunistic(parameters),
                _ => anyhow::bail!(
                    "SMTP_CA_FILE is for a TLS connection: use smtps://… or smtp://…?tls=required in SMTP_URL"
                ),
            };
            transport = transport.tls(tls);
        }
        Ok(Self { transport: transport.build(), from: from.parse()? })
    }

    async fn send(&self, mail: &notification::OutboxMail) -> Result<(), Failure> {
        // An address or a message the mailer refuses will never go: no retry.
        let permanent = |e: &dyn std::fmt::Display| Failure { permanent: true, error: e.to_string() };
        let to = mail.recipient.parse().map_err(|e| permanent(&e))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| permanent(&e))?;
        // A 5xx answer (no such mailbox, refused) is permanent; anything else may pass later.
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| Failure { permanent: e.is_permanent(), error: e.to_string() })
    }
}

/// Why a mail did not go, and whether trying again could help.
struct Failure {
    permanent: bool,
    error: String,
}

/// Delivers every due message, then returns how many were sent.
pub async fn deliver_due(db: &store::Db, sender: &SmtpSender) -> usize {
    deliver_until(db, sender, || false).await
}

async fn deliver_until(db: &store::Db, sender: &SmtpSender, stopping: impl Fn() -> bool) -> usize {
    let mut sent = 0;
    loop {
        if stopping() {
            return sent;
        }
        let now = store::now();
        let mail = match notification::claim_due(db, now).await {
            Ok(Some(mail)) => mail,
            Ok(None) => return sent,
            Err(e) => {
                tracing::error!(error = %e, "outbox claim failed");
                return sent;
            }
        };
        match sender.send(&mail).await {
            Ok(()) => {
                sent += 1;
                if let Err(e) = notification::mark_sent(db, mail.id, store::now()).await {
                    tracing::error!(error = %e, id = mail.id, "could not mark mail as sent");
                }
            }
            Err(failure) => {
                tracing::warn!(
                    error = %failure.error,
                    id = mail.id,
                    attempts = mail.attempts,
                    permanent = failure.permanent,
                    "mail delivery failed"
                );
                let now = store::now();
                if let Err(e) =
                    notification::mark_failed(db, &mail, &failure.error, failure.permanent, now).await
                {
                    tracing::error!(error = %e, id = mail.id, "could not record mail failure");
                }
            }
        }
    }
}

/// Delivers due mail every second until `stop` turns true; a mail being sent then is finished
/// (and marked) before the worker returns, so a restart neither loses nor repeats it.
pub async fn run_worker(db: store::Db, sender: SmtpSender, mut stop: tokio::sync::watch::Receiver<bool>) {
    while !*stop.borrow() {
        deliver_until(&db, &sender, || *stop.borrow()).await;
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = stop.changed() => {}
        }
    }
    tracing::info!("mail worker stopped");
}
