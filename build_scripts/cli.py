"""The command line: ``python -m build_scripts COMMAND``. Each handler returns the exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_scripts.errors import InputError, InputProblem

OVERRIDE_FIELDS = ("title", "publisher", "author", "date", "url", "language")


def _print_problems(problems: list[InputProblem], root: Path) -> None:
    for problem in problems:
        print(problem.format(root), file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from build_scripts.load.topics import stale_overrides
    from build_scripts.model import Project
    from build_scripts.pipeline import load_inputs

    root = Path(args.root)
    project = Project.at(root)
    inputs, problems = load_inputs(project)
    sentences = {(s.source_id, s.anchor) for d in inputs.documents for s in d.sentences}
    problems = problems + stale_overrides(inputs.topics, sentences, project.docs_dir)
    _print_problems(problems, root)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"checked {len(inputs.documents)} sources and {len(inputs.topics)} topic files: no problems")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from build_scripts.export import write_markdown_tree
    from build_scripts.model import Project
    from build_scripts.pipeline import generate

    root = Path(args.root)
    project = Project.at(root)
    try:
        content = generate(project, progress=lambda line: print(line, file=sys.stderr))
        count = write_markdown_tree(content, project, Path(args.out))
    except InputError as exc:
        _print_problems(exc.problems, root)
        return 1
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {count} markdown files to {args.out}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from build_scripts.analyse.topics import explain
    from build_scripts.model import Project
    from build_scripts.pages.topics import section_limits
    from build_scripts.pipeline import analyse

    root = Path(args.root)
    ref = args.sentence.split("#", 1) if args.anchor is None else [args.sentence, args.anchor]
    if len(ref) != 2 or not all(ref):
        print("error: name the sentence as SOURCE-ID#ANCHOR or SOURCE-ID ANCHOR", file=sys.stderr)
        return 2
    source_id, anchor = ref[0].removesuffix(".md").rsplit("/", 1)[-1], ref[1]
    try:
        analysis = analyse(Project.at(root))
    except InputError as exc:
        _print_problems(exc.problems, root)
        return 1
    doc = next((d for d in analysis.documents if d.source.id == source_id), None)
    if doc is None:
        print(f"error: no source '{source_id}' in {root / 'sources'}", file=sys.stderr)
        return 1
    sentence = next((s for s in doc.sentences if s.anchor == anchor), None)
    if sentence is None:
        print(f"error: source '{source_id}' has no sentence '{anchor}'", file=sys.stderr)
        return 1
    print(f"{source_id}#{anchor}: {sentence.text}")
    for line in explain(analysis.evidence, analysis.documents, analysis.claims, sentence, section_limits):
        print(f"- {line}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from build_scripts.ingest.add import AddResult, add_sources

    overrides = {f: getattr(args, f) for f in OVERRIDE_FIELDS if getattr(args, f) is not None}
    bar = tqdm(total=len(args.items), unit="source", file=sys.stderr, disable=len(args.items) < 2)

    def report(result: AddResult) -> None:
        stream = sys.stdout if result.status == "added" else sys.stderr
        bar.write(result.message if result.status == "added" else f"{result.status}: {result.message}", file=stream)
        bar.update()

    results = add_sources(args.items, Path(args.root) / "sources", overrides, report)
    bar.close()
    counts = {s: sum(r.status == s for r in results) for s in ("added", "duplicate", "error")}
    print(f"added {counts['added']}, refused {counts['duplicate']} duplicate(s), "
          f"{counts['error']} error(s)", file=sys.stderr)
    return 0 if counts["added"] == len(results) else 1


def cmd_import_folder(args: argparse.Namespace) -> int:
    from build_scripts.ingest.seeds import import_folder

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


def cmd_build(args: argparse.Namespace) -> int:
    from build_scripts.publish.safe_build import build_site

    return build_site(Path(args.config), Path(args.site_dir), quiet=args.quiet)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    add = sub.add_parser("add", help="add articles: saved HTML pages, URLs, markdown or text files")
    add.add_argument("items", nargs="+", metavar="PATH_OR_URL")
    for field in OVERRIDE_FIELDS:
        add.add_argument(f"--{field}", help=f"set the {field} of every added source")
    add.add_argument("--root", default=".", help="project folder holding sources/ (default: .)")
    add.set_defaults(func=cmd_add)

    check = sub.add_parser("check", help="validate every source and topic file; exit 1 on any problem")
    check.add_argument("--root", default=".")
    check.set_defaults(func=cmd_check)

    exp = sub.add_parser("explain", help="say where one sentence went on each topic page, and why")
    exp.add_argument("sentence", metavar="SOURCE#ANCHOR", help="a source id and a sentence anchor (s-…)")
    exp.add_argument("anchor", nargs="?", metavar="ANCHOR", help="the anchor, if not given after '#'")
    exp.add_argument("--root", default=".")
    exp.set_defaults(func=cmd_explain)

    gen = sub.add_parser("generate", help="write every page as markdown into a folder")
    gen.add_argument("--out", required=True)
    gen.add_argument("--root", default=".")
    gen.set_defaults(func=cmd_generate)

    imp = sub.add_parser("import-folder", help="import a folder of .txt/.md articles described by METADATA.yml")
    imp.add_argument("folder")
    imp.add_argument("--dest", default="sources", help="folder to write into (default: sources)")
    imp.add_argument("--force", action="store_true", help="replace files that already exist")
    imp.set_defaults(func=cmd_import_folder)

    build = sub.add_parser(
        "build", help="build the site elsewhere, then swap it in (a failed build keeps the old site)"
    )
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--quiet", action="store_true")
    build.set_defaults(func=cmd_build)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))
