"""The crash test's driver (run it through scripts/crash-test.sh).

Each run starts one CLI write (import of an ISAK workbook, a new object, or an approval),
sends SIGKILL after a random delay if it is still running, and then checks the database
with its own SQLite connection. Every failed check is printed and counted.
"""
import argparse, fcntl, json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

import openpyxl


def isak_workbook(path, name, sets, risks, reqs, rng):
    """A workbook in the reference layout of the old ISAK format."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Klassning"
    for row, (label, value) in enumerate([("IT-stöd:", name), ("Förvaltning:", "Testförvaltningen"),
                                          ("Informationsägare:", "Ägare"), ("Datum:", "2026-01-15")], 1):
        ws.cell(row, 1, label)
        ws.cell(row, 2, value)
    head = 7
    for col, text in enumerate(["Nr", "Informationsmängd", "Beskrivning", "Konfidentialitet", "Riktighet",
                                "Tillgänglighet", "Motivering"], 1):
        ws.cell(head, col, text)
    for i in range(sets):
        r = head + 1 + i
        for col, v in enumerate([i + 1, f"Mängd {i} i {name}", "Beskrivning", rng.randint(1, 4),
                                 rng.randint(1, 4), rng.randint(1, 4), "Motivering"], 1):
            ws.cell(r, col, v)
    rs = wb.create_sheet("Riskanalys")
    rs.append(["Nr", "Hot", "Orsak", "Aspekt", "Sannolikhet", "Konsekvens", "Åtgärd"])
    for i in range(risks):
        rs.append([i + 1, f"Händelse {i}", "Orsak", "K", rng.randint(1, 4), rng.randint(1, 4), "Åtgärd"])
    ks = wb.create_sheet("Krav")
    ks.append(["Krav-ID", "Område", "Krav", "K", "R", "T", "Uppfyllt", "Kommentar"])
    for i in range(reqs):
        ks.append([f"K{i}", "Område", f"Kravtext {i}", 2, "", "", "Ja", ""])
    wb.save(path)


def object_file(path, example, name, sets):
    text = open(example, encoding="utf-8").read().replace('name = "Ekonomisystem"', f'name = "{name}"', 1)
    extra = "".join(
        f'\n[[sets]]\nname = "Extra {i}"\nlevels = {{ K = 1, R = 1, T = 1, S = 1 }}\n'
        f'motivations = {{ K = "m", R = "m", T = "m", S = "m" }}\n' for i in range(sets))
    open(path, "w", encoding="utf-8").write(text + extra)


def check(db, problems):
    """The checks after every run; appends what is wrong to `problems`."""
    c = sqlite3.connect(db)
    q = lambda sql, *a: c.execute(sql, a).fetchall()
    if q("PRAGMA integrity_check") != [("ok",)]:
        problems.append("integrity_check")
    if q("PRAGMA foreign_key_check"):
        problems.append("foreign keys")
    objects = {r[0] for r in q("SELECT id FROM objects")}
    created = [r[0] for r in q("SELECT object_id FROM audit WHERE action = 'create' AND entity = 'object'")]
    if sorted(created) != sorted(objects):
        problems.append("objects and their 'create' history differ")
    imports = {r[0]: r[1] for r in q("SELECT id, object_id FROM imports")}
    audited = {r[0]: json.loads(r[1]) for r in q("SELECT entity_id, new FROM audit WHERE action = 'import'")}
    if set(imports) != set(audited):
        problems.append("import records and import history differ")
    for imp, obj in imports.items():
        if obj not in objects:
            problems.append(f"import {imp} without its object")
            continue
        summary = audited.get(imp, {})
        (kept,) = q("SELECT COUNT(*) FROM legacy_requirements WHERE import_id = ?", imp)[0]
        (newest,) = q("SELECT id FROM imports WHERE object_id = ? ORDER BY imported_at DESC, rowid DESC LIMIT 1", obj)[0]
        if imp == newest and kept != summary.get("requirements", 0):
            problems.append(f"import {imp}: {kept} requirements kept, {summary.get('requirements')} imported")
        (sets,) = q("""SELECT COUNT(*) FROM information_sets s JOIN classifications k ON k.id = s.classification_id
                       WHERE k.object_id = ? AND k.version = (SELECT MAX(version) FROM classifications WHERE object_id = ?)""",
                    obj, obj)[0]
        if sets < summary.get("sets", 0):
            problems.append(f"import {imp}: {sets} sets stored, {summary.get('sets')} imported")
    (approved,) = q("SELECT COUNT(*) FROM classifications WHERE status IN ('faststalld', 'ersatt') AND snapshot IS NOT NULL")[0]
    (approvals,) = q("SELECT COUNT(*) FROM audit WHERE action = 'approve'")[0]
    if approved != approvals:
        problems.append(f"{approved} approved classifications, {approvals} approvals in the history")
    if q("SELECT 1 FROM audit WHERE object_id IS NOT NULL AND object_id <> '' AND object_id NOT IN (SELECT id FROM objects) LIMIT 1"):
        problems.append("history of an object that does not exist")
    c.close()


def writing(lock_path):
    """Whether a process holds the writers' lock (flock) right now."""
    with open(lock_path, "rb") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--runs", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--example", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="crash-")
    db = os.path.join(work, "crash.sqlite")
    env = dict(os.environ, INFOKLASS_USER="krocktest")
    env.pop("INFOKLASS_DB", None)
    run = lambda *args: subprocess.run([a.bin, "--db", db, *args], env=env, capture_output=True)

    books = [os.path.join(a.fixtures, f) for f in sorted(os.listdir(a.fixtures)) if f.endswith((".xls", ".xlsx"))]
    for i in range(30):
        path = os.path.join(work, f"isak-{i}.xlsx")
        # Ten names, so later files update an object imported earlier.
        isak_workbook(path, f"System {i % 10}", rng.randint(500, 3000), rng.randint(5, 60), rng.randint(10, 120), rng)
        books.append(path)
    run("objects")  # creates the database
    started = time.monotonic()
    run("import", books[-1])
    # The longest each operation took when it ran to the end; kills fall within 1.2 times that.
    took = {"import": max(time.monotonic() - started, 0.2), "new": 0.5, "approve": 0.3}

    stats = {op: {"runs": 0, "killed": 0, "killed_in_write": 0, "committed": 0, "refused": 0} for op in ("import", "new", "approve")}
    failures, drafts, serial = 0, [], 0
    for n in range(a.runs):
        op = rng.choices(["import", "new", "approve"], [6, 2, 2])[0]
        if op == "approve" and not drafts:
            op = "new"
        if op == "import":
            args = ["import", rng.choice(books)]
        elif op == "new":
            serial += 1
            name = f"Nytt {serial}"
            path = os.path.join(work, "object.toml")
            object_file(path, a.example, name, rng.randint(200, 2000))
            args = ["new", path]
        else:
            name = drafts.pop(rng.randrange(len(drafts)))
            args = ["approve", name]
        proc = subprocess.Popen([a.bin, "--db", db, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started = time.monotonic()
        time.sleep(rng.uniform(0, took[op] * 1.2))
        killed = proc.poll() is None
        if killed:
            # Inside a write transaction exactly when the writers' lock file is held.
            in_write = writing(db + ".lock")
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not killed:
            took[op] = max(took[op], time.monotonic() - started)
        s = stats[op]
        s["runs"] += 1
        s["killed" if killed else ("committed" if proc.returncode == 0 else "refused")] += 1
        s["killed_in_write"] += killed and in_write
        if op == "new" and not killed and proc.returncode == 0:
            drafts.append(name)
        problems = []
        check(db, problems)
        if run("objects", "--json").returncode != 0:
            problems.append("`objects` fails afterwards")
        if problems:
            failures += 1
            print(f"run {n} ({' '.join(args)}, killed={killed}): {'; '.join(problems)}", file=sys.stderr)
    kills = sum(s["killed"] for s in stats.values())
    in_write = sum(s["killed_in_write"] for s in stats.values())
    print(json.dumps({"runs": a.runs, "kills": kills, "kills_inside_a_write": in_write, "runs_with_failures": failures, "per_operation": stats,
                      "slowest_uninterrupted_s": {k: round(v, 2) for k, v in took.items()}}, indent=1))
    if failures:
        print(f"the database is kept for inspection: {db}", file=sys.stderr)
        sys.exit(1)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
