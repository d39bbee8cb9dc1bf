"""Reading a CV's text into its parts (rekrut.intake.cv_reading gets the text out of the file first)."""

from rekrut.intake.cv.reading import CVReading, cv_understand, resume_document

__all__ = ["CVReading", "cv_understand", "resume_document"]
