"""Loads the shipped interview library (round templates, attributes with rubrics, question bank) and the
company's default decision policy. The JSON lives in rekrut/interviews/data/; HR admins edit it afterwards."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Attribute = apps.get_model("interviews", "Attribute")
    RoundTemplate = apps.get_model("interviews", "RoundTemplate")
    RoundTemplateAttribute = apps.get_model("interviews", "RoundTemplateAttribute")
    Question = apps.get_model("interviews", "Question")
    DecisionPolicy = apps.get_model("interviews", "DecisionPolicy")

    templates = json.loads((DATA / "round_templates.json").read_text(encoding="utf-8"))
    attributes = {}
    for template_data in templates:
        extra = set(template_data.get("extra_fields", []))
        template = RoundTemplate.objects.create(
            round_type=template_data["round_type"],
            name_id=template_data["name"]["id"],
            name_en=template_data["name"]["en"],
            default_duration_minutes=template_data["default_duration_minutes"],
            asks_salary_and_notice=bool(extra & {"salary_expectation", "notice_period"}),
            asks_background="education_work_background" in extra,
        )
        for position, item in enumerate(template_data["attributes"], start=1):
            code = item["code"]
            if code not in attributes:
                rubric = item["rubric"]
                attributes[code] = Attribute.objects.create(
                    code=code,
                    name_id=item["name"]["id"],
                    name_en=item["name"]["en"],
                    description_id=item["description"]["id"],
                    description_en=item["description"]["en"],
                    **{f"rubric_{level}_{lang}": rubric[str(level)][lang] for level in (1, 2, 3, 4) for lang in ("id", "en")},
                )
            RoundTemplateAttribute.objects.create(template=template, attribute=attributes[code], position=position)

    questions = json.loads((DATA / "question_bank.json").read_text(encoding="utf-8"))
    for item in questions:
        question = Question.objects.create(
            code=item["code"],
            round_type=item["round_type"],
            job_family=item["job_family"],
            text_id=item["text"]["id"],
            text_en=item["text"]["en"],
            strong_answer_id=item.get("strong_answer", {}).get("id", ""),
            strong_answer_en=item.get("strong_answer", {}).get("en", ""),
            follow_ups=item.get("follow_ups", []),
        )
        question.attributes.set([attributes[code] for code in item["attributes"]])

    DecisionPolicy.objects.get_or_create(job=None)


def unload(apps, schema_editor):
    apps.get_model("interviews", "DecisionPolicy").objects.filter(job=None).delete()
    apps.get_model("interviews", "Question").objects.filter(created_by=None).delete()
    apps.get_model("interviews", "RoundTemplate").objects.all().delete()
    apps.get_model("interviews", "Attribute").objects.filter(questions=None).delete()


class Migration(migrations.Migration):
    dependencies = [("interviews", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
