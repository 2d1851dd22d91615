
"""Shipped program content is shown in the reader's language: template rows still holding
the shipped English store nothing (empty = as shipped), strategies with the automatic
title store none, and a strategy whose PDF language nobody chose follows its city's."""

from django.conf import settings
from django.db import migrations, models
from django.utils import translation
from django_scopes import scopes_disabled

from strategy.defaults import SHIPPED_COMPONENTS, STRATEGY_TITLE, TEMPLATE_FIELDS


def _same(a, b):
    return " ".join((a or "").split()) == " ".join((b or "").split())


def forget_shipped_text(apps, schema_editor):
    with scopes_disabled():
        _forget_shipped_text(apps)


def _forget_shipped_text(apps):
    StrategyTemplate = apps.get_model("strategy", "StrategyTemplate")  # noqa: N806
    TemplateComponent = apps.get_model("strategy", "TemplateComponent")  # noqa: N806
    Strategy = apps.get_model("strategy", "Strategy")  # noqa: N806
    HistoricalStrategy = apps.get_model("strategy", "HistoricalStrategy")  # noqa: N806
    for template in StrategyTemplate.objects.all():
        shipped = {f: "" for f, source in TEMPLATE_FIELDS.items()
                   if _same(getattr(template, f), source)}
        if shipped:
            StrategyTemplate.objects.filter(pk=template.pk).update(**shipped)
    for component in TemplateComponent.objects.all():
        sources = SHIPPED_COMPONENTS.get(component.key, {})
        shipped = {f: "" for f, source in sources.items() if _same(getattr(component, f), source)}
        if shipped:
            TemplateComponent.objects.filter(pk=component.pk).update(**shipped)
    for strategy in Strategy.objects.select_related("city"):
        titles = set()
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                titles.add(translation.gettext(STRATEGY_TITLE) % {"city": strategy.city.name})
        changes = {}
        if strategy.title in titles:
            changes["title"] = ""
        chosen = set(HistoricalStrategy.objects.filter(id=strategy.pk)
                     .values_list("document_language", flat=True))
        if len(chosen) <= 1:  # never changed since it was started: nobody chose it
            changes["document_language"] = ""
        if changes:
            Strategy.objects.filter(pk=strategy.pk).update(**changes)


class Migration(migrations.Migration):

    dependencies = [
        ('strategy', '0003_strategy_document_language'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalstrategy',
            name='title',
            field=models.CharField(blank=True, help_text="Leave empty for the usual title, in each reader's language.", max_length=200, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='strategy',
            name='title',
            field=models.CharField(blank=True, help_text="Leave empty for the usual title, in each reader's language.", max_length=200, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='templatecomponent',
            name='title',
            field=models.CharField(blank=True, max_length=120, verbose_name='title'),
        ),
        migrations.RunPython(forget_shipped_text, migrations.RunPython.noop),
    ]
