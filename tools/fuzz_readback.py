"""Fuzz the read-back of our own PDF and DOCX files: damage them at random and load them.

    python tools/fuzz_readback.py pdf 600     # ten minutes of damaged PDFs
    python tools/fuzz_readback.py docx 600

Every damaged copy must load (the damage missed the source) or raise ``InputError``; any
other exception is printed with the seed that reproduces it, and the run exits 1. Damage:
random bytes overwritten, a run of bytes deleted or repeated, the file cut short, and (DOCX)
one part's bytes damaged inside a well-formed zip.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

import jsi_docs
from jsi_docs.errors import InputError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"


def damage(data: bytes, rng: random.Random, fmt: str) -> bytes:
    raw = bytearray(data)
    kind = rng.choice(["flip", "flip", "delete", "repeat", "cut", "part"])
    if kind == "part" and fmt == "docx":
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
            infos = old.infolist()
            victim = rng.choice(infos).filename
            for info in infos:
                body = old.read(info)
                if info.filename == victim and body:
                    body = damage(body, rng, "bytes")
                new.writestr(info, body, compress_type=rng.choice([0, 8, 8, 12, 14]))
        return out.getvalue()
    if kind in ("flip", "part"):
        for _ in range(rng.randint(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    elif kind == "delete":
        at = rng.randrange(len(raw))
        del raw[at : at + rng.randint(1, 4096)]
    elif kind == "repeat":
        at = rng.randrange(len(raw))
        raw[at:at] = raw[at : at + rng.randint(1, 4096)] * rng.randint(1, 50)
    else:
        del raw[rng.randrange(len(raw)) :]
    return bytes(raw)


def main(fmt: str, seconds: float) -> int:
    item = jsi_docs.load(EXAMPLE)
    original = jsi_docs.export(item, fmt)
    tried = loaded = refused = 0
    failures: list[str] = []
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"damaged.{fmt}"
        seed = 0
        while time.monotonic() < deadline:
            seed += 1
            target.write_bytes(damage(original, random.Random(seed), fmt))
            tried += 1
            try:
                jsi_docs.load(target)
                loaded += 1
            except InputError:
                refused += 1
            except Exception:  # what the run is looking for
                failures.append(f"seed {seed}: {traceback.format_exc(limit=3)}")
    print(f"{fmt}: {tried} damaged copies in {seconds:.0f} s: {loaded} still loaded, "
          f"{refused} InputError, {len(failures)} other exceptions")  # fmt: skip
    for failure in failures[:20]:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 600))
