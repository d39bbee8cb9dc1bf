"""What the bench data set holds, decided before anything is written: one Slot per application.

Pure Python and seeded, so the same seed always plans the same people, jobs, stages and statuses.
"""

import random
from dataclasses import dataclass

N_CANDIDATES = 100_000
N_APPLICATIONS = 150_000
BOARD_ACTIVE = 2_000
# The board job's closed applications, besides its active ones.
BOARD_CLOSED = {"rejected": 800, "withdrawn": 150, "hired": 50}

# Status mix of the other jobs' applications (cumulative bounds of one random draw).
STATUS_MIX = [(0.22, "active"), (0.92, "rejected"), (0.99, "withdrawn"), (1.0, "hired")]
# Where open (and withdrawn) applications sit, by index into the job's stages in use (not the last one);
# rejections happen earlier on average. Room for twelve stages before the last: the default pipeline has
# eleven since the assessment stage came (jobs migration 0009).
ACTIVE_WEIGHTS = [30, 22, 16, 11, 8, 5, 3, 2, 1.5, 1, 0.8, 0.5]
REJECT_WEIGHTS = [35, 25, 15, 10, 6, 4, 2, 1.5, 1, 0.5, 0.3, 0.2]

REQUIREMENTS = "- Pendidikan minimal D3/S1 yang relevan\n- Mampu bekerja dalam tim\n- Komunikatif"
# Besides the demo's six jobs (the first is the board job): title, department, family, level, HR owner,
# user, salary range (million Rp).
EXTRA_JOBS = [
    ("Frontend Engineer", "Teknologi", "software_engineering", "staff", "rina", "andi", (12, 20)),
    ("Mobile Engineer (Android)", "Teknologi", "software_engineering", "senior", "rina", "andi", (15, 24)),
    ("Data Analyst", "Teknologi", "software_engineering", "staff", "dodi", "andi", (10, 16)),
    ("QA Engineer", "Teknologi", "software_engineering", "staff", "dodi", "andi", (9, 14)),
    ("Social Media Specialist", "Pemasaran Digital", "marketing_content", "staff", "rina", "budi", (6, 9)),
    ("SEO Specialist", "Pemasaran Digital", "marketing_content", "staff", "rina", "budi", (7, 10)),
    ("Account Executive", "Penjualan", "sales", "staff", "dodi", "budi", (6, 9)),
    ("Sales Supervisor", "Penjualan", "sales", "supervisor", "dodi", "budi", (9, 13)),
    ("Call Center Agent", "Layanan Pelanggan", "customer_service", "staff", "rina", "budi", (5, 6)),
    (
        "Customer Service Team Lead",
        "Layanan Pelanggan",
        "customer_service",
        "supervisor",
        "rina",
        "budi",
        (7, 10),
    ),
    ("Staf Akuntansi", "Keuangan", "finance_admin", "staff", "dodi", "andi", (6, 8)),
    ("Staf Pajak", "Keuangan", "finance_admin", "staff", "dodi", "andi", (7, 10)),
    ("Admin Gudang", "Operasional", "operations", "staff", "dodi", "budi", (5, 6)),
    ("Koordinator Logistik", "Operasional", "operations", "supervisor", "dodi", "budi", (8, 12)),
]


@dataclass
class Slot:
    """One application to be: its job, how far it got, how it ended, and when it started."""

    job: int
    status: str
    reached: int  # index into the job's stages in use
    applied_days_ago: float
    candidate: int = -1


def weighted_counts(total: int, weights: list[float]) -> list[int]:
    """Splits `total` in proportion to `weights`, exactly (largest remainders)."""
    raw = [total * w / sum(weights) for w in weights]
    counts = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)[: total - sum(counts)]:
        counts[i] += 1
    return counts


def plan(rng: random.Random, depth: list[int], scale: float) -> list[Slot]:
    """Every application slot, for job index 0 (the board job) first. depth[j]: stages in use of job j."""
    slots: list[Slot] = []
    n_apps = round(N_APPLICATIONS * scale)
    board_active = round(BOARD_ACTIVE * scale)
    open_depth = depth[0] - 1  # active applications are never in the last stage: reaching it is the hire
    for reached, n in enumerate(weighted_counts(board_active, ACTIVE_WEIGHTS[:open_depth])):
        slots += [Slot(0, "active", reached, rng.uniform(0.2, 90)) for _ in range(n)]
    for status, n in BOARD_CLOSED.items():
        for _ in range(round(n * scale)):
            slots.append(Slot(0, status, reached_index(rng, status, depth[0]), rng.uniform(10, 365)))
    others = n_apps - len(slots)
    for i in range(others):
        job = 1 + i % (len(depth) - 1)
        draw = rng.random()
        status = next(s for bound, s in STATUS_MIX if draw < bound)
        days = rng.uniform(0.2, 90) if status == "active" else rng.uniform(10, 365)
        slots.append(Slot(job, status, reached_index(rng, status, depth[job]), days))
    return slots


def reached_index(rng: random.Random, status: str, depth: int) -> int:
    if status == "hired":
        return depth - 1
    weights = REJECT_WEIGHTS if status == "rejected" else ACTIVE_WEIGHTS
    return rng.choices(range(depth - 1), weights=weights[: depth - 1])[0]


def assign_candidates(rng: random.Random, slots: list[Slot], n_candidates: int) -> list[list[int]]:
    """Each candidate applies at least once; the rest apply a second (or third) time, never twice to a job."""
    order = list(range(len(slots)))
    rng.shuffle(order)
    jobs_of: list[list[int]] = [[] for _ in range(n_candidates)]
    for candidate, slot_index in enumerate(order[:n_candidates]):
        slots[slot_index].candidate = candidate
        jobs_of[candidate].append(slot_index)
    for slot_index in order[n_candidates:]:
        while True:
            candidate = rng.randrange(n_candidates)
            if all(slots[s].job != slots[slot_index].job for s in jobs_of[candidate]):
                break
        slots[slot_index].candidate = candidate
        jobs_of[candidate].append(slot_index)
    return jobs_of
