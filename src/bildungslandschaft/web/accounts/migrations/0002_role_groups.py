"""Create the role groups (Schule, Analyse, Veröffentlichung, Administration)."""

from django.db import migrations

ROLES = ("Schule", "Analyse", "Veröffentlichung", "Administration")


def create_groups(apps, schema_editor):
    group = apps.get_model("auth", "Group")
    for name in ROLES:
        group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("bila_accounts", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
