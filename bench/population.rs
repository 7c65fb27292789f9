//! Fills a database for the load benchmark (`bench/load.sh`): one organisation whose
//! administrator is active, `N` patients invited and redeemed through the real HTTP flows, one
//! session for each patient and 50 for the administrator. Prints one `kind token` line per session.
//!
//!     cargo run --release -p server --example population -- sqlite://bench.db 200 > sessions.txt
#[path = "../server/tests/it/common/mod.rs"]
#[allow(dead_code)]
mod common;

use app::domain::identity::{account, session};

use app::domain::{store, Ctx};
use common::*;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let database_url = std::env::args().nth(1).expect("a DATABASE_URL");
    let patients: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(200);
    // Hundreds of redemptions from one address: the rate limits would refuse them (`abuse.sh`
    // measures those).
    let app = spawn_adjusted(&database_url, None, unthrottled).await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let ctx = Ctx::system(&app.state.db, store::now());
    for i in 0..patients {
        let email = format!("patient{i}@example.org");
        redeemed_patient(&app, &staff, &email).await;
        let patient = account::find_by_email(&app.state.db, &email).await.unwrap().unwrap();
        println!("patient {}", session::start(&app.state.db, &ctx, patient.id).await.unwrap());
    }
    let admin = account::find_by_email(&app.state.db, "admin@example.org").await.unwrap().unwrap();
    for _ in 0..50 {
        println!("staff {}", session::start(&app.state.db, &ctx, admin.id).await.unwrap());
    }
}
