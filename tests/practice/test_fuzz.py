"""The engine never crashes, whatever the text: any Unicode, any job terms, any round."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rekrut.practice.feedback import STAR_PARTS, feedback_compute
from rekrut.practice.feedback.explain import feedback_notes
from rekrut.practice.highlight import answer_segments

WORDS = st.sampled_from(
    [
        "saya",
        "kami",
        "I",
        "we",
        "eh",
        "um",
        "jadi",
        "like",
        "Rp5",
        "juta",
        "20%",
        "3",
        "bulan",
        "Excel",
        "hasilnya",
        "akhirnya",
        "as",
        "a",
        "result",
        "when",
        "waktu",
        "itu",
        "tugas",
        "saya",
        "my",
        "task",
        "atasan",
        "boss",
        "tidak",
        "becus",
        "incompetent",
        ".",
        ",",
        "!",
        "?",
        "\n",
        "…",
        "’",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(
    answer=TEXTS,
    terms=st.one_of(st.none(), st.text(max_size=200), st.lists(st.text(max_size=30), max_size=5)),
    round_type=st.sampled_from(["hr", "user", "superior", "director", "custom", ""]),
    language=st.sampled_from(["id", "en", None, "xx"]),
)
def test_any_text_gives_feedback(answer, terms, round_type, language) -> None:
    result = feedback_compute(round_type=round_type, answer=answer, language=language, job_terms=terms)
    assert result.language in ("id", "en")
    assert tuple(p.name for p in result.star) == STAR_PARTS
    for part in result.star:
        for start, end in part.spans:
            assert 0 <= start < end <= len(answer)
    for found in (*result.evidence, *result.fillers, *result.hedges):
        assert 0 <= found.start <= found.end <= len(answer)
    assert result.words >= 0 and result.length in ("empty", "short", "good", "long")
    assert "".join(s.text for s in answer_segments(answer, result)) == answer
    assert all(note.text for note in feedback_notes(result))
