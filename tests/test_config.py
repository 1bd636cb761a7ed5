import json

import pytest
from typer.testing import CliRunner

from bedside.cli import app
from bedside.core.config import ConfigError, load_settings


def test_defaults_live_under_the_data_home(home):
    settings = load_settings()
    paths = settings.paths
    assert paths.home == home
    for folder in (paths.models, paths.index, paths.runs, paths.history_db):
        assert folder.is_relative_to(home)
    assert settings.search_kind == "hybrid" and settings.chunk_tokens == 256


def test_toml_file_then_environment_override(home, tmp_path, monkeypatch):
    (tmp_path / "config.toml").write_text('search_k = 9\ntable = "mine"\nchunk_overlap = 10\n')
    settings = load_settings()
    assert (settings.search_k, settings.table, settings.chunk_overlap) == (9, "mine", 10)
    monkeypatch.setenv("BEDSIDE_SEARCH_K", "3")
    assert load_settings().search_k == 3
    assert load_settings().table == "mine"


@pytest.mark.parametrize(
    ("toml", "env", "message"),
    [
        ("search_k = 'many'", {}, "'search_k' must be a int"),
        ("", {"BEDSIDE_SEARCH_K": "lots"}, "BEDSIDE_SEARCH_K"),
        ("serch_k = 3", {}, "unknown setting(s) serch_k"),
        ("search_k = ", {}, "is not valid TOML"),
        ("search_kind = 'semantic'", {}, "search_kind must be vector, fts or hybrid"),
        ("chunk_overlap = 300", {}, "chunk_overlap must be"),
        ("chat_template = 'llama-2'", {}, "chat_template must be auto, gemma or gguf"),
        ("max_tokens = 9000", {}, "max_tokens (9000) must be"),
        ("", {"BEDSIDE_N_CTX": "128"}, "n_ctx (BEDSIDE_N_CTX) is 128: at least 512"),
        ("min_answer_tokens = -1", {}, "min_answer_tokens (BEDSIDE_MIN_ANSWER_TOKENS) must be between 0 and 256"),
        ("temperature = 'warm'", {}, "'temperature' must be a float"),
    ],
)
def test_bad_config_names_the_problem(home, tmp_path, monkeypatch, toml, env, message):
    (tmp_path / "config.toml").write_text(toml)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ConfigError, match=None) as error:
        load_settings()
    assert message in str(error.value)


def test_config_command_prints_effective_paths(home):
    result = CliRunner().invoke(app, ["config", "--json"])
    assert result.exit_code == 0, result.output
    effective = json.loads(result.output)
    assert effective["paths"]["home"] == str(home)
    assert effective["paths"]["index"] == str(home / "index")
    assert effective["config_file_exists"] is False


def test_bad_config_is_a_clean_cli_error(home, tmp_path):
    (tmp_path / "config.toml").write_text("search_k = 'many'")
    result = CliRunner().invoke(app, ["config"])
    assert result.exit_code == 2
    assert "search_k" in result.output and "Traceback" not in result.output


def test_numbers_are_accepted_in_their_natural_toml_form(home, tmp_path, monkeypatch):
    (tmp_path / "config.toml").write_text("temperature = 0\ntop_p = 0.5\nn_gpu_layers = -1\n")
    settings = load_settings()
    assert settings.temperature == 0.0 and isinstance(settings.temperature, float)
    assert settings.top_p == 0.5 and settings.n_gpu_layers == -1
    monkeypatch.setenv("BEDSIDE_TEMPERATURE", "0.7")
    assert load_settings().temperature == 0.7


def test_a_misspelt_variable_is_named_with_the_closest_setting(tmp_path, capsys):
    from bedside.core.config import Settings

    environ = {
        "BEDSIDE_HOME": str(tmp_path),
        "BEDSIDE_CONFIG": str(tmp_path / "none.toml"),
        "BEDSIDE_TEMPRATURE": "0",
        "BEDSIDE_XYZZY": "1",
    }
    settings = load_settings(environ)
    err = capsys.readouterr().err
    assert "BEDSIDE_TEMPRATURE is not a Bedside setting" in err and "did you mean BEDSIDE_TEMPERATURE?" in err
    assert "BEDSIDE_XYZZY" in err and "bedside config" in err
    assert "BEDSIDE_HOME" not in err and "BEDSIDE_CONFIG" not in err
    assert settings.temperature == Settings().temperature  # the misspelt value changed nothing
