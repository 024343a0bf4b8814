#include "indexer_app.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "indexer_config.h"
#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/error.h"
#include "lupe/ingest/analysis_report.h"
#include "lupe/ingest/batch_indexer.h"
#include "lupe/ingest/gazetteer.h"
#include "lupe/ingest/index_store.h"
#include "progress_reporter.h"

namespace lupe::ingest {

std::atomic<bool> IndexerApp::stop_requested{false};

void IndexerApp::defineOptions(Poco::Util::OptionSet& options) {
  Application::defineOptions(options);
  options.addOption(Poco::Util::Option("help", "h", "print this help and exit"));
  options.addOption(
      Poco::Util::Option("index", "i", "the index directory (add, remove, stats)").argument("DIR"));
  options.addOption(
      Poco::Util::Option("config", "c", "configuration file (default: config/lupe.ini if present)")
          .argument("FILE"));
}

void IndexerApp::handleOption(const std::string& name, const std::string& value) {
  Application::handleOption(name, value);
  if (name == "help") {
    help_requested_ = true;
    stopOptionsProcessing();
  } else if (name == "index") {
    index_ = value;
  } else if (name == "config") {
    config_ = value;
  }
}

void IndexerApp::PrintHelp() const {
  Poco::Util::HelpFormatter formatter(options());
  formatter.setCommand("lupe-indexer");
  formatter.setUsage("[OPTIONS] COMMAND [ARGS...]");
  formatter.setHeader(
      "Indexes German publications for Lupe.\n\n"
      "Commands:\n"
      "  add PATH...         index files and directories (recursively) into --index DIR,\n"
      "                      creating it if absent; unchanged files are skipped\n"
      "  remove ID...        delete documents by id from --index DIR\n"
      "  stats               print --index DIR's statistics as JSON\n"
      "  analyze [TEXT...]   show how the analyzer turns TEXT (or standard input)\n"
      "                      into tokens: position, byte offsets, flags and terms\n\n"
      "Exit status: 0 ok, 64 usage, 65 some inputs rejected, 66 no input,\n"
      "73 cannot create, 75 index locked or interrupted, 78 configuration.\n\n"
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
    return Dispatch(args);
  } catch (const Error& error) {
    std::cerr << "lupe-indexer: " << error.what() << '\n';
    switch (error.code()) {
      case ErrorCode::kInvalidInput:
      case ErrorCode::kTooLarge:
        return EXIT_DATAERR;
      case ErrorCode::kNotFound:
        return EXIT_NOINPUT;
      case ErrorCode::kConfig:
        return EXIT_CONFIG;
      case ErrorCode::kUnavailable:
        return EXIT_TEMPFAIL;
      case ErrorCode::kNotAllowed:
      case ErrorCode::kInternal:
        return EXIT_SOFTWARE;
    }
    return EXIT_SOFTWARE;
  } catch (const std::exception& error) {
    std::cerr << "lupe-indexer: internal error: " << error.what() << '\n';
    return EXIT_SOFTWARE;
  }
}

int IndexerApp::Dispatch(const std::vector<std::string>& args) {
  const std::string& command = args[0];
  if (command == "analyze") return Analyze(args);
  if (command == "add") return Add(args);
  if (command == "remove") return Remove(args);
  if (command == "stats") return Stats(args);
  std::cerr << "lupe-indexer: unknown command '" << command << "' (try --help)\n";
  return EXIT_USAGE;
}

bool IndexerApp::RequireIndex() const {
  if (!index_.empty()) return true;
  std::cerr << "lupe-indexer: this command needs --index DIR (try --help)\n";
  return false;
}

int IndexerApp::Add(const std::vector<std::string>& args) {
  if (!RequireIndex()) return EXIT_USAGE;
  if (args.size() < 2) {
    std::cerr << "lupe-indexer: add needs at least one PATH (try --help)\n";
    return EXIT_USAGE;
  }
  const std::vector<std::filesystem::path> paths(args.begin() + 1, args.end());
  std::error_code error;
  if (std::none_of(paths.begin(), paths.end(),
                   [&](const auto& path) { return std::filesystem::exists(path, error); })) {
    std::cerr << "lupe-indexer: no input: none of the given paths exists\n";
    return EXIT_NOINPUT;
  }
  if (!std::filesystem::is_directory(index_, error) &&
      !std::filesystem::create_directories(index_, error)) {
    std::cerr << "lupe-indexer: cannot create index directory " << index_ << ": " << error.message()
              << '\n';
    return EXIT_CANTCREAT;
  }
  const IndexerConfig config = LoadIndexerConfig(config_);
  const analyzers::Analyzer analyzer;
  const Gazetteer gazetteer;
  ProgressReporter reporter(std::cerr, ::isatty(STDERR_FILENO) != 0);
  const AddReport report = AddToIndex(index_, paths, analyzer, config.schema, gazetteer, config.add,
                                      reporter, stop_requested);
  reporter.Finish(report);
  if (report.interrupted) return EXIT_TEMPFAIL;
  return report.rejected > 0 ? EXIT_DATAERR : EXIT_OK;
}

int IndexerApp::Remove(const std::vector<std::string>& args) {
  if (!RequireIndex()) return EXIT_USAGE;
  if (args.size() < 2) {
    std::cerr << "lupe-indexer: remove needs at least one ID (try --help)\n";
    return EXIT_USAGE;
  }
  const IndexerConfig config = LoadIndexerConfig(config_);
  const analyzers::Analyzer analyzer;
  IndexStore store(index_, analyzer.Fingerprint(), config.schema);
  int unknown = 0;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (store.Remove(args[i])) {
      std::cerr << "removed: " << args[i] << '\n';
    } else {
      std::cerr << "rejected: " << args[i] << ": no document with this id\n";
      ++unknown;
    }
  }
  store.Commit();
  return unknown > 0 ? EXIT_DATAERR : EXIT_OK;
}

int IndexerApp::Stats(const std::vector<std::string>& args) {
  if (!RequireIndex()) return EXIT_USAGE;
  if (args.size() != 1) {
    std::cerr << "lupe-indexer: stats takes no arguments (try --help)\n";
    return EXIT_USAGE;
  }
  const IndexerConfig config = LoadIndexerConfig(config_);
  std::cout << IndexStatsJson(index_, config.schema) << '\n';
  return EXIT_OK;
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
