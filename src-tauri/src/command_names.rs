// The commands the front end may call. Read by build.rs (each gets an allow-permission that
// capabilities/main.json grants) and by the tests (each must be registered and used in api.ts).
pub const COMMANDS: &[&str] = &[
    "app_info",
    "get_scale",
    "list_info_types",
    "list_objects",
    "get_object",
    "create_object",
    "update_object",
    "save_draft",
    "preview",
    "approve",
    "start_reclassification",
    "delete_object",
    "object_history",
];
