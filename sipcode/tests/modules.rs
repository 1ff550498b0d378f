//! The module graph of `sipcode/src`: no cycle, and the layers as designed.
//! An edge is a `crate::module` path outside test code (`#[cfg(test)]` and
//! what follows it, and every `tests.rs`); `main.rs` and `lib.rs` wire the rest.
//!
//! The same check in a shell, for a reader without cargo:
//! `grep -rho 'crate::[a-z_]*' sipcode/src/DIR` per top-level module, fed to `tsort`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module → the modules it names, for every top-level module of `src/`.
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            // A `tests.rs` at any depth is a test module, declared under `#[cfg(test)]`.
            if !relative.ends_with(".rs")
                || ["lib.rs", "main.rs"].contains(&relative.as_str())
                || relative.rsplit('/').next() == Some("tests.rs")
            {
                continue;
            }
            let module = relative.split(['/', '.']).next().unwrap().to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap();
            let targets = edges.entry(module.clone()).or_default();
            for (at, _) in code.match_indices("crate::") {
                let name: String =
                    code[at + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                if name != module {
                    targets.insert(name);
                }
            }
        }
    }
    edges
}

#[test]
fn the_modules_form_no_cycle_and_keep_their_layers() {
    let edges = edges();
    // Depth-first search: a module met again while on the path closes a cycle.
    fn visit<'a>(
        module: &'a str,
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if done.contains(module) {
            return;
        }
        assert!(!path.contains(&module), "import cycle: {} → {module}", path.join(" → "));
        path.push(module);
        for next in edges.get(module).into_iter().flatten() {
            visit(next, edges, path, done);
        }
        path.pop();
        done.insert(module);
    }
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        visit(module, &edges, &mut Vec::new(), &mut done);
    }
    let names = |module: &str| edges.get(module).cloned().unwrap_or_default();
    let expected: [(&str, &[&str]); 7] = [
        ("cli", &[]),
        ("report", &[]),
        ("capture", &[]),
        ("trace", &["capture", "report"]),
        ("output", &["report"]),
        ("command", &["capture", "output", "report", "trace"]),
        ("render", &["report"]),
    ];
    for (module, allowed) in expected {
        let allowed: BTreeSet<String> = allowed.iter().map(|name| (*name).to_owned()).collect();
        assert!(names(module).is_subset(&allowed), "{module} names {:?}, allowed {allowed:?}", names(module));
    }
    println!("{edges:#?}");
}
