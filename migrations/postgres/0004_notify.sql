-- Open screens show what others change within seconds: every history entry (each write has
-- one) notifies the listening sessions when its transaction commits, with the object's id.

CREATE FUNCTION audit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('infoklass_changes', COALESCE(NEW.object_id, ''));
    RETURN NULL;
END $$;
CREATE TRIGGER audit_notify AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_notify();
