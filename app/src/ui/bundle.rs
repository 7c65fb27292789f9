//! The names of the compiled files. cargo-leptos (`hash-files`) names them by their content,
//! `portail.<hash>.css`, and lists the hashes in `hash.txt` beside the server executable, where
//! Leptos's `HydrationScripts` also reads them. Builds without it (tests) keep the plain names.
use std::sync::OnceLock;

/// `hash.txt` as cargo-leptos wrote it (`css: <hash>` lines), when this build has one.
fn hashes() -> Option<&'static str> {
    static HASHES: OnceLock<Option<String>> = OnceLock::new();
    HASHES
        .get_or_init(|| {
            // The same file, in the same place, as Leptos's `HydrationScripts` reads.
            let name = leptos::config::LeptosOptions::builder().output_name("portail").build().hash_file;
            let executable = std::env::current_exe().ok()?;
            std::fs::read_to_string(executable.parent()?.join(name.as_ref())).ok()
        })
        .as_deref()
}

/// Whether the compiled files carry their content hash in their names.
pub fn is_hashed() -> bool {
    hashes().is_some()
}

/// `/pkg/portail.css`, or `/pkg/portail.<hash>.css`.
pub fn stylesheet_href() -> &'static str {
    static HREF: OnceLock<String> = OnceLock::new();
    HREF.get_or_init(|| {
        let hash = hashes().and_then(|list| {
            list.lines().find_map(|line| line.trim().strip_prefix("css:").map(|hash| hash.trim().to_string()))
        });
        match hash {
            Some(hash) => format!("/pkg/portail.{hash}.css"),
            None => "/pkg/portail.css".to_string(),
        }
    })
}
