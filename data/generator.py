"""The demo workshop: a fixed-seed, realistic data set for trying and testing Fabriek.

The shares follow the real workshop: about 20% detainees (some in a penitentiary
programme), about half municipal clients (Participatiewet, status holders) and about 30%
sheltered employment (SW), UWV and community service. Names are fictitious.
The output is plain JSON with natural keys (codes, e-mail addresses) so it can be
committed as `data/demo.json`, read by people, and loaded by `flask seed-demo`.
"""

import json
import random
import sys
from datetime import date, timedelta

SEED = 2026
DEMO_PASSWORD = "Fabriek-demo-2026"
REFERENCE_DATE = date(2026, 11, 30)
DAYS = ("mon", "tue", "wed", "thu", "fri")
DAYPARTS = ("am", "pm")

DEPARTMENTS = [
    {
        "code": "packaging",
        "name": "Verpakking",
        "outside": False,
        "min": 14,
        "max": 30,
        "max_detainees": 8,
        "requires": [],
        "sort": 1,
        "mix": {
            "detainee": 0.2,
            "participatiewet": 0.4,
            "status_holder": 0.1,
            "sw": 0.2,
            "other": 0.1,
        },
    },
    {
        "code": "warehouse",
        "name": "Magazijn",
        "outside": False,
        "min": 6,
        "max": 14,
        "max_detainees": 4,
        "requires": ["vca"],
        # A warehouse team without a forklift driver cannot move a pallet.
        "cover": [{"certificate": "forklift", "min": 1}],
        "sort": 2,
        "mix": {
            "detainee": 0.25,
            "participatiewet": 0.35,
            "status_holder": 0.1,
            "sw": 0.2,
            "other": 0.1,
        },
    },
    {
        "code": "green",
        "name": "Groenvoorziening",
        "outside": True,
        "min": 4,
        "max": 8,
        "max_detainees": 2,
        "requires": ["vca"],
        "sort": 3,
        "mix": {
            "detainee": 0.2,
            "participatiewet": 0.5,
            "status_holder": 0.15,
            "sw": 0.15,
            "other": 0.0,
        },
        "overrides": [{"day": "fri", "daypart": "pm", "min": 0, "max": 0}],
    },
    {
        "code": "cleaning",
        "name": "Schoonmaak",
        "outside": False,
        "min": 3,
        "max": 8,
        "max_detainees": 3,
        "requires": [],
        "sort": 4,
        "mix": {
            "detainee": 0.2,
            "participatiewet": 0.4,
            "status_holder": 0.2,
            "sw": 0.2,
            "other": 0.0,
        },
    },
    {
        "code": "reception",
        "name": "Receptie",
        "outside": False,
        "min": 1,
        "max": 2,
        "max_detainees": 0,
        "requires": ["bhv"],
        "sort": 5,
        "mix": {"participatiewet": 0.5, "sw": 0.5},
    },
    {
        "code": "shop",
        "name": "Gedetineerdenwinkel",
        "outside": False,
        "min": 2,
        "max": 4,
        "max_detainees": 4,
        "requires": [],
        "sort": 6,
        "mix": {"detainee": 0.5, "participatiewet": 0.25, "sw": 0.25},
    },
]

# (target group, count): 19 detainees, 47 municipal clients, 29 SW and others = 95.
GROUP_COUNTS = [
    ("detainee", 16),
    ("penitentiary_programme", 3),
    ("participatiewet", 37),
    ("status_holder", 10),
    ("sw", 20),
    ("uwv_other", 5),
    ("community_service", 4),
]
REFERRERS = {
    "detainee": ["PI Zuid-Holland", "PI Vught"],
    "penitentiary_programme": ["Reclassering Nederland"],
    "community_service": [
        "Reclassering Nederland",
        "Leger des Heils Jeugdbescherming & Reclassering",
    ],
    "participatiewet": ["Gemeente Rotterdam", "Gemeente Schiedam", "Gemeente Vlaardingen"],
    "status_holder": ["Gemeente Rotterdam", "Gemeente Schiedam"],
    "sw": ["Werkbedrijf Rijnmond"],
    "uwv_other": ["UWV Rotterdam"],
}
FIRST_NAMES = [
    "Jan",
    "Pieter",
    "Kees",
    "Willem",
    "Sander",
    "Bas",
    "Ruud",
    "Mohamed",
    "Youssef",
    "Dennis",
    "Marco",
    "Sven",
    "Thijs",
    "Rachid",
    "Kevin",
    "Anouk",
    "Fatima",
    "Sanne",
    "Linda",
    "Esther",
    "Ingrid",
    "Naima",
    "Priya",
    "Marieke",
    "Joyce",
    "Henk",
    "Erik",
    "Gerrit",
    "Stefan",
    "Roy",
]
STATUS_HOLDER_NAMES = [
    "Ahmad",
    "Samir",
    "Tesfay",
    "Yonas",
    "Rania",
    "Hiba",
    "Omar",
    "Lina",
    "Kidane",
    "Nour",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "El Amrani",
    "Bouzid",
    "Yilmaz",
    "Kaya",
    "Tahiri",
    "Verbeek",
    "van Dam",
    "Kuipers",
    "Post",
    "Veenstra",
]
STATUS_HOLDER_LAST_NAMES = [
    "Haddad",
    "Tesfamariam",
    "Al-Khatib",
    "Gebremedhin",
    "Hassan",
    "Mansour",
]
CUSTOMERS = [
    (
        "Van Dijk Koffie B.V.",
        [("VDK-250", "Koffiepads 250 st.", 480, 900.0), ("VDK-1KG", "Bonen 1 kg", 320, 400.0)],
    ),
    (
        "Groenrijk Tuincentra",
        [("GR-PLT", "Plantenlabels set", 2000, 1500.0), ("GR-ZAD", "Zadenpakket", 900, 650.0)],
    ),
    ("Noordzee Visverwerking", [("NZ-BOX", "Vouwdozen 40x30", 600, 350.0)]),
    (
        "HollandPack Promotie",
        [("HP-GIFT", "Relatiegeschenkset", 240, 120.0), ("HP-FLY", "Flyerpakket", 1200, 800.0)],
    ),
    ("Stichting Voedselbank Rijnmond", [("VB-PAK", "Voedselpakket", 80, 60.0)]),
]
# Articles made in the detainee shop rather than in packaging.
SHOP_ARTICLES = {"VB-PAK"}
COACHES = [
    ("coach@fabriek.test", "Marloes Verhoeven"),
    ("coach2@fabriek.test", "Ahmed Benali"),
    ("coach3@fabriek.test", "Ilse Timmermans"),
    ("coach4@fabriek.test", "Ruben Kok"),
]


def generate(seed: int = SEED) -> dict:
    rng = random.Random(seed)
    participants = _participants(rng)
    data = {
        "reference_date": REFERENCE_DATE.isoformat(),
        "departments": DEPARTMENTS,
        # Someone with BHV (company first aid) on site in every daypart.
        "site_cover": [{"certificate": "bhv", "min": 1}],
        "participants": participants,
        "avoid": _avoid_pairs(rng, participants),
        "customers": _customers(rng),
        "users": _users(participants),
    }
    # Stock draws from a generator of its own so the rest of the set stays as it was.
    _add_stock(random.Random(seed + 1), data["customers"])
    return data


def _add_stock(rng: random.Random, customers: list[dict]) -> None:
    """Full pallets of each article already in the warehouse."""
    for customer in customers:
        for article in customer["articles"]:
            article["pallets_in_stock"] = rng.randint(6, 24)


def _participants(rng: random.Random) -> list[dict]:
    people = []
    number = 0
    for group, count in GROUP_COUNTS:
        for _ in range(count):
            number += 1
            people.append(_participant(rng, f"p{number:03d}", group))
    return people


def _participant(rng: random.Random, code: str, group: str) -> dict:
    detained = group in ("detainee", "penitentiary_programme")
    firsts, lasts = (
        (STATUS_HOLDER_NAMES, STATUS_HOLDER_LAST_NAMES)
        if group == "status_holder"
        else (FIRST_NAMES, LAST_NAMES)
    )
    start = REFERENCE_DATE - timedelta(days=rng.randint(14, 540))
    length = 90 if group == "community_service" else rng.choice([180, 270, 365, 730])
    end = start + timedelta(days=length)
    if end < REFERENCE_DATE:
        end = REFERENCE_DATE + timedelta(days=rng.randint(10, 200))
    dayparts = rng.choice([4, 6, 6, 8, 8, 10]) if group != "sw" else rng.choice([8, 10])
    available = _availability(rng, dayparts)
    certificates = _certificates(rng, start)
    skilled = rng.sample([d["code"] for d in DEPARTMENTS], k=rng.randint(1, 3))
    skills = {dept: rng.choice([1, 2, 2, 3]) for dept in skilled}
    wishes = []
    if rng.random() < 0.35:
        wishes.append({"department": rng.choice(DEPARTMENTS)["code"], "kind": "prefers"})
    if rng.random() < 0.25:
        untrained = [
            d["code"] for d in DEPARTMENTS if d["code"] not in skills and d["code"] != "reception"
        ]
        wishes.append({"department": rng.choice(untrained), "kind": "learning"})
    return {
        "code": code,
        "first_name": rng.choice(firsts),
        "last_name": rng.choice(lasts),
        "target_group": group,
        "referrer_organisation": rng.choice(REFERRERS[group]),
        "start_date": start.isoformat(),
        "expected_end_date": end.isoformat(),
        "dayparts_per_week": dayparts,
        "clearance": (rng.choice(["inside", "inside", "outside"]) if detained else None),
        "available": available,
        "skills": skills,
        "certificates": certificates,
        "wishes": wishes,
        "absences": _absences(rng),
    }


def _availability(rng: random.Random, dayparts: int) -> list[list[str]]:
    slots = [[day, part] for day in DAYS for part in DAYPARTS]
    if dayparts >= 10 or rng.random() < 0.5:
        return slots
    # Part-timers are available a little more than their contract so the planner has choice.
    return sorted(
        rng.sample(slots, k=min(10, dayparts + 2)), key=lambda s: (DAYS.index(s[0]), s[1])
    )


def _certificates(rng: random.Random, start: date) -> list[dict]:
    certificates = []
    has_vca = rng.random() < 0.55
    if has_vca:
        obtained = start + timedelta(days=rng.randint(0, 60))
        certificates.append(_certificate("vca", obtained, years=10))
        if rng.random() < 0.3:
            certificates.append(_certificate("forklift", obtained + timedelta(days=30), years=5))
    if rng.random() < 0.12:
        certificates.append(
            _certificate("bhv", start + timedelta(days=rng.randint(0, 90)), years=1)
        )
    if has_vca and rng.random() < 0.05:
        certificates.append(_certificate("code95", start, years=5))
    if rng.random() < 0.15:
        planned = REFERENCE_DATE + timedelta(days=rng.randint(7, 60))
        certificates.append(
            {
                "kind": rng.choice(["vca", "language"]),
                "status": "planned",
                "obtained_on": None,
                "expires_on": None,
                "planned_on": planned.isoformat(),
            }
        )
    return certificates


def _certificate(kind: str, obtained: date, years: int) -> dict:
    expires = obtained + timedelta(days=365 * years)
    return {
        "kind": kind,
        "status": "obtained" if expires >= REFERENCE_DATE else "expired",
        "obtained_on": obtained.isoformat(),
        "expires_on": expires.isoformat(),
    }


def _absences(rng: random.Random) -> list[dict]:
    if rng.random() >= 0.08:
        return []
    start = REFERENCE_DATE + timedelta(days=rng.randint(0, 4))
    return [
        {
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=rng.randint(0, 2))).isoformat(),
            "kind": rng.choice(["sick", "sick", "leave", "appointment"]),
        }
    ]


def _avoid_pairs(rng: random.Random, participants: list[dict]) -> list[dict]:
    detainees = [p["code"] for p in participants if p["target_group"] == "detainee"]
    first, second, third, fourth = rng.sample(detainees, 4)
    others = [p["code"] for p in participants if p["target_group"] == "participatiewet"]
    fifth, sixth = rng.sample(others, 2)
    return [
        {"first": first, "second": second, "reason": "Conflict binnen de inrichting"},
        {"first": third, "second": fourth, "reason": "Medegedetineerden uit dezelfde zaak"},
        {"first": fifth, "second": sixth, "reason": "Familieconflict"},
    ]


def _customers(rng: random.Random) -> list[dict]:
    customers = []
    order_number = 0
    for index, (name, articles) in enumerate(CUSTOMERS, start=1):
        orders = []
        for code, _article_name, _per_pallet, _norm in articles:
            for _ in range(rng.randint(1, 2)):
                order_number += 1
                due = REFERENCE_DATE + timedelta(days=rng.randint(3, 35))
                department = "shop" if code in SHOP_ARTICLES else "packaging"
                orders.append(
                    {
                        "number": f"ORD-2026-{order_number:04d}",
                        "article": code,
                        "quantity": rng.randrange(2000, 30000, 500),
                        "due_date": due.isoformat(),
                        "department": department,
                        "status": rng.choice(["received", "planned", "planned", "in_production"]),
                    }
                )
        customers.append(
            {
                "name": name,
                "contact_name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "email": f"inkoop@klant{index}.test",
                "phone": f"010-{rng.randint(1000000, 9999999)}",
                "articles": [
                    {
                        "code": c,
                        "name": n,
                        "units_per_pallet": per_pallet,
                        "norm_units_per_hour": norm,
                    }
                    for c, n, per_pallet, norm in articles
                ],
                "orders": orders,
            }
        )
    return customers


def _users(participants: list[dict]) -> list[dict]:
    users = [
        {"email": "admin@fabriek.test", "name": "Beheerder Fabriek", "role": "admin"},
        {"email": "manager@fabriek.test", "name": "Mirjam de Haan", "role": "manager"},
    ]
    for index, (email, name) in enumerate(COACHES):
        caseload = [p["code"] for p in participants[index :: len(COACHES)]]
        users.append({"email": email, "name": name, "role": "coach", "caseload": caseload})
    for index, (name, _articles) in enumerate(CUSTOMERS, start=1):
        email = "klant@fabriek.test" if index == 1 else f"klant{index}@fabriek.test"
        users.append(
            {"email": email, "name": f"Inkoper {name}", "role": "customer", "customer": name}
        )
    users.append(
        {
            "email": "verwijzer@fabriek.test",
            "name": "Sanne Bakker",
            "role": "referrer",
            "referrer_organisation": "Gemeente Rotterdam",
        }
    )
    return users


if __name__ == "__main__":
    json.dump(
        generate(int(sys.argv[1]) if len(sys.argv) > 1 else SEED),
        sys.stdout,
        indent=1,
        ensure_ascii=False,
    )
    sys.stdout.write("\n")
