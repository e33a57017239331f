"""Admin views of mentoring: the review queue and the class roster."""
