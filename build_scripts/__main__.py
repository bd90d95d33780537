"""Command line: ``python -m build_scripts COMMAND``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_scripts.ingest.seeds import import_folder


def _import_seeds(args: argparse.Namespace) -> int:
    try:
        done, warnings = import_folder(Path(args.folder), Path(args.dest), overwrite=args.force)
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for item in done:
        print(item.dest)
    print(f"imported {len(done)} articles into {args.dest}", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    from build_scripts.publish.safe_build import build_site

    return build_site(Path(args.config), Path(args.site_dir), quiet=args.quiet)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts")
    sub = parser.add_subparsers(dest="command", required=True)
    seeds = sub.add_parser(
        "import-folder",
        help="import every .txt/.md article of a folder, with fields from its METADATA.yml",
    )
    seeds.add_argument("folder")
    seeds.add_argument("--dest", default="sources", help="folder to write into (default: sources)")
    seeds.add_argument("--force", action="store_true", help="replace files that already exist")
    seeds.set_defaults(func=_import_seeds)
    build = sub.add_parser(
        "build", help="build the site into a temporary folder, then replace the old site with it"
    )
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--quiet", action="store_true")
    build.set_defaults(func=_build)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
