#include "indexer_app.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>

#include <iostream>
#include <iterator>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/error.h"
#include "lupe/ingest/analysis_report.h"

namespace lupe::ingest {

void IndexerApp::defineOptions(Poco::Util::OptionSet& options) {
  Application::defineOptions(options);
  options.addOption(Poco::Util::Option("help", "h", "print this help and exit")
                        .required(false)
                        .repeatable(false));
}

void IndexerApp::handleOption(const std::string& name, const std::string& value) {
  Application::handleOption(name, value);
  if (name == "help") {
    help_requested_ = true;
    stopOptionsProcessing();
  }
}

void IndexerApp::PrintHelp() const {
  Poco::Util::HelpFormatter formatter(options());
  formatter.setCommand("lupe-indexer");
  formatter.setUsage("[OPTIONS] COMMAND [ARGS...]");
  formatter.setHeader(
      "Indexes German publications for Lupe.\n\n"
      "Commands:\n"
      "  analyze [TEXT...]   show how the analyzer turns TEXT (or standard input)\n"
      "                      into tokens: position, byte offsets, flags and terms\n\n"
      "Options:");
  formatter.format(std::cout);
}

int IndexerApp::main(const std::vector<std::string>& args) {
  if (help_requested_) {
    PrintHelp();
    return EXIT_OK;
  }
  if (args.empty()) {
    std::cerr << "lupe-indexer: no command given (try --help)\n";
    return EXIT_USAGE;
  }
  try {
    if (args[0] == "analyze") return Analyze(args);
  } catch (const Error& error) {
    std::cerr << "lupe-indexer: " << error.what() << '\n';
    return error.code() == ErrorCode::kConfig ? EXIT_CONFIG : EXIT_SOFTWARE;
  }
  std::cerr << "lupe-indexer: unknown command '" << args[0] << "' (try --help)\n";
  return EXIT_USAGE;
}

int IndexerApp::Analyze(const std::vector<std::string>& args) const {
  std::string text;
  if (args.size() > 1) {
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (i > 1) text += ' ';
      text += args[i];
    }
  } else {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  const analyzers::Analyzer analyzer;
  WriteAnalysisReport(analyzer, text, std::cout);
  return EXIT_OK;
}

}  // namespace lupe::ingest
