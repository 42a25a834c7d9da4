"""Baseline schema: every entity of the domain (spec domain.md §2).

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-21

Frozen: explicit operations only. Money columns are BIGINT fen, percentages BIGINT
ten-thousandths of a percent, timestamps naive UTC (see ttdesk/db/types.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "officer",
                "reviewer",
                "director",
                "admin",
                "viewer",
                name="userrole",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    op.create_index(
        "ix_attachment_entity", "attachment", ["entity_type", "entity_id"], unique=False
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column(
            "action",
            sa.Enum("insert", "update", "delete", name="auditaction", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("entity_ref", sa.String(length=60), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    op.create_index("ix_audit_entity", "audit_event", ["entity", "entity_id", "id"], unique=False)
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("is_workday", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_day")),
    )
    op.create_table(
        "company",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("registration_date", sa.Date(), nullable=True),
        sa.Column("registered_capital", sa.BigInteger(), nullable=True),
        sa.Column("legal_representative", sa.String(length=100), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column(
            "region",
            sa.Enum(
                "beijing",
                "tianjin",
                "hebei",
                "other_province",
                "abroad",
                name="region",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("province_code", sa.String(length=6), nullable=True),
        sa.Column("is_spinoff", sa.Boolean(), nullable=False),
        sa.Column("park", sa.String(length=200), nullable=True),
        sa.Column("is_high_tech", sa.Boolean(), nullable=False),
        sa.Column("is_zjtx", sa.Boolean(), nullable=False),
        sa.Column("is_imported", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_company_credit_code")),
    )
    op.create_index(op.f("ix_company_is_spinoff"), "company", ["is_spinoff"], unique=False)
    op.create_index(op.f("ix_company_name"), "company", ["name"], unique=False)
    op.create_table(
        "deadline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "publicity_end",
                "contract_registration",
                "reward_payment",
                "mof_filing",
                "patent_annuity",
                "license_milestone",
                "royalty_report",
                "deferred_trigger",
                "annual_report",
                "manual",
                name="deadlinekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("subject_type", sa.String(length=32), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("subject_ref", sa.String(length=60), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("rule_key", sa.String(length=120), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline")),
        sa.UniqueConstraint("rule_key", name=op.f("uq_deadline_rule_key")),
    )
    op.create_index("ix_deadline_open_due", "deadline", ["done", "due_date"], unique=False)
    op.create_table(
        "department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department")),
        sa.UniqueConstraint("code", name=op.f("uq_department_code")),
        sa.UniqueConstraint("name", name=op.f("uq_department_name")),
    )
    op.create_table(
        "filing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial_no", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("subject", sa.String(length=60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("snapshot_sha256", sa.String(length=64), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filing")),
        sa.UniqueConstraint("serial_no", name=op.f("uq_filing_serial_no")),
    )
    op.create_index(
        "ix_filing_kind_subject", "filing", ["kind", "subject", "version"], unique=False
    )
    op.create_index(op.f("ix_filing_sha256"), "filing", ["sha256"], unique=False)
    op.create_table(
        "institution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.Column("tto_name", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("asset_company", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institution")),
    )
    op.create_table(
        "match_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "roadshow", "exhibition", "salon", name="activitykind", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_activity")),
    )
    op.create_table(
        "policy_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("effective_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_version")),
        sa.UniqueConstraint("number", name=op.f("uq_policy_version_number")),
    )
    op.create_table(
        "achievement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_no", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=400), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "invention_patent",
                "utility_model",
                "design",
                "software_copyright",
                "ic_layout",
                "plant_variety",
                "biomedical_variety",
                "technical_secret",
                "other",
                name="achievementkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("disclosure_date", sa.Date(), nullable=False),
        sa.Column("abstract", sa.Text(), nullable=True),
        sa.Column("trl", sa.Integer(), nullable=True),
        sa.Column(
            "research_stage",
            sa.Enum("research", "development", name="researchstage", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "secrecy",
            sa.Enum(
                "none",
                "sensitive",
                "secret_or_security",
                name="secrecy",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("intended_mode", sa.String(length=32), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "own_disclosure",
                "regional_centre",
                "enterprise_challenge",
                "joint_lab",
                name="achievementsource",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "disclosed",
                "assessing",
                "protecting",
                "marketing",
                "converting",
                "converted",
                "archived",
                "released",
                name="achievementstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("release_reason", sa.Text(), nullable=True),
        sa.Column("no_funding", sa.Boolean(), nullable=False),
        sa.Column("tags", sa.String(length=300), nullable=True),
        sa.Column("is_imported", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_achievement_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["app_user.id"], name=op.f("fk_achievement_officer_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_achievement")),
        sa.UniqueConstraint("case_no", name=op.f("uq_achievement_case_no")),
    )
    op.create_index(
        op.f("ix_achievement_department_id"), "achievement", ["department_id"], unique=False
    )
    op.create_index(
        "ix_achievement_disclosure", "achievement", ["disclosure_date", "id"], unique=False
    )
    op.create_index(op.f("ix_achievement_field"), "achievement", ["field"], unique=False)
    op.create_index(op.f("ix_achievement_officer_id"), "achievement", ["officer_id"], unique=False)
    op.create_index("ix_achievement_status_id", "achievement", ["status", "id"], unique=False)
    op.create_table(
        "company_milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "first_order",
                "high_tech",
                "zjtx",
                "financing",
                "incubator_entry",
                "incubator_graduation",
                name="milestonekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_company_milestone_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_milestone")),
    )
    op.create_index(
        op.f("ix_company_milestone_company_id"), "company_milestone", ["company_id"], unique=False
    )
    op.create_table(
        "demand",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("need", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "park_list",
                "enterprise_challenge",
                "visit",
                "other",
                name="demandsource",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["company_id"], ["company.id"], name=op.f("fk_demand_company_id_company")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demand")),
    )
    op.create_index(op.f("ix_demand_company_id"), "demand", ["company_id"], unique=False)
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_no", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=60), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("id_number", sa.String(length=40), nullable=True),
        sa.Column("is_unit_head", sa.Boolean(), nullable=False),
        sa.Column("is_student", sa.Boolean(), nullable=False),
        sa.Column("is_external", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_person_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("staff_no", name=op.f("uq_person_staff_no")),
    )
    op.create_index(op.f("ix_person_department_id"), "person", ["department_id"], unique=False)
    op.create_index(op.f("ix_person_name"), "person", ["name"], unique=False)
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("assessor", sa.String(length=100), nullable=False),
        sa.Column("technical_score", sa.Integer(), nullable=True),
        sa.Column("market_score", sa.Integer(), nullable=True),
        sa.Column(
            "recommendation",
            sa.Enum(
                "pursue", "hold", "release", name="recommendation", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_assessment_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    op.create_index(
        op.f("ix_assessment_achievement_id"), "assessment", ["achievement_id"], unique=False
    )
    op.create_table(
        "contribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("share", sa.BigInteger(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("lead", "member", name="contributorrole", native_enum=False, length=32),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_contribution_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_contribution_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution")),
        sa.UniqueConstraint(
            "achievement_id", "person_id", name=op.f("uq_contribution_achievement_id")
        ),
    )
    op.create_index(
        op.f("ix_contribution_achievement_id"), "contribution", ["achievement_id"], unique=False
    )
    op.create_index(op.f("ix_contribution_person_id"), "contribution", ["person_id"], unique=False)
    op.create_table(
        "funding_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column("programme", sa.String(length=200), nullable=False),
        sa.Column(
            "funder_type",
            sa.Enum(
                "national",
                "municipal",
                "enterprise",
                "internal",
                "other",
                name="fundertype",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("project_no", sa.String(length=60), nullable=True),
        sa.Column("ip_terms_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_funding_source_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_source")),
    )
    op.create_index(
        op.f("ix_funding_source_achievement_id"), "funding_source", ["achievement_id"], unique=False
    )
    op.create_table(
        "ip_asset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "invention_patent",
                "utility_model",
                "design",
                "software_copyright",
                "ic_layout",
                "plant_variety",
                "trademark",
                "other",
                name="ipkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("jurisdiction", sa.String(length=8), nullable=False),
        sa.Column("application_no", sa.String(length=60), nullable=False),
        sa.Column("filing_date", sa.Date(), nullable=True),
        sa.Column("publication_no", sa.String(length=60), nullable=True),
        sa.Column("publication_date", sa.Date(), nullable=True),
        sa.Column("grant_no", sa.String(length=60), nullable=True),
        sa.Column("grant_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "granted",
                "rejected",
                "abandoned",
                "lapsed",
                name="ipstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("owners", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_ip_asset_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ip_asset")),
    )
    op.create_index(
        op.f("ix_ip_asset_achievement_id"), "ip_asset", ["achievement_id"], unique=False
    )
    op.create_index(
        op.f("ix_ip_asset_application_no"), "ip_asset", ["application_no"], unique=False
    )
    op.create_table(
        "match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("demand_id", sa.Integer(), nullable=True),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "contacted",
                "nda",
                "negotiating",
                "deal",
                "declined",
                name="matchoutcome",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("updated_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_match_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["match_activity.id"], name=op.f("fk_match_activity_id_match_activity")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"], ["company.id"], name=op.f("fk_match_company_id_company")
        ),
        sa.ForeignKeyConstraint(
            ["demand_id"], ["demand.id"], name=op.f("fk_match_demand_id_demand")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match")),
    )
    op.create_index(op.f("ix_match_achievement_id"), "match", ["achievement_id"], unique=False)
    op.create_index(op.f("ix_match_demand_id"), "match", ["demand_id"], unique=False)
    op.create_table(
        "person_interest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("nature", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_person_interest_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_interest_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_interest")),
        sa.UniqueConstraint("person_id", "company_id", name=op.f("uq_person_interest_person_id")),
    )
    op.create_index(
        op.f("ix_person_interest_company_id"), "person_interest", ["company_id"], unique=False
    )
    op.create_table(
        "rights_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column(
            "form",
            sa.Enum(
                "co_ownership", "long_term_use", name="grantform", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("team_share", sa.BigInteger(), nullable=True),
        sa.Column("term_years", sa.Integer(), nullable=True),
        sa.Column("representative_id", sa.Integer(), nullable=True),
        sa.Column("application_date", sa.Date(), nullable=False),
        sa.Column("plan_attached", sa.Boolean(), nullable=False),
        sa.Column("plan_summary", sa.Text(), nullable=True),
        sa.Column("consent_recorded", sa.Boolean(), nullable=False),
        sa.Column("college_review_date", sa.Date(), nullable=True),
        sa.Column("college_opinion", sa.Text(), nullable=True),
        sa.Column("tto_review_date", sa.Date(), nullable=True),
        sa.Column("tto_opinion", sa.Text(), nullable=True),
        sa.Column("decision_body", sa.String(length=100), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("minutes_no", sa.String(length=60), nullable=True),
        sa.Column("agreement_no", sa.String(length=60), nullable=True),
        sa.Column("agreement_date", sa.Date(), nullable=True),
        sa.Column("title_change_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "applied",
                "college_reviewed",
                "tto_reviewed",
                "in_publicity",
                "objection",
                "approved",
                "agreement_signed",
                "title_changed",
                "rejected",
                name="grantstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column("policy_number", sa.Integer(), nullable=True),
        sa.Column("is_imported", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_rights_grant_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["representative_id"],
            ["person.id"],
            name=op.f("fk_rights_grant_representative_id_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rights_grant")),
    )
    op.create_index(
        op.f("ix_rights_grant_achievement_id"), "rights_grant", ["achievement_id"], unique=False
    )
    op.create_index(op.f("ix_rights_grant_status"), "rights_grant", ["status"], unique=False)
    op.create_table(
        "shareholding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column(
            "holder_type",
            sa.Enum(
                "institution_amc",
                "team_member",
                "investor",
                "government_fund",
                "incubator",
                name="holdertype",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("holder_name", sa.String(length=200), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column(
            "employment_status",
            sa.Enum("on_post", "off_post", name="employmentstatus", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("subscribed_capital", sa.BigInteger(), nullable=False),
        sa.Column("paid_in_capital", sa.BigInteger(), nullable=False),
        sa.Column("percentage", sa.BigInteger(), nullable=False),
        sa.Column("is_state_owned", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_shareholding_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_shareholding_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shareholding")),
    )
    op.create_index(
        op.f("ix_shareholding_company_id"), "shareholding", ["company_id"], unique=False
    )
    op.create_index(op.f("ix_shareholding_person_id"), "shareholding", ["person_id"], unique=False)
    op.create_table(
        "support_received",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "concept_verification",
                "pilot_test",
                "innovation_voucher",
                "incubator_service",
                name="supportkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_support_received_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_received")),
    )
    op.create_index(
        op.f("ix_support_received_achievement_id"),
        "support_received",
        ["achievement_id"],
        unique=False,
    )
    op.create_table(
        "deal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_no", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "mode",
            sa.Enum(
                "transfer",
                "license_exclusive",
                "license_sole",
                "license_nonexclusive",
                "equity",
                "joint",
                "self",
                "other",
                "development",
                "consulting",
                "service",
                name="dealmode",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("counterparty_id", sa.Integer(), nullable=True),
        sa.Column(
            "pricing_method",
            sa.Enum(
                "negotiated",
                "listing",
                "auction",
                name="pricingmethod",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("price", sa.BigInteger(), nullable=True),
        sa.Column("exchange_reference", sa.String(length=100), nullable=True),
        sa.Column("deferred_payment", sa.Boolean(), nullable=False),
        sa.Column("deferred_trigger", sa.String(length=200), nullable=True),
        sa.Column("deferred_review_date", sa.Date(), nullable=True),
        sa.Column("upfront_amount", sa.BigInteger(), nullable=True),
        sa.Column("royalty_rate", sa.BigInteger(), nullable=True),
        sa.Column("royalty_base", sa.String(length=100), nullable=True),
        sa.Column("minimum_annual_royalty", sa.BigInteger(), nullable=True),
        sa.Column("payment_terms", sa.Text(), nullable=True),
        sa.Column("rights_grant_id", sa.Integer(), nullable=True),
        sa.Column("related_party_declared", sa.Boolean(), nullable=False),
        sa.Column("related_party_declaration", sa.Text(), nullable=True),
        sa.Column("related_party_approval_date", sa.Date(), nullable=True),
        sa.Column("due_diligence", sa.JSON(), nullable=True),
        sa.Column("approval_tier", sa.String(length=60), nullable=True),
        sa.Column("approval_body", sa.String(length=100), nullable=True),
        sa.Column("approval_date", sa.Date(), nullable=True),
        sa.Column("approval_minutes_no", sa.String(length=60), nullable=True),
        sa.Column("supervising_approval_ref", sa.String(length=100), nullable=True),
        sa.Column("supervising_approval_date", sa.Date(), nullable=True),
        sa.Column("signing_date", sa.Date(), nullable=True),
        sa.Column("registration_no", sa.String(length=60), nullable=True),
        sa.Column("registration_date", sa.Date(), nullable=True),
        sa.Column("completion_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "due_diligence",
                "approval",
                "in_publicity",
                "objection",
                "signed",
                "registered",
                "performing",
                "completed",
                "terminated",
                name="dealstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("termination_reason", sa.Text(), nullable=True),
        sa.Column("policy_number", sa.Integer(), nullable=True),
        sa.Column("is_imported", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["counterparty_id"], ["company.id"], name=op.f("fk_deal_counterparty_id_company")
        ),
        sa.ForeignKeyConstraint(
            ["rights_grant_id"],
            ["rights_grant.id"],
            name=op.f("fk_deal_rights_grant_id_rights_grant"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal")),
        sa.UniqueConstraint("deal_no", name=op.f("uq_deal_deal_no")),
    )
    op.create_index(op.f("ix_deal_counterparty_id"), "deal", ["counterparty_id"], unique=False)
    op.create_index(op.f("ix_deal_mode"), "deal", ["mode"], unique=False)
    op.create_index("ix_deal_signing", "deal", ["signing_date", "id"], unique=False)
    op.create_index("ix_deal_status_id", "deal", ["status", "id"], unique=False)
    op.create_table(
        "cost",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=True),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("incurred_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "patent_fees",
                "appraisal",
                "exchange_fees",
                "legal",
                "taxes",
                "other",
                name="costcategory",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("deductible", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["achievement_id"], ["achievement.id"], name=op.f("fk_cost_achievement_id_achievement")
        ),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], name=op.f("fk_cost_deal_id_deal")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost")),
    )
    op.create_index(op.f("ix_cost_achievement_id"), "cost", ["achievement_id"], unique=False)
    op.create_index(op.f("ix_cost_deal_id"), "cost", ["deal_id"], unique=False)
    op.create_table(
        "deal_achievement",
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_deal_achievement_achievement_id_achievement"),
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deal.id"],
            name=op.f("fk_deal_achievement_deal_id_deal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("deal_id", "achievement_id", name=op.f("pk_deal_achievement")),
    )
    op.create_index(
        op.f("ix_deal_achievement_achievement_id"),
        "deal_achievement",
        ["achievement_id"],
        unique=False,
    )
    op.create_table(
        "deal_ip_asset",
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("ip_asset_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_ip_asset_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["ip_asset_id"], ["ip_asset.id"], name=op.f("fk_deal_ip_asset_ip_asset_id_ip_asset")
        ),
        sa.PrimaryKeyConstraint("deal_id", "ip_asset_id", name=op.f("pk_deal_ip_asset")),
    )
    op.create_index(
        op.f("ix_deal_ip_asset_ip_asset_id"), "deal_ip_asset", ["ip_asset_id"], unique=False
    )
    op.create_table(
        "distribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "approved",
                "in_publicity",
                "paid",
                name="distributionstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("gross_income", sa.BigInteger(), nullable=False),
        sa.Column("deductible_costs", sa.BigInteger(), nullable=False),
        sa.Column("net_income", sa.BigInteger(), nullable=False),
        sa.Column("team_share_pct", sa.BigInteger(), nullable=False),
        sa.Column("team_amount", sa.BigInteger(), nullable=False),
        sa.Column("department_amount", sa.BigInteger(), nullable=False),
        sa.Column("tto_amount", sa.BigInteger(), nullable=False),
        sa.Column("university_amount", sa.BigInteger(), nullable=False),
        sa.Column("is_equity", sa.Boolean(), nullable=False),
        sa.Column("approval_date", sa.Date(), nullable=True),
        sa.Column("approval_body", sa.String(length=100), nullable=True),
        sa.Column("payment_date", sa.Date(), nullable=True),
        sa.Column("policy_number", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_distribution_deal_id_deal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distribution")),
    )
    op.create_index(op.f("ix_distribution_deal_id"), "distribution", ["deal_id"], unique=False)
    op.create_table(
        "equity_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "formation",
                "capital_increase",
                "transfer",
                "exit",
                "impairment",
                "dividend",
                name="equityeventkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("percentage", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_equity_event_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_equity_event_deal_id_deal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_equity_event")),
    )
    op.create_index(
        op.f("ix_equity_event_company_id"), "equity_event", ["company_id"], unique=False
    )
    op.create_index(op.f("ix_equity_event_deal_id"), "equity_event", ["deal_id"], unique=False)
    op.create_table(
        "receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "upfront",
                "milestone",
                "royalty",
                "equity_proceeds",
                "dividend",
                "other",
                name="receiptkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("invoice_no", sa.String(length=60), nullable=True),
        sa.Column("sales_base", sa.BigInteger(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], name=op.f("fk_receipt_deal_id_deal")),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["receipt.id"], name=op.f("fk_receipt_reverses_id_receipt")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt")),
    )
    op.create_index(op.f("ix_receipt_deal_id"), "receipt", ["deal_id"], unique=False)
    op.create_index(op.f("ix_receipt_received_on"), "receipt", ["received_on"], unique=False)
    op.create_table(
        "valuation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("appraised", sa.Boolean(), nullable=False),
        sa.Column("no_appraisal_reason", sa.Text(), nullable=True),
        sa.Column("firm", sa.String(length=200), nullable=True),
        sa.Column("report_no", sa.String(length=60), nullable=True),
        sa.Column("base_date", sa.Date(), nullable=True),
        sa.Column(
            "approach",
            sa.Enum(
                "income", "market", "cost", name="valuationapproach", native_enum=False, length=32
            ),
            nullable=True,
        ),
        sa.Column("appraised_value", sa.BigInteger(), nullable=True),
        sa.Column("agreed_value", sa.BigInteger(), nullable=True),
        sa.Column("filing_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_valuation_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_valuation")),
    )
    op.create_index(op.f("ix_valuation_deal_id"), "valuation", ["deal_id"], unique=False)
    op.create_table(
        "allocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("distribution_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("contribution_pct", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("taxable_amount", sa.BigInteger(), nullable=False),
        sa.Column("equity_pct", sa.BigInteger(), nullable=True),
        sa.Column("adjustment_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["distribution_id"],
            ["distribution.id"],
            name=op.f("fk_allocation_distribution_id_distribution"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_allocation_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocation")),
    )
    op.create_index(
        op.f("ix_allocation_distribution_id"), "allocation", ["distribution_id"], unique=False
    )
    op.create_index(op.f("ix_allocation_person_id"), "allocation", ["person_id"], unique=False)
    op.create_table(
        "distribution_receipt",
        sa.Column("distribution_id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["distribution_id"],
            ["distribution.id"],
            name=op.f("fk_distribution_receipt_distribution_id_distribution"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["receipt_id"], ["receipt.id"], name=op.f("fk_distribution_receipt_receipt_id_receipt")
        ),
        sa.PrimaryKeyConstraint(
            "distribution_id", "receipt_id", name=op.f("pk_distribution_receipt")
        ),
    )
    op.create_index(
        op.f("ix_distribution_receipt_receipt_id"),
        "distribution_receipt",
        ["receipt_id"],
        unique=False,
    )
    op.create_table(
        "publicity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "subject",
            sa.Enum(
                "rights_grant",
                "deal",
                "distribution",
                name="publicitysubject",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("rights_grant_id", sa.Integer(), nullable=True),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("distribution_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column(
            "day_kind",
            sa.Enum("calendar", "working", name="daykind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column(
            "result",
            sa.Enum(
                "no_objection",
                "terminated_by_objection",
                name="publicityresult",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("policy_number", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN rights_grant_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN deal_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN distribution_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_publicity_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_publicity_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["distribution_id"],
            ["distribution.id"],
            name=op.f("fk_publicity_distribution_id_distribution"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rights_grant_id"],
            ["rights_grant.id"],
            name=op.f("fk_publicity_rights_grant_id_rights_grant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publicity")),
    )
    op.create_index(op.f("ix_publicity_deal_id"), "publicity", ["deal_id"], unique=False)
    op.create_index(
        op.f("ix_publicity_distribution_id"), "publicity", ["distribution_id"], unique=False
    )
    op.create_index(
        op.f("ix_publicity_rights_grant_id"), "publicity", ["rights_grant_id"], unique=False
    )
    op.create_table(
        "objection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publicity_id", sa.Integer(), nullable=False),
        sa.Column("raised_by", sa.String(length=100), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("upheld", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["publicity_id"],
            ["publicity.id"],
            name=op.f("fk_objection_publicity_id_publicity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objection")),
    )
    op.create_index(op.f("ix_objection_publicity_id"), "objection", ["publicity_id"], unique=False)


def downgrade() -> None:
    op.drop_table("objection")
    op.drop_table("publicity")
    op.drop_table("distribution_receipt")
    op.drop_table("allocation")
    op.drop_table("valuation")
    op.drop_table("receipt")
    op.drop_table("equity_event")
    op.drop_table("distribution")
    op.drop_table("deal_ip_asset")
    op.drop_table("deal_achievement")
    op.drop_table("cost")
    op.drop_table("deal")
    op.drop_table("support_received")
    op.drop_table("shareholding")
    op.drop_table("rights_grant")
    op.drop_table("person_interest")
    op.drop_table("match")
    op.drop_table("ip_asset")
    op.drop_table("funding_source")
    op.drop_table("contribution")
    op.drop_table("assessment")
    op.drop_table("person")
    op.drop_table("demand")
    op.drop_table("company_milestone")
    op.drop_table("achievement")
    op.drop_table("policy_version")
    op.drop_table("match_activity")
    op.drop_table("institution")
    op.drop_table("filing")
    op.drop_table("department")
    op.drop_table("deadline")
    op.drop_table("company")
    op.drop_table("calendar_day")
    op.drop_table("audit_event")
    op.drop_table("attachment")
    op.drop_table("app_user")
