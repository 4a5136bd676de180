"""Runs a notebook headless and checks its figures.

    run_notebook.py NOTEBOOK OUTPUT_DIR

Every cell runs in a fresh kernel (nbclient, Debian python3-nbclient and
python3-ipykernel; the kernel is this interpreter); a cell that raises fails
the run. The executed notebook is written to OUTPUT_DIR, and the figures the
notebook saves (into HUIKUAN_FIGURE_DIR = OUTPUT_DIR/figures) must each be a
real picture: a PNG of reasonable size with many distinct colours, not a
blank canvas.
"""

from __future__ import annotations

import os
import pathlib
import sys

import matplotlib.image
import nbclient
import nbformat
import numpy as np

EXPECTED_FIGURES = ("aging_by_colour_band.png", "grade_mix.png", "score_distribution.png", "worklist_priority.png",
                    "ceiling_gauge.png")


def check_figure(png: pathlib.Path) -> str | None:
    """None if the file is a real picture, else what is wrong with it."""
    if not png.exists():
        return "missing"
    if png.stat().st_size < 10_000:
        return f"only {png.stat().st_size} bytes"
    pixels = matplotlib.image.imread(png)
    if pixels.ndim != 3 or pixels.shape[0] < 200 or pixels.shape[1] < 300:
        return f"shape {pixels.shape}"
    rgb = pixels[..., :3].reshape(-1, 3)
    colours = len(np.unique((rgb * 255).astype(np.uint8), axis=0))
    non_white = float((rgb.min(axis=1) < 0.9).mean())
    if colours < 16 or non_white < 0.02:
        return f"looks blank: {colours} colours, {non_white:.1%} of pixels drawn"
    return None


def main() -> int:
    notebook_path, output = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    figures = output / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    for old in figures.glob("*.png"):
        old.unlink()
    os.environ["HUIKUAN_FIGURE_DIR"] = str(figures)
    os.environ.setdefault("MPLBACKEND", "Agg")
    # Kernel connection files and IPython's profile stay in the build tree.
    os.environ.setdefault("JUPYTER_RUNTIME_DIR", str(output / "jupyter-runtime"))
    os.environ.setdefault("IPYTHONDIR", str(output / "ipython"))
    notebook = nbformat.read(notebook_path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(notebook_path.parent)}})
    try:
        client.execute()
    finally:
        nbformat.write(notebook, output / notebook_path.name)
    problems = {name: check_figure(figures / name) for name in EXPECTED_FIGURES}
    problems = {name: why for name, why in problems.items() if why}
    for name, why in problems.items():
        print(f"figure {name}: {why}", file=sys.stderr)
    print(f"{notebook_path.name}: {len(notebook.cells)} cells ran; figures in {figures}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
