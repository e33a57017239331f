"""What is wrong with a package: problems naming the file and line, raised together."""

from django.utils.translation import gettext_lazy as _

AT_LINE = _("%(file)s, line %(line)s: %(problem)s")
IN_FILE = _("%(file)s: %(problem)s")
MAX_PROBLEMS = 50  # a package that is wrong everywhere is reported by its first 50 problems


class PackageError(Exception):
    """The package cannot be imported; ``problems`` are the messages, in file order."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class Problems:
    """Collects problems while a package is read, so the mentor sees them all at once."""

    def __init__(self):
        self.messages: list[str] = []

    def __bool__(self):
        return bool(self.messages)

    def __len__(self):
        return len(self.messages)

    def add(self, message, *, file: str = "", line: int | None = None, **params) -> None:
        if len(self.messages) >= MAX_PROBLEMS:
            return
        problem = str(message) % params if params else str(message)
        if file and line:
            text = str(AT_LINE) % {"file": file, "line": line, "problem": problem}
        elif file:
            text = str(IN_FILE) % {"file": file, "problem": problem}
        else:
            text = problem
        self.messages.append(text)

    def raise_if_any(self) -> None:
        if self.messages:
            raise PackageError(self.messages)
