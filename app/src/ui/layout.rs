//! What surrounds every page: header (portal name, language toggle, the signed-in person) and
//! footer (help, accessibility, contact), and the three route layouts between them: a page, the
//! staff workspace (its navigation, then the page) and a caregiver acting for a patient (the
//! banner, then the page, with the caregiver's door provided by context).
use crate::api::auth::{me, staff_home, SignOut};
use crate::api::ApiError;
use crate::door::Door;
use crate::states::Service;
use crate::ui::components::caregivers::ActingBanner;
use crate::ui::components::idle_watch::IdleWatch;
use crate::ui::components::route_progress::RouteProgress;
use crate::ui::components::workplace::WorkplaceSwitch;
use crate::ui::form::{failure, Submit};
use crate::ui::route::{address, route_params, GrantParams};
use crate::ui::words::current_lang;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_location;

/// The page's landmark, where the skip link leads.
#[component]
pub fn Page(children: Children) -> impl IntoView {
    view! {
        <main id="main" tabindex="-1">
            {children()}
        </main>
    }
}

/// Every page outside the staff workspace.
#[component]
pub fn PageLayout() -> impl IntoView {
    view! {
        <Page>
            <Outlet />
        </Page>
    }
}

/// `/staff/…`: the workspace's navigation above the page (outside `main`, so the skip link
/// passes it), and the staff door for the pages inside.
#[component]
pub fn StaffLayout() -> impl IntoView {
    provide_context(Door::Staff);
    view! {
        <StaffNav />
        <Page>
            <Outlet />
        </Page>
    }
}

/// `/operator/…`: the platform console's navigation, then the page. No door: nothing in it is a
/// patient's or an organisation's space.
#[component]
pub fn OperatorLayout() -> impl IntoView {
    view! {
        <nav class="staff-nav" aria-label=move_tr!("operator-nav-label")>
            <ul class="staff-links operator-links">
                <li>
                    <A href="/operator" exact=true>
                        {move_tr!("operator-nav-requests")}
                    </A>
                </li>
                <li>
                    <A href="/operator/organisations">{move_tr!("operator-nav-organisations")}</A>
                </li>
                <li>
                    <A href="/operator/operators">{move_tr!("operator-nav-operators")}</A>
                </li>
                <li>
                    <A href="/operator/documents">{move_tr!("operator-nav-documents")}</A>
                </li>
            </ul>
        </nav>
        <Page>
            <Outlet />
        </Page>
    }
}

/// `/for/:grant/…`: the grant read once from the address, the banner saying for whom the
/// caregiver acts, and the caregiver's door for the pages inside. Moving to another patient's
/// grant (the banner's links) builds the pages again for that door; a grant that is not an id is
/// "not found".
#[component]
pub fn ActingLayout() -> impl IntoView {
    let params = route_params::<GrantParams>();
    let grant = Memo::new(move |_| params.get().map(|p| p.grant));
    move || match grant.get() {
        Some(grant) => {
            provide_context(Door::Caregiver { grant });
            view! {
                <ActingBanner grant />
                <Outlet />
            }
            .into_any()
        }
        None => failure(ApiError::not_found()),
    }
}

/// The door the page is entered through: the patient's own space unless a layout says otherwise.
pub fn use_door() -> Door {
    use_context::<Door>().unwrap_or(Door::Patient)
}

#[component]
pub fn Header(
    /// Whether the app is changing page (`<Router set_is_routing>`): the bar is in the header,
    /// so it belongs to the banner landmark.
    is_routing: ReadSignal<bool>,
) -> impl IntoView {
    let location = use_location();
    let sign_out = ServerAction::<SignOut>::new();
    // Asked again on every navigation and sign-out, so the header never shows a stale person.
    let person = Resource::new(move || (location.pathname.get(), sign_out.version().get()), |_| me());
    let other = move || current_lang().other();
    // A plain form (a POST: the choice is saved), answered with the same page in the other
    // language by a full page load, with or without JavaScript.
    let back = move || address(location.pathname.get(), &location.search.get());
    view! {
        <header class="site-header">
            <RouteProgress is_routing />
            <a class="brand" href="/">
                {move_tr!("portal-name")}
            </a>
            <div class="header-tools">
                <form method="post" action="/api/switch_language">
                    <input type="hidden" name="lang" value=move || other().code() />
                    <input type="hidden" name="back" value=back />
                    <button type="submit" class="lang-toggle" lang=move || other().code()>
                        {move || other().native_name()}
                    </button>
                </form>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        person
                            .await
                            .ok()
                            .flatten()
                            .map(|me| {
                                view! {
                                    // A patient who is also staff somewhere moves between the two spaces.
                                    {me
                                        .both_spaces
                                        .then(|| {
                                            view! {
                                                {move || {
                                                    if location.pathname.get().starts_with("/staff") {
                                                        view! {
                                                            <A href="/home" attr:class="header-space">
                                                                {move_tr!("header-patient-space")}
                                                            </A>
                                                        }
                                                            .into_any()
                                                    } else {
                                                        view! {
                                                            <A href="/staff" attr:class="header-space">
                                                                {move_tr!("header-staff-space")}
                                                            </A>
                                                        }
                                                            .into_any()
                                                    }
                                                }}
                                            }
                                        })}
                                    <A href=me.messages_href.clone() attr:class="header-messages">
                                        {move_tr!("messages-title")}
                                        {(me.unread_messages > 0)
                                            .then(|| {
                                                view! {
                                                    " "
                                                    <span class="badge" data-testid="unread-count">
                                                        {me.unread_messages}
                                                    </span>
                                                    <span class="visually-hidden">
                                                        {move_tr!(
                                                            "messages-unread", { "count" => me.unread_messages }
                                                        )}
                                                    </span>
                                                }
                                            })}
                                    </A>
                                    <a class="me" href="/account">
                                        {format!("{} {}", me.given_name, me.family_name)}
                                    </a>
                                    <ActionForm action=sign_out>
                                        <Submit pending=sign_out.pending() class="link-button">
                                            {move_tr!("sign-out")}
                                        </Submit>
                                    </ActionForm>
                                    <IdleWatch />
                                }
                            })
                    })}
                </Transition>
            </div>
        </header>
    }
}

/// The staff workspace's navigation, on every `/staff` page (`StaffLayout`): only what the person may use, the
/// current page marked (`aria-current`, set by `A`). On a phone it folds into a menu button, a
/// `<details>` element, so it opens without JavaScript too; on a wide screen the links show.
#[component]
fn StaffNav() -> impl IntoView {
    let location = use_location();
    let home = Resource::new(|| (), |_| async move { staff_home().await.ok() });
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                home.await
                    .map(|home| {
                        let switch = (home.roles.len() > 1)
                            .then(|| {
                                view! {
                                    <WorkplaceSwitch roles=home.roles.clone() working_in=home.working_in />
                                }
                            });
                        let care = home.holds_any(&Service::CARE);
                        let messaging = home.holds_any(&[Service::Messaging]);
                        let questionnaires = home.holds_any(&[Service::Questionnaires]);
                        let admin = home.holds_any(&[Service::Administration]);
                        let support = home.holds_any(&[Service::SupportDesk]);
                        let links = move || {
                            view! {
                                <li>
                                    <A href="/staff" exact=true>
                                        {move_tr!("nav-home")}
                                    </A>
                                </li>
                                {care
                                    .then(|| {
                                        view! {
                                            <li>
                                                <A href="/staff/patients">{move_tr!("patients-title")}</A>
                                            </li>
                                        }
                                    })}
                                {messaging
                                    .then(|| {
                                        view! {
                                            <li>
                                                <A href="/staff/inbox">{move_tr!("inbox-title")}</A>
                                            </li>
                                        }
                                    })}
                                {(questionnaires || admin)
                                    .then(|| {
                                        let href = if questionnaires {
                                            "/staff/questionnaires"
                                        } else {
                                            "/staff/questionnaires/library"
                                        };
                                        // An administrator without the service keeps the library.
                                        view! {
                                            <li>
                                                <A href=href>{move_tr!("nav-questionnaires")}</A>
                                            </li>
                                        }
                                    })}
                                {support
                                    .then(|| {
                                        view! {
                                            <li>
                                                <A href="/staff/support">{move_tr!("support-title")}</A>
                                            </li>
                                        }
                                    })}
                                {admin
                                    .then(|| {
                                        view! {
                                            <li>
                                                <A href="/staff/overview">{move_tr!("nav-overview")}</A>
                                            </li>
                                            <li>
                                                <A href="/staff/team">{move_tr!("team-title")}</A>
                                            </li>
                                            <li>
                                                <A href="/staff/teams">{move_tr!("teams-title")}</A>
                                            </li>
                                            <li>
                                                <A href="/staff/settings">{move_tr!("nav-settings")}</A>
                                            </li>
                                            <li>
                                                <A href="/staff/audit">{move_tr!("nav-audit")}</A>
                                            </li>
                                        }
                                    })}
                            }
                        };
                        let closed = move || {
                            location.pathname.track();
                            false
                        };
                        // A navigation inside the app closes the phone menu again.
                        view! {
                            <nav class="staff-nav" aria-label=move_tr!("nav-label")>
                                {switch}
                                <details class="staff-menu" prop:open=closed>
                                    <summary>{move_tr!("nav-menu")}</summary>
                                    <ul>{links()}</ul>
                                </details>
                                <ul class="staff-links">{links()}</ul>
                            </nav>
                        }
                    })
            })}
        </Transition>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <nav aria-label=move_tr!("footer-label")>
                <ul>
                    <li>
                        <A href="/help">{move_tr!("footer-help")}</A>
                    </li>
                    <li>
                        <A href="/accessibility">{move_tr!("footer-accessibility")}</A>
                    </li>
                    <li>
                        <A href="/contact">{move_tr!("footer-contact")}</A>
                    </li>
                    <li>
                        <A href="/privacy">{move_tr!("footer-privacy")}</A>
                    </li>
                    <li>
                        <A href="/terms">{move_tr!("footer-terms")}</A>
                    </li>
                    <li>
                        <A href="/join">{move_tr!("footer-join")}</A>
                    </li>
                </ul>
            </nav>
        </footer>
    }
}
