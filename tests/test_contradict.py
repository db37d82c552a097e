"""The contradiction scorer: the committed model on real sentence pairs, its reasons, its trainer,
and the local-NLI-model path."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from claimtrack import config
from claimtrack.contradict import (
    ANS_DIR,
    Network,
    NliModel,
    changed_encoder,
    contradiction_label,
    contradiction_score,
    score_pairs,
    train,
)
from claimtrack.errors import UserError
from claimtrack.features import FEATURE_NAMES, compare, read

PARAPHRASE = ("ارتفعت أسعار النفط اليوم بعد قرار أوبك", "صعدت أسعار النفط اليوم إثر قرار أوبك")
OPPOSITE = ("ارتفعت أسعار النفط اليوم بعد قرار أوبك", "انخفضت أسعار النفط اليوم بعد قرار أوبك")
DENIAL = ("Moscow denies receiving ballistic missiles from North Korea",
          "The Pentagon says Russia received ballistic missiles from North Korea")
DIFFERENT_EVENTS = ("Kim Jong Un visited Russia in September 2023", "Putin visited North Korea in June 2024")


# --- text features (no model) ---------------------------------------------------------------

def test_arabic_indic_digits_equal_ascii_and_scale_words_count():
    same = compare(read("تسليم ٢٥ مدرسة للقطاع الخاص"), read("تسليم 25 مدرسة للقطاع الخاص"))
    assert "numbers" not in same.evidence
    scaled = compare(read("استثمار 165 مليار درهم"), read("استثمار 165 مليون درهم"))
    assert "numbers" in scaled.evidence and "مليار" in scaled.evidence["numbers"]


def test_still_is_not_a_negation_but_lan_is():
    assert not read("السعودية لا تزال تعتقل 9 ناشطات").negations
    assert read("لن توقع أي وثائق خلال الزيارة").negations


def test_opposite_direction_found_in_arabic_and_english():
    assert "direction" in compare(read(OPPOSITE[0]), read(OPPOSITE[1])).evidence
    assert "direction" in compare(read("Oil prices rose on Monday"), read("Oil prices fell on Monday")).evidence


# --- the committed model --------------------------------------------------------------------

def test_committed_model_ranks_contradictions_above_paraphrases():
    scored = score_pairs([PARAPHRASE, OPPOSITE, DENIAL, ("North Korea sent troops to Russia",
                                                         "Pyongyang has deployed soldiers to Russia")])
    paraphrase, opposite, denial, english_paraphrase = (s for s, _ in scored)
    assert opposite > paraphrase
    assert opposite >= 0.5 > paraphrase
    assert denial >= 0.5 > english_paraphrase
    assert scored[2][1] == "denial vs assertion"


def test_reason_names_the_numbers_that_differ():
    score, reason = contradiction_score("The strike killed 10 civilians in Kharkiv",
                                        "The strike killed 40 civilians in Kharkiv")
    assert reason.startswith("numbers differ") and "10" in reason and "40" in reason
    assert score >= 0.5


def test_claims_about_different_events_are_not_contradictions():
    score, reason = contradiction_score(*DIFFERENT_EVENTS)
    assert score < 0.5
    assert reason.startswith("different events")
    arabic, _ = contradiction_score("زار الزعيم الكوري الشمالي كيم جونغ أون روسيا في سبتمبر 2023",
                                    "زار الرئيس الروسي فلاديمير بوتين كوريا الشمالية في يونيو 2024")
    assert arabic < 0.5


def test_polarity_from_the_claim_splitter_turns_equal_words_into_a_contradiction():
    text = "روسيا استخدمت صواريخ بالستية كورية شمالية في أوكرانيا"
    both_asserted, _ = contradiction_score(text, text)
    denied, reason = contradiction_score(text, text, polarity_a="denied", polarity_b="asserted")
    assert denied >= 0.5 > both_asserted
    assert reason == "denial vs assertion"


def test_batched_scores_equal_single_scores_and_embed_each_text_once(monkeypatch):
    from claimtrack import contradict

    seen: list[str] = []
    real = contradict.embed_texts

    def counting(texts, encoder):
        seen.extend(texts)
        return real(texts, encoder)

    monkeypatch.setattr(contradict, "embed_texts", counting)
    pairs = [OPPOSITE, PARAPHRASE, (OPPOSITE[0], PARAPHRASE[1])]
    batched = score_pairs(pairs)
    assert len(seen) == len(set(seen))
    assert OPPOSITE[0] in seen and seen.count(OPPOSITE[0]) == 1
    singles = [contradiction_score(a, b) for a, b in pairs]
    assert [round(s, 3) for s, _ in batched] == [round(s, 3) for s, _ in singles]


def test_vectors_already_made_are_not_embedded_again(monkeypatch):
    from claimtrack import contradict

    known = dict(zip(OPPOSITE, contradict.embed_texts(list(OPPOSITE), contradict.model_encoder())))
    seen: list[str] = []
    real = contradict.embed_texts
    monkeypatch.setattr(contradict, "embed_texts", lambda texts, encoder: (seen.extend(texts), real(texts, encoder))[1])
    (with_vectors, _), = score_pairs([OPPOSITE], vectors=known)
    assert not set(OPPOSITE) & set(seen)
    assert with_vectors == pytest.approx(contradiction_score(*OPPOSITE)[0], abs=1e-3)


def test_unknown_polarity_is_refused():
    with pytest.raises(UserError, match="polarity"):
        contradiction_score("a", "b", polarity_a="maybe")


# --- training -------------------------------------------------------------------------------

@pytest.mark.skipif(not (ANS_DIR / "train.csv").exists(), reason="ANS corpus not present")
def test_trainer_runs_on_a_small_subset(tmp_path):
    network, report = train("use", ANS_DIR / "train.csv", ANS_DIR / "dev.csv", limit=80, epochs=3, members=2,
                            grid=[{"hidden": 8, "weight_decay": 1e-2}], log=lambda *_: None)
    assert report["train_pairs"] == 80 and report["dev_pairs"] == 80
    assert set(report["dev"]) == {"f1", "precision", "recall", "accuracy"}
    path = tmp_path / "model.npz"
    network.save(path)
    loaded = Network.load(path)
    assert loaded.meta["encoder"] == "use" and loaded.w1.shape[0] == 2 and loaded.w1.shape[2] == 8
    x = np.random.default_rng(0).normal(size=(5, loaded.mean.shape[0]))
    p = loaded.probability(x)
    assert p.shape == (5,) and np.all((p > 0) & (p < 1))


@pytest.mark.skipif(not (ANS_DIR / "train.csv").exists(), reason="ANS corpus not present")
def test_changed_words_may_come_from_another_encoder(tmp_path):
    """`--changed-encoder use`: the claims embedded by e5, the words each side changed by USE."""
    network, report = train("e5", ANS_DIR / "train.csv", ANS_DIR / "dev.csv", limit=30, epochs=2, members=1,
                            grid=[{"hidden": 4, "weight_decay": 1e-2}], log=lambda *_: None, changed="use")
    assert report["changed_encoder"] == "use"
    assert changed_encoder(network) == ("use", 512)
    assert network.mean.shape[0] == len(FEATURE_NAMES) + (1 + 2 * 384) + (2 + 2 * 512)


def test_missing_model_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="not found"):
        Network.load(tmp_path / "nothing.npz")


# --- a user's local XNLI-style model --------------------------------------------------------

def _tiny_nli_folder(folder: Path, labels: dict[int, str]) -> Path:
    """A real (randomly initialised) BERT pair classifier with its tokenizer, saved to disk."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "moscow", "denies", "russia", "received", "missiles"]
    folder.mkdir(parents=True)
    (folder / "vocab.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    BertTokenizerFast(vocab_file=str(folder / "vocab.txt")).save_pretrained(folder)
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=len(words), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, num_labels=len(labels), id2label=labels,
                     label2id={v: k for k, v in labels.items()})
    BertForSequenceClassification(cfg).save_pretrained(folder)
    return folder


def test_local_nli_model_is_loaded_and_its_contradiction_label_used(tmp_path, monkeypatch):
    folder = _tiny_nli_folder(tmp_path / "xnli", {0: "entailment", 1: "neutral", 2: "contradiction"})
    probs = NliModel(str(folder)).probabilities([DENIAL, (DENIAL[0], DENIAL[0])])
    assert probs.shape == (2,) and np.all((probs > 0) & (probs < 1))

    configs = tmp_path / "configs"
    shutil.copytree(config.configs_dir(), configs)
    text = (configs / "contradiction.toml").read_text(encoding="utf-8")
    (configs / "contradiction.toml").write_text(text.replace('nli_model = ""', f'nli_model = "{folder}"'),
                                                encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_CONFIGS", str(configs))
    config.load.cache_clear()
    config.load_folder.cache_clear()
    try:
        score, _ = contradiction_score(*DENIAL)
        assert score == pytest.approx(float(probs[0]), abs=1e-3)
    finally:
        monkeypatch.delenv("CLAIMTRACK_CONFIGS")
        config.load.cache_clear()
        config.load_folder.cache_clear()


def test_nli_model_without_a_contradiction_label_is_refused():
    assert contradiction_label({0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"}) == 2
    with pytest.raises(UserError, match="contradiction"):
        contradiction_label({0: "positive", 1: "negative"})
