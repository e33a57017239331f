"""The roles people hold. Each is a Django group; its permissions are set by a data migration."""

LEARNERS = "Learners"
MENTORS = "Mentors"
COORDINATORS = "Coordinators"
