"""tools/gmb_dev_jsonl.py: the output path is checked before anything is opened for writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_tool

extract = load_tool("gmb_dev_jsonl")


@pytest.mark.parametrize("name", ["gmb_ner_dataset.csv.zip", "notes.txt", "dev"])
def test_an_output_that_is_not_jsonl_is_refused_and_left_untouched(tmp_path: Path, name: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / name
    target.write_bytes(b"PK\x03\x04 an archive the caller meant as input")
    with pytest.raises(SystemExit) as stopped:
        extract.main([str(target), "--zip", str(tmp_path / "missing.zip")])
    assert stopped.value.code == 2
    assert target.read_bytes() == b"PK\x03\x04 an archive the caller meant as input"
    assert "must be a .jsonl file" in capsys.readouterr().err
