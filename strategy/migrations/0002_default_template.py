"""The default strategy template: the four core components with a maturity rubric.

Staff can change every word of it in the admin; this only creates it once.
"""

from django.db import migrations

from strategy.defaults import create_default_template


def create(apps, schema_editor):
    create_default_template(apps.get_model("strategy", "StrategyTemplate"),
                            apps.get_model("strategy", "TemplateComponent"))


def remove_default_template(apps, schema_editor):
    apps.get_model("strategy", "StrategyTemplate").objects.filter(
        is_default=True, strategies__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("strategy", "0001_initial")]

    operations = [migrations.RunPython(create, remove_default_template)]
