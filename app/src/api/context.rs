//! What every server function may ask of the request it serves: who is calling (obtained once, as
//! a `Ctx` the domain takes), the session cookie, and how to set cookies on the response.
use crate::api::ApiError;
use crate::domain::identity::{account, session, throttle};
use crate::domain::messaging::conversation::Reader;
use crate::domain::onboarding::caregiver::{self, Area};
use crate::domain::organisation::{membership, staff_service};
use crate::domain::{store, Ctx, RequestMeta};
use crate::door::Door;
pub use crate::state::{AppState, Config};
use crate::states::Service;
use http::header::{COOKIE, SET_COOKIE, USER_AGENT};
use leptos::prelude::*;

pub fn state() -> AppState {
    expect_context::<AppState>()
}

fn parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

pub fn request_meta() -> RequestMeta {
    parts().map(|parts| meta_of(&parts.headers, &parts.extensions)).unwrap_or_default()
}

/// The caller's address, as the server named it for this request (behind a trusted proxy, from
/// `X-Forwarded-For`).
#[derive(Clone, Copy, Debug)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The caller's address: as the server named it, else the socket's peer.
pub fn client_address(extensions: &http::Extensions) -> Option<std::net::IpAddr> {
    match extensions.get::<ClientAddress>() {
        Some(ClientAddress(address)) => Some(*address),
        None => extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip()),
    }
}

/// Caller address and browser of a request (also used by plain axum handlers).
pub fn meta_of(headers: &http::HeaderMap, extensions: &http::Extensions) -> RequestMeta {
    let ip = client_address(extensions).map(|address| address.to_string()).unwrap_or_default();
    let user_agent = headers.get(USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    RequestMeta { ip, user_agent }
}

pub fn cookie(name: &str) -> Option<String> {
    cookie_of(&parts()?.headers, name)
}

/// The value of cookie `name` in a request's headers.
pub fn cookie_of(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers.get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(
        |pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then(|| v.to_string())
        },
    )
}

pub fn set_cookie(value: String) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(SET_COOKIE, value.parse().expect("valid cookie header"));
    }
}

pub fn set_session_cookie(token: &str) {
    let config = state().config;
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    set_cookie(format!("{}={token}; Path=/; HttpOnly; SameSite=Lax{secure}", config.session_cookie_name()));
}

/// Makes this browser known to the account that just signed in with it (`known_browser`).
pub fn set_browser_cookie(token: &str) {
    let config = state().config;
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    let max_age = crate::domain::identity::known_browser::REMEMBERED_SECONDS;
    set_cookie(format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        config.browser_cookie_name()
    ));
}

pub fn clear_session_cookie() {
    let config = state().config;
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    set_cookie(format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        config.session_cookie_name()
    ));
}

/// Remembers the interface language like the header's language link does.
pub fn set_language_cookie(lang: crate::i18n::Lang) {
    set_cookie(lang.cookie());
}

/// The interface language of this request, as the pages choose it: `?lang=`, then the `lang`
/// cookie, then French.
pub fn language() -> crate::i18n::Lang {
    let asked = use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.query().map(str::to_string))
        .and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("lang=").map(str::to_string)));
    asked.or_else(|| cookie("lang")).map(|code| crate::i18n::Lang::from_code(&code)).unwrap_or_default()
}

/// A local time in long form in this request's language, for a message the server writes.
pub fn in_words(at: chrono::NaiveDateTime) -> String {
    crate::i18n::long_date_time(language(), at)
}

/// One more try of an anonymous caller under each `(limit, key)`: refused with 429 and how long
/// to wait as soon as one of them is used up (those before it are charged: a caller past a
/// limit earns nothing by trying).
pub async fn throttle(tries: &[(throttle::Limit, &str)]) -> Result<(), ApiError> {
    let (state, now) = (state(), store::now());
    for (limit, key) in tries {
        if let Err(wait) = state.throttle.take_everywhere(*limit, key, now).await? {
            tracing::info!(limit = ?limit, "throttled");
            return Err(ApiError::throttled(wait));
        }
    }
    Ok(())
}

/// Gives back the try `throttle` took: what was tried was right, not a guess.
pub fn give_back(limit: throttle::Limit, key: &str) {
    state().throttle.give_back(limit, key);
}

/// The throttle key of this request's caller address.
pub fn address_key() -> String {
    throttle::address_key(&request_meta().ip)
}

/// The request, as the domain takes it, for a caller who need not be signed in.
pub fn request() -> Ctx {
    let state = state();
    Ctx::new(state.db, request_meta(), store::now()).linking_to(&state.config.public_url)
}

/// A signed-in caller: the request in their name, their session and their account.
pub struct Caller {
    pub ctx: Ctx,
    pub session: session::ActiveSession,
    pub account: account::Account,
}

/// The signed-in person, or "signed out".
pub async fn require_session() -> Result<Caller, ApiError> {
    let parts = parts().ok_or_else(ApiError::signed_out)?;
    caller_of(&state(), &parts.headers, &parts.extensions).await
}

/// The signed-in person behind a request's headers: the one session check, also used by the
/// plain routes that are not server functions (the data export).
pub async fn caller_of(
    state: &AppState,
    headers: &http::HeaderMap,
    extensions: &http::Extensions,
) -> Result<Caller, ApiError> {
    let ctx = Ctx::new(state.db.clone(), meta_of(headers, extensions), store::now())
        .linking_to(&state.config.public_url);
    // A page request's session and account were already read by the server's private-page
    // middleware, which leaves them in the request: every server function of that render reuses
    // them (one lookup per page instead of one per server function).
    if let (Some(session), Some(account)) =
        (extensions.get::<session::ActiveSession>(), extensions.get::<account::Account>())
    {
        if session.account_id == account.id {
            LoggedAccount::note(extensions, account.id);
            return Ok(Caller { ctx: ctx.by(account.id), session: *session, account: account.clone() });
        }
    }
    let token = cookie_of(headers, state.config.session_cookie_name()).ok_or_else(ApiError::signed_out)?;
    let (session, account) =
        signed_in(&ctx.db, &token, ctx.now, activity_of(headers)).await?.ok_or_else(ApiError::signed_out)?;
    LoggedAccount::note(extensions, account.id);
    Ok(Caller { ctx: ctx.by(account.id), session, account })
}

/// The account a request turned out to come from, for the server's access log: set wherever the
/// session is checked, read once the answer is ready. Every clone of the request shares it.
#[derive(Clone, Debug, Default)]
pub struct LoggedAccount(std::sync::Arc<std::sync::atomic::AtomicI64>);

impl LoggedAccount {
    pub fn note(extensions: &http::Extensions, account_id: i64) {
        if let Some(slot) = extensions.get::<Self>() {
            slot.0.store(account_id, std::sync::atomic::Ordering::Relaxed);
        }
    }

    pub fn account_id(&self) -> Option<i64> {
        Some(self.0.load(std::sync::atomic::Ordering::Relaxed)).filter(|id| *id > 0)
    }
}

/// A page opened, or a form posted without JavaScript, asks for HTML: the person's own doing.
/// What a page's script fetches by itself asks for data (`session::Activity`).
pub fn activity_of(headers: &http::HeaderMap) -> session::Activity {
    let asks_for_html = headers
        .get(http::header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if asks_for_html {
        session::Activity::Person
    } else {
        session::Activity::Background
    }
}

/// The live session behind a session cookie's token, and its account (the private-page
/// middleware and `caller_of` read them the same way).
pub async fn signed_in(
    db: &store::Db,
    token: &str,
    now: i64,
    activity: session::Activity,
) -> crate::domain::DomainResult<Option<(session::ActiveSession, account::Account)>> {
    let Some(session) = session::resolve(db, token, now, activity).await? else {
        return Ok(None);
    };
    let account = account::find_by_id(db, session.account_id).await?;
    Ok(Some((session, account)))
}

/// A short-lived cookie for one flow (HttpOnly, SameSite=Strict), Secure like the session cookie.
pub fn set_flow_cookie(name: &str, value: &str, max_age: i64) {
    let secure = if state().config.secure_cookies { "; Secure" } else { "" };
    set_cookie(format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"));
}

pub fn clear_flow_cookie(name: &str) {
    set_flow_cookie(name, "", 0);
}

/// A staff member and the organisation they act in.
pub struct Staff {
    pub ctx: Ctx,
    pub account: account::Account,
    pub organisation_id: i64,
    /// The organisation's clock, for dates shown to the staff member.
    pub timezone: String,
}

/// A staff member in the organisation they work in now, whatever services they hold there (who
/// their administrators are).
pub async fn require_staff() -> Result<Staff, ApiError> {
    at_work(require_session().await?).await
}

/// One of the platform's operators (`domain::platform::operator`).
pub struct Operator {
    pub ctx: Ctx,
    pub account: account::Account,
}

/// The caller as one of the platform's operators; "forbidden" for anyone else.
pub async fn require_operator() -> Result<Operator, ApiError> {
    let Caller { ctx, account, .. } = require_session().await?;
    if !crate::domain::platform::operator::is_operator(&ctx.db, account.id).await? {
        return Err(ApiError::forbidden());
    }
    Ok(Operator { ctx, account })
}

/// A staff member holding `service` in the organisation they work in now; "forbidden" for anyone
/// else (deny by default: every staff server function names its service).
pub async fn require_service(service: Service) -> Result<Staff, ApiError> {
    require_any_service(&[service]).await
}

/// A staff member holding one of `services` (e.g. any care service opens the patient list).
pub async fn require_any_service(services: &[Service]) -> Result<Staff, ApiError> {
    staff_with(require_session().await?, services).await
}

/// The organisation the caller works in during this session (`membership::working_in`): `None`
/// when they work in none, or in several and have not chosen.
pub async fn working_organisation(caller: &Caller) -> Result<Option<i64>, ApiError> {
    let places = membership::workplaces(&caller.ctx.db, caller.account.id).await?;
    Ok(membership::working_in(&places, caller.session.organisation_id))
}

/// The caller as a staff member of the organisation they work in now: 409 "choose the
/// organisation" when they work in several and have not chosen, "forbidden" when in none.
async fn at_work(caller: Caller) -> Result<Staff, ApiError> {
    let places = membership::workplaces(&caller.ctx.db, caller.account.id).await?;
    let (organisation_id, timezone) = match membership::workplace_in(&places, caller.session.organisation_id)
    {
        Some(place) => (place.organisation_id, place.timezone.clone()),
        None if !places.is_empty() => return Err(ApiError::conflict("error-choose-organisation")),
        None => return Err(ApiError::forbidden()),
    };
    let Caller { ctx, account, .. } = caller;
    Ok(Staff { ctx, account, organisation_id, timezone })
}

/// The caller as a staff member holding one of `services` in the organisation they work in now,
/// or "forbidden".
pub async fn staff_with(caller: Caller, services: &[Service]) -> Result<Staff, ApiError> {
    let staff = at_work(caller).await?;
    let held = staff_service::held(&staff.ctx.db, staff.account.id, staff.organisation_id).await?;
    if !held.iter().any(|s| services.contains(s)) {
        return Err(ApiError::forbidden());
    }
    Ok(staff)
}

/// The person entering through `door` for `area`, as the domain reads them: the patient
/// themself; a caregiver whose grant is theirs, in force and covers `area` ("not found"
/// otherwise, like a page they may not see); or a staff member of the organisation they work in
/// who holds the area's service ("forbidden" otherwise).
pub async fn require_door(door: Door, area: Area) -> Result<(Ctx, Reader), ApiError> {
    enter(require_session().await?, door, area).await
}

/// `require_door` for a caller already known (a plain route such as a file download).
pub async fn enter(caller: Caller, door: Door, area: Area) -> Result<(Ctx, Reader), ApiError> {
    match door {
        Door::Patient => {
            let Caller { ctx, account, .. } = caller;
            Ok((ctx, Reader::Patient { account_id: account.id }))
        }
        Door::Caregiver { grant } => {
            let Caller { ctx, account, .. } = caller;
            let grant = caregiver::access(&ctx.db, account.id, grant.get(), Some(area), ctx.now).await?;
            Ok((ctx, Reader::caregiver(account.id, &grant)))
        }
        Door::Staff => {
            let service = match area {
                Area::Messages => Service::Messaging,
                Area::Questionnaires => Service::Questionnaires,
                // Staff change a patient's details from the file, not through this door.
                Area::Profile => return Err(ApiError::not_found()),
            };
            let Staff { ctx, account, organisation_id, .. } = staff_with(caller, &[service]).await?;
            Ok((ctx, Reader::Staff { account_id: account.id, organisation_id }))
        }
    }
}

/// Times in each organisation's time zone, each zone read once per call (a patient's lists span
/// several organisations).
#[derive(Default)]
pub struct Clocks(std::collections::HashMap<i64, String>);

impl Clocks {
    async fn zone(&mut self, db: &crate::domain::store::Db, organisation_id: i64) -> Result<&str, ApiError> {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.0.entry(organisation_id) {
            slot.insert(crate::domain::calendar::organisation_timezone(db, organisation_id).await?);
        }
        Ok(&self.0[&organisation_id])
    }

    /// `at` on the organisation's clock.
    pub async fn local(
        &mut self,
        db: &crate::domain::store::Db,
        organisation_id: i64,
        at: i64,
    ) -> Result<chrono::NaiveDateTime, ApiError> {
        Ok(crate::domain::calendar::local_time(at, self.zone(db, organisation_id).await?))
    }

    /// The organisation's date today.
    pub async fn today(
        &mut self,
        db: &crate::domain::store::Db,
        organisation_id: i64,
        now: i64,
    ) -> Result<chrono::NaiveDate, ApiError> {
        Ok(crate::domain::calendar::local_date(now, self.zone(db, organisation_id).await?))
    }
}
