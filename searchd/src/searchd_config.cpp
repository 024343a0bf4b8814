#include "lupe/search/searchd_config.h"

#include <Poco/Exception.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <filesystem>

#include "lupe/analyzers/error.h"

namespace lupe::search {
namespace {

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {
    try {
      ini_ = new Poco::Util::IniFileConfiguration(file_);
    } catch (const Poco::Exception& error) {
      throw Error(ErrorCode::kConfig, file_ + ": cannot read: " + error.displayText());
    }
  }

  double Number(const std::string& key, double fallback, double min, double max) const {
    double value = fallback;
    try {
      value = ini_->getDouble("searchd." + key, fallback);
    } catch (const Poco::Exception&) {
      throw Error(ErrorCode::kConfig, file_ + ": [searchd] " + key + " must be a number");
    }
    if (value < min || value > max) {
      throw Error(ErrorCode::kConfig, file_ + ": [searchd] " + key + " must be from " +
                                          Format(min) + " to " + Format(max));
    }
    return value;
  }

  std::size_t Size(const std::string& key, std::size_t fallback, double min, double max) const {
    return static_cast<std::size_t>(Number(key, static_cast<double>(fallback), min, max));
  }

  std::string Text(const std::string& key) const { return ini_->getString("searchd." + key, ""); }

 private:
  static std::string Format(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  std::string file_;
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini_;
};

}  // namespace

SearchdConfig LoadSearchdConfig(const std::string& path) {
  SearchdConfig config;
  const std::string file = analyzers::Schema::ConfigPath(path);
  if (file.empty()) return config;
  config.schema = analyzers::Schema::Load(file);
  const Reader ini(file);
  config.max_query_bytes = ini.Size("max_query_bytes", config.max_query_bytes, 1, 1e6);
  config.max_uri_bytes = ini.Size("max_uri_bytes", config.max_uri_bytes, 256, 1e6);
  config.query_time_limit_seconds =
      ini.Number("query_time_limit_seconds", config.query_time_limit_seconds, 0.001, 3600);
  config.result_window = ini.Size("result_window", config.result_window, 100, 1e7);
  config.snippet_bytes = ini.Size("snippet_bytes", config.snippet_bytes, 40, 10000);
  config.threads = static_cast<int>(ini.Size("threads", 128, 1, 4096));
  config.queue = static_cast<int>(ini.Size("queue", 512, 1, 65536));
  config.work_slots = ini.Size("work_slots", config.work_slots, 0, 4096);
  config.max_wait_seconds = ini.Number("max_wait_seconds", config.max_wait_seconds, 0.001, 3600);
  config.match_cache_mb = ini.Size("match_cache_mb", config.match_cache_mb, 0, 1 << 20);
  config.bm25_k1 = ini.Number("bm25_k1", config.bm25_k1, 0, 10);
  config.bm25_b = ini.Number("bm25_b", config.bm25_b, 0, 1);
  config.query_terms.exact_weight =
      ini.Number("exact_weight", config.query_terms.exact_weight, 0, 10);
  config.query_terms.part_weight = ini.Number("part_weight", config.query_terms.part_weight, 0, 1);
  config.relax_below =
      static_cast<Xapian::doccount>(ini.Size("relax_below", config.relax_below, 1, 1e6));
  config.question_words = ini.Size("question_words", config.question_words, 1, 1000);
  config.proximity_window = static_cast<Xapian::termcount>(
      ini.Size("proximity_window", config.proximity_window, 2, 1000));
  config.proximity_weight = ini.Number("proximity_weight", config.proximity_weight, 0, 10);
  config.reopen_seconds = ini.Number("reopen_seconds", config.reopen_seconds, 0, 3600);
  const Poco::StringTokenizer origins(
      ini.Text("cors_origins"), ",",
      Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  config.cors_origins.assign(origins.begin(), origins.end());
  if (const std::string synonyms = ini.Text("synonyms"); !synonyms.empty()) {
    const std::filesystem::path list(synonyms);
    config.synonyms =
        list.is_absolute()
            ? synonyms
            : (std::filesystem::path(file).parent_path() / list).lexically_normal().string();
  }
  return config;
}

}  // namespace lupe::search
