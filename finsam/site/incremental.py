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
wrote, its fingerprint, the size and mtime of the HTML file and its figures. Before any kernel
starts, the entries of the pages about to be re-rendered are removed and the manifest is written
(atomically); only pages that rendered successfully are added back at the end. So an interrupted
or crashed render never marks a page as done that was not written, and a failed page is retried
next time (its old HTML file is kept, as before).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from finsam.core import paths
from finsam.core.errors import FinsamError
from finsam.core.files import write_atomic
from finsam.core.version import code_version, digest as _sha

MANIFEST = ".finsam-manifest.json"
FORMAT = 1
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
    page is rendered, which is always safe)."""
    p = Path(out) / MANIFEST
    try:
        m = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": FORMAT, "pages": {}}
    if not isinstance(m, dict) or m.get("format") != FORMAT or not isinstance(m.get("pages"), dict):
        return {"format": FORMAT, "pages": {}}
    # an entry of the wrong shape (edited by hand, another tool's) is dropped: that page is re-rendered
    m["pages"] = {k: e for k, e in m["pages"].items() if _entry_ok(e)}
    files = m.get("files")
    m["files"] = sorted(f for f in files if isinstance(f, str)) if isinstance(files, list) else []
    return m


def _entry_ok(e) -> bool:
    """An entry is a dict whose parts, where present, have their types (fingerprint: dict, file:
    list, figures: {path: list})."""
    if not isinstance(e, dict):
        return False
    figs = e.get("figures", {})
    return (isinstance(e.get("fingerprint", {}), dict) and isinstance(e.get("file", []), list)
            and isinstance(figs, dict) and all(isinstance(k, str) and isinstance(v, list) for k, v in figs.items()))


def known_files(manifest: dict) -> set[str]:
    """Every file the manifest records as written by finsam (pages, their figures, the indexes),
    relative to the output folder: only these (and finsam's own pages) are ever replaced."""
    known = set(manifest.get("files", []))
    for key, e in manifest.get("pages", {}).items():
        known.add(key)
        known.update(e.get("figures", {}))
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


def _file_state(path: Path) -> list | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


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


def plan(pages: list[Page], manifest: dict, out: str | Path, force: bool = False):
    """Split ``pages`` into (to_render, up_to_date, reasons); reasons maps a page's key to why it is
    re-rendered. A page is kept only if the manifest records the same fingerprint and its HTML file
    and figures are still there, unchanged since this code wrote them."""
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
            why = _why(entry.get("fingerprint") or {}, p.fingerprint)
            if why is None:
                state = _file_state(out / p.key)
                if state is None:
                    why = "output missing"
                elif state != entry.get("file"):
                    why = "output changed since it was rendered"
                else:
                    for fig in entry.get("figures", []):
                        if _file_state(out / fig) != entry["figures"][fig]:
                            why = f"figure {fig} missing or changed"
                            break
        if why is None:
            up_to_date.append(p)
        else:
            to_render.append(p)
            reasons[p.key] = why
    return to_render, up_to_date, reasons


class Session:
    """The incremental part of one ``finsam render``: plan, invalidate, record.

    Used by finsam.site.render in three calls: ``select(jobs)`` before executing (returns the jobs to
    run and writes the manifest without their entries), ``record(outcomes)`` after."""

    def __init__(self, out: str | Path, tables, notebooks_dir: str | Path, force: bool = False,
                 verbose: bool = False, package_dir: str | Path | None = None, stream=None):
        self.out = Path(out)
        self.force, self.verbose = force, verbose
        self.stream = stream or sys.stderr
        self.fp = Fingerprinter(tables, notebooks_dir, package_dir)
        self.manifest = load_manifest(self.out)
        self.pages: dict[str, Page] = {}
        self.up_to_date: list = []
        self.reasons: dict[str, str] = {}
        self.error = ""  # why the manifest could not be saved after rendering, if it could not
        self._known = known_files(self.manifest)

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
        """Record files other than pages and figures (the indexes) as written by finsam."""
        files = sorted(set(self.manifest.get("files", [])) | set(rel_paths))
        if files != self.manifest.get("files"):
            self.manifest["files"] = files
            self._known.update(files)
            self._save()

    def select(self, jobs: list) -> list:
        pages = [self.fp.page(j) for j in jobs]
        self.pages = {p.key: p for p in pages}
        todo, kept, self.reasons = plan(pages, self.manifest, self.out, self.force)
        self.up_to_date = [p.job for p in kept]
        if self.verbose:
            for p in todo:
                print(f"render {p.key}: {self.reasons[p.key]}", file=self.stream)
        if todo:
            # invalidate first: a render stopped half-way must not leave a page marked as done
            # whose file it has since overwritten
            for p in todo:
                self.manifest["pages"].pop(p.key, None)
            save_manifest(self.out, self.manifest)
        return [p.job for p in todo]

    @staticmethod
    def figure_path(job, name: str) -> str:
        """Where finsam.site.render.run_job writes a page's figure, relative to the output folder."""
        from finsam.core.names import figures_path
        return f"{figures_path(job.language, job.association)}/{name}"

    def record(self, outcomes: list) -> None:
        """Add the pages that rendered successfully to the manifest and write it."""
        changed = False
        for o in outcomes:
            if not getattr(o, "ok", False):
                continue
            key = o.job.html_path
            page = self.pages.get(key)
            state = _file_state(self.out / key)
            if page is None or state is None:
                continue
            figs = {}
            for name in getattr(o, "figures", []) or []:
                rel = self.figure_path(o.job, name)
                st = _file_state(self.out / rel)
                if st is not None:
                    figs[rel] = st
            self.manifest["pages"][key] = dict(fingerprint=page.fingerprint, file=state, figures=figs)
            changed = True
        if changed:
            self._save()


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
