"""``manage.py load_framework <file>``: store a framework file as a new version."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assessment.frameworks import load_framework, read_framework_file


class Command(BaseCommand):
    help = "Load an assessment framework (JSON) as a new version; it is used for new " \
           "assessments unless --not-current."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--not-current", action="store_true",
                            help="Store it without using it for new assessments.")

    def handle(self, *args, file, not_current=False, **options):
        try:
            framework = load_framework(read_framework_file(file), current=not not_current)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        self.stdout.write(f"Loaded {framework.key} version {framework.version} "
                          f"({framework.areas.count()} areas).")
