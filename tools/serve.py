"""The built site on localhost, as a host serves it: for the browser tests
and the benchmark.

Under the path prefix the site is published at (Read the Docs': /en/latest/),
a missing page answered with 404.html and status 404, text compressed with
gzip as GitHub Pages and Read the Docs do (so transfer sizes are what a
reader's browser downloads), and connections kept alive.
"""

from __future__ import annotations

import gzip
import http.client
import io
import socket
import threading
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".inv")


class _Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like every real host
    prefix = "/"
    answers: Mapping[str, bytes] = {}  # URL path -> a JSON body (an API's answer)
    files: Mapping[str, Path] = {}  # URL path -> a file served there, outside the site
    extra_headers: Mapping[str, str] = {}  # sent with every answer

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "missing")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_head(self):  # type: ignore[override]
        answer = self.answers.get(urlsplit(self.path).path)
        if answer is not None:
            return self._send(200, "application/json", answer)
        extra = self.files.get(urlsplit(self.path).path)
        if extra is not None:
            return self._send(200, self.guess_type(str(extra)), extra.read_bytes())
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in COMPRESSIBLE and accepts_gzip):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        return self._send(200, self.guess_type(str(path)), body, gzipped=True)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = self._send(404, "text/html; charset=utf-8", page.read_bytes())
        if self.command != "HEAD":
            self.wfile.write(body.read())

    def _send(self, code: int, content_type: str, body: bytes, gzipped: bool = False):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass  # quiet: the tests and the benchmark report what matters


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a browser closing a kept-alive connection is not news


@dataclass(frozen=True)
class Server:
    url: str  # the site's root, e.g. http://127.0.0.1:PORT/en/latest/

    def page(self, path: str) -> str:
        return self.url + path


@contextmanager
def serve(directory: Path, prefix: str = "/",
          answers: Mapping[str, bytes] | None = None,
          files: Mapping[str, Path] | None = None,
          headers: Mapping[str, str] | None = None) -> Iterator[Server]:
    """Serve directory on a free localhost port under a path prefix; yields
    the Server. ``answers`` gives fixed JSON bodies for some URL paths,
    whatever their query; ``files`` serves more files, each at its URL path
    (axe-core, for the browser tests); ``headers`` are added to every response."""
    handler = type("Handler", (_Handler,), {"prefix": prefix, "answers": dict(answers or {}),
                                            "files": dict(files or {}),
                                            "extra_headers": dict(headers or {})})
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_port}{prefix}")
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A localhost port nothing listens on, for a server the caller starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page_text(url: str) -> str:
    """The page at ``url``, or "" while there is none: a server still
    starting, or a file it is rewriting (sphinx-autobuild mid-rebuild)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (OSError, http.client.HTTPException):
        return ""
