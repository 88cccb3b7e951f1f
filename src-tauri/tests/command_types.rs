//! The command contract is written once, as the Rust signatures of the commands. This test
//! reads those signatures and the typed wrappers of `ui/src/lib/api.ts` and fails when they
//! disagree on a command's name, its argument names (Tauri turns snake_case into camelCase),
//! an argument's type or the result type, so a renamed argument fails here and not at run time.

use std::collections::BTreeMap;
use std::path::PathBuf;

use infoklass_desktop::COMMANDS;

/// A command as both sides describe it: argument name → type, and the result type, in
/// TypeScript notation.
#[derive(Debug, PartialEq)]
struct Signature {
    args: BTreeMap<String, String>,
    result: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The TypeScript spelling of a Rust type as it crosses the IPC boundary.
fn ts_type(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Tuple(t) if t.elems.is_empty() => "null".into(),
        syn::Type::Path(p) => {
            let seg = p.path.segments.last().expect("a type name");
            let inner = || match &seg.arguments {
                syn::PathArguments::AngleBracketed(a) => match a.args.first() {
                    Some(syn::GenericArgument::Type(t)) => ts_type(t),
                    _ => panic!("unexpected generic argument in {}", seg.ident),
                },
                _ => panic!("{} without its type argument", seg.ident),
            };
            match seg.ident.to_string().as_str() {
                "String" | "str" => "string".into(),
                "u8" | "u16" | "u32" | "i32" | "i64" | "u64" | "f64" | "usize" => "number".into(),
                "bool" => "boolean".into(),
                "Vec" => format!("{}[]", inner()),
                "Option" => format!("{} | null", inner()),
                "CmdResult" => inner(),
                other => other.to_string(),
            }
        }
        syn::Type::Reference(r) => ts_type(&r.elem),
        other => panic!("unexpected type {}", quote_free(other)),
    }
}

fn quote_free(ty: &syn::Type) -> String {
    format!("{:?}", std::mem::discriminant(ty))
}

fn is_command(f: &syn::ItemFn) -> bool {
    f.attrs.iter().any(|a| {
        let segs: Vec<String> = a.path().segments.iter().map(|s| s.ident.to_string()).collect();
        segs == ["tauri", "command"]
    })
}

/// Every `#[tauri::command]` in `src/commands/`, with the injected `State` left out.
fn rust_commands() -> BTreeMap<String, Signature> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("src/commands")).unwrap() {
        let path = entry.unwrap().path();
        let file = syn::parse_file(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for item in file.items {
            let syn::Item::Fn(f) = item else { continue };
            if !is_command(&f) {
                continue;
            }
            let mut args = BTreeMap::new();
            for input in &f.sig.inputs {
                let syn::FnArg::Typed(pt) = input else { panic!("{}: a command takes no self", f.sig.ident) };
                let syn::Pat::Ident(name) = &*pt.pat else { panic!("{}: plain argument names only", f.sig.ident) };
                let ty = ts_type(&pt.ty);
                if ty == "State" {
                    continue;
                }
                args.insert(camel(&name.ident.to_string()), ty);
            }
            let result = match &f.sig.output {
                syn::ReturnType::Type(_, t) => ts_type(t),
                syn::ReturnType::Default => "null".into(),
            };
            found.insert(f.sig.ident.to_string(), Signature { args, result });
        }
    }
    found
}

/// The wrappers of `api.ts`: `name: (a: A, b: B) => call<R>('command', { a, b })`.
fn ts_commands() -> BTreeMap<String, Signature> {
    let api = std::fs::read_to_string(root().join("../ui/src/lib/api.ts")).unwrap();
    let body = &api[api.find("export const api = {").expect("the api object")..];
    let mut found = BTreeMap::new();
    for wrapper in body.split("=>").collect::<Vec<_>>().windows(2) {
        let (head, tail) = (wrapper[0], wrapper[1]);
        let Some(call_at) = tail.find("call<") else { continue };
        let params = &head[head.rfind('(').expect("a parameter list") + 1..head.rfind(')').unwrap()];
        let types: BTreeMap<&str, &str> = params
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once(':').map(|(n, t)| (n.trim(), t.trim())).expect("typed parameters"))
            .collect();
        let rest = &tail[call_at + "call<".len()..];
        let (result, rest) = rest.split_once(">('").expect("call<Result>('command'");
        let (command, rest) = rest.split_once('\'').unwrap();
        let call_args = rest.split(')').next().unwrap();
        let mut args = BTreeMap::new();
        if let (Some(open), Some(close)) = (call_args.find('{'), call_args.find('}')) {
            for name in call_args[open + 1..close].split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let (key, value) = name.split_once(':').map(|(k, v)| (k.trim(), v.trim())).unwrap_or((name, name));
                let ty = types.get(value).unwrap_or_else(|| panic!("{command}: {value} is not a parameter"));
                args.insert(key.to_string(), ty.to_string());
            }
        }
        let result = if result == "void" { "null".to_string() } else { result.to_string() };
        found.insert(command.to_string(), Signature { args, result });
    }
    found
}

#[test]
fn every_command_is_declared_once_in_rust_and_listed() {
    let rust = rust_commands();
    let names: Vec<&str> = rust.keys().map(String::as_str).collect();
    let mut listed: Vec<&str> = COMMANDS.to_vec();
    listed.sort_unstable();
    assert_eq!(names, listed, "src/commands and command_names.rs");
}

#[test]
fn api_ts_agrees_with_the_rust_signatures_on_names_arguments_and_types() {
    let (rust, ts) = (rust_commands(), ts_commands());
    assert_eq!(ts.keys().collect::<Vec<_>>(), rust.keys().collect::<Vec<_>>(), "the same commands");
    let mut wrong = Vec::new();
    for (name, sig) in &rust {
        if ts[name] != *sig {
            wrong.push(format!("{name}: Rust {sig:?}\n    api.ts {:?}", ts[name]));
        }
    }
    assert!(wrong.is_empty(), "api.ts disagrees with the commands:\n  {}", wrong.join("\n  "));
}

#[test]
fn the_checker_notices_a_renamed_argument() {
    // The comparison itself must be able to fail: a wrapper that sends `objectId` where the
    // command takes `id` is a different signature.
    let mut ts = ts_commands();
    let sig = ts.get_mut("get_object").unwrap();
    let ty = sig.args.remove("id").unwrap();
    sig.args.insert("objectId".into(), ty);
    assert_ne!(ts["get_object"], rust_commands()["get_object"]);
}
