#pragma once

#include <Poco/Util/Application.h>
#include <Poco/Util/OptionSet.h>

#include <atomic>
#include <string>
#include <vector>

namespace lupe::ingest {

// The lupe-indexer command line:
//   lupe-indexer [--index DIR] [--config FILE] COMMAND [ARGS...]
// Commands: add PATH..., remove ID..., stats, analyze [TEXT...]. Errors are translated to
// sysexits codes here and nowhere else: 64 usage, 65 some inputs rejected, 66 no input,
// 73 cannot create, 75 temporary failure (index locked, interrupted), 78 configuration.
class IndexerApp : public Poco::Util::Application {
 public:
  // Set by SIGINT/SIGTERM: add finishes the documents under way, commits and stops.
  static std::atomic<bool> stop_requested;

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void PrintHelp() const;
  int Dispatch(const std::vector<std::string>& args);
  int Add(const std::vector<std::string>& args);
  int Remove(const std::vector<std::string>& args);
  int Stats(const std::vector<std::string>& args);
  int Analyze(const std::vector<std::string>& args) const;
  bool RequireIndex() const;

  bool help_requested_ = false;
  std::string index_;
  std::string config_;
};

}  // namespace lupe::ingest
