"""README.md stays true: its test command is what CI runs, its field table is the contract's."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from toolkit.contract import load_contract

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```bash\n(.+?)\n```", README)
    assert len(commands) >= 2
    setup_build, setup_test = commands[0], commands[1]
    assert "toolkit build" in setup_build
    assert setup_test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_field_table_is_the_contracts() -> None:
    table = README.split("<!-- fields:start -->\n")[1].split("\n<!-- fields:end -->")[0]
    assert table == load_contract().field_table()
