import pytest
from django.core.management import CommandError, call_command

from rekrut.candidates.models import Candidate

pytestmark = pytest.mark.django_db

CSV = "Nama Lengkap,Email,No HP,Kota\nDewi Anggraini,dewi.a@example.com,0812-3456-7890,Bandung\n"


def test_the_command_imports_and_applies_to_the_job(tmp_path, personas, team_a_job, capsys):
    file = tmp_path / "pelamar.csv"
    file.write_text(CSV + "Reza Pratama,reza@example.com,081298765432,Medan\n")
    call_command("import", "candidates", str(file), "--as", "rina", "--job", str(team_a_job.pk))
    assert "Imported 2 candidates" in capsys.readouterr().out
    dewi = Candidate.objects.get(email="dewi.a@example.com")
    assert dewi.phone == "+6281234567890"
    assert dewi.applications.get().job == team_a_job


def test_one_bad_row_imports_nothing_and_reports_the_row(tmp_path, personas, capsys):
    file = tmp_path / "pelamar.csv"
    file.write_text(CSV + "Reza Pratama,reza@example.com,12,Medan\n")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import", "candidates", str(file), "--as", "rina", "--language", "en")
    assert "row 3" in capsys.readouterr().err
    assert not Candidate.objects.exists()


def test_only_hr_may_import(tmp_path, personas):
    file = tmp_path / "pelamar.csv"
    file.write_text(CSV)
    with pytest.raises(CommandError):
        call_command("import", "candidates", str(file), "--as", "budi")
