"""The card must agree with the data: the Hub has no offline validator, so this is ours."""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path
from typing import Any

import yaml
from huggingface_hub import DatasetCard

from toolkit.contract import Contract
from toolkit.extract.knowledge import load_data_file
from toolkit.output.card import size_category
from toolkit.output.report import REPORT_FILE
from toolkit.validate import failures as codes
from toolkit.validate.failures import Failure

CARD = "README.md"
_SHARD = re.compile(r"^(?P<prefix>.+)-(?P<index>\d{5})-of-(?P<count>\d{5})\.parquet$")


def _fail(code: str, message: str) -> Failure:
    return Failure(code, message, file=CARD)


def _data_files(config: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(split, globs) of one `configs` entry, in any of the Hub's accepted shapes."""
    files = config.get("data_files", [])
    if isinstance(files, str):
        return [("train", [files])]
    out = []
    for entry in files if isinstance(files, list) else []:
        if isinstance(entry, str):
            out.append(("train", [entry]))
        elif isinstance(entry, dict):
            paths = entry.get("path", [])
            out.append(
                (str(entry.get("split", "train")), [paths] if isinstance(paths, str) else paths)
            )
    return out


def card_failures(
    folder: Path,
    contract: Contract,
    rows_by_file: dict[str, int],
    present: list[str] | None = None,
) -> list[Failure]:
    """Every way folder/README.md disagrees with the contract and with the files' row counts
    (`present`: every Parquet file there, also those too corrupt to count)."""
    path = folder / CARD
    if not path.is_file():
        return [_fail(codes.CARD_MISSING, "the folder has no README.md dataset card")]
    try:
        data = DatasetCard.load(path).data.to_dict()
    except (ValueError, yaml.YAMLError, OSError) as exc:
        return [_fail(codes.CARD_UNPARSEABLE, f"the card's YAML cannot be read: {exc}")]
    out: list[Failure] = []
    files = list(rows_by_file) if present is None else present
    info = data.get("dataset_info") or {}
    if info.get("features") != contract.card_features:
        ours = [f["name"] for f in contract.card_features]
        theirs = [f.get("name") for f in info.get("features") or [] if isinstance(f, dict)]
        out.append(
            _fail(
                codes.CARD_FEATURES,
                f"dataset_info.features differ from the contract "
                f"(card: {theirs}; contract: {ours})",
            )
        )
    split_rows: dict[str, int] = {}
    for config in data.get("configs") or []:
        for split, globs in _data_files(config):
            for pattern in globs:
                matched = [f for f in files if fnmatch.fnmatchcase(f, pattern)]
                if not matched:
                    out.append(
                        _fail(
                            codes.CARD_CONFIG_GLOB,
                            f"configs path {pattern!r} matches no Parquet file",
                        )
                    )
                counted = sum(rows_by_file.get(f, 0) for f in matched)
                split_rows[split] = split_rows.get(split, 0) + counted
    for split in info.get("splits") or []:
        expected, actual = split.get("num_examples"), split_rows.get(split.get("name"), 0)
        if expected != actual:
            out.append(
                _fail(
                    codes.CARD_NUM_EXAMPLES,
                    f"split {split.get('name')!r}: card says "
                    f"{expected} examples, the files hold {actual}",
                )
            )
    total = sum(rows_by_file.values())
    if data.get("size_categories") not in ([size_category(total)], size_category(total)):
        out.append(
            _fail(
                codes.CARD_SIZE_CATEGORY,
                f"size_categories {data.get('size_categories')} "
                f"does not fit {total} rows ({size_category(total)})",
            )
        )
    out += _license_failures(data)
    return out + shard_failures(folder, files)


def _license_failures(data: dict[str, Any]) -> list[Failure]:
    valid = set(load_data_file("hub_licenses.yaml"))
    licenses = data.get("license")
    for lic in licenses if isinstance(licenses, list) else [licenses]:
        if lic not in valid:
            return [_fail(codes.CARD_LICENSE, f"license {lic!r} is not a Hub license id")]
        if lic == "other" and not data.get("license_name"):
            return [_fail(codes.CARD_LICENSE, "license 'other' needs a license_name")]
    return []


def shard_failures(folder: Path, present: list[str]) -> list[Failure]:
    """Shards named '-of-N' must all be there, and so must those the build report lists."""
    expected: set[str] = set()
    for name in present:
        m = _SHARD.match(Path(name).name)
        if m:
            parent = Path(name).parent
            for i in range(int(m["count"])):
                expected.add((parent / f"{m['prefix']}-{i:05d}-of-{m['count']}.parquet").as_posix())
    report = folder / REPORT_FILE
    if report.is_file():
        try:
            listed = json.loads(report.read_text(encoding="utf-8")).get("shards", [])
            expected.update(str(s) for s in listed)
        except (ValueError, AttributeError, OSError):
            pass
    return [
        Failure(codes.SHARD_MISSING, f"shard {name} is missing", file=name)
        for name in sorted(expected - set(present))
    ]
