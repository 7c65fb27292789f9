//! Makes a missing translation a compile error: both locales must define the same keys, and every
//! key the code names (`tr!("…")`, `move_tr!("…")`, `title_key="…"`, any `"error-…"`, `"mail-…"`
//! or `"account-…"` literal, and `audit-…` for every audited `action: "…"`) must exist.
use std::collections::BTreeSet;
use std::path::Path;

fn ftl_keys(path: &Path) -> BTreeSet<String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn literal_after(text: &str, start: usize) -> Option<&str> {
    let rest = text[start..].trim_start();
    let rest = rest.strip_prefix('"')?;
    rest.split_once('"').map(|(lit, _)| lit)
}

/// The third argument of a call whose arguments start `text` (`ctx.audit(exec, org, "action", …)`).
fn third_argument(text: &str) -> &str {
    let (mut depth, mut in_string, mut start, mut index) = (0, false, 0, 0);
    for (at, c) in text.char_indices() {
        match c {
            '"' => in_string = !in_string,
            _ if in_string => {}
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                if index == 2 {
                    return text[start..at].trim();
                }
                index += 1;
                start = at + 1;
            }
            _ => {}
        }
    }
    ""
}

fn used_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for marker in ["tr!(", "title_key="] {
        for (at, _) in text.match_indices(marker) {
            // `include_str!(` is no `tr!(`.
            if text[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(lit) = literal_after(text, at + marker.len()) {
                keys.push(lit.to_string());
            }
        }
    }
    // Every audited action is shown in the person's access log: `"sign_in.failed"` needs
    // `audit-sign-in-failed`. Actions are the literals shaped `word.word`, and the literal an
    // `.audit(` call names.
    let mut actions: Vec<&str> = Vec::new();
    for (at, _) in text.match_indices('"') {
        if let Some(lit) = literal_after(text, at) {
            let shaped = lit.split_once('.').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty());
            if shaped && lit.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.') {
                actions.push(lit);
            }
        }
    }
    for (at, _) in text.match_indices(".audit(") {
        let action = third_argument(&text[at + ".audit(".len()..]);
        if let Some(lit) = action.strip_prefix('"').and_then(|a| a.strip_suffix('"')) {
            actions.push(lit);
        }
    }
    for action in actions {
        keys.push(format!("audit-{}", action.replace(['.', '_'], "-")));
    }
    for prefix in ["\"error-", "\"mail-", "\"account-"] {
        for (at, _) in text.match_indices(prefix) {
            if let Some(lit) = literal_after(text, at) {
                if !lit.ends_with('-')
                    && lit.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    keys.push(lit.to_string());
                }
            }
        }
    }
    keys
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let fr = ftl_keys(&root.join("locales/fr/main.ftl"));
    let en = ftl_keys(&root.join("locales/en/main.ftl"));
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(
        only_fr.is_empty() && only_en.is_empty(),
        "locales differ: only in fr {only_fr:?}, only in en {only_en:?}"
    );

    let mut files = Vec::new();
    rust_files(&root.join("app/src"), &mut files);
    println!("cargo:rerun-if-changed={}", root.join("app/src").display());
    let mut missing = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for key in used_keys(&text) {
            if !fr.contains(&key) {
                missing.insert(format!("{key} ({})", file.display()));
            }
        }
    }
    assert!(missing.is_empty(), "translation keys used in code but missing from locales: {missing:?}");
}
