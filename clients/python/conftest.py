"""Starts one Strongroom server (start-dev, fresh data directory, free ports) for the client suites."""
import json
import os
import pathlib
import secrets
import shutil
import socket
import string
import subprocess
import tempfile
import time
import urllib.request

import boto3
import pytest
from botocore.config import Config

ROOT = pathlib.Path(__file__).resolve().parents[2]
REGION = "us-east-1"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _random_key_id():
    return "AKIA" + "".join(secrets.choice(string.ascii_uppercase + "234567") for _ in range(16))


class Server:
    def __init__(self):
        self.data_dir = pathlib.Path(tempfile.mkdtemp(prefix="strongroom-clients-"))
        self.http_port = _free_port()
        self.management_port = _free_port()
        self.endpoint = f"http://127.0.0.1:{self.http_port}"
        self.admin_key_id = _random_key_id()
        self.admin_secret = secrets.token_urlsafe(40)[:40]
        self.log = open(self.data_dir.parent / (self.data_dir.name + ".log"), "ab")
        self.start()

    def start(self):
        """Starts the server process on this data directory (again, after kill())."""
        env = dict(os.environ)
        env["STRONGROOM_ADMIN_ACCESS_KEY_ID"] = self.admin_key_id
        env["STRONGROOM_ADMIN_SECRET_ACCESS_KEY"] = self.admin_secret
        self.process = subprocess.Popen(
            [str(ROOT / "strongroom"), "start-dev",
             "--data-dir", str(self.data_dir / "data"),
             "--http-port", str(self.http_port),
             "--management-port", str(self.management_port)],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=str(self.data_dir))
        self._wait_ready()

    def kill(self):
        """SIGKILL: no shutdown hook, no flush; what survives is what was durable."""
        self.process.kill()
        self.process.wait(timeout=30)

    def strongroom(self, *args):
        """Runs a strongroom CLI command against this server's data directory; returns the CompletedProcess."""
        return subprocess.run([str(ROOT / "strongroom"), *args], capture_output=True, text=True, timeout=300,
                              cwd=str(self.data_dir))

    def _wait_ready(self, timeout=120):
        deadline = time.time() + timeout
        url = f"http://127.0.0.1:{self.management_port}/health/ready"
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; log: {self.log.name}")
            try:
                with urllib.request.urlopen(url, timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server not ready after {timeout}s; log: {self.log.name}")

    def client(self, service, key_id=None, secret=None, token=None):
        return boto3.client(
            service,
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=key_id or self.admin_key_id,
            aws_secret_access_key=secret or self.admin_secret,
            aws_session_token=token,
            config=Config(retries={"max_attempts": 1}),
        )

    def aws_cli(self, *args, key_id=None, secret=None, token=None, check=True):
        """Runs the AWS CLI v2 (/usr/bin/aws) and returns (exit code, parsed JSON or stderr)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(AWS_ACCESS_KEY_ID=key_id or self.admin_key_id,
                   AWS_SECRET_ACCESS_KEY=secret or self.admin_secret,
                   AWS_DEFAULT_REGION=REGION, AWS_PAGER="",
                   AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
        if token:
            env["AWS_SESSION_TOKEN"] = token
        result = subprocess.run([aws_cli_path(), "--endpoint-url", self.endpoint, "--output", "json", *args],
                                capture_output=True, text=True, env=env, timeout=60)
        if check and result.returncode != 0:
            raise AssertionError(f"aws {' '.join(args)} failed: {result.stderr}")
        if result.returncode == 0:
            return 0, (json.loads(result.stdout) if result.stdout.strip() else {})
        return result.returncode, result.stderr

    def stop_process(self):
        """A clean stop (SIGTERM): the server flushes its audit records and signs a last digest."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def stop(self):
        self.stop_process()
        self.log.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def aws_cli_path():
    """Debian's AWS CLI v2; an older v1 may come first on PATH."""
    for candidate in ("/usr/bin/aws", shutil.which("aws")):
        if candidate and os.path.exists(candidate):
            out = subprocess.run([candidate, "--version"], capture_output=True, text=True).stdout
            if out.startswith("aws-cli/2."):
                return candidate
    return None


@pytest.fixture(scope="session")
def server():
    s = Server()
    yield s
    s.stop()
