"""Shared by the browser tests (tests/web/*_test.py) and tests/web/screenshots.py.

Builds an index of corpus/ in a temporary directory with the real lupe-indexer, starts the
real lupe-searchd on a free port with a temporary config, and drives Debian's headless
chromium through chromedriver (python3-selenium). Missing browser packages are an error,
never a skip: CI installs them (scripts/test).
"""

import argparse
import http.server
import json
import os
import select
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.error
import urllib.parse
import urllib.request

CHROMIUM = os.environ.get("LUPE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("LUPE_CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT_SECONDS = 20  # upper bound of every wait; waits end as soon as the condition holds

try:
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:  # fail loudly: a missing package is not a passed test
    sys.exit(f"browser tests need python3-selenium (Debian package; scripts/test installs it): {error}")

__all__ = ["By", "Keys", "WebDriverWait", "StaleElementReferenceException", "BrowserTestCase", "Lupe",
           "HostServer", "console_errors", "parse_args", "run_tests", "start_browser", "wait_for",
           "WAIT_SECONDS"]


def parse_args(argv=None):
    """--indexer, --searchd, --source-dir; the rest goes to unittest."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--indexer", required=True)
    parser.add_argument("--searchd", required=True)
    parser.add_argument("--source-dir", required=True)
    return parser.parse_known_args(argv)


def run_tests(test_class):
    """Runs a unittest.TestCase class with the paths of the command line; exits 1 on failure."""
    args, rest = parse_args()
    test_class.args = args
    unittest.main(argv=[sys.argv[0], "-v"] + rest)


class Lupe:
    """An index of corpus/ and a running lupe-searchd serving it; close() stops it."""

    def __init__(self, args, cors_origins=""):
        self.tmp = tempfile.TemporaryDirectory(prefix="lupe-web-")
        index = os.path.join(self.tmp.name, "index")
        corpus = os.path.join(args.source_dir, "corpus")
        subprocess.run([args.indexer, "--index", index, "add", corpus], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        config = os.path.join(self.tmp.name, "lupe.ini")
        with open(os.path.join(args.source_dir, "config", "lupe.ini"), encoding="utf-8") as src:
            lines = [f"cors_origins = {cors_origins}\n" if line.startswith("cors_origins") else line
                     for line in src]
        # The shipped synonyms path is relative to the shipped config's directory.
        synonyms = os.path.abspath(os.path.join(args.source_dir, "config", "abbreviations.txt"))
        lines = [f"synonyms = {synonyms}\n" if line.startswith("synonyms") else line
                 for line in lines]
        with open(config, "w", encoding="utf-8") as out:
            out.writelines(lines)
        self.process = subprocess.Popen(
            [args.searchd, "--index", index, "--port", "0", "--config", config],
            stdout=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], WAIT_SECONDS)
        line = self.process.stdout.readline() if ready else ""
        if not line.startswith("listening on "):
            self.close()
            raise RuntimeError(f"lupe-searchd did not start: {line!r}")
        self.url = line[len("listening on "):].strip()  # http://127.0.0.1:PORT

    def api(self, path, params=None):
        """(status, JSON body) of GET path?params from searchd."""
        url = self.url + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
        try:
            with urllib.request.urlopen(url, timeout=WAIT_SECONDS) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def search(self, **params):
        """The API's search response; filter_state=... stands for filter.state=..."""
        params = {key.replace("filter_", "filter."): value for key, value in params.items()}
        status, body = self.api("/api/v1/search", params)
        assert status == 200, body
        return body

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stdout:
            self.process.stdout.close()
        self.tmp.cleanup()


class HostServer:
    """A static file server for a directory on http://localhost:PORT: another origin than
    searchd's http://127.0.0.1:PORT, as a portal page embedding the widget would be."""

    def __init__(self, directory):
        handler = lambda *a, **kw: _QuietHandler(*a, directory=directory, **kw)  # noqa: E731
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://localhost:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def start_browser(width=1280, height=900):
    """Headless chromium; --no-sandbox because CI runs as root."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            sys.exit(f"browser tests need {path} (Debian package {package}; scripts/test installs it)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--disable-extensions", "--no-first-run", "--lang=de-DE",
                 f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def wait_for(driver, condition, message=""):
    """Waits (bounded) until condition(driver) is truthy and returns its value; stale
    elements of a re-rendered list count as "not yet"."""
    def safe(d):
        try:
            return condition(d)
        except StaleElementReferenceException:
            return False
    return WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.05).until(safe, message)



def console_errors(driver):
    """Script errors and CSP violations the browser logged since the last call. Failed
    requests (the API's 4xx answers the tests provoke) are the network's, not errors."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and entry.get("source") != "network"]


class BrowserTestCase(unittest.TestCase):
    """One searchd (self.lupe) and one browser (self.driver) per test class; a test fails
    if it caused script errors or CSP violations."""

    args = None  # the command line's paths, set by run_tests
    cors_origins = ""  # [searchd] cors_origins of the temporary config

    @classmethod
    def setUpClass(cls):
        cls.lupe = Lupe(cls.args, cors_origins=cls.cors_origins)
        try:
            cls.driver = start_browser()
        except BaseException:
            cls.lupe.close()
            raise

    def tearDown(self):
        self.assertEqual(console_errors(self.driver), [])

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.lupe.close()
