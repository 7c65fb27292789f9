//! The integration tests: one binary, so the helpers in `common/` and the server compile once.
//! One module per area; `server/tests/README.md` maps each rule to its test.
mod common;

mod account;
mod boundaries;
mod caregivers;
mod closure;
mod concurrency;
mod demo;
mod errors;
mod every_function;
mod everyday;
mod failures;
mod first_steps;
mod instances;
mod invitations;
mod joining;
mod known_browsers;
mod lifecycle;
mod mail;
mod messaging;
mod metrics;
mod operator;
mod overview;
mod questionnaires;
mod rate_limits;
mod sealed_secrets;
mod services;
mod sign_in;
mod skeleton;
mod staff_activation;
mod staff_admin;
mod support;
mod support_contact;
mod team;
mod tenancy;
mod transport;
