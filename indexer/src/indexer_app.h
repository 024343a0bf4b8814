#pragma once

#include <Poco/Util/Application.h>
#include <Poco/Util/OptionSet.h>

#include <string>
#include <vector>

namespace lupe::ingest {

// The lupe-indexer command line: `lupe-indexer [--index DIR] [--config FILE] COMMAND ...`.
// Commands so far: analyze. Exit codes follow sysexits (64 usage, 65 bad input data, ...).
class IndexerApp : public Poco::Util::Application {
 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void PrintHelp() const;
  int Analyze(const std::vector<std::string>& args) const;

  bool help_requested_ = false;
};

}  // namespace lupe::ingest
