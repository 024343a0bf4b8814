#include <Poco/Util/OptionException.h>

#include <csignal>
#include <iostream>

#include "indexer_app.h"

namespace {

// First Ctrl-C / SIGTERM: finish the documents under way, commit, stop. A second one
// ends the process at once (the index still holds everything of the last commit).
extern "C" void RequestStop(int signal) {
  lupe::ingest::IndexerApp::stop_requested = true;
  std::signal(signal, SIG_DFL);
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, RequestStop);
  std::signal(SIGTERM, RequestStop);
  lupe::ingest::IndexerApp app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Util::OptionException& error) {
    std::cerr << "lupe-indexer: " << error.displayText() << " (try --help)\n";
    return Poco::Util::Application::EXIT_USAGE;
  }
  return app.run();
}
