// Every class of bad request gets a JSON error naming what was wrong, with the right
// status, and the daemon keeps serving. Also CORS and the configurable limits.
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/SocketStream.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <thread>
#include <utility>

#include "support/searchd_daemon.h"

using lupe::testing::Daemon;
using lupe::testing::Encode;
using lupe::testing::IndexCorpus;
using lupe::testing::Reply;
using lupe::testing::ShippedConfigWith;
using lupe::testing::TempDir;

namespace {


void CheckError(const Daemon& daemon, const std::string& path, int status,
                const std::string& code, const std::string& named) {
  const Reply reply = daemon.Get(path);
  INFO(path << " -> " << reply.status << " " << reply.text.substr(0, 300));
  CHECK(reply.status == status);
  REQUIRE(reply.body);
  CHECK(reply.ErrorCode() == code);
  CHECK(reply.ErrorMessage().find(named) != std::string::npos);
  CHECK(reply.Header("Content-Type").find("application/json") == 0);
}

}  // namespace

TEST_CASE("bad search parameters get 400 naming the parameter") {
  TempDir dir;
  const Daemon daemon(IndexCorpus(dir));
  const std::string search = "/api/v1/search?";
  CheckError(daemon, search + "qq=Strategie", 400, "invalid_input", "unknown parameter 'qq'");
  CheckError(daemon, search + "filter.land=Bayern", 400, "invalid_input", "unknown facet 'land'");
  CheckError(daemon, search + "facets=state,land", 400, "invalid_input", "unknown facet 'land'");
  CheckError(daemon, search + "page=0", 400, "invalid_input", "page");
  CheckError(daemon, search + "page=abc", 400, "invalid_input", "page");
  CheckError(daemon, search + "page=-1", 400, "invalid_input", "page");
  CheckError(daemon, search + "page=99999999999999999999999", 400, "invalid_input", "page");
  CheckError(daemon, search + "page=1001&per_page=10", 400, "invalid_input", "result window");
  CheckError(daemon, search + "per_page=0", 400, "invalid_input", "per_page");
  CheckError(daemon, search + "per_page=101", 400, "invalid_input", "per_page");
  CheckError(daemon, search + "sort=newest", 400, "invalid_input", "sort");
  for (const char* range : {"20..2021", "2021..20", "2023..2020", "..", "abc", "2021...2022",
                            "2020..2021..2022", "%20", ""}) {
    CheckError(daemon, search + "filter.year=" + range, 400, "invalid_input", "filter.year");
  }
  CheckError(daemon, search + "q=%FF%FE", 400, "invalid_input", "q is not valid UTF-8");
  CheckError(daemon, search + "filter.state=%C3", 400, "invalid_input", "filter.state");
  CheckError(daemon, search + "q=a&q=b", 400, "invalid_input", "q");
  CheckError(daemon, search + "q=" + std::string(1001, 'a'), 413, "too_large", "q is longer");
  CheckError(daemon, "/api/v1/search?q=%ZZ", 400, "invalid_input", "percent-encoding");
  CHECK(daemon.Get("/health").status == 200);
}

TEST_CASE("unknown paths, ids and facets get 404, other methods 405, huge URIs 413") {
  TempDir dir;
  const Daemon daemon(IndexCorpus(dir));
  CheckError(daemon, "/api/v2/search", 404, "not_found", "/api/v2/search");
  CheckError(daemon, "/api/v1/documents/%C3%28", 400, "invalid_input", "UTF-8");
  CheckError(daemon, "/api/v1/facets/land", 404, "not_found", "land");
  CheckError(daemon, "/api/v1/documents/nope", 404, "not_found", "nope");
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    const Reply reply = daemon.Request(method, "/api/v1/search?q=x");
    CHECK(reply.status == 405);
    CHECK(reply.Header("Allow") == "GET, HEAD, OPTIONS");
    CHECK(reply.ErrorCode() == "not_allowed");
  }
  CheckError(daemon, "/api/v1/search?q=" + std::string(9000, 'a'), 413, "too_large", "URI");
  const Reply head = daemon.Request("HEAD", "/api/v1/search?q=Strategie");
  CHECK(head.status == 200);
  CHECK(head.text.empty());
}

TEST_CASE("unbalanced quotes and odd syntax are searched, not rejected") {
  TempDir dir;
  const Daemon daemon(IndexCorpus(dir));
  for (const char* q : {"\"", "„", "\"Smart City", "Smart City\"", "- -- ---", "OR", "OR OR",
                        "title:", "title:\"", "-\"", "«»", "‚", "\"\"\"", "a OR", "*", "&<>"}) {
    const Reply reply = daemon.Get("/api/v1/search?q=" + Encode(q));
    INFO(q << " -> " << reply.text.substr(0, 200));
    CHECK(reply.status == 200);
  }
}

TEST_CASE("random requests never crash or hang the daemon") {
  TempDir dir;
  const Daemon daemon(IndexCorpus(dir));
  std::mt19937 random(20261126);
  const std::vector<std::string> pieces = {"q=", "filter.state=", "filter.year=", "facets=",
                                           "page=", "per_page=", "sort=", "&", "=", "%", "%C3",
                                           "..", "\"", "%22", "-", "OR", "title:", "Bayern",
                                           "2021", "%FF", "+", "%00", "ä", "\xC3", "Strategie"};
  for (int i = 0; i < 300; ++i) {
    std::string query;
    const int n = static_cast<int>(random() % 8);
    for (int k = 0; k < n; ++k) query += pieces[random() % pieces.size()];
    std::string path = "/api/v1/search?";
    for (char c : query) {
      // Bytes a client may not send raw in a request line are encoded.
      if (static_cast<unsigned char>(c) >= 0x80 || c == ' ') {
        char buffer[4];
        std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned char>(c));
        path += buffer;
      } else {
        path += c;
      }
    }
    const Reply reply = daemon.Get(path);
    INFO(path << " -> " << reply.status << " " << reply.text.substr(0, 200));
    CHECK((reply.status == 200 || reply.status == 400 || reply.status == 413));
    REQUIRE(reply.body);
  }
  // Garbage that is not HTTP at all.
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress(daemon.uri().getHost(),
                                                          daemon.uri().getPort()));
  socket.sendBytes("\x16\x03\x01garbage\r\n\r\n", 13);
  socket.close();
  CHECK(daemon.Get("/health").status == 200);
}

TEST_CASE("CORS: allowed origins from config get the header and preflights - others do not") {
  TempDir dir;
  const auto config = dir.Write(
      "cors.ini", ShippedConfigWith("cors_origins = https://portal.example, http://b.test:8080\n"
                             "max_query_bytes = 20\n"));
  const Daemon daemon(IndexCorpus(dir), {"--config", config.string()});
  const Reply allowed = daemon.Request("GET", "/api/v1/search?q=Strategie",
                                       {{"Origin", "https://portal.example"}});
  CHECK(allowed.status == 200);
  CHECK(allowed.Header("Access-Control-Allow-Origin") == "https://portal.example");
  const Reply error = daemon.Request("GET", "/api/v1/search?page=0", {{"Origin", "http://b.test:8080"}});
  CHECK(error.status == 400);
  CHECK(error.Header("Access-Control-Allow-Origin") == "http://b.test:8080");
  const Reply other = daemon.Request("GET", "/api/v1/search?q=Strategie",
                                     {{"Origin", "https://evil.example"}});
  CHECK(other.status == 200);
  CHECK(other.Header("Access-Control-Allow-Origin").empty());
  const Reply preflight = daemon.Request(
      "OPTIONS", "/api/v1/search",
      {{"Origin", "https://portal.example"}, {"Access-Control-Request-Method", "GET"}});
  CHECK(preflight.status == 204);
  CHECK(preflight.Header("Access-Control-Allow-Methods").find("GET") != std::string::npos);
  // The configured query limit applies.
  CheckError(daemon, "/api/v1/search?q=" + std::string(21, 'a'), 413, "too_large", "20 bytes");
}

TEST_CASE("without CORS configuration no origin is allowed") {
  TempDir dir;
  const auto config = dir.Write("plain.ini", ShippedConfigWith("threads = 4\n"));
  const Daemon daemon(IndexCorpus(dir), {"--config", config.string()});
  const Reply reply = daemon.Request("GET", "/api/v1/search?q=Strategie",
                                     {{"Origin", "https://portal.example"}});
  CHECK(reply.status == 200);
  CHECK(reply.Header("Access-Control-Allow-Origin").empty());
}

TEST_CASE("a bad [searchd] setting stops searchd with exit 78 naming the key") {
  TempDir dir;
  const std::string index = IndexCorpus(dir);
  const std::pair<const char*, const char*> bad_settings[] = {{"threads", "threads = many\n"},
                                                              {"work_slots", "work_slots = -2\n"}};
  for (const auto& [key, setting] : bad_settings) {
    INFO(setting);
    const auto config = dir.Write("bad.ini", ShippedConfigWith(setting));
    CHECK(lupe::testing::Run(std::string(LUPE_SEARCHD_BINARY) + " --index " + index +
                             " --config " + config.string() + " --port 0 >/dev/null 2>" +
                             (dir / "err").string()) == 78);
    CHECK(lupe::testing::Run("grep -q '" + std::string(key) + "' " + (dir / "err").string()) == 0);
  }
}

TEST_CASE("with one work slot, concurrent clients all get complete answers in turn") {
  TempDir dir;
  const auto config = dir.Write("one.ini", ShippedConfigWith("work_slots = 1\n"));
  const Daemon daemon(IndexCorpus(dir), {"--config", config.string()});
  const Reply alone = daemon.Request("GET", "/api/v1/search?q=Strategie");
  REQUIRE(alone.status == 200);
  const auto expected_total = alone.body->getValue<int>("total");
  REQUIRE(expected_total > 0);

  constexpr int kClients = 12;
  std::vector<Reply> replies(kClients);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      replies[static_cast<std::size_t>(i)] =
          daemon.Request("GET", i % 3 == 0 ? "/health" : "/api/v1/search?q=Strategie");
    });
  }
  for (std::thread& client : clients) client.join();
  for (int i = 0; i < kClients; ++i) {
    const Reply& reply = replies[static_cast<std::size_t>(i)];
    CHECK(reply.status == 200);
    REQUIRE(reply.body);
    if (i % 3 == 0) {
      CHECK(reply.body->getValue<std::string>("status") == "ok");
    } else {
      CHECK(reply.body->getValue<int>("total") == expected_total);
      CHECK(static_cast<int>(reply.body->getArray("hits")->size()) == std::min(10, expected_total));
    }
  }
}
