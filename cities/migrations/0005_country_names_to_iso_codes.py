"""Free-text countries become ISO 3166-1 alpha-2 codes (before the column shrinks to 2).

Names and common aliases ("USA", "United States", "Brasil", "México", "UK", alpha-3 codes)
are mapped by ``cities.places.country_code``. A country that cannot be mapped is NOT lost:
its text moves to ``country_as_written`` and ``country`` is left blank, so the column can
shrink; the admin shows the kept text and asks for a country before the city is saved
again. Every unmatched row is listed on the migration's output. Historical rows
(django-simple-history) are converted the same way, since their column shrinks too.

Reversing puts the kept text back, or the country's English name.
"""

from django.db import migrations

MODELS = ["City", "HistoricalCity", "Application", "HistoricalApplication"]


def names_to_codes(apps, schema_editor):
    from cities.places import country_code

    unmatched = []
    for model_name in MODELS:
        model = apps.get_model("cities", model_name)
        for row in model.objects.exclude(country="").iterator():
            code = country_code(row.country)
            if code == row.country:
                continue
            if not code:
                unmatched.append(f"{model_name} {row.pk}: {row.country!r}")
            model.objects.filter(pk=row.pk).update(
                country=code, country_as_written="" if code else row.country[:100]
            )
    if unmatched:
        print(  # noqa: T201  (the migration's report, read by whoever runs it)
            "\n  Countries not matched to an ISO code (kept in country_as_written, "
            "country left blank):\n    " + "\n    ".join(unmatched)
        )


def codes_to_names(apps, schema_editor):
    from django_countries import countries

    for model_name in MODELS:
        model = apps.get_model("cities", model_name)
        for row in model.objects.iterator():
            text = row.country_as_written or countries.name(row.country) or row.country
            model.objects.filter(pk=row.pk).update(country=text[:100])


class Migration(migrations.Migration):

    dependencies = [
        ("cities", "0004_keep_country_as_written"),
    ]

    operations = [
        migrations.RunPython(names_to_codes, codes_to_names),
    ]
