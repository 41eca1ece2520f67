"""Incremental rendering: re-render a page only when something it depends on changed.

A page's fingerprint has one component per kind of input, so that the reason for a re-render can
be named:

- ``notebook``: SHA-256 of the notebook file's bytes;
- ``code``: SHA-256 of the finsam package (every ``.py`` file and template, names and bytes);
- ``libraries``: the versions of the libraries that shape a page (pandas, matplotlib, nbconvert …);
- ``params``: the page's parameters, and ``language`` when the page has one;
- ``site_languages``: the languages of the site, which the page's language switch links;
- ``data``: one digest per association the page reads, plus ``shared`` for the small tables every
  page reads (vocabulary, metrics, associations). A page about one association reads the rows of
  that association *and of every association linked to it by ``successor_id``* (a trend chains its
  predecessors: the BHS series starts with HUSAM's years), in observations, interventions and
  sources; a page without an association (the overview) reads every association.

The digests are computed from the typed tables ``finsam render`` has already loaded
(``pandas.util.hash_pandas_object`` per row, then SHA-256 of each association's rows in order), so
planning costs a fraction of a second even at national scale.

The manifest (``.finsam-manifest.json`` in the output folder) records, for every page this code
wrote, its fingerprint, the data version printed on it and *every file its render wrote* (the
HTML page, each figure as PNG and SVG, each table's CSV and .xlsx download), each with the size
and modification time (ns) the writer saw (:func:`finsam.core.files.write_atomic`). A page is up
to date only if its fingerprint is unchanged and every one of those files is still there,
unchanged: a deleted or replaced figure or download renders the page again. Before any kernel
starts, the entries of the pages about to be re-rendered are removed and the manifest is written
(atomically); only pages that rendered successfully are added back at the end. So an interrupted
or crashed render never marks a page as done that was not written, and a failed page is retried
next time (its old HTML file is kept, as before).

The data version. Every page says which data it was rendered from: "finsam <release>, data
version <v>" in its footer and its citation, and in the citation of each of its downloads, where
<v> is :func:`finsam.data.load.data_version`, the hash of the whole ``data/`` folder (one meaning
everywhere: the indexes, the about page and the release export print the same number). A change
to one association's rows changes <v> but re-renders only the pages that read those rows. A page
whose inputs did not change is *re-stamped* instead: its numbers are provably those a render from
the new data would print, because its fingerprint (every input it reads) is unchanged, so only the
version text is out of date. Re-stamping replaces exactly the phrase "finsam <release>, data
version <old>" by the same phrase with the new version, in files finsam wrote (each verified against
the manifest's size and mtime just before), each written atomically, and only where the
phrase occurs exactly as often as the page's writer puts it there (page 2, CSV 1, .xlsx 2: the
citation and the workbook's comments); anything else (a file changed, a count that differs)
renders the page again instead. The manifest entry is removed while a page is re-stamped, so an
interrupted re-stamp renders the page next time. No page ever shows a data version it was not
rendered or re-stamped for.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from finsam.core import paths
from finsam.core.errors import FinsamError
from finsam.core.files import file_state, inside, state_of, write_atomic
from finsam.core.version import code_version, digest as _sha

MANIFEST = ".finsam-manifest.json"
FORMAT = 2
LEGACY_FORMAT = 1  # recorded a page's HTML and PNG figures only
SHARED = "shared"
#: libraries whose version can change what a page shows
LIBRARIES = ("pandas", "numpy", "matplotlib", "scipy", "statsmodels", "nbconvert", "papermill",
             "nbclient", "ipykernel", "jinja2", "mistune", "pygments")


# ---------------------------------------------------------------------------- fingerprints
def library_fingerprint() -> str:
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return _sha(sys.version.encode(), ";".join(versions).encode())


def notebook_fingerprint(path: str | Path) -> str:
    return _sha(Path(path).read_bytes())


def _frame_digest(df) -> str:
    import pandas as pd
    if len(df) == 0:
        return _sha(b"<empty>", ",".join(map(str, df.columns)).encode())
    rows = pd.util.hash_pandas_object(df, index=False).to_numpy()
    return _sha(",".join(map(str, df.columns)).encode(), rows.tobytes())


def _per_association(df, assoc_ids: list[str]) -> dict[str, bytes]:
    """Row hashes of ``df`` grouped by association, rows in file order: {association: bytes}."""
    import numpy as np
    import pandas as pd
    out = {a: b"" for a in assoc_ids}
    if len(df) == 0:
        return out
    rows = pd.util.hash_pandas_object(df, index=False).to_numpy()
    ids = df["association_id"].astype(str).to_numpy()
    order = np.argsort(ids, kind="stable")
    ids_sorted = ids[order]
    starts = np.flatnonzero(np.r_[True, ids_sorted[1:] != ids_sorted[:-1]])
    ends = np.r_[starts[1:], len(ids_sorted)]
    header = ",".join(map(str, df.columns)).encode()
    for s, e in zip(starts, ends):
        out[str(ids_sorted[s])] = header + rows[order[s:e]].tobytes()
    return out


def data_fingerprints(tables) -> dict[str, str]:
    """{"shared": digest of the small shared tables, association_id: digest of its rows}."""
    assoc_ids = [str(a) for a in tables.associations["association_id"]]
    per = {name: _per_association(getattr(tables, name), assoc_ids)
           for name in ("observations", "interventions", "sources")}
    out = {SHARED: _sha(*(_frame_digest(getattr(tables, n)).encode()
                          for n in ("vocabulary", "metrics", "associations", "categories")))}
    for a in assoc_ids:
        out[a] = _sha(*(per[name].get(a, b"") for name in ("observations", "interventions", "sources")))
    # rows of an association missing from associations.csv cannot pass validation; counted anyway
    for name, groups in per.items():
        for a, b in groups.items():
            out.setdefault(a, _sha(b))
    return out


def lineage_groups(tables) -> dict[str, list[str]]:
    """Each association -> every association linked to it by successor_id, in either direction."""
    a = tables.associations
    ids = [str(x) for x in a["association_id"]]
    parent = {x: x for x in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, succ in zip(ids, a["successor_id"]):
        s = "" if succ is None or (isinstance(succ, float) and succ != succ) else str(succ)
        if s and s in parent:
            parent[find(x)] = find(s)
    groups: dict[str, list[str]] = {}
    for x in ids:
        groups.setdefault(find(x), []).append(x)
    return {x: sorted(groups[find(x)]) for x in ids}


@dataclass(frozen=True)
class Page:
    """One page of the site: the job that renders it, where it goes, and what it depends on."""
    job: object
    key: str  #: path of the HTML file relative to the output folder
    fingerprint: dict


class Fingerprinter:
    """Fingerprints of pages against one state of the code, the libraries and the data."""

    def __init__(self, tables, notebooks_dir: str | Path, package_dir: str | Path | None = None):
        self.notebooks_dir = Path(notebooks_dir)
        self.code = code_version(package_dir=package_dir)
        self.libraries = library_fingerprint()
        self.data = data_fingerprints(tables)
        self.groups = lineage_groups(tables)
        self._notebooks: dict[str, str] = {}

    def scope(self, notebook: str, params: dict) -> list[str]:
        """The associations whose rows a page reads."""
        a = params.get("association")
        if a is None:
            return sorted(k for k in self.data if k != SHARED)
        return self.groups.get(str(a), [str(a)])

    def page(self, job) -> Page:
        params = dict(job.params)
        nb = job.notebook
        if nb not in self._notebooks:
            self._notebooks[nb] = notebook_fingerprint(self.notebooks_dir / f"{nb}.ipynb")
        lang = getattr(job, "lang", None) or getattr(job, "language", None) or params.get("lang")
        data = {SHARED: self.data[SHARED]}
        data.update({a: self.data.get(a, "<no rows>") for a in self.scope(nb, params)})
        fp = dict(notebook=self._notebooks[nb], code=self.code, libraries=self.libraries,
                  params=json.dumps(params, sort_keys=True, default=str), language=lang, data=data,
                  # the language switch links the site's other languages: one more, and the page changes
                  site_languages=",".join(getattr(job, "site_languages", ()) or ()))
        return Page(job, job.html_path, fp)


# ---------------------------------------------------------------------------- manifest
def load_manifest(out: str | Path) -> dict:
    """The manifest of an output folder; an absent, unreadable or foreign one is empty (so every
    page is rendered, which is always safe). A manifest of an older finsam (format 1, which recorded
    a page's HTML and PNG figures only) gives no page as up to date; the files it records, and the
    ones that finsam always wrote beside them (each PNG's SVG, the page's table downloads), stay
    known as finsam's, so that they may be replaced."""
    p = Path(out) / MANIFEST
    try:
        m = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": FORMAT, "pages": {}, "files": []}
    if not isinstance(m, dict) or not isinstance(m.get("pages"), dict):
        return {"format": FORMAT, "pages": {}, "files": []}
    files = m.get("files")
    files = {f for f in files if isinstance(f, str)} if isinstance(files, list) else set()
    if m.get("format") == LEGACY_FORMAT:
        files |= _legacy_files(Path(out), m["pages"])
        return {"format": FORMAT, "pages": {}, "files": sorted(files)}
    if m.get("format") != FORMAT:
        return {"format": FORMAT, "pages": {}, "files": []}
    # an entry of the wrong shape (edited by hand, another tool's) is dropped: that page is re-rendered
    m["pages"] = {k: e for k, e in m["pages"].items() if isinstance(k, str) and _entry_ok(k, e)}
    m["files"] = sorted(files)
    return m


def _legacy_files(out: Path, pages: dict) -> set[str]:
    """The files a format-1 manifest vouches for: each page, its recorded PNG figures with their SVG
    twins (finish_figure always wrote both), and the page's table downloads (``<stem>__data-<n>``
    .csv/.xlsx in its figures folder, which that finsam wrote with every page)."""
    import re
    from finsam.core.names import figures_path
    known: set[str] = set()
    for key, e in pages.items():
        if not isinstance(key, str) or not isinstance(e, dict):
            continue
        known.add(key)
        figs = e.get("figures")
        for f in figs if isinstance(figs, dict) else ():
            if isinstance(f, str) and f.endswith(".png"):
                known |= {f, f[:-4] + ".svg"}
        parts = key.split("/")
        if len(parts) == 3 and parts[2].endswith(".html"):
            folder = figures_path(parts[0], parts[1])
            stem = re.escape(parts[2][:-5])
            try:
                names = [x.name for x in (out / folder).iterdir()]
            except OSError:
                names = []
            known |= {f"{folder}/{n}" for n in names if re.fullmatch(rf"{stem}__data-\d+\.(csv|xlsx)", n)}
    return known


def _state_ok(v) -> bool:
    return isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in v)


def _entry_ok(key: str, e) -> bool:
    """An entry is ``{"fingerprint": dict, "version": str, "files": {path: [size, mtime_ns]}}``
    whose files include the page itself."""
    if not isinstance(e, dict):
        return False
    files = e.get("files")
    return (isinstance(e.get("fingerprint"), dict) and isinstance(e.get("version"), str)
            and isinstance(files, dict) and key in files
            and all(isinstance(k, str) and _state_ok(v) for k, v in files.items()))


def known_files(manifest: dict) -> set[str]:
    """Every file the manifest records as written by finsam (pages, their figures and downloads, the
    indexes), relative to the output folder: only these (and finsam's own pages) are ever replaced."""
    known = set(manifest.get("files", []))
    for key, e in manifest.get("pages", {}).items():
        known.add(key)
        known.update(e.get("files", {}))
    return known


def save_manifest(out: str | Path, manifest: dict) -> None:
    """Write the manifest (atomically), inside ``out``; a failure is a :class:`FinsamError` naming the file."""
    data = json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")
    path = Path(out) / MANIFEST
    try:
        if not path.parent.resolve().is_relative_to(Path(out).resolve()):
            raise FinsamError(f"refusing to write {path}: it lies outside the output folder {out}")
        if path.is_dir() and not path.is_symlink():
            raise FinsamError(f"cannot write {path}: it is a folder")
        write_atomic(path, data)
    except OSError as e:
        raise FinsamError(f"cannot write {path}: {e.strerror or e}") from None


def _why(old: dict, new: dict) -> str | None:
    """Why a page whose recorded fingerprint is ``old`` must be re-rendered; None if it need not."""
    reasons = []
    for part, label in (("code", "code changed"), ("libraries", "library versions changed"),
                        ("notebook", "notebook changed"), ("params", "parameters changed"),
                        ("language", "language changed"),
                        ("site_languages", "the site's languages changed")):
        if old.get(part) != new.get(part):
            reasons.append(label)
    od, nd = old.get("data") or {}, new.get("data") or {}
    if od.get(SHARED) != nd.get(SHARED):
        reasons.append("shared tables (vocabulary, metrics, associations) changed")
    changed = sorted(a for a in nd if a != SHARED and od.get(a) != nd[a])
    dropped = sorted(a for a in od if a != SHARED and a not in nd)
    if changed or dropped:
        names = changed + dropped
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        reasons.append(f"data of {shown} changed")
    return "; ".join(reasons) or None


def _files_changed(out: Path, key: str, files: dict) -> str | None:
    """Why the files a page's render wrote are no longer as written (the page first); None if they are."""
    for rel in [key] + sorted(f for f in files if f != key):
        state = state_of(out / rel)
        if state is None:
            return "output missing" if rel == key else f"{rel} missing"
        if state != files[rel]:
            return "output changed since it was rendered" if rel == key else f"{rel} changed since it was rendered"
    return None


def plan(pages: list[Page], manifest: dict, out: str | Path, force: bool = False):
    """Split ``pages`` into (to_render, up_to_date, reasons); reasons maps a page's key to why it is
    re-rendered. A page is kept only if the manifest records the same fingerprint and every file its
    render wrote (page, figures, downloads) is still there, unchanged since this code wrote it."""
    out = Path(out)
    recorded = manifest.get("pages", {})
    to_render, up_to_date, reasons = [], [], {}
    for p in pages:
        entry = recorded.get(p.key)
        if force:
            why = "--force"
        elif entry is None:
            why = "new page"
        else:
            why = _why(entry.get("fingerprint") or {}, p.fingerprint) or _files_changed(out, p.key, entry["files"])
        if why is None:
            up_to_date.append(p)
        else:
            to_render.append(p)
            reasons[p.key] = why
    return to_render, up_to_date, reasons


# ---------------------------------------------------------------------------- re-stamping the data version
#: how often each kind of file a page's render writes carries its "finsam <release>, data version
#: <v>" phrase: the page (footer, citation), a table's CSV (citation) and .xlsx (citation, comments)
VERSION_PHRASES = {".html": 2, ".csv": 1, ".xlsx": 2}


def version_phrase(lang: str, version: str) -> bytes:
    """The words that state a page's release and data version, as its footer and citations print
    them ("finsam 0.1.0, data version effe0d07a1ea"): the part of the footer's text up to the version."""
    from finsam.site.pages import release
    from finsam.texts import TEXT
    text = TEXT["site.data_version"][lang]
    head = text[:text.index("{version}") + len("{version}")]
    return head.format(release=release(), version=version).encode("utf-8")


class Unstampable(Exception):
    """A page's files do not carry its data version as its writer put it there: render it instead."""


def _restamped(path: Path, data: bytes, old: bytes, new: bytes) -> bytes:
    """``data`` of the file ``path`` with each ``old`` phrase replaced by ``new``; for an .xlsx (a zip)
    inside its members, each kept with its name, date, attributes and compression."""
    want = VERSION_PHRASES.get(path.suffix)
    if want is None:
        return data  # a figure: no version in it
    if path.suffix != ".xlsx":
        if data.count(old) != want:
            raise Unstampable(f"{path.name} states its data version {data.count(old)} time(s), not {want}")
        return data.replace(old, new)
    import io
    import zipfile
    found = 0
    buf = io.BytesIO()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
            for info in src.infolist():
                member = src.read(info)
                found += member.count(old)
                dst.writestr(info, member.replace(old, new))
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise Unstampable(f"{path.name}: {e}") from None
    if found != want:
        raise Unstampable(f"{path.name} states its data version {found} time(s), not {want}")
    return buf.getvalue()


def restamp(out: Path, key: str, entry: dict, lang: str, version: str) -> dict:
    """Re-stamp the page ``key`` (its inputs unchanged, so its numbers are those of ``version``):
    the data version in each of the files its render wrote, each checked against ``entry`` just
    before it is read and written atomically. Returns the files' new states; raises
    :class:`Unstampable` (the page is then rendered) when a file is not as recorded or does not
    state the old version as the writer did."""
    old, new = version_phrase(lang, entry["version"]), version_phrase(lang, version)
    files = dict(entry["files"])
    # every new file's bytes first: a page is re-stamped whole or not at all
    pending = {}
    for rel in sorted(files):
        if not rel.endswith(tuple(VERSION_PHRASES)):
            continue
        path = inside(out, rel)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise Unstampable(f"cannot read {rel}: {e.strerror or e}") from None
        if state_of(path) != files[rel]:
            raise Unstampable(f"{rel} changed since it was rendered")
        pending[rel] = _restamped(path, data, old, new)
    for rel, data in pending.items():
        try:
            files[rel] = file_state(write_atomic(inside(out, rel), data))
        except OSError as e:
            raise Unstampable(f"cannot write {rel}: {e.strerror or e}") from None
    return files


class Session:
    """The incremental part of one ``finsam render``: plan, invalidate, re-stamp, record.

    Used by finsam.site.render in three calls: ``select(jobs)`` before executing (returns the jobs to
    run, re-stamps the pages kept whose data version is out of date, and writes the manifest without
    the entries of the pages to run), ``record(outcomes)`` after, ``record_files`` for the indexes."""

    def __init__(self, out: str | Path, tables, notebooks_dir: str | Path, force: bool = False,
                 verbose: bool = False, package_dir: str | Path | None = None, stream=None):
        self.out = Path(out)
        self.force, self.verbose = force, verbose
        self.stream = stream or sys.stderr
        self.fp = Fingerprinter(tables, notebooks_dir, package_dir)
        self.version = str(tables.version)
        self.manifest = load_manifest(self.out)
        self.pages: dict[str, Page] = {}
        self.up_to_date: list = []
        self.restamped: list = []
        self.reasons: dict[str, str] = {}
        self.error = ""  # why the manifest could not be saved after rendering, if it could not
        self._known = known_files(self.manifest)
        self._before = dict(self.manifest["pages"])  # the entries as this render found them

    def known(self) -> set[str]:
        """The files finsam wrote in the output folder, as recorded before this render (see known_files)."""
        return set(self._known)

    def _save(self) -> None:
        try:
            save_manifest(self.out, self.manifest)
        except FinsamError as e:
            self.error = str(e)
            print(f"finsam: {e}", file=self.stream)

    def record_files(self, rel_paths) -> None:
        """Record files other than pages and their figures and downloads (the indexes) as written by finsam."""
        files = sorted(set(self.manifest.get("files", [])) | set(rel_paths))
        if files != self.manifest.get("files"):
            self.manifest["files"] = files
            self._known.update(files)
            self._save()

    def select(self, jobs: list) -> list:
        pages = [self.fp.page(j) for j in jobs]
        self.pages = {p.key: p for p in pages}
        todo, kept, self.reasons = plan(pages, self.manifest, self.out, self.force)
        stale = [p for p in kept if self.manifest["pages"][p.key]["version"] != self.version]
        if todo or stale:
            # invalidate first: a render or re-stamp stopped half-way must not leave a page marked
            # as done whose files it has since overwritten
            for p in todo + stale:
                self._forget(p.key)
            save_manifest(self.out, self.manifest)
        for p in stale:
            entry = self._before[p.key]
            try:
                files = restamp(self.out, p.key, entry, p.fingerprint.get("language") or p.key.split("/")[0],
                                self.version)
            except (Unstampable, FinsamError) as e:
                todo.append(p)
                kept.remove(p)
                self.reasons[p.key] = f"cannot re-stamp its data version ({e})"
                continue
            self.manifest["pages"][p.key] = dict(entry, version=self.version, files=files)
            self.restamped.append(p.job)
            if self.verbose:
                print(f"re-stamp {p.key}: data version {entry['version']} -> {self.version} "
                      "(none of its inputs changed)", file=self.stream)
        if self.restamped:
            self._save()
        self.up_to_date = [p.job for p in kept]
        if self.verbose:
            for p in todo:
                print(f"render {p.key}: {self.reasons[p.key]}", file=self.stream)
        return [p.job for p in todo]

    def _forget(self, key: str) -> None:
        """Remove a page's entry (it is about to be rendered or re-stamped); its files stay known as
        finsam's (a failed render leaves them, and the next render may replace them)."""
        entry = self.manifest["pages"].pop(key, None)
        if entry is not None:
            self.manifest["files"] = sorted(set(self.manifest["files"]) | set(entry["files"]))

    def record(self, outcomes: list) -> None:
        """Add the pages that rendered successfully to the manifest, with every file each wrote
        (``Outcome.files``: path relative to the output folder -> state as written), and write it."""
        changed = False
        for o in outcomes:
            key = o.job.html_path
            page = self.pages.get(key)
            files = dict(getattr(o, "files", None) or {})
            if not getattr(o, "ok", False):
                if files:  # written before the render failed (a full disk): finsam's all the same
                    self.manifest["files"] = sorted(set(self.manifest["files"]) | set(files))
                    self._known.update(files)
                    changed = True
                continue
            if page is None or key not in files:
                continue
            self.manifest["pages"][key] = dict(fingerprint=page.fingerprint, version=self.version, files=files)
            changed = True
        if changed:
            self._save()

    def figures(self) -> dict[str, list[str]]:
        """The PNG figures of each page, as its render recorded them (for the index's thumbnails): a
        page rendered or kept now, else (its render failed) as recorded before, if still on disk."""
        return page_figures(self.out, self._before, self.manifest["pages"])


def page_figures(out: Path, *entries: dict) -> dict[str, list[str]]:
    """{page: [its PNG figures, relative to the output folder]} from manifest entries ({page:
    entry}; a later mapping's entry wins): the figures its render wrote and recorded, if they are
    still the files it wrote. Never a file found by its name alone."""
    result = {}
    for source in entries:
        for key, e in source.items():
            figs = [rel for rel, st in sorted(e.get("files", {}).items())
                    if rel.endswith(".png") and state_of(out / rel) == st]
            result[key] = figs
    return result


# ---------------------------------------------------------------------------- validation
def validation_key(data_dir: str | Path, sources_dir: str | Path, provenance: bool) -> str:
    """Digest of everything a validation result depends on: every file of the data folder and
    (with provenance) of the source texts, by name and bytes, the finsam code and the library
    versions. Validation is a function of these, so a render whose key was validated before
    need not validate again (the no-op re-render's largest cost after the imports)."""
    parts = [b"validation-1", str(bool(provenance)).encode(), code_version().encode(),
             library_fingerprint().encode()]
    folders = [Path(data_dir)] + ([Path(sources_dir)] if provenance else [])
    for root in folders:
        parts.append(str(root).encode())
        try:
            files = sorted(root.rglob("*")) if root.is_dir() else []
        except OSError as e:  # an unreadable folder: validation says so, in its own words
            files, parts = [], parts + [f"<unreadable folder: {e.errno}>".encode()]
        for f in files:
            try:
                if f.is_file():
                    parts += [str(f.relative_to(root)).encode(), f.read_bytes()]
            except OSError as e:  # an unreadable file: if validation needs it, validation says so
                parts += [str(f.relative_to(root)).encode(), f"<unreadable: {e.errno}>".encode()]
    return _sha(*parts)


def _validated_marker(key: str) -> Path:
    return paths.cache_dir() / f"validated-{key}"


def validated_before(key: str) -> bool:
    return _validated_marker(key).is_file()


def mark_validated(key: str) -> None:
    """Record that the inputs of ``key`` passed validation (best effort: a read-only cache only
    means validating again next time)."""
    try:
        write_atomic(_validated_marker(key), b"")
    except OSError:
        pass
