//! TLS to PostgreSQL (#29). Under `make integration-postgres` the throw-away server has a
//! certificate for 127.0.0.1 signed by a throw-away authority (`scripts/with-postgres.sh`):
//! `sslmode=verify-full` with that authority connects over TLS, with another authority it is
//! refused. (Over SQLite there is no server to reach: the test says so and checks nothing.)
use app::domain::store;

async fn over_tls(db: &store::Db) -> bool {
    sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn postgres_over_tls_checks_the_servers_certificate() {
    let (Ok(url), Ok(ca), Ok(other_ca)) =
        (std::env::var("TEST_DATABASE_URL"), std::env::var("TEST_PG_CA"), std::env::var("TEST_PG_OTHER_CA"))
    else {
        eprintln!("no PostgreSQL with TLS here (run under scripts/with-postgres.sh)");
        return;
    };
    let verified = store::connect(&format!("{url}?sslmode=verify-full&sslrootcert={ca}")).await.unwrap();
    assert!(over_tls(&verified).await, "verify-full with our authority");
    let required = store::connect(&format!("{url}?sslmode=require")).await.unwrap();
    assert!(over_tls(&required).await, "require: encrypted");
    let clear = store::connect(&format!("{url}?sslmode=disable")).await.unwrap();
    assert!(!over_tls(&clear).await, "disable: the check sees the difference");
    let refused = store::connect(&format!("{url}?sslmode=verify-full&sslrootcert={other_ca}")).await;
    assert!(refused.is_err(), "a certificate our authority did not sign is refused");
}
