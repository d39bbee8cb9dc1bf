"""Ranking applicants against the job: each application in CV screening matched against the job's
structured requirements (jobs.JobRequirements), ordered, with the reasons in words.

- text.py: folding and whole-word matching; protected lines of a CV dropped
- synonyms.py: skills said several ways (data/skill_synonyms.json)
- periods.py, levels.py: years of work from dates; education and language levels
- profile.py: what is read of one CV (and nothing about who the person is)
- matching.py, reasons.py: met and missing, and how that is said
- ranking.py: the ranked list for a job

It ignores age, sex, religion, ethnicity, marital status and photos by construction: the profile is built
only from the CV's work, education, skills, languages, certificates, city and text without the lines that
state those attributes (UU 13/2003 Ps 5–6, domain rule D1; SE Menaker M/6/HK.04/V/2025, rule D3), and a job
may not ask for them (jobs.requirements). It never rejects anyone: it orders the list HR reads.
"""
