-- What a new SQLite file gets from its migrations as data rather than schema: every Swedish
-- public body is under arkivlagen, chosen organisation-wide from the start.
INSERT INTO org_lagrum (key) VALUES ('arkivlagen') ON CONFLICT DO NOTHING;
