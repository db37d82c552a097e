"""Store benchmark: `claimtrack claims` at a million stored claims, wall time including process start.

    python benchmarks/bench_store.py --claims 1000000 --db /tmp/bench_claims.db

Builds the database once through `Store.add_article` (synthetic but realistic rows: Arabic reported
speech, 400 named speakers with a skewed share of claims, a dozen agencies relaying 60% of claims
(AFP most), 40 outlets, 30% of claims in clusters of three, 2% reviewed), then times each listing as a separate `claimtrack` process, as a reviewer runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from claimtrack.models import Article, Claim, Entity, claim_id
from claimtrack.store import Store

FIRST = [("محمد", "Mohammed"), ("أحمد", "Ahmed"), ("سارة", "Sara"), ("ليلى", "Laila"), ("خالد", "Khaled"),
         ("عمر", "Omar"), ("يوسف", "Youssef"), ("مريم", "Maryam"), ("نادية", "Nadia"), ("حسن", "Hassan"),
         ("رامي", "Rami"), ("هالة", "Hala"), ("طارق", "Tarek"), ("منى", "Mona"), ("سامي", "Sami"),
         ("جمال", "Jamal"), ("ريم", "Reem"), ("فادي", "Fadi"), ("علي", "Ali"), ("دينا", "Dina")]
LAST = [("العلي", "al-Ali"), ("منصور", "Mansour"), ("حداد", "Haddad"), ("خوري", "Khoury"), ("سليمان", "Suleiman"),
        ("الحسيني", "al-Husseini"), ("عبد الله", "Abdullah"), ("الشامي", "al-Shami"), ("نصار", "Nassar"),
        ("الزين", "al-Zein"), ("قاسم", "Qassem"), ("البزاز", "al-Bazzaz"), ("التميمي", "al-Tamimi"),
        ("فرحات", "Farhat"), ("يونس", "Younes"), ("الأحمد", "al-Ahmad"), ("شهاب", "Shihab"), ("عيسى", "Issa"),
        ("المصري", "al-Masri"), ("الكردي", "al-Kurdi")]
TITLES = ["وزير الخارجية", "المتحدث باسم الجيش", "رئيس الوزراء", "مسؤول في الأمم المتحدة", "السفير", "النائب"]
AGENCIES = [("فرانس برس", "AFP", 30), ("رويترز", "Reuters", 20), ("أسوشيتد برس", "AP", 10), ("تاس", "TASS", 6),
            ("ريا نوفوستي", "RIA Novosti", 4), ("شينخوا", "Xinhua", 4), ("الأناضول", "Anadolu", 6),
            ("وام", "WAM", 3), ("واس", "SPA", 3), ("قنا", "QNA", 2), ("أ ش أ", "MENA", 2), ("يونهاب", "Yonhap", 1)]
SUBJECTS = ["الجيش", "الحكومة", "الوزارة", "البرلمان", "المنظمة", "اللجنة", "الشرطة", "البعثة الأممية", "المعارضة",
            "القوات الروسية", "القوات الأوكرانية", "الاحتلال", "الفصائل", "البنك المركزي", "وزارة الصحة"]
VERBS = ["نفذ", "أعلن", "رفض", "استهدف", "أرسل", "أوقف", "وقّع", "ناقش", "أطلق", "اعتقل", "سحب", "فرض", "دمّر"]
OBJECTS = ["هجوماً على مواقع", "اتفاقاً لوقف إطلاق النار", "مساعدات إنسانية", "خطة لإعادة الإعمار", "عقوبات جديدة",
           "تحقيقاً مستقلاً", "قافلة طبية", "صفقة أسلحة", "صواريخ بالستية", "طائرات مسيّرة", "قرضاً بقيمة",
           "مفاوضات مباشرة", "حظراً على الواردات", "شحنة قمح"]
PLACES = ["غزة", "الخرطوم", "خاركيف", "بيونغ يانغ", "جنيف", "دمشق", "طرابلس", "بيروت", "عدن", "الموصل", "كييف",
          "موسكو", "الدوحة", "القاهرة", "الفاشر", "رفح", "إدلب", "صنعاء", "بنغازي", "أربيل"]
OUTLETS = [(f"موقع الأخبار {i}", f"Outlet {i}") for i in range(40)]
CLAIMS_PER_ARTICLE = 20


def speakers() -> list[tuple[Entity, str]]:
    out = []
    for i, (fa, fe) in enumerate(FIRST):
        for j, (la, le) in enumerate(LAST):
            title = TITLES[(i + j) % len(TITLES)]
            out.append((Entity(text=f"{fa} {la}", name=f"{fe} {le}", kind="person"), f"{title} {fa} {la}"))
    return out


def article(n: int, people: list[tuple[Entity, str]], agencies: list[Entity], weights: list[int]) -> tuple[Article, list[Claim]]:
    rng = random.Random(n)
    aid = f"bench_{n:07d}"
    raw, claims = "", []
    for _ in range(CLAIMS_PER_ARTICLE):
        speaker, lead = people[int(rng.paretovariate(1.2)) % len(people)]
        via = [rng.choices(agencies, weights)[0]] if rng.random() < 0.6 else []
        text = (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} في {rng.choice(PLACES)}"
                f" يوم {rng.randint(1, 28)} وأسفر عن {rng.randint(2, 9000)} حالة")
        relay = f"، بحسب ما نقلت وكالة {via[0].text}" if via else ""
        start = len(raw)
        raw += f"وقال {lead} إن "
        span = (len(raw), len(raw) + len(text))
        raw += f"{text}{relay}.\n"
        claims.append(Claim(id=claim_id(aid, span, text), article=aid, text=text, span=span,
                            sentence_span=(start, len(raw) - 1), speaker=speaker, via=via, cue="قال", mode="indirect"))
    outlet_text, outlet_name = OUTLETS[n % len(OUTLETS)]
    meta = Article(id=aid, raw=raw, outlet=Entity(text=outlet_text, name=outlet_name, kind="outlet"),
                   url=f"https://news.example/{n}", published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}")
    return meta, claims


def build(db: Path, total_claims: int) -> None:
    people = speakers()
    agencies = [Entity(text=t, name=name, kind="agency") for t, name, _ in AGENCIES]
    weights = [w for *_, w in AGENCIES]
    articles = total_claims // CLAIMS_PER_ARTICLE
    t0 = time.perf_counter()
    with Store(db) as store:
        for n in range(articles):
            store.add_article(*article(n, people, agencies, weights))
            if n % 5000 == 0:
                print(f"  {n * CLAIMS_PER_ARTICLE:>9,} claims  {time.perf_counter() - t0:6.1f}s", file=sys.stderr)
        took = time.perf_counter() - t0
        rng = random.Random(0)
        every = [c.id for c in store.iter_claims(limit=total_claims)]
        clustered = rng.sample(every, len(every) * 3 // 10)  # 30% of claims in clusters of three
        t1 = time.perf_counter()
        store.set_clusters([
            {"id": f"k{i // 3}", "claim_ids": clustered[i : i + 3], "independent_sources": 1 + i % 2,
             "syndicated": [clustered[i : i + 2]] if i % 2 else []}
            for i in range(0, len(clustered) - 2, 3)
        ])
        cluster_took = time.perf_counter() - t1
        ids = [cid for cid in every if rng.random() < 0.02]
        statuses = ["in progress", "false", "true", "misleading", "mostly true", "unproven", "disputed"]
        t1 = time.perf_counter()
        for i, cid in enumerate(ids):
            store.add_review(cid, statuses[i % len(statuses)], "bench", "bench")
        review_took = time.perf_counter() - t1
    print(json.dumps({"built_claims": articles * CLAIMS_PER_ARTICLE, "ingest_s": round(took, 1),
                      "claims_per_s": round(articles * CLAIMS_PER_ARTICLE / took),
                      "set_clusters_s": round(cluster_took, 1), "reviews": len(ids), "review_ms_each": round(1000 * review_took / max(1, len(ids)), 2),
                      "db_mb": round(db.stat().st_size / 2**20)}))


def timed(cmd: list[str], runs: int) -> tuple[float, float, float, int]:
    """Median and worst wall seconds, median CPU seconds (user+sys) of the process, output lines."""
    walls, cpus, lines = [], [], 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            raise SystemExit(f"{cmd}: {proc.stderr}")
        lines = len(proc.stdout.splitlines())
    return statistics.median(walls), max(walls), statistics.median(cpus), lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench_claims.db"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    if args.rebuild:
        for p in args.db.parent.glob(args.db.name + "*"):
            p.unlink()
    if not args.db.exists():
        build(args.db, args.claims)
    exe = shutil.which("claimtrack", path=os.path.dirname(sys.executable)) or "claimtrack"
    with Store(args.db) as store:
        sample = next(store.iter_claims(status="false"))
    queries = {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "claimtrack --help": [exe, "--help"],
        "--via AFP --status unreviewed": ["claims", "--via", "AFP", "--status", "unreviewed"],
        "--via Yonhap --status unreviewed (rare relay)": ["claims", "--via", "Yonhap", "--status", "unreviewed"],
        "--via فرانس برس --outlet 'Outlet 7' --status unreviewed": ["claims", "--via", "فرانس برس", "--outlet", "Outlet 7", "--status", "unreviewed"],
        "--speaker 'Mona Haddad' (rare speaker)": ["claims", "--speaker", "Mona Haddad"],
        "--speaker 'محمد منصور' (common speaker)": ["claims", "--speaker", "محمد منصور"],
        "--status false (2% reviewed)": ["claims", "--status", "false"],
        "--search صواريخ (common word)": ["claims", "--search", "صواريخ"],
        "--search 'الفاشر مسيرة' (rarer pair)": ["claims", "--search", "الفاشر مسيرة"],
        "--search 'يونهاب' (no match)": ["claims", "--search", "يونهابوكالة"],
        "--search دمشق --via AFP --status unreviewed": ["claims", "--search", "دمشق", "--via", "AFP", "--status", "unreviewed"],
        "show CLAIM": ["show", sample.id],
        "history CLAIM": ["history", sample.id],
    }
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.runs} runs each; {exe}")
    print(f"{'command (--limit 50, table)':<58} {'wall med':>9} {'wall max':>9} {'cpu med':>8} {'query ms':>9} {'rows':>5}")
    for label, cmd in queries.items():
        query_ms = ""
        if cmd[0] == "claims":
            query_ms = f"{in_process_ms(args.db, cmd[1:], args.runs):.1f}"
        if cmd[0] not in (sys.executable, exe):
            cmd = [exe, *cmd, "--db", str(args.db)] + (["--limit", "50"] if cmd[0] == "claims" else [])
        med, worst, cpu, lines = timed(cmd, args.runs)
        print(f"{label:<58} {med:9.3f} {worst:9.3f} {cpu:8.3f} {query_ms:>9} {lines:5d}")


def in_process_ms(db: Path, options: list[str], runs: int) -> float:
    """The listing alone (open excluded): `Store.iter_claims` with the same filters, median ms."""
    filters = {options[i].lstrip("-"): options[i + 1] for i in range(0, len(options), 2)}
    times = []
    with Store(db) as store:
        for _ in range(runs):
            t0 = time.perf_counter()
            list(store.iter_claims(limit=51, **filters))
            times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times)

if __name__ == "__main__":
    main()
