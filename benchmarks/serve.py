"""A static file server on localhost that gzips text, as a real host does.

Lighthouse and the search timing read the built site through it, so
transfer sizes are what a reader's browser would download.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import urlsplit

# Compressed on the fly, as GitHub Pages and Read the Docs do for text.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".inv")


class _Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like every real host
    answers: Mapping[str, bytes] = {}  # URL path -> a JSON body (an API's answer)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the benchmark prints its own table

    def send_head(self):  # type: ignore[override]
        answer = self.answers.get(urlsplit(self.path).path)
        if answer is not None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            return io.BytesIO(answer)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in COMPRESSIBLE and accepts_gzip):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[override]
        pass  # a browser closing a kept-alive connection is not news


@contextlib.contextmanager
def serve(root: Path, answers: Mapping[str, bytes] | None = None) -> Iterator[str]:
    """Serve root on a free localhost port; yields the base URL. ``answers``
    gives fixed JSON bodies for some URL paths, whatever their query."""
    handler_class = type("Handler", (_Handler,), {"answers": dict(answers or {})})
    handler = functools.partial(handler_class, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
