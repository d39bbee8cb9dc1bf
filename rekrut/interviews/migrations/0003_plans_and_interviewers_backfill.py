# Two one-off backfills for the "shape for growth" change:
# 1. Interview plans are now made when a job is created or its stages change, never when a page is opened.
#    Jobs opened before this change get the rounds they would have got on first view, here.
# 2. Interviewers now come from the job's hiring team (they see the candidate's data). Anyone already
#    assigned to an interview of a job without being on its team joins the team as an interviewer, so
#    nobody loses a scorecard they still owe and the team shows everyone who sees the candidate.
# Historical models only; the kit's choice of questions is the pure rekrut.interviews.kit arithmetic.

from django.db import migrations

from rekrut.interviews import kit

ROUND_TYPE_OF_KIND = {
    "hr_interview": "hr",
    "user_interview": "user",
    "superior_interview": "superior",
    "director_interview": "director",
    "other_interview": "custom",
}
DEFAULT_INTERVIEWER_ROLES = {
    "hr": ("hr_owner",),
    "user": ("user", "interviewer"),
    "superior": ("superior",),
    "director": ("director",),
    "custom": ("interviewer",),
}


def plans_backfill(apps, schema_editor):
    Job = apps.get_model("jobs", "Job")
    Stage = apps.get_model("jobs", "Stage")
    PlanRound = apps.get_model("interviews", "PlanRound")
    PlanRoundAttribute = apps.get_model("interviews", "PlanRoundAttribute")
    KitQuestion = apps.get_model("interviews", "KitQuestion")
    RoundTemplate = apps.get_model("interviews", "RoundTemplate")
    Question = apps.get_model("interviews", "Question")
    templates = {t.round_type: t for t in RoundTemplate.objects.all()}
    for job in Job.objects.all():
        team = list(job.team.values_list("role", "user_id"))
        stages = Stage.objects.filter(
            job=job, is_active=True, kind__in=ROUND_TYPE_OF_KIND, interview_round__isnull=True
        )
        for stage in stages.order_by("position"):
            round_type = ROUND_TYPE_OF_KIND[stage.kind]
            template = templates.get(round_type)
            plan_round = PlanRound.objects.create(
                job=job,
                stage=stage,
                round_type=round_type,
                duration_minutes=template.default_duration_minutes if template else 45,
                asks_salary_and_notice=template.asks_salary_and_notice if template else False,
                asks_background=template.asks_background if template else False,
            )
            if template:
                PlanRoundAttribute.objects.bulk_create(
                    PlanRoundAttribute(round=plan_round, attribute=ta.attribute, position=ta.position)
                    for ta in template.template_attributes.select_related("attribute")
                    if ta.attribute.is_active
                )
            roles = DEFAULT_INTERVIEWER_ROLES[round_type]
            plan_round.interviewers.set({user_id for role, user_id in team if role in roles})
            bank = Question.objects.filter(is_active=True, round_type=round_type).prefetch_related("attributes")
            refs = [
                kit.QuestionRef(q.pk, q.job_family, frozenset(a.code for a in q.attributes.all())) for q in bank
            ]
            focus = list(
                PlanRoundAttribute.objects.filter(round=plan_round)
                .order_by("position", "pk")
                .values_list("attribute__code", flat=True)
            )
            chosen = kit.suggest(
                refs, focus=focus, job_family=job.job_family, limit=kit.suggested_count(plan_round.duration_minutes)
            )
            KitQuestion.objects.bulk_create(
                KitQuestion(round=plan_round, question_id=qid, position=i) for i, qid in enumerate(chosen, start=1)
            )


def interviewers_onto_teams(apps, schema_editor):
    Interview = apps.get_model("interviews", "Interview")
    HiringTeamMember = apps.get_model("jobs", "HiringTeamMember")
    on_team = set(HiringTeamMember.objects.values_list("job_id", "user_id"))
    missing = set()
    for job_id, user_id in Interview.interviewers.through.objects.values_list(
        "interview__application__job_id", "user_id"
    ):
        if (job_id, user_id) not in on_team:
            missing.add((job_id, user_id))
    HiringTeamMember.objects.bulk_create(
        HiringTeamMember(job_id=job_id, user_id=user_id, role="interviewer") for job_id, user_id in sorted(missing)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0002_shipped_library"),
        ("jobs", "0004_superior_and_director_stage_kinds"),
        ("pipeline", "0004_transition_params_and_merged"),
    ]

    operations = [
        migrations.RunPython(plans_backfill, migrations.RunPython.noop),
        migrations.RunPython(interviewers_onto_teams, migrations.RunPython.noop),
    ]
