//! The module map stays one-way: no two modules of a layer name each other, and no page names
//! another page (pieces used by several pages live in `ui/components/`). Read from the source.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every path that starts with one of `prefixes`, groups spelled out and the prefix left off:
/// `super::{a, b::{C, d}}` gives `a`, `b::C` and `b::d`.
fn paths_after(text: &str, prefixes: &[&str]) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for prefix in prefixes {
        for (at, _) in text.match_indices(prefix) {
            let boundary = text[..at].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if boundary {
                spell_out(&text[at + prefix.len()..], String::new(), &mut paths);
            }
        }
    }
    paths
}

/// Reads one use tree at the start of `rest` (after `base`), adding each path it names.
fn spell_out(rest: &str, base: String, paths: &mut BTreeSet<String>) {
    let segment: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let after = &rest[segment.len()..];
    let path = if base.is_empty() { segment.clone() } else { format!("{base}::{segment}") };
    if let Some(group) =
        after.strip_prefix("::{").or_else(|| segment.is_empty().then(|| rest.strip_prefix('{')).flatten())
    {
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    spell_out(group[start..i].trim_start(), path.clone(), paths);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    spell_out(group[start..i].trim_start(), path.clone(), paths);
                    start = i + 1;
                }
                _ => {}
            }
        }
    } else if let Some(next) = after.strip_prefix("::") {
        spell_out(next, path, paths);
    } else if !segment.is_empty() {
        paths.insert(path);
    }
}

/// The first segment of every path that starts with one of `prefixes`.
fn named_after(text: &str, prefixes: &[&str]) -> BTreeSet<String> {
    paths_after(text, prefixes).iter().map(|p| p.split("::").next().unwrap().to_string()).collect()
}

/// The code of a file without its tests.
fn own_code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.split("#[cfg(test)]").next().unwrap().to_string()
}

/// The modules of `dir` (its files, and its folders taken whole) with their own code.
fn modules(dir: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        if path.is_dir() {
            found.insert(name, files_under(&path).into_iter().map(|(_, text)| text).collect());
        } else if name != "mod" && path.extension().is_some_and(|e| e == "rs") {
            found.insert(name, own_code(&path));
        }
    }
    found
}

/// For each module of `dir` (the module `crate::{path}`), the sibling modules its own code
/// (tests aside) names. A folder's files name their siblings through `super::` only when they
/// are the folder's direct children.
fn references(dir: &str, path: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let modules = modules(&dir);
    let level = format!("{path}::");
    modules
        .iter()
        .map(|(module, text)| {
            let direct = dir.join(format!("{module}.rs")).exists();
            let from_crate = paths_after(text, &["crate::"]);
            let through_crate = from_crate.iter().filter_map(|p| p.strip_prefix(&level));
            let through_super = if direct { named_after(text, &["super::"]) } else { BTreeSet::new() };
            let named = through_crate
                .map(|p| p.split("::").next().unwrap().to_string())
                .chain(through_super)
                .filter(|name| name != module && modules.contains_key(name))
                .collect();
            (module.clone(), named)
        })
        .collect()
}

/// A cycle of the map, if it has one, as the modules along it.
fn a_cycle(map: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit<'a>(
        map: &'a BTreeMap<String, BTreeSet<String>>,
        module: &'a str,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| *m == module) {
            return Some(path[at..].iter().chain([&module]).map(|m| m.to_string()).collect());
        }
        if !done.insert(module) {
            return None;
        }
        path.push(module);
        for next in map.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(map, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    map.keys().find_map(|module| visit(map, module, &mut Vec::new(), &mut done))
}

/// Every level of the domain (the areas and the shared modules, the modules of each area, and
/// so on down) and of the api, as (folder, module path).
fn levels() -> Vec<(String, String)> {
    fn below(dir: &str, path: &str, levels: &mut Vec<(String, String)>) {
        levels.push((dir.to_string(), path.to_string()));
        let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(full).unwrap().flatten() {
            if entry.path().is_dir() {
                let name = entry.file_name().to_str().unwrap().to_string();
                below(&format!("{dir}/{name}"), &format!("{path}::{name}"), levels);
            }
        }
    }
    let mut levels = Vec::new();
    below("src/domain", "domain", &mut levels);
    below("src/api", "api", &mut levels);
    levels
}

#[test]
fn no_module_of_a_level_reaches_back_to_itself() {
    assert!(levels().len() > 4, "the domain is grouped by area");
    for (dir, path) in levels() {
        let map = references(&dir, &path);
        assert!(map.len() > 1, "{dir} has modules");
        assert_eq!(a_cycle(&map), None, "{dir}: a cycle");
    }
}

#[test]
fn a_cycle_of_three_is_found() {
    let map: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
        .into_iter()
        .map(|(from, to)| (from.to_string(), BTreeSet::from([to.to_string()])))
        .collect();
    assert_eq!(a_cycle(&map).map(|c| c.len()), Some(4));
    let acyclic: BTreeMap<String, BTreeSet<String>> =
        [("a".to_string(), BTreeSet::from(["b".to_string()])), ("b".to_string(), BTreeSet::new())].into();
    assert_eq!(a_cycle(&acyclic), None);
}

/// Every Rust file under `dir`, with its own code.
fn files_under(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push((path.display().to_string(), own_code(&path)));
        }
    }
    files
}

#[test]
fn the_layers_point_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // (where, what it must never name): ui -> api -> domain, and the server mounts the app's shell
    // but never reaches into its pages or components.
    let rules = [
        (root.join("src/domain"), ["crate::api", "crate::ui"].as_slice()),
        (root.join("src/api"), ["crate::ui"].as_slice()),
        (root.join("src/ui"), ["crate::domain"].as_slice()),
        (root.join("../server/src"), ["app::ui::pages", "app::ui::components"].as_slice()),
    ];
    for (dir, forbidden) in rules {
        let files = files_under(&dir);
        assert!(!files.is_empty(), "{dir:?}");
        for (file, text) in files {
            for name in forbidden {
                assert!(!text.contains(name), "{file} names {name}");
            }
        }
    }
}

#[test]
fn pages_never_import_pages() {
    let map = references("src/ui/pages", "ui::pages");
    let imports: Vec<String> =
        map.iter().flat_map(|(a, named)| named.iter().map(move |b| format!("{a} -> {b}"))).collect();
    assert!(imports.is_empty(), "{imports:?}");
}

#[test]
fn the_reader_sees_what_a_file_names() {
    let text =
        "use super::{audit, invitation::{self, Invitee}, store};\nlet x = super::caregiver::activate();";
    let names = named_after(text, &["super::"]);
    assert_eq!(names, ["audit", "caregiver", "invitation", "store"].map(String::from).into());
    let text = "use crate::domain::{identity::{account, session::Session}, store};";
    let paths = paths_after(text, &["crate::"]);
    let expected = ["domain::identity::account", "domain::identity::session::Session", "domain::store"];
    assert_eq!(paths, expected.map(String::from).into());
}
