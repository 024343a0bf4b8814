#include <Poco/Util/OptionException.h>

#include <iostream>

#include "searchd_app.h"

int main(int argc, char** argv) {
  lupe::search::SearchdApp app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Util::OptionException& error) {
    std::cerr << "lupe-searchd: " << error.displayText() << " (try --help)\n";
    return Poco::Util::Application::EXIT_USAGE;
  }
  return app.Serve();
}
