import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies: list = []

    operations = [
        migrations.CreateModel(
            name="ReportSettings",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, editable=False, primary_key=True, serialize=False)),
                (
                    "stalled_after_days",
                    models.PositiveSmallIntegerField(
                        default=14,
                        help_text="Days in one stage without any move.",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(365),
                        ],
                        verbose_name="an application is stalled after (days)",
                    ),
                ),
                (
                    "calibration_min_applications",
                    models.PositiveSmallIntegerField(
                        default=5,
                        validators=[
                            django.core.validators.MinValueValidator(2),
                            django.core.validators.MaxValueValidator(1000),
                        ],
                        verbose_name="flag an interviewer's calibration from (applications)",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
            ],
            options={
                "verbose_name": "report settings",
                "verbose_name_plural": "report settings",
                "constraints": [models.CheckConstraint(condition=models.Q(("id", 1)), name="report_settings_single_row")],
            },
        ),
        migrations.CreateModel(
            name="SpeedTarget",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("staff", "Staff"),
                            ("senior", "Senior staff"),
                            ("supervisor", "Supervisor"),
                            ("manager", "Manager"),
                            ("head", "Head of department"),
                            ("director", "Director"),
                        ],
                        max_length=20,
                        unique=True,
                        verbose_name="level",
                    ),
                ),
                (
                    "days_to_hire",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="From the application to the hire.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(365),
                        ],
                        verbose_name="days to hire",
                    ),
                ),
                (
                    "days_to_fill",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="From the job's opening to its first hire.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(365),
                        ],
                        verbose_name="days to fill",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
            ],
            options={"verbose_name": "speed target", "verbose_name_plural": "speed targets", "ordering": ["pk"]},
        ),
    ]
