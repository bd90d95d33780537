"""The command line: ``python -m build_scripts COMMAND`` (``--help`` lists them). Each handler
returns the exit status."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from build_scripts.errors import InputError, InputProblem

OVERRIDE_FIELDS = ("title", "publisher", "author", "date", "url", "language")


def _print_problems(problems: list[InputProblem], root: Path) -> None:
    for problem in problems:
        print(problem.format(root), file=sys.stderr)


def _error(message: str, status: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status


def cmd_check(args: argparse.Namespace) -> int:
    from build_scripts.load.sources import address_clashes
    from build_scripts.load.topics import stale_overrides
    from build_scripts.model import Project
    from build_scripts.pipeline import load_inputs

    root = Path(args.root)
    project = Project.at(root)
    inputs, problems = load_inputs(project)
    problems = problems + address_clashes(d.source for d in inputs.documents)
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
        return _error(str(exc))
    print(f"wrote {count} markdown files to {args.out}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from build_scripts.analyse.topic_explain import explain
    from build_scripts.model import Project
    from build_scripts.pages.topics import shown_limits
    from build_scripts.pipeline import analyse

    root = Path(args.root)
    ref = args.sentence.split("#", 1) if args.anchor is None else [args.sentence, args.anchor]
    if len(ref) != 2 or not all(ref):
        return _error("name the sentence as SOURCE-ID#ANCHOR or SOURCE-ID ANCHOR", 2)
    source_id, anchor = ref[0].removesuffix(".md").rsplit("/", 1)[-1], ref[1]
    try:
        analysis = analyse(Project.at(root))
    except InputError as exc:
        _print_problems(exc.problems, root)
        return 1
    doc = next((d for d in analysis.documents if d.source.id == source_id), None)
    doc = doc or next((d for d in analysis.documents if source_id in d.source.meta.former_ids), None)
    if doc is None:
        return _error(f"no source '{source_id}' in {root / 'sources'}")
    if doc.source.id != source_id:
        print(f"{source_id} was renamed {doc.source.id}", file=sys.stderr)
        source_id = doc.source.id
    sentence = next((s for s in doc.sentences if s.anchor == anchor), None)
    if sentence is None:
        return _error(f"source '{source_id}' has no sentence '{anchor}'")
    print(f"{source_id}#{anchor}: {sentence.text}")
    docs = {d.source.id: d for d in analysis.documents}
    for line in explain(analysis.evidence, analysis.documents, analysis.claims, sentence,
                        lambda ev: shown_limits(ev, docs)):
        print(f"- {line}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from build_scripts.ingest.add import AddResult, add_sources

    overrides = {f: getattr(args, f) for f in OVERRIDE_FIELDS if getattr(args, f) is not None}
    # A bar only where a person watches a terminal: in a log it is a line drawn over and over.
    bar = tqdm(total=len(args.items), unit="input", file=sys.stderr,
               disable=len(args.items) < 2 or not sys.stderr.isatty())

    def report(result: AddResult) -> None:
        stream = sys.stdout if result.status == "added" else sys.stderr
        bar.write(result.message if result.status == "added" else f"{result.status}: {result.message}", file=stream)
        bar.update()

    results = add_sources(args.items, Path(args.root) / "sources", overrides, report)
    bar.close()
    if not results:
        return _error("nothing to add: the inputs hold no article (an export with no record?)")
    counts = {s: sum(r.status == s for r in results) for s in ("added", "duplicate", "error")}
    print(f"added {counts['added']}, refused {counts['duplicate']} duplicate(s), "
          f"{counts['error']} error(s)", file=sys.stderr)
    return 0 if counts["added"] == len(results) else 1


def cmd_new_case(args: argparse.Namespace) -> int:
    from build_scripts.scaffold.new_case import new_case

    try:
        written = new_case(Path(args.folder), args.title)
    except (OSError, ValueError) as exc:
        return _error(str(exc))
    folder = Path(args.folder)
    print(f"wrote {len(written)} files into {folder}: add articles with "
          f"`python -m build_scripts add … --root {folder}`, write topic files in {folder / 'docs' / 'topics'}, "
          f"and build with `python -m build_scripts build --config {folder / 'mkdocs.yml'}`")
    return 0


def cmd_import_folder(args: argparse.Namespace) -> int:
    from build_scripts.ingest.seeds import import_folder

    try:
        done, warnings = import_folder(Path(args.folder), Path(args.dest), overwrite=args.force)
    except (ValueError, FileExistsError) as exc:
        return _error(str(exc))
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for item in done:
        print(item.dest)
    print(f"imported {len(done)} articles into {args.dest}", file=sys.stderr)
    return 0


def cmd_rename_sources(args: argparse.Namespace) -> int:
    from build_scripts.ingest.rename import RenameRefused, apply_renames, plan_renames

    root = Path(args.root)
    try:
        plan = plan_renames(root, args.sources)
        if not args.dry_run:
            apply_renames(plan)
    except RenameRefused as exc:
        for problem in exc.problems:
            print(f"refused: {problem}", file=sys.stderr)
        return 1
    verb = "would rename" if args.dry_run else "renamed"
    for r in plan.renamings:
        print(f"{r.old_path} -> {r.new_path}")
    for path, (_text, count) in plan.topic_files.items():
        print(f"{path}: {count} reference(s) to a renamed source updated")
    if not plan.renamings:
        print("nothing to rename: every source's id is readable", file=sys.stderr)
        return 0
    print(f"{verb} {len(plan.renamings)} source(s) and {len(plan.topic_files)} topic file(s); each old id is kept "
          "in the source's former_ids, and its old address leads to the new page", file=sys.stderr)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from build_scripts.publish.safe_build import build_site

    config = Path(args.config)
    site_dir = Path(args.site_dir) if args.site_dir is not None else config.parent / "site"
    return build_site(config, site_dir, quiet=args.quiet)


DESCRIPTION = """Turn a folder of news articles into a research site whose every statement is
footnoted to the sentence it comes from. Run from a project folder (one holding mkdocs.yml,
docs/ and sources/), or name one with --root."""
EPILOG = """Start with `new-case DIR` for a case study of your own, `add` to bring articles in,
`check` to see every problem, and `build` (or `make build`) for the site. The README says more."""
_ROOT_HELP = "the project folder, holding sources/ and docs/ (default: the current folder)"


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("research-microsite")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def _command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
             func: Callable[[argparse.Namespace], int], summary: str, description: str,
             root: bool = True) -> argparse.ArgumentParser:
    """A command with its handler, and ``--root`` when it works on a project folder."""
    command = sub.add_parser(name, help=summary, description=description)
    command.set_defaults(func=func)
    if root:
        command.add_argument("--root", default=".", help=_ROOT_HELP)
    return command


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m build_scripts", description=DESCRIPTION, epilog=EPILOG)
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = _command(sub, "new-case", cmd_new_case, "start a case study of your own in a new folder",
                   "Write a new case study into DIR: mkdocs.yml with its title, an introduction with the "
                   "rules for key facts, an example topic file that explains every field in comments, country "
                   "stances, and an empty sources/ folder. It builds as it is; add articles and topic files.",
                   root=False)
    new.add_argument("folder", metavar="DIR", help="the new case's folder (new or empty)")
    new.add_argument("--title", default="A new case study", help="the site's title (default: %(default)s)")

    add = _command(sub, "add", cmd_add, "add articles: saved web pages, addresses, markdown or text files, "
                   "reference-manager exports",
                   "Add each article to sources/, refusing one that duplicates a source by address or by text. "
                   "A saved web page or an address has its text and metadata extracted; a markdown file keeps its "
                   "frontmatter; a CSL-JSON or BibTeX export adds one source per record, from its snapshot. "
                   "The options set a field of every source added.")
    add.add_argument("items", nargs="+", metavar="PATH_OR_URL", help="files, folders' exports or http(s) addresses")
    for field in OVERRIDE_FIELDS:
        add.add_argument(f"--{field}", help=f"set the {field} of every added source"
                         + (" (2025, 2025-06 or 2025-06-30)" if field == "date" else ""))

    _command(sub, "check", cmd_check, "list every problem of every source and topic file; exit 1 if any",
                     "Read and clean every source and read every topic and configuration page as the build "
                     "does, and list every problem as file:line: message. Exits 1 if there is any.")

    exp = _command(sub, "explain", cmd_explain, "say where one sentence went on each topic page, and why",
                   "For one sentence, say on each topic page whether it is shown, in which section and on "
                   "which page, or which rule kept it out.")
    exp.add_argument("sentence", metavar="SOURCE#ANCHOR", help="a source id and a sentence anchor (s-…)")
    exp.add_argument("anchor", nargs="?", metavar="ANCHOR", help="the anchor, if not given after '#'")

    gen = _command(sub, "generate", cmd_generate, "write every page as markdown into a folder",
                   "Write the whole site as markdown (docs/ with the generated pages and data files) into "
                   "OUT, for diffs or another engine. OUT is replaced; it may not be or hold the project.")
    gen.add_argument("--out", required=True, metavar="OUT", help="the folder to write (replaced)")

    imp = _command(sub, "import-folder", cmd_import_folder,
                   "import a folder of .txt/.md articles described by METADATA.yml",
                   "Import every .txt or .md article of FOLDER with the fields METADATA.yml gives it (file "
                   "name → fields, null for unknown), the words unchanged.", root=False)
    imp.add_argument("folder", metavar="FOLDER", help="the folder holding the articles and METADATA.yml")
    imp.add_argument("--dest", default="sources", help="folder to write into (default: %(default)s)")
    imp.add_argument("--force", action="store_true", help="replace files that already exist")

    ren = _command(sub, "rename-sources", cmd_rename_sources,
                   "give sources with unreadable names (000_183601ec9612ed3f) ids from their metadata",
                   "Rename each source whose file name says nothing (a hash, a number) to an id made from its "
                   "date, publisher and title words (its opening words when untitled), as `add` names a new "
                   "source; or rename the sources named. The text is unchanged; the old id is kept in the "
                   "source's former_ids, where the site keeps a redirect from the old address, and references "
                   "in the topic files are updated. A second run changes nothing.")
    ren.add_argument("sources", nargs="*", metavar="SOURCE",
                     help="ids or files of sources to rename (default: every source with an unreadable id)")
    ren.add_argument("--dry-run", action="store_true", help="say what would be renamed, and change nothing")

    build = _command(sub, "build", cmd_build,
                     "build the site elsewhere, then swap it in (a failed build keeps the old site)",
                     "Run `mkdocs build --strict` into a staging folder and swap it in only when it succeeded, "
                     "so a bad source leaves the previous site as it was. Builds of one project take turns.",
                     root=False)
    build.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration (default: %(default)s)")
    build.add_argument("--site-dir", default=None,
                       help="where the site goes (default: site/ beside the configuration); never in docs/ or sources/")
    build.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # the output was piped into `head` or a pager that quit: not an error
        sys.stderr.close()
        return 0
