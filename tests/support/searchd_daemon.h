#pragma once
// The real lupe-searchd on port 0 over an index of corpus/ built by the real lupe-indexer,
// for end-to-end tests. Needs LUPE_SOURCE_DIR, LUPE_INDEXER_BINARY, LUPE_SEARCHD_BINARY.
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
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace lupe::testing {

inline int Run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Indexes corpus/ into dir/index with the real indexer; returns the index path.
inline std::string IndexCorpus(const TempDir& dir) {
  const std::string index = (dir / "index").string();
  REQUIRE(Run(std::string(LUPE_INDEXER_BINARY) + " --index " + index + " add " + LUPE_SOURCE_DIR +
              "/corpus 2>/dev/null") == 0);
  return index;
}

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string text;
  Poco::JSON::Object::Ptr body;  // null unless the body is a JSON object

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  std::string ErrorCode() const { return body->getObject("error")->getValue<std::string>("code"); }
  std::string ErrorMessage() const {
    return body->getObject("error")->getValue<std::string>("message");
  }
};

// A running lupe-searchd; stopped with SIGTERM at scope end. It runs in / so that a
// config/lupe.ini in the directory the tests run from (the default config) never applies.
class Daemon {
 public:
  explicit Daemon(const std::string& index, std::vector<std::string> extra_args = {}) {
    std::vector<std::string> args = {"--index", index, "--port", "0"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    process_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(LUPE_SEARCHD_BINARY, args, "/", nullptr, &out_, nullptr));
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
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  Poco::ProcessHandle::PID pid() const { return process_->id(); }

  int Stop() {
    stopped_ = true;
    Poco::Process::requestTermination(process_->id());
    return process_->wait();
  }

  // path is sent as is (the caller encodes it).
  Reply Request(const std::string& method, const std::string& path,
                const std::map<std::string, std::string>& headers = {}) const {
    Poco::Net::HTTPClientSession session(uri_.getHost(), uri_.getPort());
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) request.set(name, value);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::stringstream body;
    body << in.rdbuf();
    Reply reply;
    reply.status = response.getStatus();
    for (const auto& [name, value] : response) reply.headers[name] = value;
    reply.text = body.str();
    if (!reply.text.empty() && reply.text.front() == '{') {
      reply.body = Poco::JSON::Parser().parse(reply.text).extract<Poco::JSON::Object::Ptr>();
    }
    return reply;
  }
  Reply Get(const std::string& path) const { return Request("GET", path); }

  const Poco::URI& uri() const { return uri_; }

 private:
  Poco::Pipe out_;
  std::unique_ptr<Poco::ProcessHandle> process_;
  Poco::URI uri_;
  bool stopped_ = false;
};

// The shipped config/lupe.ini with [searchd] settings appended (later keys win), for a
// config file written elsewhere: its relative synonyms path is made absolute.
inline std::string ShippedConfigWith(const std::string& settings) {
  const std::string config_dir = std::string(LUPE_SOURCE_DIR) + "/config";
  std::ifstream in(config_dir + "/lupe.ini");
  const std::string shipped((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(!shipped.empty());
  return shipped + "\n[searchd]\nsynonyms = " + config_dir + "/abbreviations.txt\n" + settings;
}

// Percent-encodes a query parameter value.
inline std::string Encode(const std::string& value) {
  std::string encoded;
  Poco::URI::encode(value, "&=+#?/%", encoded);
  return encoded;
}

}  // namespace lupe::testing
