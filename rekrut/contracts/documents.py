"""The contract as a PDF: the Indonesian document that is signed, and an English translation on request.

UU 13/2003 Ps 57 (rule C3): a PKWT is written in Bahasa Indonesia in Latin script, and where it is also
written in another language the Indonesian text prevails. So the Indonesian document is its own template,
written in Indonesian (its legal wording never depends on a translation catalogue), and the English one is
a separate translation that says on its first line that it is for information and the Indonesian text
prevails. Both are laid out by rekrut/core/pdf.py from the version's snapshot, never from live data.
"""

from rekrut.contracts import rules, selectors
from rekrut.contracts.models import Contract
from rekrut.core.pdf import document_language, pdf_render

TEMPLATES = {"id": "contracts/pdf/contract_id.html", "en": "contracts/pdf/contract_en.html"}


def contract_context(contract: Contract) -> dict[str, object]:
    fixed = [a for a in contract.allowances if a.get("kind") == "fixed"]
    variable = [a for a in contract.allowances if a.get("kind") != "fixed"]
    return {
        "contract": contract,
        "company": contract.company_name,
        "age": rules.age_on(contract.worker_birth_date, contract.signing_date),
        "fixed_allowances": fixed,
        "variable_allowances": variable,
        "wage_base": contract.base_salary + sum(int(a["amount"]) for a in fixed),
        "compensation": selectors.compensation_for(contract),
    }


def contract_pdf(contract: Contract, *, language: str = "id") -> bytes:
    """The version's document in `language` ("id": the contract itself; "en": its translation)."""
    language = document_language(language)
    return pdf_render(template=TEMPLATES[language], context=contract_context(contract), language=language)
