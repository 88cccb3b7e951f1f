//! The classification scale as versioned data (levels, names, descriptions, guiding questions).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::{Aspect, PerAspect};
use crate::consequence::{check_criteria, check_outage, Criterion, Outage};
use crate::error::CoreError;

/// The scale shipped with the app; organisations may later load their own.
pub const DEFAULT_SCALE_TOML: &str = include_str!("../../../catalog/scales/klassa4.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Scale {
    pub id: String,
    pub version: String,
    pub name_sv: String,
    pub name_en: String,
    /// From this level on, no requirements are generated and a separate analysis is needed.
    pub security_level: u8,
    pub levels: Vec<LevelName>,
    pub aspects: PerAspect<AspectText>,
    /// The tolerable outage per T level; empty in scales from before 1.2.0.
    #[serde(default)]
    pub outage: Vec<Outage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LevelName {
    pub level: u8,
    pub name_sv: String,
    pub name_en: String,
    pub short_sv: String,
    pub short_en: String,
    /// What harm at this level means per area; empty in scales from before 1.2.0.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AspectText {
    pub name_sv: String,
    pub name_en: String,
    pub question_sv: String,
    pub question_en: String,
    pub guidance_sv: Vec<String>,
    pub guidance_en: Vec<String>,
    /// One description per level, index = level.
    pub levels_sv: Vec<String>,
    pub levels_en: Vec<String>,
}

impl Scale {
    pub fn from_toml(text: &str) -> Result<Scale, CoreError> {
        let scale: Scale = toml::from_str(text).map_err(|e| CoreError::BadScale(e.to_string()))?;
        scale.check()?;
        Ok(scale)
    }

    pub fn default_scale() -> Scale {
        Scale::from_toml(DEFAULT_SCALE_TOML).expect("the shipped scale is valid")
    }

    pub fn max_level(&self) -> u8 {
        self.levels.iter().map(|l| l.level).max().unwrap_or(0)
    }

    pub fn is_valid_level(&self, level: u8) -> bool {
        self.levels.iter().any(|l| l.level == level)
    }

    pub fn level_name_sv(&self, level: u8) -> Option<&str> {
        self.levels.iter().find(|l| l.level == level).map(|l| l.name_sv.as_str())
    }

    /// The tolerable outage at a T level, if the scale has outage times.
    pub fn outage(&self, level: u8) -> Option<&Outage> {
        self.outage.iter().find(|o| o.level == level)
    }

    fn check(&self) -> Result<(), CoreError> {
        let bad = |m: String| Err(CoreError::BadScale(m));
        if self.levels.is_empty() {
            return bad("the scale has no levels".into());
        }
        for (i, l) in self.levels.iter().enumerate() {
            if l.level as usize != i {
                return bad(format!("levels must be numbered 0, 1, 2 … in order; found {} at position {i}", l.level));
            }
        }
        for a in Aspect::ALL {
            let t = self.aspects.get(a);
            if t.levels_sv.len() != self.levels.len() || t.levels_en.len() != self.levels.len() {
                return bad(format!("aspect {} needs one description per level", a.code()));
            }
        }
        for l in &self.levels {
            check_criteria(l.level, &l.criteria).map_err(CoreError::BadScale)?;
        }
        check_outage(&self.outage, self.levels.len()).map_err(CoreError::BadScale)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_scale_has_five_levels_and_four_aspects() {
        let s = Scale::default_scale();
        assert_eq!(s.max_level(), 4);
        assert_eq!(s.security_level, 4);
        assert_eq!(s.level_name_sv(2), Some("Betydande skada"));
        assert_eq!(s.aspects.get(Aspect::T).name_sv, "Tillgänglighet");
        assert!(!s.aspects.get(Aspect::K).guidance_sv.is_empty());
    }

    #[test]
    fn rejects_a_scale_with_missing_descriptions() {
        let broken = DEFAULT_SCALE_TOML.replacen("levels_sv = [", "levels_sv = [\"extra\",", 1);
        assert!(matches!(Scale::from_toml(&broken), Err(CoreError::BadScale(_))));
    }

    #[test]
    fn every_level_has_criteria_in_every_area_in_both_languages() {
        use crate::consequence::ConsequenceArea;
        let s = Scale::default_scale();
        for l in &s.levels {
            let areas: Vec<_> = l.criteria.iter().map(|c| c.area).collect();
            assert_eq!(areas, ConsequenceArea::ALL, "level {}", l.level);
            assert!(l.criteria.iter().all(|c| !c.sv.trim().is_empty() && !c.en.trim().is_empty()), "level {}", l.level);
            assert!(l.criteria.iter().all(|c| c.sv != c.en), "level {}: the English is a translation", l.level);
        }
    }

    #[test]
    fn tolerable_outage_gets_shorter_as_the_t_level_rises() {
        let s = Scale::default_scale();
        assert_eq!(s.outage.len(), s.levels.len());
        assert_eq!(s.outage(0).unwrap().hours, None, "level 0 has no limit");
        let hours: Vec<u32> = s.outage.iter().filter_map(|o| o.hours).collect();
        assert_eq!(hours.len(), s.levels.len() - 1);
        assert!(hours.windows(2).all(|w| w[1] < w[0]), "{hours:?}");
        assert!(s.outage.iter().all(|o| !o.sv.is_empty() && !o.en.is_empty()));
    }

    #[test]
    fn refuses_incomplete_criteria_and_outage_that_does_not_shrink() {
        let missing = DEFAULT_SCALE_TOML.replacen("area = \"ekonomi\"", "area = \"verksamhet\"", 1);
        assert!(matches!(Scale::from_toml(&missing), Err(CoreError::BadScale(m)) if m.contains("level 0")));
        let no_en = DEFAULT_SCALE_TOML.replacen("en = \"At most one day.\"", "en = \"\"", 1);
        assert!(matches!(Scale::from_toml(&no_en), Err(CoreError::BadScale(m)) if m.contains("level 2")));
        let longer = DEFAULT_SCALE_TOML.replacen("hours = 24", "hours = 200", 1);
        assert!(matches!(Scale::from_toml(&longer), Err(CoreError::BadScale(m)) if m.contains("level 2")));
    }

    #[test]
    fn a_scale_stored_before_criteria_existed_still_reads() {
        let mut old = serde_json::to_value(Scale::default_scale()).unwrap();
        old.as_object_mut().unwrap().remove("outage");
        for l in old["levels"].as_array_mut().unwrap() {
            l.as_object_mut().unwrap().remove("criteria");
        }
        let s: Scale = serde_json::from_value(old).unwrap();
        assert!(s.outage.is_empty() && s.levels.iter().all(|l| l.criteria.is_empty()));
    }
}
