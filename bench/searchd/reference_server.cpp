// The floor cost of engine plus HTTP for bench/searchd: a bare Poco HTTP server that answers
//   GET /api/v1/search?q=WORDS&facets=a,b,c
// straight through Xapian — a plain OP_AND of the query words as Lupe's index spells exact
// terms (lower case, ä/ö/ü -> ae/oe/ue, ß -> ss; no stemming, variants or stop words),
// exact counts of the named facets (one ValueCountMatchSpy per facet slot, every match seen),
// the ids of the top 10 documents, and a minimal JSON body. No snippets, no ranking tweaks:
// whatever lupe-searchd does beyond this is what its fraction of this server's speed pays for.
//
// Usage: bench-reference-searchd --index DIR [--port N] [--config FILE]
// Prints "listening on http://HOST:PORT" first (port 0 picks a free one), like lupe-searchd;
// serves until SIGINT or SIGTERM.
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>
#include <Poco/UTF8String.h>
#include <xapian.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "lupe/analyzers/schema.h"

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

// The server settings of lupe-searchd (config/lupe.ini [searchd] threads, queue). Poco's
// HTTPServer keeps a kept-alive connection on one thread until it closes and queues further
// connections silently: with Poco's default of 16 threads, 48 of 64 connections would wait
// while wrk reports no error. So the thread count must exceed the benchmark's 64 connections.
// (HTTPServer without a pool of its own grows Poco's default pool to setMaxThreads.)
constexpr int kMaxThreads = 128;
constexpr int kMaxQueued = 512;
constexpr int kKeepAliveSeconds = 5;
constexpr Xapian::doccount kTopDocuments = 10;

struct Settings {
  std::string index;
  std::string config;
  int port = 8080;
};

// Lower case, then umlauts and ß spelled out: the exact terms of docs/analysis.md for
// ordinary words (Lupe's NFKC case folding gives the same for them).
std::string ExactTerm(const std::string& word) {
  const std::string lower = Poco::UTF8::toLower(word);
  std::string term;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const bool umlaut_lead = lower[i] == '\xC3' && i + 1 < lower.size();
    const char next = umlaut_lead ? lower[i + 1] : '\0';
    const char* spelled = next == '\xA4'   ? "ae"
                          : next == '\xB6' ? "oe"
                          : next == '\xBC' ? "ue"
                          : next == '\x9F' ? "ss"
                                           : nullptr;
    if (spelled == nullptr) {
      term += lower[i];
    } else {
      term += spelled;
      ++i;
    }
  }
  return term;
}

// Thrown for a request this server does not answer; becomes the status with the message.
struct RequestError {
  HTTPResponse::HTTPStatus status;
  std::string message;
};

class SearchHandler : public Poco::Net::HTTPRequestHandler {
 public:
  SearchHandler(const Settings& settings, const lupe::analyzers::Schema& schema)
      : settings_(settings), schema_(schema) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    Poco::JSON::Object body;
    HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK;
    try {
      if (Poco::URI(request.getURI()).getPath() != "/api/v1/search") {
        throw RequestError{HTTPResponse::HTTP_NOT_FOUND, "only /api/v1/search is served"};
      }
      Search(Poco::Net::HTMLForm(request), body);
    } catch (const RequestError& error) {
      status = error.status;
      body.set("error", error.message);
    } catch (const Xapian::Error& error) {
      status = HTTPResponse::HTTP_INTERNAL_SERVER_ERROR;
      body.set("error", error.get_description());
    }
    std::ostringstream json;
    body.stringify(json);
    const std::string text = json.str();
    response.setStatusAndReason(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(static_cast<std::streamsize>(text.size()));
    response.send() << text;
  }

 private:
  // Each server thread opens the index once: a Xapian::Database is not thread-safe.
  Xapian::Database& Database() const {
    thread_local Xapian::Database database(settings_.index);
    return database;
  }

  void Search(const Poco::Net::HTMLForm& form, Poco::JSON::Object& body) const {
    std::vector<Xapian::Query> words;
    Poco::StringTokenizer tokens(form.get("q", ""), " \t", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const std::string& token : tokens) words.emplace_back(ExactTerm(token));
    if (words.empty()) throw RequestError{HTTPResponse::HTTP_BAD_REQUEST, "q is empty"};

    std::vector<const lupe::analyzers::FacetSpec*> facets;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    Xapian::Database& database = Database();
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
    Poco::StringTokenizer names(form.get("facets", ""), ",",
                                Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const std::string& name : names) {
      const lupe::analyzers::FacetSpec* facet = schema_.Find(name);
      if (facet == nullptr) {
        throw RequestError{HTTPResponse::HTTP_BAD_REQUEST, "no such facet: " + name};
      }
      facets.push_back(facet);
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet->slot));
      enquire.add_matchspy(spies.back().get());
    }
    // check_at_least = all documents: the spies see every match, so counts are exact.
    const Xapian::MSet mset = enquire.get_mset(0, kTopDocuments, database.get_doccount());

    Poco::JSON::Array hits;
    for (auto hit = mset.begin(); hit != mset.end(); ++hit) hits.add(*hit);
    Poco::JSON::Object counts;
    for (std::size_t i = 0; i < facets.size(); ++i) {
      Poco::JSON::Array values;
      for (auto value = spies[i]->values_begin(); value != spies[i]->values_end(); ++value) {
        Poco::JSON::Object entry;
        entry.set("value", *value);
        entry.set("count", value.get_termfreq());
        values.add(entry);
      }
      counts.set(facets[i]->name, values);
    }
    body.set("total", mset.get_matches_estimated());
    body.set("hits", hits);
    body.set("facets", counts);
  }

  const Settings& settings_;
  const lupe::analyzers::Schema& schema_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(const Settings& settings, const lupe::analyzers::Schema& schema)
      : settings_(settings), schema_(schema) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new SearchHandler(settings_, schema_);
  }

 private:
  const Settings& settings_;
  const lupe::analyzers::Schema& schema_;
};

bool ParseArguments(int argc, char** argv, Settings& settings) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    if (name == "--index") {
      settings.index = argv[i + 1];
    } else if (name == "--config") {
      settings.config = argv[i + 1];
    } else if (name == "--port") {
      if (!Poco::NumberParser::tryParse(argv[i + 1], settings.port)) return false;
    } else {
      return false;
    }
  }
  return argc % 2 == 1 && !settings.index.empty() && settings.port >= 0 && settings.port < 65536;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  if (!ParseArguments(argc, argv, settings)) {
    std::cerr << "usage: bench-reference-searchd --index DIR [--port N] [--config FILE]\n";
    return 64;
  }
  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  try {
    const std::string config = lupe::analyzers::Schema::ConfigPath(settings.config);
    const lupe::analyzers::Schema schema =
        config.empty() ? lupe::analyzers::Schema::Default() : lupe::analyzers::Schema::Load(config);
    Xapian::Database check(settings.index);  // a missing index fails here, not per request
    Poco::Net::ServerSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(settings.port)), 256);
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(kMaxThreads);
    params->setMaxQueued(kMaxQueued);
    params->setKeepAliveTimeout(Poco::Timespan(kKeepAliveSeconds, 0));
    Poco::Net::HTTPServer server(new Factory(settings, schema), socket, params);
    server.start();
    std::cout << "listening on http://" << socket.address().toString() << std::endl;
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stopAll(true);
    return 0;
  } catch (const Poco::Exception& error) {  // before std::exception, its base
    std::cerr << "bench-reference-searchd: " << error.displayText() << '\n';
  } catch (const Xapian::Error& error) {
    std::cerr << "bench-reference-searchd: " << error.get_description() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "bench-reference-searchd: " << error.what() << '\n';
  }
  return 78;
}
