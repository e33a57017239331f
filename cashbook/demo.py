"""Demo cash book for `make run`; safe to repeat.

Bakpia Sutarni writes her book from the first day of the month two months back to today (two
full months and the current one so far): boxes of bakpia sold in the shop and at the market,
some ordered online (WhatsApp, GoFood), and the costs of a small kitchen: flour, mung beans,
sugar and gas, a helper's weekly wages, Instagram ads, the stall's rent and the loan
instalment. Figures come from a seeded random generator, so every
run writes the same book; each entry's token is derived from its day and place in the day, so
a second run adds nothing.
"""

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone

from lms import demo as lms_demo
from lms.models import User

from .models import Category, Channel, Entry, Kind, MonthNotes

BOX_PRICE = 35_000  # a box of 20 bakpia kacang hijau
TOKENS = uuid.UUID("6f1c3c52-8d7e-4a43-9f0e-5b1f2d7c9a10")  # namespace of the demo's tokens
# Content, not interface text: Indonesian as Sutarni writes it.
OFFLINE_NOTES = ["", "", "", "pembeli di toko", "titip di warung Bu Sri", "pasar Beringharjo"]
ONLINE_NOTES = ["pesan lewat WhatsApp", "GoFood", "GoFood", "pesanan arisan via WhatsApp"]
NOTES = (
    "Penjualan online naik setelah iklan Instagram. Bulan depan menambah satu karyawan untuk "
    "pesanan Natal dan tahun baru."
)
FIRST_MONTH_NOTES = "Bulan pertama mencatat di buku kas. Oven sering penuh saat pesanan arisan."
FULL_MONTHS = 2  # before the current one


def _day_entries(day: datetime.date, rng: random.Random) -> list[dict]:
    """What Sutarni writes on ``day``."""
    entries = []
    for _ in range(rng.randint(2, 5)):
        boxes = rng.randint(1, 3)
        entries.append(
            {
                "kind": Kind.SALE,
                "channel": Channel.OFFLINE,
                "units": boxes,
                "amount": boxes * BOX_PRICE,
                "note": rng.choice(OFFLINE_NOTES),
            }
        )
    for _ in range(rng.randint(0, 2)):
        boxes = rng.randint(2, 6)
        entries.append(
            {
                "kind": Kind.SALE,
                "channel": Channel.ONLINE,
                "units": boxes,
                "amount": boxes * BOX_PRICE,
                "note": rng.choice(ONLINE_NOTES),
            }
        )

    def cost(category, amount, note):
        entries.append({"kind": Kind.COST, "category": category, "amount": amount, "note": note})

    if day.day % 3 == 1:
        cost(Category.STOCK, 180_000, "tepung terigu 15 kg")
    if day.weekday() in (0, 3):
        cost(Category.STOCK, 260_000, "kacang hijau 10 kg")
    if day.weekday() == 0:
        cost(Category.STOCK, 95_000, "gula pasir 6 kg")
        cost(Category.ADVERTISING, 50_000, "iklan Instagram seminggu")
    if day.day % 4 == 2:
        cost(Category.STOCK, 22_000, "gas elpiji 3 kg")
    if day.weekday() == 5:
        cost(Category.WAGES, 600_000, "upah Mbak Rini seminggu")
    if day.day == 1:
        cost(Category.RENT, 500_000, "sewa lapak pasar")
    if day.day == 10:
        cost(Category.LOAN, 1_150_000, "angsuran KUR")
    if day.weekday() == 3 and day.day % 2:
        cost(Category.TRANSPORT, 40_000, "bensin antar pesanan")
    return entries


def seed() -> list[str]:
    owner = User.objects.select_related("membership__business").get(phone=lms_demo.OWNER_PHONE)
    business = owner.membership.business
    member = User.objects.filter(email=lms_demo.MEMBER_EMAIL, membership__business=business).first()
    today = timezone.localdate()
    months = [today.replace(day=1)]
    for _ in range(FULL_MONTHS):
        months.insert(0, (months[0] - datetime.timedelta(days=1)).replace(day=1))
    start = months[0]
    rows = []
    day = start
    while day <= today:
        rng = random.Random(day.toordinal())  # noqa: S311 - demo figures, not security
        for position, values in enumerate(_day_entries(day, rng)):
            author = (
                member if member and values["kind"] == Kind.SALE and position % 4 == 3 else owner
            )
            rows.append(
                Entry(
                    business=business,
                    author=author,
                    day=day,
                    token=uuid.uuid5(TOKENS, f"{business.pk}:{day.isoformat()}:{position}"),
                    created_at=timezone.make_aware(
                        datetime.datetime.combine(day, datetime.time(8 + position % 12))
                    ),
                    **values,
                )
            )
        day += datetime.timedelta(days=1)
    with transaction.atomic():
        Entry.objects.bulk_create(rows, ignore_conflicts=True)
        for month, notes in zip(months[:FULL_MONTHS], (FIRST_MONTH_NOTES, NOTES), strict=True):
            MonthNotes.objects.get_or_create(
                business=business, month=month, defaults={"notes": notes}
            )
    count = Entry.objects.filter(business=business, day__gte=start).count()
    return [
        f"{business.name}: cash book from {start:%Y-%m-%d} to {today:%Y-%m-%d}, {count} entries"
    ]
