-- Grants for the API's runtime login on SQL Server. Not a migration (DbUp does not apply this folder):
-- a database administrator runs it once per database, after the first migration, e.g. with
--   sqlcmd -S <server> -d <database> -i db-migrations/sqlserver-grants/runtime-login.sql
-- Replace the login name and password below first. The API then runs with
--   Database:ConnectionString           = ...;User Id=datawijs_runtime;Password=...
--   Database:MigrationConnectionString  = ...;User Id=<the login that owns the schema>;Password=...
--
-- What the runtime login can do: read and write the application's tables, but on the access log only
-- INSERT and SELECT (no UPDATE, no DELETE), on the chain heads no DELETE (an UPDATE can only move a head
-- forward: a trigger refuses anything else), and no DDL at all: it cannot ALTER, drop or disable the
-- triggers that keep the log append-only, and cannot change the schema. The role is not a member of
-- db_owner or db_ddladmin (their members would get round every DENY below); keep it that way.

CREATE LOGIN datawijs_runtime WITH PASSWORD = N'change-me: at least 32 characters, from a secret store', CHECK_POLICY = ON;
GO

CREATE USER datawijs_runtime FOR LOGIN datawijs_runtime WITH DEFAULT_SCHEMA = dbo;
GO

CREATE ROLE datawijs_runtime_role;
GO

ALTER ROLE datawijs_runtime_role ADD MEMBER datawijs_runtime;
GO

-- The application's data: read and write rows, nothing else. (Record uploads use SqlBulkCopy with
-- CheckConstraints into a table without triggers, which needs INSERT only, not ALTER.)
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dbo TO datawijs_runtime_role;
GO

-- The access log: append and read only.
DENY UPDATE, DELETE ON OBJECT::dbo.AccessLog TO datawijs_runtime_role;
GO

-- The chain heads: inserted once per tenant, then only moved forward; never deleted.
DENY DELETE ON OBJECT::dbo.AccessLogChainHeads TO datawijs_runtime_role;
GO

-- No schema changes: no ALTER on the schema or its objects (dropping or disabling a trigger needs ALTER
-- on its table), no CONTROL, no taking ownership, no new objects.
DENY ALTER, CONTROL, TAKE OWNERSHIP ON SCHEMA::dbo TO datawijs_runtime_role;
GO

DENY ALTER, CONTROL, TAKE OWNERSHIP ON OBJECT::dbo.AccessLog TO datawijs_runtime_role;
GO

DENY ALTER, CONTROL, TAKE OWNERSHIP ON OBJECT::dbo.AccessLogChainHeads TO datawijs_runtime_role;
GO

DENY CREATE TABLE, CREATE PROCEDURE, CREATE FUNCTION, CREATE VIEW, ALTER ANY SCHEMA, ALTER ANY DATABASE DDL TRIGGER TO datawijs_runtime_role;
GO

-- The migrations' journal (DbUp's SchemaVersions) is read at start-up by the migration login only; the
-- runtime login has no business changing it.
DENY INSERT, UPDATE, DELETE ON OBJECT::dbo.SchemaVersions TO datawijs_runtime_role;
GO
