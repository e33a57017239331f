"""Resident memory of this process, from /proc/self/status (Linux)."""


def peak_rss_mb() -> float:
    """The peak so far: the kernel's high-water mark of this process's own memory (VmHWM).
    Not getrusage's ru_maxrss, which after a fork and exec keeps the parent's peak when that
    was higher, as it is for the benches that measure in a process of their own."""
    return _status_mb("VmHWM")


def current_rss_mb() -> float:
    return _status_mb("VmRSS")


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return 0.0  # pragma: no cover - not Linux
