"""A readable, per-section diff between versions."""

from strategy import editing
from strategy.diff import diff_snapshots, word_ops
from strategy.models import Strategy
from strategy.review import request_changes, submit_for_review


def test_word_ops_mark_inserted_and_deleted_words():
    ops = word_ops("Open data by 2027", "Open data for everyone by 2028")
    assert ("insert", "for everyone ") in ops or ("insert", "for") in ops or any(
        tag == "insert" and "everyone" in text for tag, text in ops)
    assert any(tag == "delete" and "2027" in text for tag, text in ops)
    assert "".join(text for tag, text in ops if tag != "delete") == (
        "Open data for everyone by 2028")
    assert "".join(text for tag, text in ops if tag != "insert") == "Open data by 2027"


def test_the_diff_between_versions_shows_only_the_changed_sections(in_city):
    submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    request_changes(strategy=in_city.strategy, user=in_city.mayor, comment="More vision")
    strategy = Strategy.objects.get(pk=in_city.strategy.pk)
    editing.update_section(strategy=strategy, section="vision",
                           data={"vision": "Trusted data for every resident"},
                           expected_revision=strategy.revision, user=in_city.cdo)
    submit_for_review(strategy=strategy, user=in_city.cdo)
    first, second = (strategy.versions.get(number=n).snapshot for n in (1, 2))
    diffs = {d.key: d for d in diff_snapshots(old=first, new=second)}
    assert diffs["vision"].status == "changed"
    assert any(tag == "insert" and "Trusted" in text for tag, text in diffs["vision"].ops)
    assert {d.status for k, d in diffs.items() if k != "vision"} == {"unchanged"}
    assert list(diffs) == ["vision", "component-governance", "component-quality",
                           "component-use", "component-transparency", "metrics"]
