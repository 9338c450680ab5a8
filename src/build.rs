//! Build step: the user-facing strings of assets/i18n, flattened to sorted
//! (key, text) tables compiled into the program, so that no command spends
//! its start reading a catalog (see `i18n::catalog`).

use std::path::Path;

fn flatten(prefix: &str, table: &toml::Table, out: &mut Vec<(String, String)>) {
    for (k, v) in table {
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => out.push((key, s.clone())),
            other => out.push((key, other.to_string())),
        }
    }
}

fn main() {
    let mut code = String::new();
    for (name, file) in [("VI", "assets/i18n/vi.toml"), ("EN", "assets/i18n/en.toml")] {
        println!("cargo:rerun-if-changed={file}");
        let src = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let table: toml::Table = toml::from_str(&src).unwrap_or_else(|e| panic!("{file} is not valid TOML: {e}"));
        let mut pairs = Vec::new();
        flatten("", &table, &mut pairs);
        pairs.sort();
        code.push_str(&format!("static {name}: &[(&str, &str)] = &[\n"));
        for (k, v) in &pairs {
            code.push_str(&format!("    ({k:?}, {v:?}),\n"));
        }
        code.push_str("];\n");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("i18n.rs"), code).expect("the generated catalog is written");
}
