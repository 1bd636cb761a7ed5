"""Reading corpora: column mapping, formats, and errors that name the problem and the fix."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from helpers import dialogues, write_jsonl

from bedside.index.sources import ColumnMap, SourceError, read_file

CUSTOM = ColumnMap(question="q", answer="a", title="t")


def custom_rows(n=3):
    return [{"t": r["Description"], "q": r["Patient"], "a": r["Doctor"]} for r in dialogues(n)]


def test_reads_parquet_csv_and_jsonl_with_mapped_columns(tmp_path):
    rows = custom_rows()
    table = pa.Table.from_pylist(rows)
    pq.write_table(table, tmp_path / "d.parquet")
    table.to_pandas().to_csv(tmp_path / "d.csv", index=False)
    write_jsonl(tmp_path / "d.jsonl", rows)
    for name in ("d.parquet", "d.csv", "d.jsonl"):
        read = read_file(tmp_path / name, CUSTOM)
        assert [(d.title, d.patient, d.doctor) for d in read] == [(r["t"], r["q"], r["a"]) for r in rows], name
        assert read[0].source == f"file:{name}"


def test_file_without_title_column_and_limit(tmp_path):
    rows = [{"question": r["q"], "answer": r["a"]} for r in custom_rows(5)]
    path = write_jsonl(tmp_path / "untitled.jsonl", rows)
    read = read_file(path, ColumnMap("question", "answer", None), limit=2)
    assert len(read) == 2 and read[0].title == ""


def test_csv_keeps_values_as_text(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("Patient,Doctor,Description\n007,NA,0012\n")
    [row] = read_file(path)
    assert (row.patient, row.doctor, row.title) == ("007", "NA", "0012")


def test_missing_columns_are_named_with_the_columns_found(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", custom_rows())
    with pytest.raises(SourceError) as error:
        read_file(path)  # default Patient/Doctor/Description
    message = str(error.value)
    assert "'Patient' (--question-col)" in message and "'Doctor' (--answer-col)" in message
    assert "columns found: t, q, a" in message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", "Patient,Doctor,Description\n", "has no rows"),
        ("broken.parquet", "this is not parquet", "cannot read"),
        ("notes.txt", "hello", "unsupported file type .txt"),
        ("bad.jsonl", '{"Patient": "a", "Doctor": \n', "cannot read"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(SourceError, match=message):
        read_file(path)


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        read_file(tmp_path / "nope.csv")
    with pytest.raises(SourceError, match="is a folder"):
        read_file(tmp_path)
