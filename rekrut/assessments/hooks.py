"""Where higher apps take part in an assessment's changes (see rekrut.core.hooks)."""

from rekrut.accounts.models import User
from rekrut.assessments.models import Assessment
from rekrut.core.hooks import Hook

# An assessment is being cancelled, in the cancel service's transaction: online tests withdraw the test's
# link and end its attempt, so a cancelled assessment cannot be taken, scored, or turned back into a result.
assessment_cancelling: Hook[[Assessment, User], None] = Hook(
    "assessment_cancelling", "Called with the assessment being cancelled and who cancels it."
)
