#include "searchd_app.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/NumberParser.h>
#include <Poco/ThreadPool.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/error.h"
#include "lupe/analyzers/schema.h"
#include "lupe/search/index_reader.h"
#include "lupe/search/routes.h"
#include "lupe/search/searchd_config.h"
#include "lupe/search/searcher.h"

namespace lupe::search {
namespace {

// Each work slot keeps its own index handle open (several files each), each connection a
// socket: allow as many open files as the hard limit does.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// Blocks the signals that stop the server (as waitForTerminationRequest() waits for them) in
// this thread and so in every thread it starts from now on: a process-directed signal then
// reaches only that wait. Poco's threads block SIGTERM and SIGQUIT but not SIGINT, so a
// SIGINT could land in a server thread, and its default action ended the process at once.
void BlockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  if (std::getenv("POCO_ENABLE_DEBUGGER") == nullptr) sigaddset(&signals, SIGINT);  // as Poco
  sigaddset(&signals, SIGQUIT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

}  // namespace

void SearchdApp::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  options.addOption(Poco::Util::Option("help", "h", "print this help and exit"));
  options.addOption(
      Poco::Util::Option("index", "i", "the index directory to serve").argument("DIR"));
  options.addOption(Poco::Util::Option("port", "p", "TCP port (default 8080; 0 picks a free one)")
                        .argument("PORT"));
  options.addOption(
      Poco::Util::Option("bind", "b", "address to listen on (default 127.0.0.1)").argument("ADDR"));
  options.addOption(
      Poco::Util::Option("config", "c", "configuration file (default: config/lupe.ini if present)")
          .argument("FILE"));
}

void SearchdApp::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    help_requested_ = true;
    stopOptionsProcessing();
  } else if (name == "index") {
    index_ = value;
  } else if (name == "config") {
    config_ = value;
  } else if (name == "bind") {
    bind_ = value;
  } else if (name == "port") {
    int port = -1;
    if (!Poco::NumberParser::tryParse(value, port) || port < 0 || port > 65535) {
      throw Poco::Util::InvalidArgumentException("--port must be a number from 0 to 65535");
    }
    port_ = port;
  }
}

void SearchdApp::PrintHelp() const {
  Poco::Util::HelpFormatter formatter(options());
  formatter.setCommand("lupe-searchd");
  formatter.setUsage("--index DIR [OPTIONS]");
  formatter.setHeader(
      "Serves a Lupe index over HTTP as JSON.\n\n"
      "Endpoints (docs/api.md): GET / (the search page), /widget.js, /api/v1/search,\n"
      "/api/v1/suggest, /api/v1/documents/{id}, /api/v1/documents/{id}/similar,\n"
      "/api/v1/facets/{facet}, /health\n\n"
      "Exit status: 0 stopped by SIGINT/SIGTERM, 64 usage, 69 cannot listen,\n"
      "78 missing or incompatible index or configuration.\n\n"
      "Options:");
  formatter.format(std::cout);
}

int SearchdApp::main(const std::vector<std::string>& args) {
  if (help_requested_) {
    PrintHelp();
    return EXIT_OK;
  }
  if (index_.empty() || !args.empty()) {
    std::cerr << "lupe-searchd: usage: lupe-searchd --index DIR [--port N] [--bind ADDR] "
                 "[--config FILE] (try --help)\n";
    return EXIT_USAGE;
  }
  BlockTerminationSignals();  // before any thread exists
  try {
    const SearchdConfig config = LoadSearchdConfig(config_);
    const analyzers::Analyzer analyzer;
    const IndexReader index(index_, analyzer, config.schema, {config.reopen_seconds});
    std::unique_ptr<const SynonymsFile> synonyms;
    if (!config.synonyms.empty()) {
      synonyms =
          std::make_unique<const SynonymsFile>(config.synonyms, analyzer, std::chrono::seconds(2));
    }
    const Searcher searcher(analyzer, config, synonyms.get());
    const Suggester suggester(analyzer);
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    // Two per core: a request holding a slot is sometimes off its core (preempted, or in a
    // system call), and one per core then left cores idle (docs/performance.md).
    WorkGate gate(config.work_slots == 0 ? 2 * cores : config.work_slots,
                  std::chrono::milliseconds(static_cast<long>(config.max_wait_seconds * 1000)));
    const Service service{index, config, searcher, suggester, gate};
    RaiseOpenFileLimit();

    Poco::Net::ServerSocket socket;
    try {
      socket.bind(Poco::Net::SocketAddress(bind_, static_cast<Poco::UInt16>(port_)), true);
      socket.listen(256);
    } catch (const Poco::Exception& error) {
      std::cerr << "lupe-searchd: cannot listen on " << bind_ << ":" << port_ << ": "
                << error.displayText() << '\n';
      return EXIT_UNAVAILABLE;
    }
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    // A kept-alive connection holds a server thread until it closes, so the thread
    // count is the number of connections served at once (others wait in the queue).
    params->setMaxThreads(config.threads);
    params->setMaxQueued(config.queue);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    // A server thread waiting for a connection gives up after this idle time; on SIGTERM the
    // server waits for its threads (below), and Poco's default of 10 s made every stop take
    // that long.
    params->setThreadIdleTime(Poco::Timespan(1, 0));
    // The server's own pool, not Poco's default one: on SIGTERM the threads still answering
    // a request use service, gate and index, so they must end before those are destroyed.
    // HTTPServer::stopAll only stops accepting and shuts the connections' sockets down.
    Poco::ThreadPool threads(2, config.threads);
    Poco::Net::HTTPServer server(new Routes(service), threads, socket, params);
    server.start();
    std::cout << "listening on http://" << socket.address().toString() << std::endl;
    waitForTerminationRequest();
    server.stopAll(true);
    threads.joinAll();
    return EXIT_OK;
  } catch (const Error& error) {
    std::cerr << "lupe-searchd: " << error.what() << '\n';
    return error.code() == ErrorCode::kConfig ? EXIT_CONFIG : EXIT_SOFTWARE;
  }
}

}  // namespace lupe::search
