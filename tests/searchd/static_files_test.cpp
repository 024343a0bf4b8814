// The search page and the widget served by searchd: content types, validators, security
// headers, HEAD, and the JSON API's 404 for every path that is not a known file.
#include <catch2/catch.hpp>

#include "support/searchd_daemon.h"

using lupe::testing::Daemon;
using lupe::testing::IndexCorpus;
using lupe::testing::Reply;

TEST_CASE("searchd serves the page with its script and style and the widget and its example") {
  lupe::testing::TempDir dir;
  Daemon daemon(IndexCorpus(dir));

  struct Expected {
    const char* path;
    const char* type;
    const char* contains;
  };
  for (const Expected& file : {
           Expected{"/", "text/html; charset=utf-8", "<html lang=\"de\">"},
           Expected{"/index.html", "text/html; charset=utf-8", "src=\"/app.js\""},
           Expected{"/app.js", "text/javascript; charset=utf-8", "\"/api/v1\""},
           Expected{"/style.css", "text/css; charset=utf-8", "@media"},
           Expected{"/widget.js", "text/javascript; charset=utf-8", "attachShadow"},
           Expected{"/examples/host.html", "text/html; charset=utf-8", "data-lupe-search"},
       }) {
    INFO(file.path);
    const Reply reply = daemon.Get(file.path);
    CHECK(reply.status == 200);
    CHECK(reply.Header("Content-Type") == file.type);
    CHECK(reply.text.find(file.contains) != std::string::npos);
    CHECK(reply.Header("Content-Length") == std::to_string(reply.text.size()));
    CHECK(reply.Header("X-Content-Type-Options") == "nosniff");
    CHECK(reply.Header("Cache-Control") == "no-cache");
    CHECK(reply.Header("ETag").size() > 2);
  }
}

TEST_CASE("the page has a content security policy that allows only its own origin") {
  lupe::testing::TempDir dir;
  Daemon daemon(IndexCorpus(dir));
  const std::string policy = daemon.Get("/").Header("Content-Security-Policy");
  CHECK(policy.find("default-src 'none'") != std::string::npos);
  CHECK(policy.find("script-src 'self'") != std::string::npos);
  CHECK(policy.find("connect-src 'self'") != std::string::npos);
  CHECK(policy.find("frame-ancestors 'none'") != std::string::npos);
  CHECK(policy.find("unsafe-inline") == std::string::npos);
  // The widget is a script for other sites' pages: no page policy, loadable cross-origin.
  const Reply widget = daemon.Get("/widget.js");
  CHECK(widget.Header("Content-Security-Policy").empty());
  CHECK(widget.Header("Cross-Origin-Resource-Policy") == "cross-origin");
}

TEST_CASE("HEAD of a static file sends its headers without a body") {
  lupe::testing::TempDir dir;
  Daemon daemon(IndexCorpus(dir));
  const Reply get = daemon.Get("/app.js");
  const Reply head = daemon.Request("HEAD", "/app.js");
  CHECK(head.status == 200);
  CHECK(head.Header("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(head.Header("Content-Length") == std::to_string(get.text.size()));
  CHECK(head.Header("ETag") == get.Header("ETag"));
  CHECK(head.text.empty());
}

TEST_CASE("a static file whose ETag the client has is answered 304 without a body") {
  lupe::testing::TempDir dir;
  Daemon daemon(IndexCorpus(dir));
  const std::string etag = daemon.Get("/style.css").Header("ETag");
  const Reply cached = daemon.Request("GET", "/style.css", {{"If-None-Match", etag}});
  CHECK(cached.status == 304);
  CHECK(cached.text.empty());
  CHECK(cached.Header("ETag") == etag);
  CHECK(daemon.Request("GET", "/style.css", {{"If-None-Match", "\"0\", W/" + etag}}).status == 304);
  const Reply stale = daemon.Request("GET", "/style.css", {{"If-None-Match", "\"0\""}});
  CHECK(stale.status == 200);
  CHECK_FALSE(stale.text.empty());
  CHECK(daemon.Get("/").Header("ETag") != daemon.Get("/app.js").Header("ETag"));
}

TEST_CASE("paths that are no static file keep the JSON 404 of the API and a query string does not matter") {
  lupe::testing::TempDir dir;
  Daemon daemon(IndexCorpus(dir));
  for (const char* path : {"/nothing.html", "/app.js/", "/examples/", "/examples/other.html",
                           "/web/index.html", "/favicon.ico", "/api/v1/"}) {
    INFO(path);
    const Reply reply = daemon.Get(path);
    CHECK(reply.status == 404);
    CHECK(reply.Header("Content-Type") == "application/json; charset=utf-8");
    REQUIRE(reply.body);
    CHECK(reply.ErrorCode() == "not_found");
  }
  const Reply page = daemon.Get("/?q=Strategie&filter.state=Bayern&page=2");
  CHECK(page.status == 200);
  CHECK(page.Header("Content-Type") == "text/html; charset=utf-8");
  const Reply post = daemon.Request("POST", "/");
  CHECK(post.status == 405);
  CHECK(post.ErrorCode() == "not_allowed");
}
