//! The lagrum catalogue: shipped in `catalog/lagrum.toml`, then kept (and versioned) by the
//! organisation like its information types. A lagrum is retired, never deleted, so decisions
//! and requirement triggers that name it stay readable.

use crate::codes::ErrorCode;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Lagrum, LagrumDecision};
use crate::aspect::{Aspect, Levels};

pub const DEFAULT_LAGRUM_TOML: &str = include_str!("../../../../catalog/lagrum.toml");

/// Keys of the five lagrum built into earlier versions that were renamed; an object file or
/// a decision stored with the old key still reads.
const RENAMED: &[(&str, &str)] = &[("osl_sekretess", "osl_annan"), ("nis2", "samhallsviktig")];

/// Whether a lagrum is ticked on each object or set once for the whole organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LagrumScope {
    Object,
    Organisation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LagrumDef {
    pub key: String,
    /// Groups this lagrum belongs to: a trigger `lagrum:<group>` holds for every member (a
    /// group may be another lagrum's key: special categories count as personal data), and
    /// organisation-wide lagrum of one group are alternatives (at most one chosen).
    #[serde(default)]
    pub groups: Vec<String>,
    pub scope: LagrumScope,
    /// Swedish name with the SFS number.
    pub name_sv: String,
    pub name_en: String,
    #[serde(default)]
    pub help_sv: String,
    #[serde(default)]
    pub help_en: String,
    /// The minimum levels it suggests.
    #[serde(default)]
    pub minimums: Levels,
    /// The owner picks which aspects reach this level (säkerhetsskydd: 4).
    #[serde(default)]
    pub pick_level: Option<u8>,
    #[serde(default)]
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LagrumCatalog {
    pub version: String,
    pub lagrum: Vec<LagrumDef>,
}

/// Why a lagrum catalogue or decision is refused, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LagrumProblem {
    pub code: ErrorCode,
    pub message: String,
}

fn problem<T>(code: ErrorCode, message: String) -> Result<T, LagrumProblem> {
    Err(LagrumProblem { code, message })
}

const TOML_HEADER: &str = "\
# Infoklass lagrum. Per-objekt-lagrum (scope = \"object\") kryssas i på varje objekt och föreslår
# lägsta nivåer (minimums); organisationsgemensamma (scope = \"organisation\") väljs en gång och
# deras krav gäller då alla objekt. Krav i kravkatalogen pekar ut ett lagrum eller en grupp
# med trigger = \"lagrum:<nyckel>\". Lagrum som saknas i filen tas ur bruk men finns kvar.
";

impl LagrumCatalog {
    pub fn from_toml(text: &str) -> Result<LagrumCatalog, LagrumProblem> {
        let c: LagrumCatalog = match toml::from_str(text) {
            Ok(c) => c,
            Err(e) => return problem(ErrorCode::LagrumFileInvalid, e.to_string()),
        };
        c.check()?;
        Ok(c)
    }

    pub fn default_catalog() -> LagrumCatalog {
        LagrumCatalog::from_toml(DEFAULT_LAGRUM_TOML).expect("the shipped lagrum catalogue is valid")
    }

    pub fn check(&self) -> Result<(), LagrumProblem> {
        if self.version.trim().is_empty() {
            return problem(ErrorCode::LagrumVersionMissing, "the lagrum catalogue needs a version".into());
        }
        crate::limits::check_count("lagrum in the file", self.lagrum.len(), crate::limits::MAX_LIST_ENTRIES)
            .map_err(|e| LagrumProblem { code: e.code(), message: e.to_string() })?;
        let mut keys = BTreeSet::new();
        for l in &self.lagrum {
            l.check()?;
            if !keys.insert(l.key.as_str()) {
                return problem(ErrorCode::LagrumKeyTwice, format!("the lagrum key {} is used twice", l.key));
            }
        }
        Ok(())
    }

    pub fn find(&self, key: &str) -> Option<&LagrumDef> {
        self.lagrum.iter().find(|l| l.key == key)
    }

    /// Every key and group a requirement trigger may name.
    pub fn trigger_names(&self) -> BTreeSet<String> {
        self.lagrum.iter().flat_map(|l| std::iter::once(l.key.clone()).chain(l.groups.iter().cloned())).collect()
    }

    /// The ticked keys with the groups they belong to, as requirement triggers see them.
    pub fn expand(&self, keys: &[Lagrum]) -> Vec<Lagrum> {
        let mut out: Vec<Lagrum> = Vec::new();
        for k in keys {
            let groups = self.find(k.as_str()).map(|l| l.groups.as_slice()).unwrap_or_default();
            for name in std::iter::once(k.as_str()).chain(groups.iter().map(String::as_str)) {
                if !out.iter().any(|o| o.as_str() == name) {
                    out.push(Lagrum::new(name));
                }
            }
        }
        out
    }

    /// Gives each decision its catalogue key (an old key is renamed) and the minimums the
    /// lagrum suggests now. A key the catalogue does not know, or one that is set for the
    /// whole organisation, is refused.
    pub fn resolve(&self, decisions: &mut [LagrumDecision]) -> Result<(), LagrumProblem> {
        for d in decisions.iter_mut() {
            if let Some((_, new)) = RENAMED.iter().find(|(old, _)| *old == d.lagrum.as_str()) {
                if self.find(d.lagrum.as_str()).is_none() {
                    d.lagrum = Lagrum::new(new);
                }
            }
            let Some(def) = self.find(d.lagrum.as_str()) else {
                return problem(
                    ErrorCode::LagrumUnknown,
                    format!("the lagrum \"{}\" is not in the lagrum catalogue", d.lagrum),
                );
            };
            if def.scope == LagrumScope::Organisation {
                return problem(
                    ErrorCode::LagrumOrganisationWide,
                    format!("the lagrum \"{}\" is set for the whole organisation, not per object", d.lagrum),
                );
            }
            d.aspects.sort();
            d.aspects.dedup();
            d.minimums = def.minimums.clone();
            if let Some(level) = def.pick_level {
                for a in &d.aspects {
                    *d.minimums.get_mut(*a) = Some(level);
                }
            } else {
                d.aspects.clear();
            }
        }
        Ok(())
    }

    /// Written by hand so the minimums stay on one line, as in the shipped file.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.into()).to_string();
        let mut out = format!("{TOML_HEADER}\nversion = {}\n", q(&self.version));
        for l in &self.lagrum {
            let groups: Vec<String> = l.groups.iter().map(|g| q(g)).collect();
            let scope = match l.scope {
                LagrumScope::Object => "object",
                LagrumScope::Organisation => "organisation",
            };
            out += &format!(
                "\n[[lagrum]]\nkey = {}\ngroups = [{}]\nscope = \"{scope}\"\nname_sv = {}\nname_en = {}\nhelp_sv = {}\nhelp_en = {}\n",
                q(&l.key),
                groups.join(", "),
                q(&l.name_sv),
                q(&l.name_en),
                q(&l.help_sv),
                q(&l.help_en)
            );
            let mins: Vec<String> =
                l.minimums.iter().filter_map(|(a, m)| m.map(|m| format!("{} = {m}", a.code()))).collect();
            if !mins.is_empty() {
                out += &format!("minimums = {{ {} }}\n", mins.join(", "));
            }
            if let Some(p) = l.pick_level {
                out += &format!("pick_level = {p}\n");
            }
            if l.retired {
                out += "retired = true\n";
            }
        }
        out
    }
}

impl LagrumDef {
    pub fn check(&self) -> Result<(), LagrumProblem> {
        if !Lagrum::valid_key(&self.key) {
            return problem(
                ErrorCode::LagrumKeyInvalid,
                format!("the key \"{}\" is not 1–40 characters a–z, 0–9 or _", self.key),
            );
        }
        if let Some(g) = self.groups.iter().find(|g| !Lagrum::valid_key(g) || **g == self.key) {
            return problem(
                ErrorCode::LagrumGroupInvalid,
                format!("lagrum {}: the group \"{g}\" is not a valid group", self.key),
            );
        }
        if self.name_sv.trim().is_empty() {
            return problem(ErrorCode::LagrumNameMissing, format!("lagrum {} has no Swedish name", self.key));
        }
        let too_high = |l: &u8| !(1..=4).contains(l);
        if let Some((a, l)) = self.minimums.iter().find_map(|(a, l)| l.filter(too_high).map(|l| (a, l))) {
            return problem(
                ErrorCode::LagrumLevelInvalid,
                format!("lagrum {}: {}{l} is not a level 1–4", self.key, a.code()),
            );
        }
        if self.pick_level.as_ref().is_some_and(too_high) {
            return problem(
                ErrorCode::LagrumLevelInvalid,
                format!("lagrum {}: pick_level is not a level 1–4", self.key),
            );
        }
        for (field, text) in [
            ("name_sv", &self.name_sv),
            ("name_en", &self.name_en),
            ("help_sv", &self.help_sv),
            ("help_en", &self.help_en),
        ] {
            crate::limits::check_text(|| format!("lagrum {}: {field}", self.key), text, crate::limits::MAX_CELL_CHARS)
                .map_err(|e| LagrumProblem { code: e.code(), message: e.to_string() })?;
        }
        Ok(())
    }

    /// The aspects the owner may pick from, when the lagrum asks for a choice.
    pub fn pick_aspects(&self) -> &'static [Aspect] {
        if self.pick_level.is_some() {
            &Aspect::ALL
        } else {
            &[]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lagrum::LagrumStatus;

    #[test]
    fn the_shipped_catalogue_has_the_lagrum_a_swedish_public_body_needs() {
        let c = LagrumCatalog::default_catalog();
        for key in [
            "osl_skyddade_personuppgifter",
            "osl_halso_sjukvard",
            "osl_socialtjanst",
            "osl_sakerhet_beredskap",
            "osl_upphandling",
            "gdpr",
            "gdpr_sarskilda",
            "patientdatalagen",
            "socialtjanst",
            "sakerhetsskydd",
            "cybersakerhetslagen_vasentlig",
            "cybersakerhetslagen_viktig",
            "samhallsviktig",
            "arkivlagen",
        ] {
            assert!(c.find(key).is_some(), "{key} is missing");
        }
        let pdl = c.find("patientdatalagen").unwrap();
        assert_eq!((pdl.minimums.k, pdl.minimums.r, pdl.minimums.t, pdl.minimums.s), (Some(2), Some(2), None, Some(2)));
        assert!(pdl.name_sv.contains("2008:355") && pdl.name_sv.contains("2022:913"), "{}", pdl.name_sv);
        assert_eq!(c.find("cybersakerhetslagen_viktig").unwrap().scope, LagrumScope::Organisation);
        assert_eq!(c.find("samhallsviktig").unwrap().minimums.t, Some(2));
        let sak = c.find("sakerhetsskydd").unwrap();
        assert_eq!((sak.pick_level, sak.minimums.k), (Some(4), None), "the owner picks the aspect");
        assert!(sak.help_sv.contains("säkerhetsskyddschef") && sak.help_sv.contains("säkerhetsskyddsanalys"));
    }

    #[test]
    fn a_file_round_trips() {
        let mut c = LagrumCatalog::default_catalog();
        c.lagrum[0].retired = true;
        c.lagrum[1].help_sv = "Rad 1\n\"citat\" \\ slut".into();
        assert_eq!(LagrumCatalog::from_toml(&c.to_toml()).unwrap(), c);
    }

    #[test]
    fn bad_files_are_refused_with_a_code() {
        let code = |text: String| LagrumCatalog::from_toml(&text).unwrap_err().code;
        let one = |body: &str| {
            format!("version = \"1\"\n[[lagrum]]\nkey = \"a\"\nscope = \"object\"\nname_sv = \"A\"\nname_en = \"A\"\n{body}")
        };
        assert!(LagrumCatalog::from_toml(&one("")).is_ok());
        assert_eq!(code(one("minimums = { K = 5 }")), "LAGRUM_LEVEL_INVALID");
        assert_eq!(code(one("groups = [\"a\"]")), "LAGRUM_GROUP_INVALID");
        assert_eq!(code(one("").replace("key = \"a\"", "key = \"Ä\"")), "LAGRUM_KEY_INVALID");
        assert_eq!(
            code(format!("{}[[lagrum]]\nkey = \"a\"\nscope = \"object\"\nname_sv = \"B\"\nname_en = \"\"\n", one(""))),
            "LAGRUM_KEY_TWICE"
        );
        assert_eq!(code(one("colour = 1")), "LAGRUM_FILE_INVALID");
    }

    #[test]
    fn decisions_get_minimums_renamed_keys_and_the_picked_aspects() {
        let c = LagrumCatalog::default_catalog();
        let mut d = vec![LagrumDecision::pending("nis2"), LagrumDecision::pending("osl_sekretess")];
        let mut sak = LagrumDecision::pending("sakerhetsskydd");
        sak.aspects = vec![Aspect::T, Aspect::R];
        sak.status = LagrumStatus::Accepted;
        d.push(sak);
        c.resolve(&mut d).unwrap();
        assert_eq!(d[0].lagrum.as_str(), "samhallsviktig");
        assert_eq!(d[0].minimums.t, Some(2));
        assert_eq!(d[1].lagrum.as_str(), "osl_annan");
        assert_eq!((d[2].minimums.k, d[2].minimums.r, d[2].minimums.t), (None, Some(4), Some(4)));
        let code = |key: &str| c.resolve(&mut [LagrumDecision::pending(key)]).unwrap_err().code;
        assert_eq!(code("kameraovervakning"), "LAGRUM_UNKNOWN");
        assert_eq!(code("cybersakerhetslagen_viktig"), "LAGRUM_ORGANISATION_WIDE");
    }

    #[test]
    fn a_ticked_lagrum_counts_for_its_groups() {
        let c = LagrumCatalog::default_catalog();
        let names: Vec<String> = c.expand(&[Lagrum::new("osl_halso_sjukvard")]).into_iter().map(|l| l.0).collect();
        assert!(names.contains(&"osl_halso_sjukvard".to_string()) && names.contains(&"osl_sekretess".to_string()));
        assert!(c.trigger_names().contains("cybersakerhetslagen"));
    }
}
