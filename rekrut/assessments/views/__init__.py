"""The assessment pages, by topic: HR's types (types.py), an application's assessments (application.py),
a job's rules (rules.py), the provider import (importing.py) and the candidate's page (public.py)."""
