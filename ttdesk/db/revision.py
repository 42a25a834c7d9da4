"""The schema revision this build writes, alone so that it can be read without SQLAlchemy
(start-up compares it with the file's `alembic_version` before importing the ORM)."""

# Kept equal to the newest revision in migrations/versions (a test checks it).
HEAD_REVISION = "0015_integer_stamps"
