"""Press-style spellings of people the registry does not know (sentences written for these tests)."""
from claimtrack.entities import person_name


def test_bin_is_written_bin_in_a_modern_name() -> None:
    assert person_name("خالد بن سلمان").split()[1] == "bin"


def test_family_name_with_the_article_keeps_al() -> None:
    assert person_name("قال المدير محمد الصيادي").endswith("al-Sayadi")


def test_second_half_of_an_abd_compound_takes_no_article() -> None:
    assert "al-" not in person_name("مصطفى عبد السميع")


def test_given_names_take_their_press_spelling() -> None:
    assert person_name("نجوى علي").startswith("Najwa")
    assert person_name("مهند الخطيب") == "Mohannad al-Khatib"
