//! The administrators' overview: invitations per week over 12 weeks drawn as bars (server-rendered
//! SVG, no JavaScript needed) with the same numbers in a table, and what needs attention now.
use crate::api::settings::{organisation_overview, WeekView};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::words::long_date;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

const WIDTH: i64 = 720;
const HEIGHT: i64 = 240;
const LEFT: i64 = 36;
const BOTTOM: i64 = 28;
/// The four outcomes drawn side by side in each week, with their CSS class.
const SERIES: [&str; 4] = ["sent", "redeemed", "expired", "void"];

fn value(week: &WeekView, series: &str) -> i64 {
    match series {
        "sent" => week.sent,
        "redeemed" => week.redeemed,
        "expired" => week.expired,
        _ => week.void,
    }
}

/// The chart; hidden from screen readers, which read the table below it instead.
#[component]
fn WeeksChart(weeks: Vec<WeekView>) -> impl IntoView {
    let top =
        weeks.iter().map(|w| w.sent.max(w.redeemed).max(w.expired).max(w.void)).max().unwrap_or(0).max(1);
    let plot = HEIGHT - BOTTOM - 8;
    let slot = (WIDTH - LEFT) / weeks.len().max(1) as i64;
    let bar = (slot - 8) / SERIES.len() as i64;
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            aria-hidden="true"
            focusable="false"
            data-testid="overview-chart"
        >
            <line x1=LEFT y1=HEIGHT - BOTTOM x2=WIDTH y2=HEIGHT - BOTTOM class="axis" />
            <text x=LEFT - 6 y=HEIGHT - BOTTOM text-anchor="end" class="tick">
                "0"
            </text>
            <text x=LEFT - 6 y=HEIGHT - BOTTOM - plot + 4 text-anchor="end" class="tick">
                {top}
            </text>
            {weeks
                .iter()
                .enumerate()
                .map(|(i, week)| {
                    let x = LEFT + i as i64 * slot + 4;
                    view! {
                        <g>
                            {SERIES
                                .iter()
                                .enumerate()
                                .map(|(s, series)| {
                                    let h = value(week, series) * plot / top;
                                    view! {
                                        <rect
                                            class=format!("bar bar-{series}")
                                            x=x + s as i64 * bar
                                            y=HEIGHT - BOTTOM - h
                                            width=bar - 1
                                            height=h
                                        />
                                    }
                                })
                                .collect_view()}
                            <text x=x + slot / 2 - 4 y=HEIGHT - 8 text-anchor="middle" class="tick">
                                {week.monday.format("%d/%m").to_string()}
                            </text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| organisation_overview());
    view! {
        <PageTitle title_key="overview-title" />
        <h1>{move_tr!("overview-title")}</h1>
        <Loaded data=overview let:o>
            {
                view! {
                    <h2>{move_tr!("overview-now")}</h2>
                    <dl class="settings" data-testid="overview-now">
                        <div class="setting">
                            <dt>{move_tr!("overview-locked")}</dt>
                            <dd>
                                {o.locked_now} " · " <A href="/staff/support">{move_tr!("support-title")}</A>
                            </dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("overview-staff-pending")}</dt>
                            <dd>
                                {o.staff_pending} " · "
                                <A href="/staff/team?state=invited">{move_tr!("team-title")}</A>
                            </dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("overview-mail-waiting")}</dt>
                            <dd>{o.mail_waiting}</dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("overview-mail-failed")}</dt>
                            <dd>{o.mail_failed}</dd>
                        </div>
                    </dl>
                    <h2 id="weeks-title">{move_tr!("overview-weeks")}</h2>
                    <p class="hint">{move_tr!("overview-weeks-hint")}</p>
                    <ul class="legend">
                        {SERIES
                            .iter()
                            .map(|series| {
                                view! {
                                    <li>
                                        <span class=format!("swatch bar-{series}") aria-hidden="true"></span>
                                        {move || crate::ui::words::tr_with(
                                            &format!("overview-{series}"),
                                            &[],
                                        )}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <WeeksChart weeks=o.weeks.clone() />
                    <table class="data-table" data-testid="overview-weeks">
                        <caption>{move_tr!("overview-weeks")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move_tr!("overview-week-of")}</th>
                                {SERIES
                                    .iter()
                                    .map(|series| {
                                        view! {
                                            <th scope="col">
                                                {move || crate::ui::words::tr_with(
                                                    &format!("overview-{series}"),
                                                    &[],
                                                )}
                                            </th>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {o
                                .weeks
                                .into_iter()
                                .rev()
                                .map(|week| {
                                    view! {
                                        <tr>
                                            <th scope="row">{move || long_date(week.monday)}</th>
                                            {SERIES
                                                .iter()
                                                .map(|series| view! { <td>{value(&week, series)}</td> })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
            }
        </Loaded>
    }
}
