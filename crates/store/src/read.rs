//! Assembles the full view of one object.

use infoklass_core::diff::diff;
use infoklass_core::{approval_issues, derive_profile, profile_string, Status};

use crate::dto::{ClassificationView, ObjectDetail, VersionSummary};
use crate::error::Result;
use crate::objects::read_meta;
use crate::rows::{self, ClassificationRow};
use crate::Store;

impl Store {
    pub fn get_object(&self, id: &str, today: &str) -> Result<ObjectDetail> {
        let meta = read_meta(&self.conn, id)?;
        let all = rows::classifications(&self.conn, id)?;
        let current_row = all.last().ok_or_else(|| crate::StoreError::NotFound(id.to_string()))?;
        let current = self.view(current_row, &meta)?;
        let previous_approved = match current.status {
            Status::Utkast => {
                all.iter().rev().find(|c| c.status == Status::Faststalld).map(|c| self.view(c, &meta)).transpose()?
            }
            _ => None,
        };
        let changes = match &previous_approved {
            Some(p) => {
                diff(&p.meta, &p.content, &p.profile.levels, &current.meta, &current.content, &current.profile.levels)
            }
            None => Vec::new(),
        };
        let issues = match current.status {
            Status::Utkast => {
                let scale = rows::load_scale(&self.conn, &current.scale_id, &current.scale_version)?;
                approval_issues(&meta, &current.content, &scale, &self.info_types()?)
            }
            _ => Vec::new(),
        };
        let mut versions = Vec::with_capacity(all.len());
        for c in all.iter().rev() {
            let view = if c.id == current.id { current.clone() } else { self.view(c, &meta)? };
            versions.push(VersionSummary {
                id: c.id.clone(),
                version: c.version,
                status: c.status,
                profile: profile_string(&view.profile.levels),
                created_at: c.created_at.clone(),
                approved_by: c.approved_by.clone(),
                approved_at: c.approved_at.clone(),
            });
        }
        Ok(ObjectDetail {
            id: id.to_string(),
            review_overdue: meta.next_review.as_deref().is_some_and(|d| d < today),
            meta,
            current,
            previous_approved,
            changes,
            issues,
            versions,
            decommissioned: crate::decommission::read(&self.conn, id)?,
            revision: crate::revision::current(&self.conn, id)?.0,
            isak_record: crate::imports::isak_record(&self.conn, id)?,
            may_edit: crate::audit::may_edit(&self.conn, id)?,
        })
    }

    fn view(&self, c: &ClassificationRow, live_meta: &infoklass_core::ObjectMeta) -> Result<ClassificationView> {
        let scale = rows::load_scale(&self.conn, &c.scale_id, &c.scale_version)?;
        let snap = rows::content_of(&self.conn, c, live_meta)?;
        Ok(ClassificationView {
            id: c.id.clone(),
            version: c.version,
            status: c.status,
            scale_id: c.scale_id.clone(),
            scale_version: c.scale_version.clone(),
            profile: derive_profile(&snap.content, &scale),
            meta: snap.meta,
            content: snap.content,
            created_at: c.created_at.clone(),
            approved_by: c.approved_by.clone(),
            approved_at: c.approved_at.clone(),
            lagrum_version: c.lagrum_version.clone(),
        })
    }
}
