//! The module map stays one-way: no two modules of a layer name each other, and no page names
//! another page (pieces used by several pages live in `ui/components/`). Read from the source.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The first segment of every path that starts with one of `prefixes`, e.g. `super::{a, b::C}`
/// gives `a` and `b`.
fn named_after(text: &str, prefixes: &[&str]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for prefix in prefixes {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let mut depth = 1;
                let end = group
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '{' => 1,
                            '}' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map_or(group.len(), |(i, _)| i);
                let mut item_depth = 0;
                let mut item = String::new();
                for c in group[..end].chars().chain([',']) {
                    match c {
                        '{' => item_depth += 1,
                        '}' => item_depth -= 1,
                        ',' if item_depth == 0 => {
                            names.insert(first_segment(&item));
                            item.clear();
                            continue;
                        }
                        _ => {}
                    }
                    item.push(c);
                }
            } else {
                names.insert(first_segment(rest));
            }
        }
    }
    names
}

fn first_segment(path: &str) -> String {
    path.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// For each module of `dir`, the sibling modules its own code (tests aside) names.
fn references(dir: &str, layer: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let modules: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".rs").map(str::to_string))
        .filter(|m| m != "mod")
        .collect();
    let crate_prefix = format!("crate::{layer}::");
    modules
        .iter()
        .map(|module| {
            let text = std::fs::read_to_string(dir.join(format!("{module}.rs"))).unwrap();
            let own_code = text.split("#[cfg(test)]").next().unwrap();
            let named = named_after(own_code, &["super::", &crate_prefix])
                .into_iter()
                .filter(|name| name != module && modules.contains(name))
                .collect();
            (module.clone(), named)
        })
        .collect()
}

#[test]
fn no_two_modules_of_a_layer_import_each_other() {
    for (dir, layer) in [("src/domain", "domain"), ("src/api", "api")] {
        let map = references(dir, layer);
        let pairs: Vec<String> = map
            .iter()
            .flat_map(|(a, named)| named.iter().map(move |b| (a, b)))
            .filter(|(a, b)| a < b && map[*b].contains(*a))
            .map(|(a, b)| format!("{a} <-> {b}"))
            .collect();
        assert!(pairs.is_empty(), "{dir}: {pairs:?}");
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
}
