-- `infoklass db copy` brings the history of local files along as it was (who and when). Only
-- the database's owner (or a superuser) may write history rows as they come: that login can
-- switch triggers off anyway. Every application role still gets its own login and the
-- server's clock stamped on each entry.

CREATE OR REPLACE FUNCTION audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
        NEW.actor := session_user;
        NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    END IF;
    RETURN NEW;
END $$;
