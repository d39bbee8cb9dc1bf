"""factory_boy factories for candidates."""

import factory

from rekrut.candidates.models import Candidate


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    full_name = factory.Sequence(lambda n: f"Kandidat {n}")
    email = factory.Sequence(lambda n: f"kandidat{n}@example.com")
    phone = factory.Sequence(lambda n: f"+62812{n:08d}")
    city = "Bandung"
    cv_text = "Pengalaman sebagai staf layanan pelanggan. Keahlian: Excel, komunikasi."
