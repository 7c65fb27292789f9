#!/usr/bin/env python3
"""Attacks of issue #29 against a running release server (see bench/attack.sh, which starts it over
a demo database with the dev mail transport and TRUSTED_PROXY=127.0.0.1). Standard library only.

  1. anonymous uploads: 20 at once, 45 MB of multipart each, to /api/reply;
  2. slow headers (slowloris): 500 connections sending a header line every 2 s;
  3. a re-authentication flood: one signed-in patient, 32 right passwords at once;
  4. lockout: 10 wrong passwords from a stranger's browser, then the owner's known browser.
"""
import http.cookiejar
import os
import re
import socket
import sqlite3
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ["BASE"]
HOST, PORT = urllib.parse.urlparse(BASE).hostname, urllib.parse.urlparse(BASE).port
DATABASE = os.environ["DATABASE"]
SERVER_PID = int(os.environ["SERVER_PID"])
PASSWORD = os.environ["DEMO_PASSWORD"]
LEA = "lea@demo.portail.test"


def rss_kb():
    with open(f"/proc/{SERVER_PID}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1])


class Browser:
    """A browser: its own cookies, speaking as the proxy names it (X-Forwarded-For)."""

    def __init__(self, address="203.0.113.10"):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.address = address

    def post(self, function, form):
        data = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(f"{BASE}/api/{function}", data=data, method="POST")
        request.add_header("Origin", BASE)
        request.add_header("Accept", "application/json")
        request.add_header("X-Forwarded-For", self.address)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def sign_in(self, email, password):
        status, body = self.post("sign_in", {"email": email, "password": password})
        if status != 200:
            return status, body
        return self.post("verify_sign_in", {"code": emailed_code(email)})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def emailed_code(email):
    with sqlite3.connect(DATABASE) as db:
        (body,) = db.execute(
            "SELECT body FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1", (email,)
        ).fetchone()
    return re.search(r"\b(\d{6})\b", body).group(1)


def signed_in_lea(address):
    """Léa, signed in from a browser of her own (which is then known for her account)."""
    lea = Browser(address)
    status, _ = lea.sign_in(LEA, PASSWORD)
    assert status in (200, 302), status
    return lea


def anonymous_uploads():
    print("== 1. 20 anonymous POSTs of 45 MB multipart to /api/reply, at once")
    boundary = "portailbench"
    part = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.pdf\"\r\n"
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    size = 45 * 1024 * 1024
    before = rss_kb()
    results = []

    def one():
        started = time.monotonic()
        with socket.create_connection((HOST, PORT)) as tcp:
            tcp.sendall(
                (
                    f"POST /api/reply HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nOrigin: {BASE}\r\n"
                    f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                    f"Content-Length: {size}\r\n\r\n"
                ).encode()
                + part
            )
            chunk, sent, answer = b"\0" * 65536, len(part), b""
            tcp.settimeout(0.001)
            while sent < size and not answer:
                try:
                    sent += tcp.send(chunk[: min(len(chunk), size - sent)])
                except (BrokenPipeError, ConnectionResetError):
                    break
                except socket.timeout:
                    pass
                try:
                    answer = tcp.recv(200)
                except (socket.timeout, BlockingIOError):
                    pass
            tcp.settimeout(10)
            if not answer:
                try:
                    answer = tcp.recv(200)
                except OSError:
                    pass
        status = answer.split(b" ")[1].decode() if answer.startswith(b"HTTP/1.1") else "none"
        results.append((status, (time.monotonic() - started) * 1000, sent))

    threads = [threading.Thread(target=one) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after = rss_kb()
    times = sorted(ms for _, ms, _ in results)
    statuses = sorted({status for status, _, _ in results})
    sent_mb = statistics.mean(sent for _, _, sent in results) / 1e6
    print(f"statuses {statuses}; answered in median {statistics.median(times):.1f} ms, max {times[-1]:.1f} ms;"
          f" {sent_mb:.2f} MB sent on average before the answer")
    print(f"server memory {before} kB -> {after} kB ({after - before:+d} kB)")


def slow_headers(connections=500, seconds=14):
    print(f"== 2. slow headers: {connections} connections, a header line every 2 s")
    sockets = []
    for i in range(connections):
        tcp = socket.create_connection((HOST, PORT))
        tcp.sendall(f"GET /help HTTP/1.1\r\nHost: {HOST}\r\n".encode())
        sockets.append(tcp)
    started = time.monotonic()
    latencies = []
    while time.monotonic() - started < seconds:
        for tcp in sockets:
            try:
                tcp.sendall(b"X-Slow: 1\r\n")
            except OSError:
                pass
        probe = time.monotonic()
        with urllib.request.urlopen(f"{BASE}/help", timeout=10) as response:
            response.read()
        latencies.append((time.monotonic() - probe) * 1000)
        time.sleep(2)
    closed = 0
    for tcp in sockets:
        tcp.settimeout(0.5)
        try:
            data = tcp.recv(100)
            closed += data == b"" or data.startswith(b"HTTP/1.1 408")
        except ConnectionResetError:
            closed += 1
        except socket.timeout:
            pass
        tcp.close()
    print(f"after {seconds} s: {closed} of {connections} cut by the server;"
          f" /help meanwhile median {statistics.median(latencies):.1f} ms, max {max(latencies):.1f} ms")


def reauth_flood():
    print("== 3. one signed-in patient sends 32 right passwords to start_reauth at once")
    lea = signed_in_lea("203.0.113.20")
    results = []
    threads = [threading.Thread(target=lambda: results.append(lea.post("start_reauth", {"password": PASSWORD})[0]))
               for _ in range(32)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    # Meanwhile someone else signs in (step one: a password hashed).
    other = Browser("203.0.113.21")
    probe = time.monotonic()
    other_status, _ = other.post("sign_in", {"email": "noah@demo.portail.test", "password": "not the password"})
    other_ms = (time.monotonic() - probe) * 1000
    for thread in threads:
        thread.join()
    counts = {code: results.count(code) for code in sorted(set(results))}
    print(f"answers {counts} in {(time.monotonic() - started) * 1000:.0f} ms;"
          f" another person's sign-in meanwhile: {other_status} in {other_ms:.0f} ms")


def lockout():
    print("== 4. lockout: a stranger's 10 wrong passwords, then Léa's own browser")
    lea = signed_in_lea("203.0.113.30")
    stranger = Browser("198.51.100.7")
    for _ in range(10):
        stranger.post("sign_in", {"email": LEA, "password": "wrong wrong wrong"})
    stranger_status, body = stranger.post("sign_in", {"email": LEA, "password": PASSWORD})
    key = re.search(r'"key":"([a-z-]+)"', body)
    lea_status, _ = lea.sign_in(LEA, PASSWORD)
    print(f"the stranger, even with the right password: {stranger_status} {key.group(1) if key else ''};"
          f" Léa's browser: {lea_status} (signed in)")


for step in sys.argv[1:] or ["uploads", "slow", "reauth", "lockout"]:
    {"uploads": anonymous_uploads, "slow": slow_headers, "reauth": reauth_flood, "lockout": lockout}[step]()
