"""Reports for HR and directors: funnel, speed, sources, offers, interviewers and the two interview tracks."""
