use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum CoreError {
    #[error("the scale file is not valid: {0}")]
    BadScale(String),
    #[error("the information type file is not valid: {0}")]
    BadInfoTypes(String),
    #[error("level {level} does not exist on the scale (0–{max})")]
    LevelOutOfScale { level: u8, max: u8 },
}
