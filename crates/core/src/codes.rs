//! The codes that reach the UI and the CLI: typed here, sent as the same strings as always.
//! The UI picks its text by the string (`error.CODE`, `issue.CODE`, `riskIssue.CODE` in
//! ui/src/lib/i18n); a test in crates/store checks that every code has a Swedish and an
//! English text. A new code is one line here and one text per language.

/// Declares a code enum with its wire strings, `ALL` and `as_str`.
#[macro_export]
macro_rules! string_codes {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The code with this wire string, if there is one.
            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|c| c.as_str() == text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

string_codes! {
    /// Why a command failed: `ErrorBody.code` in the app, `[CODE]` on the command line.
    ErrorCode {
        NotFound = "NOT_FOUND",
        NotDraft = "NOT_DRAFT",
        NoApprovedVersion = "NO_APPROVED_VERSION",
        Validation = "VALIDATION",
        NameTaken = "NAME_TAKEN",
        InvalidInput = "INVALID_INPUT",
        ReviewRuleInterval = "REVIEW_RULE_INTERVAL",
        ReviewRuleLevel = "REVIEW_RULE_LEVEL",
        ReviewRuleOrder = "REVIEW_RULE_ORDER",
        BadRisk = "BAD_RISK",
        RiskSetUnknown = "RISK_SET_UNKNOWN",
        RiskThreatUnknown = "RISK_THREAT_UNKNOWN",
        AcceptanceNotAllowed = "ACCEPTANCE_NOT_ALLOWED",
        CatalogVersionExists = "CATALOG_VERSION_EXISTS",
        BadCatalog = "BAD_CATALOG",
        RequirementNotApplicable = "REQUIREMENT_NOT_APPLICABLE",
        NotApplicableNeedsMotivation = "NOT_APPLICABLE_NEEDS_MOTIVATION",
        ThreatKeyInvalid = "THREAT_KEY_INVALID",
        ThreatOriginUnknown = "THREAT_ORIGIN_UNKNOWN",
        ThreatNameMissing = "THREAT_NAME_MISSING",
        ThreatAspectsMissing = "THREAT_ASPECTS_MISSING",
        ThreatFileInvalid = "THREAT_FILE_INVALID",
        InfoTypeKeyInvalid = "INFO_TYPE_KEY_INVALID",
        InfoTypeNameMissing = "INFO_TYPE_NAME_MISSING",
        InfoTypeLevelInvalid = "INFO_TYPE_LEVEL_INVALID",
        InfoTypeFileInvalid = "INFO_TYPE_FILE_INVALID",
        TextTooLong = "TEXT_TOO_LONG",
        TooManyItems = "TOO_MANY_ITEMS",
        FileTooLarge = "FILE_TOO_LARGE",
        FileError = "FILE_ERROR",
        ImportConflict = "IMPORT_CONFLICT",
        ImportFailed = "IMPORT_FAILED",
        ExportFailed = "EXPORT_FAILED",
        WriteFailed = "WRITE_FAILED",
        NoRequirements = "NO_REQUIREMENTS",
        DbNewerSchema = "DB_NEWER_SCHEMA",
        DbBusy = "DB_BUSY",
        DiskFull = "DISK_FULL",
        DbChanged = "DB_CHANGED",
        DbError = "DB_ERROR",
        Unexpected = "UNEXPECTED",
        HandoverBadTarget = "HANDOVER_BAD_TARGET",
        HandoverNeedsName = "HANDOVER_NEEDS_NAME",
        HandoverNothing = "HANDOVER_NOTHING",
        UnknownAnsweredBy = "UNKNOWN_ANSWERED_BY",
        CatalogLagrumUnknown = "CATALOG_LAGRUM_UNKNOWN",
        CatalogIsoOutside2022 = "CATALOG_ISO_OUTSIDE_2022",
        LagrumFileInvalid = "LAGRUM_FILE_INVALID",
        LagrumGroupInvalid = "LAGRUM_GROUP_INVALID",
        LagrumGroupTwice = "LAGRUM_GROUP_TWICE",
        LagrumKeyInvalid = "LAGRUM_KEY_INVALID",
        LagrumKeyTwice = "LAGRUM_KEY_TWICE",
        LagrumLevelInvalid = "LAGRUM_LEVEL_INVALID",
        LagrumNameMissing = "LAGRUM_NAME_MISSING",
        LagrumOrganisationWide = "LAGRUM_ORGANISATION_WIDE",
        LagrumPerObject = "LAGRUM_PER_OBJECT",
        LagrumUnknown = "LAGRUM_UNKNOWN",
        LagrumVersionMissing = "LAGRUM_VERSION_MISSING",
        ObjectHasApproved = "OBJECT_HAS_APPROVED",
        ObjectDecommissioned = "OBJECT_DECOMMISSIONED",
        DependencyExists = "DEPENDENCY_EXISTS",
        DependencyOnItself = "DEPENDENCY_ON_ITSELF",
        ReasonRequired = "REASON_REQUIRED",
        NoSuchSuggestion = "NO_SUCH_SUGGESTION",
        RequirementIncluded = "REQUIREMENT_INCLUDED",
        FolderInvalid = "FOLDER_INVALID",
        NotLastExport = "NOT_LAST_EXPORT",
        Forbidden = "FORBIDDEN",
        DbUnreachable = "DB_UNREACHABLE",
        DbLoginFailed = "DB_LOGIN_FAILED",
        DbTls = "DB_TLS",
        DbNotEmpty = "DB_NOT_EMPTY",
        Conflict = "CONFLICT",
        ExportCancelled = "EXPORT_CANCELLED",
        ReportTemplate = "REPORT_TEMPLATE",
    }
}

string_codes! {
    /// Why a classification cannot be approved yet (`Issue.code`).
    IssueCode {
        ObjectNameMissing = "OBJECT_NAME_MISSING",
        BadDate = "BAD_DATE",
        NoSets = "NO_SETS",
        SetNameMissing = "SET_NAME_MISSING",
        SetNameDuplicate = "SET_NAME_DUPLICATE",
        LevelMissing = "LEVEL_MISSING",
        LevelOutOfScale = "LEVEL_OUT_OF_SCALE",
        MotivationMissing = "MOTIVATION_MISSING",
        LoweredWithoutMotivation = "LOWERED_WITHOUT_MOTIVATION",
        SecurityLevelMotivationMissing = "SECURITY_LEVEL_MOTIVATION_MISSING",
        UpliftNotAbove = "UPLIFT_NOT_ABOVE",
        UpliftMotivationMissing = "UPLIFT_MOTIVATION_MISSING",
        LagrumUndecided = "LAGRUM_UNDECIDED",
        LagrumReasonMissing = "LAGRUM_REASON_MISSING",
    }
}

string_codes! {
    /// Why a risk cannot be saved as it is (the details of a BAD_RISK error).
    RiskIssueCode {
        RiskEventMissing = "RISK_EVENT_MISSING",
        RiskAspectMissing = "RISK_ASPECT_MISSING",
        ProbabilityOutOfMatrix = "PROBABILITY_OUT_OF_MATRIX",
        ConsequenceOutOfMatrix = "CONSEQUENCE_OUT_OF_MATRIX",
        ConsequenceChangeNeedsMotivation = "CONSEQUENCE_CHANGE_NEEDS_MOTIVATION",
        TreatmentNeedsMotivation = "TREATMENT_NEEDS_MOTIVATION",
        ResidualOutOfMatrix = "RESIDUAL_OUT_OF_MATRIX",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_their_strings() {
        assert_eq!(serde_json::to_string(&ErrorCode::DbNewerSchema).unwrap(), "\"DB_NEWER_SCHEMA\"");
        assert_eq!(serde_json::from_str::<IssueCode>("\"NO_SETS\"").unwrap(), IssueCode::NoSets);
        for all in [
            ErrorCode::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            IssueCode::ALL.iter().map(|c| c.as_str()).collect(),
            RiskIssueCode::ALL.iter().map(|c| c.as_str()).collect(),
        ] {
            let unique: std::collections::HashSet<_> = all.iter().collect();
            assert_eq!(unique.len(), all.len(), "a code is listed twice");
        }
        for c in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
    }
}
