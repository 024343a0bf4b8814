#pragma once

#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <string>
#include <vector>

namespace lupe::search {

// The lupe-searchd command line and process:
//   lupe-searchd --index DIR [--port 8080] [--bind 127.0.0.1] [--config FILE]
// Prints "listening on http://HOST:PORT" as its first line (port 0 picks a free port),
// serves until SIGINT/SIGTERM, then stops gracefully. Exit codes: 64 usage, 78 missing
// or incompatible index / bad config, 69 cannot listen.
class SearchdApp : public Poco::Util::ServerApplication {
 public:
  // Runs the application after init() (ServerApplication::run() is protected).
  int Serve() { return run(); }

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void PrintHelp() const;

  bool help_requested_ = false;
  std::string index_;
  std::string config_;
  std::string bind_ = "127.0.0.1";
  int port_ = 8080;
};

}  // namespace lupe::search
