"""The CLI end to end through typer's runner: index, search, batch queries, errors."""

import json

import pytest
from helpers import dialogues, write_jsonl
from typer.testing import CliRunner

from bedside.cli import app

runner = CliRunner()


@pytest.fixture
def indexed_csv(home, tmp_path):
    """A CSV with its own column names and no title column, indexed through the CLI."""
    import pyarrow as pa

    rows = [{"question": r["Patient"], "answer": r["Doctor"]} for r in dialogues(16)]
    path = tmp_path / "mine.csv"
    pa.Table.from_pylist(rows).to_pandas().to_csv(path, index=False)
    result = runner.invoke(
        app,
        [
            "index",
            "--input",
            str(path),
            "--question-col",
            "question",
            "--answer-col",
            "answer",
            "--title-col",
            "",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output.strip().splitlines()[-1])


def test_index_from_csv_reports_stats(indexed_csv):
    assert indexed_csv["rows_read"] == 16 and indexed_csv["added_dialogues"] == 16
    assert indexed_csv["table_rows"] == 16 and "fts" in indexed_csv["indexes"]
    assert set(indexed_csv["pii_redactions"]) == {"email", "phone", "url", "name", "dob", "address", "record"}


def test_search_json_shape(indexed_csv):
    result = runner.invoke(app, ["search", "my knee has bothered me", "-k", "3", "--kind", "hybrid", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["query"] == "my knee has bothered me"
    assert [hit["rank"] for hit in payload["hits"]] == [1, 2, 3]
    for hit in payload["hits"]:
        assert set(hit) == {"rank", "score", "dialogue_id", "title", "patient", "doctor"}
    assert "knee" in payload["hits"][0]["doctor"]


def test_search_many_queries_prints_one_json_line_each(indexed_csv, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("cough for days\n\nrash on my arm\n???\n")
    result = runner.invoke(app, ["search", "--queries", str(queries), "-k", "2"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.strip().splitlines()]
    assert [line["query"] for line in lines] == ["cough for days", "rash on my arm", "???"]
    assert len(lines[0]["hits"]) == 2 and "cough" in lines[0]["hits"][0]["doctor"]
    assert lines[2]["hits"] == [] and "punctuation" in lines[2]["error"]


def test_index_sample_then_plain_search(home):
    result = runner.invoke(app, ["index", "--limit", "40"])
    assert result.exit_code == 0, result.output
    assert "added_dialogues" in result.output
    found = runner.invoke(app, ["search", "painful tooth"])
    assert found.exit_code == 0 and "Doctor:" in found.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "?!"], "empty or only punctuation"),
        (["search", "anything"], "run `bedside index` first"),
        (["search"], "give a query or --queries"),
        (["index", "--input", "nope.csv"], "does not exist"),
        (["index", "--input", "x.csv", "--dataset", "y"], "either --input or --dataset"),
    ],
)
def test_errors_exit_2_with_a_message_and_no_traceback(home, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_missing_column_error_lists_columns(home, tmp_path):
    path = write_jsonl(tmp_path / "odd.jsonl", [{"q": "a", "a": "b"}])
    result = runner.invoke(app, ["index", "--input", str(path)])
    assert result.exit_code == 2
    assert "columns found: q, a" in " ".join(result.output.split())


def test_scrubbed_placeholders_and_brackets_are_shown_not_eaten_as_markup(home, tmp_path):
    rows = [
        {
            "Description": "Q. Call me [urgent]",
            "Patient": "Mail me at a@b.com",
            "Doctor": "Hi, thanks for your query. Rest and fluids help. Call +91 98765 43210 if worse.",
        }
    ]
    path = write_jsonl(tmp_path / "pii.jsonl", rows)
    assert runner.invoke(app, ["index", "--input", str(path)]).exit_code == 0
    shown = runner.invoke(app, ["search", "rest and fluids", "-k", "1"])
    assert shown.exit_code == 0
    assert "Mail me at [email]" in shown.output and "Call [phone] if worse" in shown.output
    assert "Q. Call me [urgent]" in shown.output


def test_a_huge_answer_is_skipped_with_a_note_and_the_rest_indexed(home, tmp_path):
    # One 2 MB answer: JSONL refused it with "straddling object straddles two block boundaries",
    # parquet took 7.9 GiB storing the whole answer in each of 1,803 chunk rows.
    rows = dialogues(5) + [{"Description": "Q. Huge", "Patient": "question", "Doctor": "Rest and fluids. " * 120_000}]
    for name in ("huge.jsonl", "huge.csv"):
        path = tmp_path / name
        if name.endswith(".jsonl"):
            write_jsonl(path, rows)
        else:
            import csv

            with path.open("w", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=["Description", "Patient", "Doctor"])
                writer.writeheader()
                writer.writerows(rows)
        result = runner.invoke(app, ["index", "--input", str(path), "--rebuild", "--json"])
        assert result.exit_code == 0, result.output
        assert "1 answer(s) longer than 30,000 characters skipped" in " ".join(result.output.split())
        stats = json.loads(result.output.strip().splitlines()[-1])
        assert stats["too_long_answers"] == 1 and stats["added_dialogues"] == 5


def test_a_numeric_answer_column_is_refused(home, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "numbers.parquet"
    pq.write_table(
        pa.table({"Description": ["Q. a", "Q. b"], "Patient": ["my knee", "cough"], "Doctor": [12, 6]}), path
    )
    result = runner.invoke(app, ["index", "--input", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "column 'Doctor' (--answer-col) holds int64 values, not text" in " ".join(result.output.split())
    digits = write_jsonl(
        tmp_path / "digits.jsonl",
        [
            {"Description": "Q. a", "Patient": "knee", "Doctor": "12345"},
            {"Description": "Q. b", "Patient": "x", "Doctor": "6"},
        ],
    )
    result = runner.invoke(app, ["index", "--input", str(digits)])
    assert result.exit_code == 2 and "holds no words (first values: 12345, 6)" in " ".join(result.output.split())


def test_index_tune_retunes_what_is_indexed_and_adds_nothing(home, tmp_path):
    # `--tune` alone once read the default source and added the shipped sample to a user's index.
    path = write_jsonl(tmp_path / "mine.jsonl", dialogues(12))
    assert runner.invoke(app, ["index", "--input", str(path)]).exit_code == 0
    before = json.loads(runner.invoke(app, ["index", "--input", str(path), "--json"]).output.splitlines()[-1])
    tuned = runner.invoke(app, ["index", "--tune", "--json"])
    assert tuned.exit_code == 0, tuned.output
    assert "12 dialogues are too few to tune on" in json.loads(tuned.output.splitlines()[-1])["fusion"]
    after = json.loads(runner.invoke(app, ["index", "--input", str(path), "--json"]).output.splitlines()[-1])
    assert after["table_rows"] == before["table_rows"]
