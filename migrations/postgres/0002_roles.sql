-- Roles the database enforces. The five group roles are cluster-wide in PostgreSQL, so they
-- are created only when missing; logins become members of them through `infoklass users`.
-- Every application role reads (through `lasare`); what each may write is granted per
-- table, and row-level security limits an information owner to the objects where their
-- login is the owner or a delegated editor.

DO $$
DECLARE
    r TEXT;
BEGIN
    FOREACH r IN ARRAY ARRAY['lasare', 'informationsagare', 'upphandlare', 'samordnare', 'administrator'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;

GRANT lasare TO informationsagare, upphandlare, samordnare, administrator;

-- Role checks by the authenticated login, so SET ROLE cannot widen them.
CREATE FUNCTION infoklass_has_role(role TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$ SELECT pg_has_role(session_user, role, 'MEMBER') $$;

CREATE FUNCTION infoklass_may_edit(object TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT infoklass_has_role('samordnare')
        OR (infoklass_has_role('informationsagare') AND (
            EXISTS (SELECT 1 FROM objects WHERE id = object AND owner_login = session_user)
            OR EXISTS (SELECT 1 FROM object_editors WHERE object_id = object AND login = session_user)))
$$;

CREATE FUNCTION infoklass_may_edit_classification(classification TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT infoklass_may_edit((SELECT object_id FROM classifications WHERE id = classification))
$$;

CREATE FUNCTION infoklass_may_edit_analysis(analysis TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT infoklass_may_edit((SELECT object_id FROM risk_analyses WHERE id = analysis))
$$;

-- Only a coordinator hands an object to another owner.
CREATE FUNCTION objects_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.owner_login IS DISTINCT FROM OLD.owner_login AND NOT infoklass_has_role('samordnare') THEN
        RAISE EXCEPTION 'FORBIDDEN: only a coordinator (samordnare) reassigns the information owner'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER objects_owner_change BEFORE UPDATE ON objects
    FOR EACH ROW EXECUTE FUNCTION objects_owner_change();

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO lasare;

-- Catalogues and the organisation's settings: the coordinator.
GRANT INSERT, UPDATE, DELETE ON scales, info_types, catalogs, requirement_local, risk_matrices,
    threat_origins, threats, lagrum, lagrum_catalog, org_lagrum, settings, import_words TO samordnare;

-- Procurement lists: procurement officers and the coordinator.
GRANT INSERT, UPDATE, DELETE ON procurements, procurement_items TO upphandlare, samordnare;

-- The history: every application role appends, none changes or removes (see the triggers).
GRANT INSERT ON audit TO informationsagare, upphandlare, samordnare, administrator;

-- Who has which role: the administrator.
GRANT INSERT, UPDATE, DELETE ON app_users TO administrator;

-- An object and everything that belongs to it: its owner, its delegated editors and the
-- coordinator, row by row.
GRANT INSERT, UPDATE, DELETE ON objects, object_editors, classifications, information_sets, assessments,
    actions, risk_analyses, risks, imports, legacy_requirements, answer_handovers, dependencies,
    dependency_decisions TO informationsagare, samordnare;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['objects', 'object_editors', 'classifications', 'information_sets',
        'assessments', 'actions', 'risk_analyses', 'risks', 'imports', 'legacy_requirements',
        'answer_handovers', 'dependencies', 'dependency_decisions'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY read_all ON %I FOR SELECT TO lasare USING (true)', t);
    END LOOP;
END $$;

CREATE POLICY owner_inserts ON objects FOR INSERT TO informationsagare, samordnare
    WITH CHECK (owner_login = session_user OR infoklass_has_role('samordnare'));
CREATE POLICY owner_updates ON objects FOR UPDATE TO informationsagare, samordnare
    USING (infoklass_may_edit(id)) WITH CHECK (true);
CREATE POLICY owner_deletes ON objects FOR DELETE TO informationsagare, samordnare
    USING (infoklass_may_edit(id));

CREATE POLICY owner_writes ON object_editors FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON classifications FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON information_sets FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit_classification(classification_id))
    WITH CHECK (infoklass_may_edit_classification(classification_id));
CREATE POLICY owner_writes ON assessments FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON actions FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON risk_analyses FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON risks FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit_analysis(analysis_id)) WITH CHECK (infoklass_may_edit_analysis(analysis_id));
CREATE POLICY owner_writes ON imports FOR ALL TO informationsagare, samordnare
    USING (object_id IS NULL OR infoklass_may_edit(object_id))
    WITH CHECK (object_id IS NULL OR infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON legacy_requirements FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON answer_handovers FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON dependencies FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
CREATE POLICY owner_writes ON dependency_decisions FOR ALL TO informationsagare, samordnare
    USING (infoklass_may_edit(object_id)) WITH CHECK (infoklass_may_edit(object_id));
