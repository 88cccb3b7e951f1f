//! Organisation-wide information types whose default levels a set inherits.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::PerAspect;
use crate::error::CoreError;

pub const DEFAULT_INFO_TYPES_TOML: &str = include_str!("../../../catalog/information-types.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InfoType {
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
    #[serde(default)]
    pub description_sv: String,
    /// Default levels on the default scale.
    pub levels: PerAspect<u8>,
}

#[derive(Deserialize)]
struct InfoTypeFile {
    types: Vec<InfoType>,
}

pub fn parse_info_types(text: &str) -> Result<Vec<InfoType>, CoreError> {
    let file: InfoTypeFile = toml::from_str(text).map_err(|e| CoreError::BadInfoTypes(e.to_string()))?;
    Ok(file.types)
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_types_parse() {
        let types = super::parse_info_types(super::DEFAULT_INFO_TYPES_TOML).unwrap();
        let journal = types.iter().find(|t| t.key == "patientjournal").unwrap();
        assert_eq!(journal.levels.k, 3);
    }
}
