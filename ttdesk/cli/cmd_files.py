"""`attach REF FILE [--note T]`, `attachments REF`, `note REF TEXT`, `notes REF`.

REF names the record: a case number, a deal number, a credit code, a filing serial, or
`grant:ID` / `distribution:ID`. A missing, unreadable or too large file is refused (exit 2)
and nothing is written."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from ttdesk.cli.args import iso_date
from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("attach", help="attach a file to a record / 上传附件")
    p.add_argument("ref", metavar="REF")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--note")
    p.set_defaults(handler=run_attach)
    p = sub.add_parser("attachments", help="list a record's attachments / 附件列表")
    p.add_argument("ref", metavar="REF")
    add_json_flag(p)
    p.set_defaults(handler=run_attachments)
    p = sub.add_parser("note", help="write a dated note on a case or deal / 备注")
    p.add_argument("ref", metavar="CASE_NO|DEAL_NO")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--date", help="default today")
    p.set_defaults(handler=run_note)
    p = sub.add_parser("notes", help="a case's or deal's notes / 备注列表")
    p.add_argument("ref", metavar="CASE_NO|DEAL_NO")
    add_json_flag(p)
    p.set_defaults(handler=run_notes)


def run_attach(args: argparse.Namespace) -> int:
    from ttdesk.core.activity import attachments

    ctx = open_ctx(args)
    row = attachments.attach(ctx, args.ref, args.file, note=args.note)
    print(f"{row.id}\t{row.filename}\t{row.size}\t{row.sha256}")
    ctx.db.dispose()
    return EXIT_OK


def run_attachments(args: argparse.Namespace) -> int:
    from ttdesk.core.activity import attachments

    ctx = open_ctx(args)
    rows = [asdict(r) for r in attachments.listing(ctx, args.ref)]
    ctx.db.dispose()
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["id", "filename", "size", "created_by", "created_at", "note"])
    return EXIT_OK


def run_note(args: argparse.Namespace) -> int:
    from ttdesk.core.activity import notes

    ctx = open_ctx(args)
    print(notes.add(ctx, args.ref, args.text, iso_date(args.date)))
    ctx.db.dispose()
    return EXIT_OK


def run_notes(args: argparse.Namespace) -> int:
    from ttdesk.core.views.timeline import notes_of

    ctx = open_ctx(args)
    rows = [asdict(n) for n in notes_of(ctx, args.ref)]
    ctx.db.dispose()
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["written_on", "author", "body"])
    return EXIT_OK
