#include "shared_decompounder.h"

#include <sys/stat.h>

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "fingerprint.h"
#include "lupe/analyzers/error.h"

namespace lupe::analyzers {
namespace {

Error WordListMissing(const std::string& path) {
  return Error(ErrorCode::kConfig,
               "cannot read the German word list " + path +
                   " of the decompounder (Debian package wngerman: apt-get install wngerman)");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  if (in) content << in.rdbuf();
  if (!in || in.bad()) throw WordListMissing(path);
  return content.str();
}

}  // namespace

SharedDecompounder LoadDecompounder(const std::string& path, const StringSet& stop_words,
                                    const Decompounder::Normalise& normalise) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) throw WordListMissing(path);
  const std::string key = path + '\n' + std::to_string(info.st_size) + '\n' +
                          std::to_string(info.st_mtim.tv_sec) + '.' +
                          std::to_string(info.st_mtim.tv_nsec);
  static std::mutex mutex;
  static std::map<std::string, SharedDecompounder> loaded;
  const std::lock_guard<std::mutex> lock(mutex);
  if (auto found = loaded.find(key); found != loaded.end()) return found->second;
  const std::string words = ReadFile(path);
  const AnalyzerData& data = CompiledAnalyzerData();
  SharedDecompounder shared{
      std::make_shared<const Decompounder>(
          Decompounder::Sources{words, data.decompound_parts, data.decompound_keep,
                                data.decompound_not_parts},
          stop_words, normalise),
      HashHex({words})};
  loaded.emplace(key, shared);
  return shared;
}

}  // namespace lupe::analyzers
