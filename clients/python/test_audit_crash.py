"""Crash test: a server killed with SIGKILL under load loses no acknowledged call's audit record.

Several boto3 clients create users (changes, recorded in their own transaction) and call
GetCallerIdentity (reads, group-committed) while the server process is killed. After a restart the
exported trail verifies offline, every request that got a response has its record, every user that
exists has the record of its creation, and no record claims a creation that did not survive.
"""
import json
import pathlib
import threading
import time

import pytest

from conftest import Server


def _load(server, worker, acknowledged, stop):
    iam = server.client("iam")
    sts = server.client("sts")
    i = 0
    while not stop.is_set():
        try:
            if i % 2 == 0:
                name = f"crash-{worker}-{i}"
                response = iam.create_user(UserName=name)
                acknowledged.append((response["ResponseMetadata"]["RequestId"], "CreateUser", name))
            else:
                response = sts.get_caller_identity()
                acknowledged.append((response["ResponseMetadata"]["RequestId"], "GetCallerIdentity", None))
        except Exception:  # the server went away mid-call: that call was never acknowledged
            if stop.is_set():
                return
            time.sleep(0.05)
        i += 1


def _exported_records(export_dir):
    records = []
    for path in sorted(pathlib.Path(export_dir).rglob("*.jsonl")):
        for line in path.read_text().splitlines():
            if line.strip():
                records.append(json.loads(line)["record"])
    return records


@pytest.fixture
def crashing_server():
    s = Server()
    yield s
    s.stop()


def test_sigkill_under_load_loses_no_acknowledged_record(crashing_server, tmp_path):
    server = crashing_server
    acknowledged = []
    stop = threading.Event()
    workers = [threading.Thread(target=_load, args=(server, w, acknowledged, stop)) for w in range(4)]
    for worker in workers:
        worker.start()
    deadline = time.time() + 30
    while len(acknowledged) < 200 and time.time() < deadline:
        time.sleep(0.05)
    server.kill()  # while the workers are still sending
    stop.set()
    for worker in workers:
        worker.join(timeout=30)
    assert len(acknowledged) >= 50, "too little load reached the server before the kill"

    server.start()
    users = set()
    for page in server.client("iam").get_paginator("list_users").paginate():
        users.update(u["UserName"] for u in page["Users"] if u["UserName"].startswith("crash-"))
    server.stop_process()  # a clean stop signs the closing digest

    export_dir = tmp_path / "evidence"
    exported = server.strongroom("audit", "export", "--data-dir", str(server.data_dir / "data"),
                                 "--out", str(export_dir))
    assert exported.returncode == 0, exported.stderr + exported.stdout
    verified = server.strongroom("audit", "verify", str(export_dir))
    assert verified.returncode == 0, verified.stdout + verified.stderr

    records = _exported_records(export_dir)
    request_ids = {r["requestID"] for r in records}
    missing = [a for a in acknowledged if a[0] not in request_ids]
    assert not missing, f"{len(missing)} acknowledged calls have no record, e.g. {missing[:3]}"

    created = {r["requestParameters"]["userName"] for r in records
               if r["eventName"] == "CreateUser" and "errorCode" not in r
               and r["requestParameters"]["userName"].startswith("crash-")}
    assert users == created, (f"users without their record: {sorted(users - created)[:3]}; "
                              f"records of rolled-back creations: {sorted(created - users)[:3]}")
