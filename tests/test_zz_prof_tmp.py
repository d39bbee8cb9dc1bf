import time, pytest
from django.core.files.base import ContentFile
from tests.factories import application_make
from tests.candidates.filebuilders import pdf_bytes
pytestmark = pytest.mark.django_db

@pytest.mark.parametrize("i", range(5))
def test_prof(i, request, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    t = time.perf_counter(); p = request.getfixturevalue("personas"); t1 = time.perf_counter()
    a = request.getfixturevalue("team_a_job"); t2 = time.perf_counter()
    b = request.getfixturevalue("team_b_job"); t3 = time.perf_counter()
    app = application_make(job=a); t4 = time.perf_counter()
    app.candidate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("x"))); t5 = time.perf_counter()
    print(f"personas {t1-t:.3f} jobA {t2-t1:.3f} jobB {t3-t2:.3f} app {t4-t3:.3f} cv {t5-t4:.3f}")
