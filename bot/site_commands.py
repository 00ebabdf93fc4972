"""`policybot site …`: build the public knowledge site and preview it.

The site builder (and Jinja2) is imported only by the verbs that use it, so other commands
start no slower.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from pathlib import Path
from typing import Any

from bot.progress import Progress
from bot.settings import Settings, open_engine


def add_site_parser(verbs: Any) -> None:
    site = verbs.add_parser("site", help="build and preview the public knowledge site")
    sub = site.add_subparsers(dest="site_verb", metavar="SITE_VERB", required=True)

    build = sub.add_parser("build", help="render the live knowledge base as a static site")
    build.add_argument("directory", type=Path, help="output folder (created if missing)")
    build.set_defaults(handler=_build)

    serve = sub.add_parser("serve", help="serve a built site on 127.0.0.1 for preview")
    serve.add_argument(
        "directory", type=Path, nargs="?", help="the built site (default: POLICYBOT_SITE_DIR)"
    )
    serve.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    serve.set_defaults(handler=_serve)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return int(text)


def _build(args: argparse.Namespace, settings: Settings) -> int:
    from bot.site.build import SiteConfig, build_site

    async def go() -> int:
        with Progress("opening the knowledge base") as progress:
            async with open_engine(settings) as engine:
                progress.phase(f"building the site from {len(engine.entries())} entries")
                config = SiteConfig.from_settings(settings)
                try:
                    built = await build_site(engine, args.directory, config)
                except OSError as error:
                    progress.close()
                    print(
                        f"policybot: cannot write {args.directory}: {error.strerror}",
                        file=sys.stderr,
                    )
                    return 1
        print(
            f"built {built.pages} pages ({built.claim_reviews} with ClaimReview) "
            f"in {args.directory}"
        )
        if settings.site_address() is None:
            print(
                "note: POLICYBOT_SITE_URL is not set, so page addresses in the ClaimReview "
                "markup are relative; set it to where the site will be published",
                file=sys.stderr,
            )
        return 0

    return asyncio.run(go())


def export_claim_reviews(target: Path, settings: Settings) -> int:
    """`kb export --format claimreview FILE`: the same objects the site's pages embed, one per
    page (so one per language for each claim)."""
    from bot.core.languages import languages
    from bot.site.build import SiteConfig, claim_reviews, collect

    async def go() -> int:
        config = SiteConfig.from_settings(settings)
        async with open_engine(settings) as engine:
            records = await collect(engine)
        reviews = [
            review
            for code in languages()
            for review in claim_reviews(records, config, code).values()
        ]
        text = json.dumps(reviews, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"policybot: cannot write {target}: {error.strerror}", file=sys.stderr)
            return 1
        print(f"exported {len(reviews)} ClaimReview objects to {target}")
        return 0

    return asyncio.run(go())


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.site.serve import make_server

    directory = args.directory or settings.site_dir
    if directory is None or not (directory / "index.html").is_file():
        print(
            f"policybot: no built site in {directory or '(no folder given)'}; "
            "run `policybot site build DIR` first",
            file=sys.stderr,
        )
        return 1
    try:
        server = make_server(directory, port=args.port)
    except OSError as error:
        print(f"policybot: cannot listen on 127.0.0.1:{args.port}: {error}", file=sys.stderr)
        return 1
    port = server.server_address[1]
    print(f"serving {directory} at http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
    with server, contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0
