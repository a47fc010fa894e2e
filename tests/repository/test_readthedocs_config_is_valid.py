""".readthedocs.yaml is valid against Read the Docs' published schema and asks
for what the project needs: PDF and ePub, warnings as errors, the lock file."""

import subprocess
import sys
from pathlib import Path

import yaml

from tools.build import ROOT

CONFIG = ROOT / ".readthedocs.yaml"


def _validate(path: Path) -> subprocess.CompletedProcess:
    # check-jsonschema ships Read the Docs' schema: no network needed.
    check_jsonschema = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run(
        [str(check_jsonschema), "--builtin-schema", "vendor.readthedocs", str(path)],
        capture_output=True, text=True,
    )


def test_matches_the_schema():
    result = _validate(CONFIG)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_rejects_a_bad_config(tmp_path):
    """Control: the check above can fail."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["formats"] = ["docx"]
    bad = tmp_path / ".readthedocs.yaml"
    bad.write_text(yaml.safe_dump(config), encoding="utf-8")
    assert _validate(bad).returncode != 0


def test_asks_for_pdf_epub_strictness_and_the_lock():
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert sorted(config["formats"]) == ["epub", "pdf"]
    assert config["sphinx"]["configuration"] == "conf.py"
    assert config["sphinx"]["fail_on_warning"] is True
    assert {"requirements": "requirements/docs.txt"} in config["python"]["install"]
