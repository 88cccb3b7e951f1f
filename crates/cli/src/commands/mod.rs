pub mod approve;
pub mod delete;
pub mod new;
pub mod objects;
pub mod show;
