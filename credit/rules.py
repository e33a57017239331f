"""The steps of a credit application as the financing course teaches them: plain values in,
plain values out."""

from .models import Status

# The steps that may follow each one. A lender that makes no site survey (a pawnshop, a
# cooperative) decides straight after the application is submitted.
NEXT_STEPS = {
    Status.PREPARING: (Status.SUBMITTED,),
    Status.SUBMITTED: (Status.SURVEY, Status.APPROVED, Status.REFUSED),
    Status.SURVEY: (Status.APPROVED, Status.REFUSED),
    Status.APPROVED: (Status.DISBURSED,),
    Status.REFUSED: (),
    Status.DISBURSED: (),
}

# The progress list a learner sees: the road to the money, refusal shown in place of approval.
ROAD = (Status.PREPARING, Status.SUBMITTED, Status.SURVEY, Status.APPROVED, Status.DISBURSED)

# The date field each step records when it is reached.
DATE_FIELD = {
    Status.SUBMITTED: "submitted_on",
    Status.SURVEY: "survey_on",
    Status.APPROVED: "decided_on",
    Status.REFUSED: "decided_on",
    Status.DISBURSED: "disbursed_on",
}


def can_follow(current: str, step: str) -> bool:
    return step in NEXT_STEPS.get(current, ())


def progress(current: str, dates: dict) -> list[dict]:
    """The road's steps for ``current``, each ``{"status", "state", "date"}`` with state
    "done", "current", "todo" or "skipped"; a refusal takes approval's place and ends it."""
    refused = current == Status.REFUSED
    reached = ROAD.index(Status.APPROVED if refused else current)
    rows = []
    for position, step in enumerate(ROAD):
        shown = Status.REFUSED if refused and step == Status.APPROVED else step
        date = dates.get(DATE_FIELD[shown]) if shown in DATE_FIELD else None
        if position < reached:
            state = "done" if date or step == Status.PREPARING else "skipped"
        elif position == reached:
            state = "current"
        else:
            state = "todo"
        if refused and position > reached:
            continue
        rows.append({"status": shown, "state": state, "date": date})
    return rows
