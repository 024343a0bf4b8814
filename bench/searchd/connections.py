#!/usr/bin/env python3
"""Checks that a server answers every one of N kept-alive connections at the same time.

Usage: connections.py HOST:PORT QUERIES_FILE [CONNECTIONS [SECONDS]]   (defaults: 64, 5)

Opens all connections first, then each thread sends the benchmark's requests over its own
connection for SECONDS. A server whose thread pool is smaller than N (Poco's HTTPServer by
default) leaves the surplus connections waiting in its queue without an error; they show up
here with 0 answers. Prints one line, "N/N connections answered (min A, max B answers per
connection)", and exits 1 if any connection got no answer or any answer was not 2xx.
"""
import http.client
import sys
import threading
import time
import urllib.parse


def main():
    host, port = sys.argv[1].rsplit(":", 1)
    connections = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 5.0
    with open(sys.argv[2], encoding="utf-8") as f:
        queries = [q.strip() for q in f if q.strip() and not q.startswith("#")]
    # Spaces as %20, not '+': the same URLs as queries.lua.
    paths = ["/api/v1/search?q=%s&facets=type,year,state" % urllib.parse.quote(q, safe="")
             for q in queries]
    answers = [0] * connections
    failures = [0] * connections
    ready = threading.Barrier(connections)

    def client(n):
        connection = http.client.HTTPConnection(host, int(port), timeout=seconds + 5)
        connection.connect()
        ready.wait()
        deadline = time.monotonic() + seconds
        i = n
        try:
            while time.monotonic() < deadline:
                connection.request("GET", paths[i % len(paths)])
                response = connection.getresponse()
                response.read()
                if time.monotonic() >= deadline:
                    break  # a starved connection is answered once the others have closed
                if 200 <= response.status < 300:
                    answers[n] += 1
                else:
                    failures[n] += 1
                i += 1
        except OSError:  # a timeout: the server never answered this connection
            failures[n] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answered = sum(1 for a in answers if a > 0)
    print("%d/%d connections answered within %g s (min %d, max %d answers per connection; "
          "%d failed requests)"
          % (answered, connections, seconds, min(answers), max(answers), sum(failures)))
    return 0 if answered == connections and sum(failures) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
