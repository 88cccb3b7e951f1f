//! A test host: the app's commands on a mock Tauri runtime with a temporary database, called
//! through real IPC requests with the same JSON the UI sends.
#![allow(dead_code)]

use infoklass_desktop::{handler, AppState};
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

pub struct Host {
    dir: tempfile::TempDir,
    _app: tauri::App<tauri::test::MockRuntime>,
    window: WebviewWindow<tauri::test::MockRuntime>,
}

pub fn host_with(state: impl FnOnce(&std::path::Path) -> AppState) -> Host {
    let dir = tempfile::tempdir().unwrap();
    let app =
        mock_builder().manage(state(dir.path())).invoke_handler(handler!()).build(mock_context(noop_assets())).unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    Host { dir, _app: app, window }
}

pub fn host() -> Host {
    host_with(|dir| AppState::open(dir.join("app.sqlite")))
}

impl Host {
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    /// The temporary folder that holds the database.
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }
}
