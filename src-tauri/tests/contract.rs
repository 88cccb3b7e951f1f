//! The front end's command list, the registered commands, the capability and the security
//! configuration must agree; these tests fail when one of them drifts.

use std::collections::BTreeSet;
use std::path::PathBuf;

use infoklass_desktop::COMMANDS;

fn read(rel: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn api_ts_calls_exactly_the_listed_commands() {
    let api = read("../ui/src/lib/api.ts");
    let used: BTreeSet<&str> = api.split("call<").skip(1).filter_map(|rest| rest.split('\'').nth(1)).collect();
    let listed: BTreeSet<&str> = COMMANDS.iter().copied().collect();
    assert_eq!(used, listed);
}

#[test]
fn the_capability_grants_only_the_app_commands() {
    let cap: serde_json::Value = serde_json::from_str(&read("capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> =
        cap["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    let expected: BTreeSet<String> = COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    assert_eq!(granted, expected, "no core, plugin or file-system permissions");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
}

#[test]
fn the_content_security_policy_is_strict() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"].as_str().expect("a CSP must be set, never null");
    assert!(csp.contains("default-src 'self'"));
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"));
    assert!(csp.contains("object-src 'none'"));
    let without_ipc = csp.replace("http://ipc.localhost", "");
    assert!(!without_ipc.contains("http:") && !without_ipc.contains("https:"), "no remote origins except the IPC host");
    assert_eq!(conf["build"]["frontendDist"], "../ui/dist", "only the bundled front end");
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}
