import re

from django.db import migrations

# What the place used to say about the mode before the mode was stored (the old calendar.interview_mode).
_PHONE_NUMBER = re.compile(r"(?:tel:)?\+?[\d\s().-]{8,20}", re.IGNORECASE)


def modes_fill(apps, schema_editor):
    """Reads each existing interview's mode from its one place field: a link is online (and moves to the
    meeting link), a bare number is a phone call, any other text stays the address of an on-site interview."""
    Interview = apps.get_model("interviews", "Interview")
    changed = []
    for row in Interview.objects.exclude(location="").only("pk", "location"):
        text = row.location.strip()
        if text.lower().startswith(("https://", "http://")):
            row.mode, row.meeting_url, row.location = "online", text, ""
        elif _PHONE_NUMBER.fullmatch(text):
            row.mode = "phone"
        else:
            continue
        changed.append(row)
    Interview.objects.bulk_update(changed, ["mode", "meeting_url", "location"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("interviews", "0008_interview_mode_room_link")]

    operations = [migrations.RunPython(modes_fill, migrations.RunPython.noop)]
