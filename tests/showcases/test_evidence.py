"""Evidence uploads are checked by content and size; refused files leave nothing behind;
another city's file is not found."""

import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope, scopes_disabled

from demo import samples
from showcases.evidence import attach_evidence, validate_evidence_file
from showcases.models import Evidence
from tests import factories
from tests.showcases.conftest import login

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def upload(name, data, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


@pytest.mark.parametrize("name,data", [
    ("report.pdf", samples.pdf_bytes()),
    ("chart.png", samples.png_bytes()),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 50),
    ("figures.csv", samples.csv_bytes()),
    ("book.xlsx", samples.xlsx_bytes()),
])
def test_real_files_of_each_allowed_type_are_accepted(name, data):
    file_type = validate_evidence_file(upload=upload(name, data))
    assert name.endswith(file_type.extensions)


@pytest.mark.parametrize("name,data", [
    ("report.pdf", ELF), ("report.pdf", MZ), ("figures.csv", MZ), ("figures.csv", ELF),
    ("book.xlsx", b"PK\x03\x04" + b"\x00" * 40), ("chart.png", b"GIF89a" + b"\x00" * 20),
])
def test_renamed_executables_and_fakes_are_refused(name, data):
    with pytest.raises(ValidationError) as error:
        validate_evidence_file(upload=upload(name, data))
    assert "not really" in error.value.message_dict["file"][0]


def test_a_zip_that_is_not_a_workbook_is_refused():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("evil.exe", "MZ")
    with pytest.raises(ValidationError):
        validate_evidence_file(upload=upload("book.xlsx", out.getvalue()))


def test_a_file_whose_name_lies_about_its_type_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_evidence_file(upload=upload("chart.pdf", samples.png_bytes()))
    assert "PNG" in error.value.message_dict["file"][0]


def test_an_unlisted_extension_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_evidence_file(upload=upload("run.exe", samples.pdf_bytes()))
    assert "PDF, PNG, JPEG, CSV or XLSX" in error.value.message_dict["file"][0]


def test_an_oversized_file_is_refused(settings):
    settings.SHOWCASE_EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        validate_evidence_file(upload=upload("report.pdf", samples.pdf_bytes() + b" " * 2000))
    assert "at most 1.0" in error.value.message_dict["file"][0]


def _upload_page(client, team, showcase, name, data):
    return client.post(
        f"/c/riverton/showcases/{showcase.pk}/evidence/",
        {"title": "Proof", "file": upload(name, data)},
    )


def test_uploading_a_renamed_executable_shows_the_message_and_stores_nothing(
    client, team, settings
):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city)
    response = _upload_page(login(client, team.cdo), team, showcase, "budget.pdf", ELF)

    assert response.status_code == 400
    assert "is not really a PDF" in response.content.decode()
    with scope(city=team.city):
        assert not Evidence.objects.filter(showcase=showcase).exists()
    assert stored_files(settings) == []


def test_uploading_an_oversized_file_shows_the_message_and_stores_nothing(
    client, team, settings
):
    settings.SHOWCASE_EVIDENCE_MAX_BYTES = 2048
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city)
    data = samples.pdf_bytes() + b"%" * 4096
    response = _upload_page(login(client, team.cdo), team, showcase, "report.pdf", data)

    assert response.status_code == 400
    assert "files may be at most 2.0\xa0KB" in response.content.decode()
    with scope(city=team.city):
        assert not Evidence.objects.filter(showcase=showcase).exists()
    assert stored_files(settings) == []


def test_an_uploaded_file_is_stored_under_an_unguessable_path_outside_static(
    client, team, settings, django_capture_on_commit_callbacks
):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city)
    with django_capture_on_commit_callbacks(execute=True):  # stored when the request commits
        response = _upload_page(login(client, team.cdo), team, showcase, "Report Q1.pdf",
                                samples.pdf_bytes())
    assert response.status_code == 302

    with scope(city=team.city):
        evidence = Evidence.objects.get(showcase=showcase)
    assert evidence.original_name == "Report Q1.pdf"
    assert "Report" not in evidence.file.name
    assert len(evidence.file.name.split("/")[1]) == 32  # a random folder per file
    [path] = stored_files(settings)
    assert not path.startswith(str(settings.STATIC_ROOT))

    download = client.get(f"/c/riverton/showcases/{showcase.pk}/evidence/{evidence.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert 'filename="Report Q1.pdf"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == samples.pdf_bytes()


def test_a_file_of_another_city_is_not_found(client, team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city)
        evidence = factories.EvidenceFileFactory(showcase=showcase)
    path = f"/showcases/{showcase.pk}/evidence/{evidence.pk}/"
    login(client, team.other_cdo)

    # Guessed under the other city's own slug, and under the owner's slug: both 404.
    assert client.get(f"/c/lakeside{path}").status_code == 404
    assert client.get(f"/c/riverton{path}").status_code == 404
    # Not in the library either, since it is not published.
    assert client.get(f"/library/{showcase.pk}/evidence/{evidence.pk}/").status_code == 404


def test_evidence_cannot_be_added_while_the_coach_has_the_showcase(team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city, state="submitted")
    with scope(city=team.city), pytest.raises(ValidationError):
        attach_evidence(showcase=showcase, by=team.cdo, url="https://example.test/x")


def test_a_link_must_be_a_web_address(team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city)
    with scope(city=team.city), pytest.raises(ValidationError) as error:
        attach_evidence(showcase=showcase, by=team.cdo, url="javascript:alert(1)")
    assert "url" in error.value.message_dict
