#include "lupe/search/synonyms.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lupe/analyzers/error.h"

namespace lupe::search {
namespace {

std::string_view Trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = text.find_first_not_of(" \t", i);
    if (begin == std::string_view::npos) break;
    std::size_t end = text.find_first_of(" \t", begin);
    if (end == std::string_view::npos) end = text.size();
    words.push_back(text.substr(begin, end - begin));
    i = end;
  }
  return words;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kConfig, path.string() + ": cannot read the synonyms file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string Synonyms::Key(std::string_view word, const analyzers::Analyzer& analyzer) {
  std::string key;
  for (const analyzers::Token& token : analyzer.Analyze(word)) {
    if (token.Has(analyzers::kVariant)) continue;
    if (!key.empty()) key += ' ';
    key += token.text;
  }
  return key;
}

Synonyms Synonyms::Parse(std::string_view text, const analyzers::Analyzer& analyzer,
                         const std::string& source) {
  Synonyms synonyms;
  std::size_t line_number = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(begin, end - begin));
    begin = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](const std::string& why) {
      return Error(ErrorCode::kConfig, source + ":" + std::to_string(line_number) + ": " + why);
    };
    std::vector<std::string> group;
    for (std::size_t at = 0; at <= line.size();) {
      std::size_t next = line.find('=', at);
      if (next == std::string_view::npos) next = line.size();
      const std::string_view expression = Trim(line.substr(at, next - at));
      at = next + 1;
      Entry entry{{}, synonyms.groups_.size()};
      for (std::string_view word : SplitWords(expression)) {
        std::string key = Key(word, analyzer);
        if (!key.empty()) entry.keys.push_back(std::move(key));
      }
      if (entry.keys.empty()) throw fail("an empty expression (write: ABBR = expansion)");
      group.emplace_back(expression);
      synonyms.entries_.push_back(std::move(entry));
    }
    if (group.size() < 2) throw fail("a group needs two expressions or more, joined by '='");
    synonyms.groups_.push_back(std::move(group));
  }
  std::stable_sort(synonyms.entries_.begin(), synonyms.entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.keys.front() < b.keys.front(); });
  return synonyms;
}

std::optional<Synonyms::Match> Synonyms::Longest(const std::vector<std::string>& keys,
                                                 std::size_t begin) const {
  if (begin >= keys.size()) return std::nullopt;
  const auto first = std::lower_bound(
      entries_.begin(), entries_.end(), keys[begin],
      [](const Entry& entry, const std::string& key) { return entry.keys.front() < key; });
  std::optional<Match> best;
  for (auto it = first; it != entries_.end() && it->keys.front() == keys[begin]; ++it) {
    const std::size_t n = it->keys.size();
    if (begin + n > keys.size() || (best && best->words >= n)) continue;
    if (std::equal(it->keys.begin(), it->keys.end(), keys.begin() + static_cast<long>(begin))) {
      best = Match{n, &groups_[it->group]};
    }
  }
  return best;
}

SynonymsFile::SynonymsFile(std::filesystem::path path, const analyzers::Analyzer& analyzer,
                           std::chrono::milliseconds check)
    : path_(std::move(path)), analyzer_(analyzer), check_(check) {
  std::error_code error;
  modified_ = std::filesystem::last_write_time(path_, error);
  current_ = std::make_shared<const Synonyms>(
      Synonyms::Parse(ReadFile(path_), analyzer_, path_.string()));
  checked_ = std::chrono::steady_clock::now();
}

std::shared_ptr<const Synonyms> SynonymsFile::Current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (now - checked_ >= check_) {
    checked_ = now;
    Reload();
  }
  return current_;
}

std::string SynonymsFile::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

void SynonymsFile::Reload() const {
  std::error_code status;
  const auto modified = std::filesystem::last_write_time(path_, status);
  if (status || modified == modified_) return;
  modified_ = modified;
  try {
    current_ = std::make_shared<const Synonyms>(
        Synonyms::Parse(ReadFile(path_), analyzer_, path_.string()));
    error_.clear();
  } catch (const Error& error) {
    error_ = error.what();  // keep serving the previous list
  }
}

}  // namespace lupe::search
