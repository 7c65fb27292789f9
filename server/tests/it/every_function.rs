//! Every server function, as every kind of caller, with bad input of every shape: no arguments,
//! each argument missing, 10,000 characters, an invalid percent-escape, negative and overflowing
//! numbers. Each answer is a refusal (4xx with an error the page can show) or a success, never a
//! fault (5xx) or a dropped connection. The functions are read from `app/src/api/`, so a new one
//! is covered without being listed here. On SQLite and PostgreSQL.
use crate::common::*;
use reqwest::header::{ACCEPT, CONTENT_TYPE, COOKIE, ORIGIN};

struct ServerFunction {
    endpoint: String,
    /// (name, Rust type) of each argument.
    args: Vec<(String, String)>,
}

/// The `#[server(…, endpoint = "…")]` functions of the app and their arguments.
fn server_functions() -> Vec<ServerFunction> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src/api");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (at, _) in source.match_indices("endpoint = \"") {
            let rest = &source[at + "endpoint = \"".len()..];
            let endpoint = rest[..rest.find('"').unwrap()].to_string();
            let open = rest.find("pub async fn ").map(|f| f + rest[f..].find('(').unwrap()).unwrap();
            let (mut depth, mut close) = (0, open);
            for (i, c) in rest[open..].char_indices() {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                if depth == 0 {
                    close = open + i;
                    break;
                }
            }
            let args = split_params(&rest[open + 1..close])
                .into_iter()
                .map(|param| param.trim())
                .map(|param| param.rsplit(']').next().unwrap().trim())
                .filter_map(|param| param.split_once(':'))
                .map(|(name, ty)| (name.trim().to_string(), ty.trim().to_string()))
                .collect();
            found.push(ServerFunction { endpoint, args });
        }
    }
    assert!(found.len() >= 50, "the parser found the server functions ({})", found.len());
    found
}

/// The parameters of a signature, split on the commas outside `<…>` (`HashMap<String, String>`).
fn split_params(params: &str) -> Vec<&str> {
    let (mut depth, mut start, mut found) = (0, 0, Vec::new());
    for (i, c) in params.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            ',' if depth == 0 => {
                found.push(&params[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    found.push(&params[start..]);
    found
}

/// A plausible value for an argument of this type.
fn plausible(ty: &str) -> &'static str {
    let inner = ty.strip_prefix("Option<").and_then(|t| t.strip_suffix('>')).unwrap_or(ty);
    if is_number(ty) {
        "1"
    } else if let Some(code) = action_code(inner) {
        code
    } else if ty.starts_with("Option") {
        "on"
    } else {
        "x"
    }
}

/// A number, or a typed id (`GrantId`, `Option<ConversationId>`, …), which is one on the wire.
fn is_number(ty: &str) -> bool {
    let inner = ty.strip_prefix("Option<").and_then(|t| t.strip_suffix('>')).unwrap_or(ty);
    inner == "i64" || inner == "usize" || inner.ends_with("Id")
}

/// A typed action's first code (`app::actions`), or a language's.
fn action_code(ty: &str) -> Option<&'static str> {
    use app::actions::*;
    Some(match ty {
        "ProfileField" => ProfileField::ALL[0].code(),
        "Lang" => app::i18n::Lang::Fr.code(),
        "StaffAction" => StaffAction::ALL[0].code(),
        "ConversationAction" => ConversationAction::ALL[0].code(),
        "SupportAction" => SupportAction::ALL[0].code(),
        "CodePurpose" => CodePurpose::ALL[0].code(),
        "RequestDecision" => RequestDecision::ALL[0].code(),
        "OrganisationAction" => OrganisationAction::ALL[0].code(),
        "DocumentKind" => app::states::DocumentKind::ALL[0].code(),
        _ => return None,
    })
}

/// The bodies to send: each a urlencoded form, with a name saying what it tries.
fn bad_inputs(function: &ServerFunction) -> Vec<(String, String)> {
    let encode = |pairs: &[(String, String)]| {
        pairs.iter().map(|(k, v)| format!("{k}={}", urlencoding::encode(v))).collect::<Vec<_>>().join("&")
    };
    // A map is posted as `name[key]=value`, as a form's fields name it.
    let field = |name: &str, ty: &str| {
        if ty.starts_with("HashMap") {
            format!("{name}[x]")
        } else {
            name.to_string()
        }
    };
    let plausible_form: Vec<(String, String)> =
        function.args.iter().map(|(name, ty)| (field(name, ty), plausible(ty).to_string())).collect();
    let mut bodies = vec![("no arguments".to_string(), String::new())];
    bodies.push(("plausible values".into(), encode(&plausible_form)));
    for (i, (name, ty)) in function.args.iter().enumerate() {
        let with = |value: String| {
            let mut form = plausible_form.clone();
            form[i].1 = value;
            encode(&form)
        };
        let without: Vec<_> = plausible_form
            .iter()
            .filter(|(n, _)| n != name && !n.starts_with(&format!("{name}[")))
            .cloned()
            .collect();
        bodies.push((format!("{name} missing"), encode(&without)));
        bodies.push((format!("{name} of 10,000 characters"), with("9".repeat(10_000))));
        if is_number(ty) {
            bodies.push((format!("{name} zero"), with("0".into())));
            bodies.push((format!("{name} negative"), with("-1".into())));
            bodies.push((format!("{name} beyond i64"), with("99999999999999999999".into())));
        }
        let mut raw = encode(&plausible_form);
        raw.push_str(&format!("&{name}=%FF%FE%ZZ"));
        bodies.push((format!("{name} with invalid UTF-8 and a broken escape"), raw));
    }
    bodies
}

#[tokio::test]
async fn every_server_function_refuses_bad_input_without_a_fault() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let patient = app.sign_in(PATIENT, PASSWORD).await;
    let callers = [("a visitor", None), ("a patient", Some(patient)), ("an administrator", Some(staff))];
    let mut faults = Vec::new();
    let mut calls = 0;
    for function in server_functions() {
        for (caller, cookie) in &callers {
            for (input, body) in bad_inputs(&function) {
                let mut request = app
                    .client
                    .post(app.url(&format!("/api/{}", function.endpoint)))
                    .header(ACCEPT, "application/json")
                    .header(ORIGIN, &app.base)
                    .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(body);
                if let Some(cookie) = cookie {
                    request = request.header(COOKIE, cookie);
                }
                calls += 1;
                let what = format!("{} by {caller}, {input}", function.endpoint);
                match request.send().await {
                    Err(error) => faults.push(format!("{what}: no answer ({error})")),
                    Ok(response) if response.status().is_server_error() => faults.push(format!(
                        "{what}: {} {}",
                        response.status(),
                        response.text().await.unwrap()
                    )),
                    Ok(response) if response.status().is_client_error() => {
                        let status = response.status();
                        let text = response.text().await.unwrap();
                        match serde_json::from_str::<app::api::ApiError>(&text) {
                            Err(_) => {
                                faults.push(format!("{what}: {status} without an error to show: {text}"))
                            }
                            // A text field a form can leave out is read as empty and answered on
                            // its field, not as a broken request.
                            Ok(error)
                                if error.key == "error-request-invalid" && input.ends_with(" missing") =>
                            {
                                let name = input.trim_end_matches(" missing");
                                if function.args.iter().any(|(n, ty)| n == name && ty == "String") {
                                    faults.push(format!("{what}: {status} error-request-invalid"));
                                }
                            }
                            Ok(_) => {}
                        }
                    }
                    Ok(_) => {}
                }
            }
        }
    }
    eprintln!("{calls} calls");
    assert!(calls > 1000, "{calls} calls");
    assert_eq!(faults, Vec::<String>::new(), "of {calls} calls");
}
