#include <Poco/Util/OptionException.h>

#include <iostream>

#include "indexer_app.h"

int main(int argc, char** argv) {
  lupe::ingest::IndexerApp app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Util::OptionException& error) {
    std::cerr << "lupe-indexer: " << error.displayText() << " (try --help)\n";
    return Poco::Util::Application::EXIT_USAGE;
  }
  return app.run();
}
