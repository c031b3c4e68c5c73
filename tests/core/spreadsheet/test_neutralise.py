from bildungslandschaft.core.spreadsheet import neutralise


def test_formulas_become_text() -> None:
    assert neutralise('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralise("+1+1") == "'+1+1"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("-2+3") == "'-2+3"


def test_numbers_signs_and_plain_text_stay() -> None:
    assert neutralise(-2) == -2
    assert neutralise(1.5) == 1.5
    assert neutralise("-") == "-"
    assert neutralise("Altstadt") == "Altstadt"
