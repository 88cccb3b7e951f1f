//! The browser tests' backend: serves the front end built with `vite build --mode host` and
//! answers its command calls with the app's real command handlers (`handler!()` on Tauri's
//! mock runtime, as in `tests/common/mod.rs`) over a temporary SQLite database.
//!
//! A test and development tool, never part of the app:
//! `cargo run -p infoklass-desktop --example ui_test_host -- [DIST]` (default `ui/dist-host`).
//! It prints `http://127.0.0.1:PORT` on the first line of stdout, then serves until killed.
//!
//! HTTP (one request per connection, std only):
//! - `GET /...`               a file of DIST, under the app's own Content-Security-Policy;
//! - `POST /ipc/<command>`    JSON arguments in, 200 with the JSON result or 400 with ErrorBody;
//! - `POST /reset?seed=S&n=N` a fresh database: `empty` and `catalogues` (a new database always
//!   holds the shipped catalogues), or `org` with N generated objects. Answers
//!   `{"objects": N, "export_dir": PATH, "open_log": PATH}`; exports go to that folder, emptied at
//!   each reset, and "Öppna filen"/"Visa i mappen" append `open PATH`/`reveal PATH` lines to the
//!   log instead of starting programs. The remembered export folder is forgotten at each reset.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;

use infoklass_core::{ClassificationContent, InformationSet, ObjectKind, ObjectMeta, PerAspect};
use infoklass_desktop::{handler, AppState, MAX_UPLOAD_BYTES};
use infoklass_store::{env, Ctx, NewObject, Store};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// One fresh backend: the app on the mock runtime over a database in its own folder.
struct Backend {
    window: WebviewWindow<MockRuntime>,
    _app: tauri::App<MockRuntime>,
    _dir: tempfile::TempDir,
}

impl Backend {
    fn new(seed: &str, n: usize) -> Result<(Backend, usize), String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().join("app.sqlite");
        let objects = match seed {
            "empty" | "catalogues" => 0,
            "org" => generate_organisation(&path, n)?,
            other => return Err(format!("unknown seed {other:?} (empty, catalogues, org)")),
        };
        let app = mock_builder()
            .manage(AppState::open(path))
            .invoke_handler(handler!())
            .build(mock_context(noop_assets()))
            .map_err(|e| e.to_string())?;
        let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().map_err(|e| e.to_string())?;
        Ok((Backend { window, _app: app, _dir: dir }, objects))
    }

    /// Runs one command exactly as the desktop window's IPC would.
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("a fixed URL"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap_or(Value::Null))
    }
}

/// N objects of varied kinds, units, levels and review dates; three of four approved, every
/// seventh due for review. Written through the store's own use cases.
fn generate_organisation(path: &Path, n: usize) -> Result<usize, String> {
    const BASES: [&str; 18] = [
        "Journalsystem",
        "Ekonomisystem",
        "Lönesystem",
        "Ärendehantering",
        "Bokningssystem",
        "Skolplattform",
        "Dokumenthantering",
        "Intranät",
        "E-tjänsteplattform",
        "Vårdplanering",
        "Fakturaportal",
        "Bygglovsprocess",
        "Rekrytering",
        "Hemtjänstplanering",
        "Kundtjänst",
        "Diarium",
        "Kartportal",
        "Elevregister",
    ];
    const UNITS: [&str; 8] = [
        "Hälso- och sjukvårdsförvaltningen",
        "Regionservice",
        "Kultur och utbildning",
        "Socialförvaltningen",
        "Stadsbyggnadskontoret",
        "Ekonomiavdelningen",
        "HR-avdelningen",
        "IT-avdelningen",
    ];
    const PEOPLE: [&str; 6] =
        ["Anna Lindqvist", "Erik Johansson", "Maria Svensson", "Johan Berg", "Sara Nilsson", "Karin Holm"];
    const SUPPLIERS: [&str; 6] = ["Cambio", "Visma", "Tieto", "Egen utveckling", "Microsoft", "Lantmäteriet"];
    const KINDS: [ObjectKind; 4] =
        [ObjectKind::System, ObjectKind::Process, ObjectKind::Tjanst, ObjectKind::Informationsmangd];

    let mut store = Store::open(path).map_err(|e| e.to_string())?;
    let ctx = Ctx::system();
    let year: i32 = ctx.today[..4].parse().map_err(|_| format!("odd date {}", ctx.today))?;
    let date = |y: i32, i: usize| format!("{y}-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
    for i in 0..n {
        let base = BASES[i % BASES.len()];
        let level = |step: usize| Some(((i * 7 + step * 3 + i / 5) % 4) as u8);
        let sets = (0..1 + i % 2)
            .map(|s| InformationSet {
                name: if s == 0 { "Grunduppgifter" } else { "Personuppgifter" }.into(),
                levels: PerAspect { k: level(s), r: level(s + 1), t: level(s + 2), s: level(s + 5) },
                motivations: PerAspect::from_fn(|_| "Bedömt vid workshop".to_string()),
                ..Default::default()
            })
            .collect();
        let owner = PEOPLE[i % PEOPLE.len()];
        let meta = ObjectMeta {
            name: format!("{base} {:04}", i + 1),
            kind: KINDS[i % KINDS.len()],
            description: format!("{base} för verksamhetens ärenden"),
            unit: UNITS[(i / 3) % UNITS.len()].into(),
            information_owner: owner.into(),
            system_owner: PEOPLE[(i + 1) % PEOPLE.len()].into(),
            system_administrator: PEOPLE[(i + 2) % PEOPLE.len()].into(),
            supplier: SUPPLIERS[i % SUPPLIERS.len()].into(),
            tags: if i % 3 == 0 { vec!["kritisk".into()] } else { vec![] },
            classification_date: Some(date(year - 1, i)),
            next_review: Some(if i % 7 == 0 { date(year - 1, i) } else { date(year + 1, i) }),
            ..Default::default()
        };
        let input = NewObject { meta, content: ClassificationContent { sets, ..Default::default() } };
        let id = store.create_object(&ctx, &input).map_err(|e| e.to_string())?;
        if i % 4 != 0 {
            // Approval sets the next review from the rule; every seventh was approved three
            // years ago, so its review is overdue now.
            let day = if i % 7 == 0 { date(year - 3, i) } else { ctx.today.clone() };
            let when = Ctx { now: format!("{day}T09:00:00Z"), today: day, ..ctx.clone() };
            store.approve(&when, &id, owner).map_err(|e| format!("approving {}: {e}", input.meta.name))?;
        }
    }
    Ok(n)
}

/// The app's CSP (tauri.conf.json) with the one thing this transport needs: `fetch` to its own
/// origin (`connect-src 'self'`), where the desktop app uses the `ipc:` scheme.
fn content_security_policy() -> String {
    let conf = include_str!("../tauri.conf.json");
    let conf: Value = serde_json::from_str(conf).expect("tauri.conf.json is JSON");
    let csp = conf["app"]["security"]["csp"].as_str().expect("the app declares a CSP");
    csp.split(';')
        .map(|d| {
            let d = d.trim();
            if d.starts_with("connect-src ") {
                format!("{d} 'self'")
            } else {
                d.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

struct Request {
    method: String,
    path: String,
    query: HashMap<String, String>,
    body: Vec<u8>,
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut length = 0usize;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok()?;
            }
        }
    }
    // Base64 makes an upload a third larger than the file the UI may send.
    if length as u64 > MAX_UPLOAD_BYTES * 2 {
        return None;
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let query =
        query.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
    Some(Request { method, path: path.to_string(), query, body })
}

fn respond(mut stream: &TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(body));
}

fn respond_json(stream: &TcpStream, status: &str, value: &Value) {
    respond(stream, status, &[("Content-Type", "application/json")], value.to_string().as_bytes());
}

fn serve_file(stream: &TcpStream, dist: &Path, path: &str, csp: &str) {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return respond(stream, "403 Forbidden", &[], b"");
    }
    let file = if path == "/" { dist.join("index.html") } else { dist.join(relative) };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    };
    match std::fs::read(&file) {
        Ok(bytes) => respond(stream, "200 OK", &[("Content-Type", kind), ("Content-Security-Policy", csp)], &bytes),
        Err(_) => respond(stream, "404 Not Found", &[], b"not found"),
    }
}

/// What a connection asks of the one thread that owns the backend.
enum Job {
    Ipc(String, Value, mpsc::Sender<Result<Value, Value>>),
    Reset(String, usize, mpsc::Sender<Result<Value, String>>),
}

fn handle(stream: TcpStream, dist: &Path, csp: &str, jobs: &mpsc::Sender<Job>) {
    let Some(request) = read_request(&stream) else {
        return respond(&stream, "400 Bad Request", &[], b"");
    };
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", path) => serve_file(&stream, dist, path, csp),
        ("POST", "/reset") => {
            let seed = request.query.get("seed").cloned().unwrap_or_else(|| "catalogues".into());
            let n = request.query.get("n").and_then(|n| n.parse().ok()).unwrap_or(0);
            let (tx, rx) = mpsc::channel();
            let _ = jobs.send(Job::Reset(seed, n, tx));
            match rx.recv() {
                Ok(Ok(answer)) => respond_json(&stream, "200 OK", &answer),
                Ok(Err(e)) => respond_json(&stream, "400 Bad Request", &json!({ "error": e })),
                Err(_) => respond(&stream, "500 Internal Server Error", &[], b""),
            }
        }
        ("POST", path) if path.starts_with("/ipc/") => {
            let cmd = path["/ipc/".len()..].to_string();
            let args = if request.body.is_empty() {
                json!({})
            } else {
                match serde_json::from_slice(&request.body) {
                    Ok(args) => args,
                    Err(e) => return respond(&stream, "400 Bad Request", &[], e.to_string().as_bytes()),
                }
            };
            let (tx, rx) = mpsc::channel();
            let _ = jobs.send(Job::Ipc(cmd, args, tx));
            match rx.recv() {
                Ok(Ok(value)) => respond_json(&stream, "200 OK", &value),
                Ok(Err(error)) => respond_json(&stream, "400 Bad Request", &error),
                Err(_) => respond(&stream, "500 Internal Server Error", &[], b""),
            }
        }
        _ => respond(&stream, "405 Method Not Allowed", &[], b""),
    }
}

fn empty_folder(dir: &Path) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
}

fn main() {
    let dist = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist-host"));
    let dist = dist.canonicalize().unwrap_or_else(|e| panic!("no front end at {}: {e}", dist.display()));
    // Exports land in a folder of the host's own, never in the user's Downloads.
    let exports = tempfile::tempdir().expect("a temporary folder");
    std::env::set_var(env::EXPORT_ENV, exports.path());
    let settings = tempfile::tempdir().expect("a temporary folder");
    std::env::set_var(infoklass_desktop::exports::SETTINGS_ENV, settings.path().join("settings.json"));
    let open_log = settings.path().join("opened.log");
    infoklass_desktop::exports::record_opens_in(open_log.clone());
    let csp = content_security_policy();

    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    println!("http://{}", listener.local_addr().expect("a bound address"));
    let _ = std::io::stdout().flush();

    let (jobs, queue) = mpsc::channel::<Job>();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (dist, csp, jobs) = (dist.clone(), csp.clone(), jobs.clone());
            // A thread per connection: a browser may open a connection and send nothing on it.
            std::thread::spawn(move || handle(stream, &dist, &csp, &jobs));
        }
    });

    // The backend lives on this thread; commands run one at a time, like the single store lock.
    let mut backend: Option<Backend> = None;
    for job in queue {
        match job {
            Job::Ipc(cmd, args, reply) => {
                let answer = match &backend {
                    Some(b) => b.call(&cmd, args),
                    None => Err(json!({ "code": "UNEXPECTED", "message": "POST /reset first", "details": null })),
                };
                let _ = reply.send(answer);
            }
            Job::Reset(seed, n, reply) => {
                backend = None;
                empty_folder(exports.path());
                empty_folder(settings.path());
                let answer = Backend::new(&seed, n).map(|(b, objects)| {
                    backend = Some(b);
                    json!({ "objects": objects, "export_dir": exports.path(), "open_log": open_log })
                });
                let _ = reply.send(answer);
            }
        }
    }
}
