//! What must be in place before a classification can be approved (fastställd).
//! Each problem has a code the UI translates; `message_sv` serves the CLI.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::Aspect;
use crate::classification::ClassificationContent;
use crate::codes::IssueCode;
use crate::info_type::InfoType;
use crate::lagrum::{Lagrum, LagrumStatus};
use crate::object::{is_iso_date, ObjectMeta};
use crate::profile::derive_profile;
use crate::scale::Scale;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Issue {
    pub code: IssueCode,
    pub set_id: Option<String>,
    pub set_name: Option<String>,
    pub aspect: Option<Aspect>,
    pub lagrum: Option<Lagrum>,
}

impl Issue {
    fn new(code: IssueCode) -> Issue {
        Issue { code, set_id: None, set_name: None, aspect: None, lagrum: None }
    }

    /// A Swedish sentence for the command line.
    pub fn message_sv(&self) -> String {
        let set = self.set_name.as_deref().unwrap_or("?");
        let aspect = self.aspect.map(|a| a.code()).unwrap_or("?");
        let lagrum = self.lagrum.as_ref().map(|l| l.as_str()).unwrap_or("?");
        match self.code {
            IssueCode::ObjectNameMissing => "Objektet saknar namn.".into(),
            IssueCode::BadDate => "Ett datum är inte skrivet ÅÅÅÅ-MM-DD.".into(),
            IssueCode::NoSets => "Lägg till minst en informationsmängd.".into(),
            IssueCode::SetNameMissing => "En informationsmängd saknar namn.".into(),
            IssueCode::SetNameDuplicate => format!("Namnet «{set}» används för flera informationsmängder."),
            IssueCode::LevelMissing => format!("«{set}»: nivå för {aspect} saknas."),
            IssueCode::LevelOutOfScale => format!("«{set}»: nivån för {aspect} finns inte på skalan."),
            IssueCode::MotivationMissing => format!("«{set}»: motivering för {aspect} saknas."),
            IssueCode::LoweredWithoutMotivation => {
                format!("«{set}»: {aspect} är lägre än informationstypens nivå och behöver en motivering.")
            }
            IssueCode::SecurityLevelMotivationMissing => {
                format!("«{set}»: nivå 4 för {aspect} kräver en motivering.")
            }
            IssueCode::UpliftNotAbove => format!("Uppjusteringen av {aspect} måste vara högre än den härledda nivån."),
            IssueCode::UpliftMotivationMissing => format!("Uppjusteringen av {aspect} saknar motivering."),
            IssueCode::LagrumUndecided => format!("Ta ställning till förslaget från {lagrum}."),
            IssueCode::LagrumReasonMissing => format!("Beslutet om {lagrum} saknar motivering."),
        }
    }
}

/// Every reason the classification cannot be approved yet; empty when it can.
pub fn approval_issues(
    meta: &ObjectMeta,
    content: &ClassificationContent,
    scale: &Scale,
    info_types: &[InfoType],
) -> Vec<Issue> {
    let mut out = Vec::new();
    if meta.name.trim().is_empty() {
        out.push(Issue::new(IssueCode::ObjectNameMissing));
    }
    let dates = [&meta.classification_date, &meta.next_review];
    if dates.iter().any(|d| d.as_deref().is_some_and(|d| !is_iso_date(d))) {
        out.push(Issue::new(IssueCode::BadDate));
    }
    if content.sets.is_empty() {
        out.push(Issue::new(IssueCode::NoSets));
    }
    let mut names = HashSet::new();
    for set in &content.sets {
        let at = |code: IssueCode, aspect: Option<Aspect>| Issue {
            set_id: Some(set.id.clone()),
            set_name: Some(set.name.clone()),
            aspect,
            ..Issue::new(code)
        };
        if set.name.trim().is_empty() {
            out.push(at(IssueCode::SetNameMissing, None));
        } else if !names.insert(set.name.trim().to_lowercase()) {
            out.push(at(IssueCode::SetNameDuplicate, None));
        }
        let floor = set.info_type.as_ref().and_then(|k| info_types.iter().find(|t| &t.key == k));
        for a in Aspect::ALL {
            let motivated = !set.motivations.get(a).trim().is_empty();
            match *set.levels.get(a) {
                None => out.push(at(IssueCode::LevelMissing, Some(a))),
                Some(l) if !scale.is_valid_level(l) => out.push(at(IssueCode::LevelOutOfScale, Some(a))),
                Some(_) if motivated => {}
                Some(l) if l >= scale.security_level => {
                    out.push(at(IssueCode::SecurityLevelMotivationMissing, Some(a)))
                }
                Some(l) if floor.is_some_and(|t| l < *t.levels.get(a)) => {
                    out.push(at(IssueCode::LoweredWithoutMotivation, Some(a)))
                }
                Some(_) => out.push(at(IssueCode::MotivationMissing, Some(a))),
            }
        }
    }
    let profile = derive_profile(content, scale);
    for (a, uplift) in content.uplifts.iter() {
        let Some(u) = uplift else { continue };
        let aspect_issue = |code: IssueCode| Issue { aspect: Some(a), ..Issue::new(code) };
        if profile.set_max.get(a).is_some_and(|m| u.level <= m) || !scale.is_valid_level(u.level) {
            out.push(aspect_issue(IssueCode::UpliftNotAbove));
        }
        if u.motivation.trim().is_empty() {
            out.push(aspect_issue(IssueCode::UpliftMotivationMissing));
        }
    }
    for d in &content.lagrum {
        let issue = |code: IssueCode| Issue { lagrum: Some(d.lagrum.clone()), ..Issue::new(code) };
        let reaches_security = d.minimums.iter().any(|(_, l)| l.is_some_and(|l| l >= scale.security_level));
        match d.status {
            // Undecided is a to-do even when the levels already meet the minimums: the owner
            // still has to say whether the lagrum applies.
            LagrumStatus::Pending => out.push(issue(IssueCode::LagrumUndecided)),
            LagrumStatus::Declined if d.reason.trim().is_empty() => out.push(issue(IssueCode::LagrumReasonMissing)),
            LagrumStatus::Accepted if reaches_security && d.reason.trim().is_empty() => {
                out.push(issue(IssueCode::LagrumReasonMissing))
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::PerAspect;
    use crate::classification::{InformationSet, Uplift, UpliftReason};
    use crate::info_type::{parse_info_types, DEFAULT_INFO_TYPES_TOML};
    use crate::lagrum::{LagrumCatalog, LagrumDecision};

    fn resolved(d: LagrumDecision) -> LagrumDecision {
        let mut one = [d];
        LagrumCatalog::default_catalog().resolve(&mut one).unwrap();
        let [d] = one;
        d
    }

    fn meta() -> ObjectMeta {
        ObjectMeta { name: "Ekonomisystem".into(), ..Default::default() }
    }

    fn full_set(name: &str, level: u8) -> InformationSet {
        InformationSet {
            id: name.into(),
            name: name.into(),
            levels: PerAspect::from_fn(|_| Some(level)),
            motivations: PerAspect::from_fn(|a| format!("motivering {}", a.code())),
            ..Default::default()
        }
    }

    fn codes(issues: &[Issue]) -> Vec<&str> {
        issues.iter().map(|i| i.code.as_str()).collect()
    }

    #[test]
    fn a_complete_classification_has_no_issues() {
        let c = ClassificationContent { sets: vec![full_set("Fakturor", 2)], ..Default::default() };
        assert!(approval_issues(&meta(), &c, &Scale::default_scale(), &[]).is_empty());
    }

    #[test]
    fn missing_levels_motivations_and_sets_are_reported() {
        let scale = Scale::default_scale();
        let empty = ClassificationContent::default();
        assert_eq!(codes(&approval_issues(&meta(), &empty, &scale, &[])), vec!["NO_SETS"]);

        let mut s = full_set("Fakturor", 2);
        s.levels.t = None;
        s.motivations.k.clear();
        let c = ClassificationContent { sets: vec![s, full_set("fakturor", 1)], ..Default::default() };
        assert_eq!(
            codes(&approval_issues(&meta(), &c, &scale, &[])),
            vec!["MOTIVATION_MISSING", "LEVEL_MISSING", "SET_NAME_DUPLICATE"]
        );
    }

    #[test]
    fn level_four_and_lowering_need_their_own_motivation() {
        let types = parse_info_types(DEFAULT_INFO_TYPES_TOML).unwrap();
        let mut s = full_set("Journal", 1);
        s.info_type = Some("patientjournal".into());
        s.levels.k = Some(4);
        s.motivations = PerAspect::default();
        let c = ClassificationContent { sets: vec![s], ..Default::default() };
        let issues = approval_issues(&meta(), &c, &Scale::default_scale(), &types);
        assert_eq!(
            codes(&issues),
            vec![
                "SECURITY_LEVEL_MOTIVATION_MISSING",
                "LOWERED_WITHOUT_MOTIVATION",
                "LOWERED_WITHOUT_MOTIVATION",
                "LOWERED_WITHOUT_MOTIVATION"
            ]
        );
    }

    #[test]
    fn uplifts_and_lagrum_need_reasons_and_decisions() {
        let mut c = ClassificationContent { sets: vec![full_set("Register", 1)], ..Default::default() };
        c.uplifts.k = Some(Uplift { level: 1, reason: UpliftReason::Ackumulering, motivation: String::new() });
        c.lagrum = vec![
            resolved(LagrumDecision::pending("gdpr_sarskilda")),
            resolved(LagrumDecision {
                status: LagrumStatus::Declined,
                reason: " ".into(),
                ..LagrumDecision::pending("osl_annan")
            }),
        ];
        let issues = approval_issues(&meta(), &c, &Scale::default_scale(), &[]);
        assert_eq!(
            codes(&issues),
            vec!["UPLIFT_NOT_ABOVE", "UPLIFT_MOTIVATION_MISSING", "LAGRUM_UNDECIDED", "LAGRUM_REASON_MISSING"]
        );
        assert!(issues[2].message_sv().contains("gdpr_sarskilda"));
    }

    #[test]
    fn an_undecided_lagrum_is_listed_even_when_its_minimums_are_met() {
        let mut c = ClassificationContent { sets: vec![full_set("Register", 3)], ..Default::default() };
        c.lagrum = vec![resolved(LagrumDecision::pending("osl_annan"))];
        let issues = approval_issues(&meta(), &c, &Scale::default_scale(), &[]);
        assert_eq!(codes(&issues), vec!["LAGRUM_UNDECIDED"]);
        assert_eq!(issues[0].lagrum, Some(Lagrum::new("osl_annan")));
    }
}
