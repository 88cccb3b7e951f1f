//! Risks across the organisation: every risk of the objects the filter admits, read in one
//! query, with the classification each object has now (for the consequences to review).

use std::collections::HashMap;

use infoklass_core::overview::risks::{risk_overview, RiskOverview, RiskRow};
use infoklass_core::overview::OverviewFilter;
use infoklass_core::risk::matrix::RiskMatrix;
use infoklass_core::risk::{consequence_to_review, default_consequence, Risk};
use infoklass_core::{derive_profile, Scale};

use crate::error::Result;
use crate::{rows, Store};

impl Store {
    /// The heat maps, the analyses to review and the late high risks over the admitted objects.
    pub fn risk_overview(&self, filter: &OverviewFilter, today: &str) -> Result<RiskOverview> {
        let objects = self.named_objects(filter)?;
        let mut stmt = self.conn.prepare(
            "SELECT a.object_id, a.matrix_id, a.matrix_version, r.data, r.consequence_source, substr(r.created_at, 1, 10)
             FROM risks r JOIN risk_analyses a ON a.id = r.analysis_id ORDER BY r.value DESC, r.created_at, r.id",
        )?;
        let stored: Vec<(String, String, String, String, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let contents = if stored.is_empty() { HashMap::new() } else { self.current_contents()? };
        let mut scales: HashMap<(String, String), Scale> = HashMap::new();
        let mut matrices: HashMap<(String, String), RiskMatrix> = HashMap::new();
        let mut profiles = HashMap::new();
        let mut rows_out = Vec::with_capacity(stored.len());
        for (object_id, matrix_id, matrix_version, data, source, identified_on) in stored {
            let key = (matrix_id, matrix_version);
            if !matrices.contains_key(&key) {
                matrices.insert(key.clone(), crate::risks::matrix(&self.conn, &key.0, &key.1)?);
            }
            let matrix = &matrices[&key];
            let risk: Risk = serde_json::from_str(&data)?;
            let mut to_review = false;
            if let Some((c, content)) = contents.get(&object_id) {
                if !profiles.contains_key(&object_id) {
                    let scale_key = (c.scale_id.clone(), c.scale_version.clone());
                    if !scales.contains_key(&scale_key) {
                        scales.insert(scale_key.clone(), rows::load_scale(&self.conn, &c.scale_id, &c.scale_version)?);
                    }
                    profiles.insert(object_id.clone(), derive_profile(content, &scales[&scale_key]).levels);
                }
                let default = default_consequence(
                    &risk.aspects,
                    &risk.set_ids,
                    &content.sets,
                    &profiles[&object_id],
                    matrix.max_consequence(),
                );
                to_review = consequence_to_review(&source, default, risk.consequence).is_some();
            }
            rows_out.push(RiskRow {
                object_id,
                risk,
                matrix: matrix.clone(),
                identified_on,
                consequence_to_review: to_review,
            });
        }
        Ok(risk_overview(&RiskMatrix::default_matrix(), &objects, &rows_out, today))
    }
}
