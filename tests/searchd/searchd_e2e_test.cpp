// The real lupe-searchd on port 0 over an index of corpus/ built by the real lupe-indexer.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/URI.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

int Run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::size_t CorpusDocuments() {
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(LUPE_SOURCE_DIR) / "corpus")) {
    if (entry.path().string().find(".meta.xml") == std::string::npos) ++count;
  }
  return count;
}

struct Reply {
  int status = 0;
  std::string allow;
  Poco::JSON::Object::Ptr body;
};

// A running lupe-searchd; stopped with SIGTERM at scope end.
class Daemon {
 public:
  explicit Daemon(const std::string& index)
      : process_(Poco::Process::launch(LUPE_SEARCHD_BINARY, {"--index", index, "--port", "0"},
                                       nullptr, &out_, nullptr)) {
    Poco::PipeInputStream lines(out_);
    std::string line;
    std::getline(lines, line);  // "listening on http://127.0.0.1:PORT"
    const std::string prefix = "listening on ";
    REQUIRE(line.rfind(prefix, 0) == 0);
    uri_ = Poco::URI(line.substr(prefix.size()));
  }
  ~Daemon() {
    if (!stopped_) Stop();
  }

  int Stop() {
    stopped_ = true;
    Poco::Process::requestTermination(process_.id());
    return process_.wait();
  }

  Reply Request(const std::string& method, const std::string& path) const {
    Poco::Net::HTTPClientSession session(uri_.getHost(), uri_.getPort());
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::stringstream body;
    body << in.rdbuf();
    Reply reply;
    reply.status = response.getStatus();
    reply.allow = response.get("Allow", "");
    reply.body = Poco::JSON::Parser().parse(body.str()).extract<Poco::JSON::Object::Ptr>();
    return reply;
  }

 private:
  Poco::Pipe out_;
  Poco::ProcessHandle process_;
  Poco::URI uri_;
  bool stopped_ = false;
};

std::string IndexCorpus(const lupe::testing::TempDir& dir) {
  const std::string index = (dir / "index").string();
  REQUIRE(Run(std::string(LUPE_INDEXER_BINARY) + " --index " + index + " add " + LUPE_SOURCE_DIR +
              "/corpus 2>/dev/null") == 0);
  return index;
}

}  // namespace

TEST_CASE("searchd reports health and serves JSON errors for unknown paths and methods") {
  lupe::testing::TempDir dir;
  Daemon daemon(IndexCorpus(dir));

  const Reply health = daemon.Request("GET", "/health");
  CHECK(health.status == 200);
  CHECK(health.body->getValue<std::string>("status") == "ok");
  CHECK(health.body->getValue<std::size_t>("documents") == CorpusDocuments());
  CHECK(health.body->getValue<std::string>("analyzer").rfind("lupe-de/", 0) == 0);
  CHECK(health.body->getValue<int>("revision") >= 1);

  const Reply missing = daemon.Request("GET", "/no/such/path");
  CHECK(missing.status == 404);
  CHECK(missing.body->getObject("error")->getValue<std::string>("code") == "not_found");

  const Reply post = daemon.Request("POST", "/health");
  CHECK(post.status == 405);
  CHECK(post.allow == "GET, HEAD, OPTIONS");
  CHECK(post.body->getObject("error")->getValue<std::string>("code") == "not_allowed");

  CHECK(daemon.Stop() == 0);  // SIGTERM: a graceful stop
}

TEST_CASE("searchd sees new commits without a restart") {
  lupe::testing::TempDir dir;
  const std::string index = IndexCorpus(dir);
  Daemon daemon(index);
  const auto before = daemon.Request("GET", "/health").body->getValue<std::size_t>("documents");
  dir.Write("more/neu.txt", "Ein neuer Bericht zur Wärmeplanung.");
  REQUIRE(Run(std::string(LUPE_INDEXER_BINARY) + " --index " + index + " add " +
              (dir / "more").string() + " 2>/dev/null") == 0);
  CHECK(daemon.Request("GET", "/health").body->getValue<std::size_t>("documents") == before + 1);
}

TEST_CASE("searchd refuses a missing index or one built with other facets, with exit 78") {
  lupe::testing::TempDir dir;
  CHECK(Run(std::string(LUPE_SEARCHD_BINARY) + " --index " + (dir / "none").string() +
            " --port 0 >/dev/null 2>&1") == 78);

  const auto config = dir.Write("other.ini", "[facets]\norder = type\n[facet.type]\nslot = 10\n");
  dir.Write("docs/a.txt", "Text.");
  REQUIRE(Run(std::string(LUPE_INDEXER_BINARY) + " --config " + config.string() + " --index " +
              (dir / "other").string() + " add " + (dir / "docs").string() + " 2>/dev/null") == 0);
  CHECK(Run(std::string(LUPE_SEARCHD_BINARY) + " --index " + (dir / "other").string() +
            " --port 0 >/dev/null 2>" + (dir / "err").string()) == 78);
  CHECK(Run("grep -q 'was built with facets' " + (dir / "err").string()) == 0);
}

TEST_CASE("searchd rejects bad command lines with exit 64") {
  CHECK(Run(std::string(LUPE_SEARCHD_BINARY) + " >/dev/null 2>&1") == 64);
  CHECK(Run(std::string(LUPE_SEARCHD_BINARY) + " --index x --port 70000 >/dev/null 2>&1") == 64);
  CHECK(Run(std::string(LUPE_SEARCHD_BINARY) + " --help >/dev/null 2>&1") == 0);
}
