#include "index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "lupe/analyzers/error.h"

namespace lupe::ingest {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStubFile = "XAPIANDB";  // Xapian's name for a stub in a directory
constexpr const char* kLegacyVersionFile = "iamglass";
constexpr const char* kGenerationPrefix = "gen-";

// The generation number of a directory name "gen-N", or -1.
long GenerationNumber(const std::string& name) {
  if (name.rfind(kGenerationPrefix, 0) != 0) return -1;
  const std::string digits = name.substr(std::strlen(kGenerationPrefix));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stol(digits);
}

// The generation the stub names ("glass gen-N"), or "" if DIR has no stub or its own
// glass files (which Xapian opens in preference).
std::string CurrentGeneration(const fs::path& directory) {
  if (fs::exists(directory / kLegacyVersionFile)) return {};
  std::ifstream stub(directory / kStubFile);
  std::string type, name;
  if (!(stub >> type >> name)) return {};
  return name;
}

void SyncPath(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Removes the generations in directory except those named in keep.
void RemoveGenerations(const fs::path& directory, const std::string& keep,
                       const std::string& keep_too) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    if (GenerationNumber(name) < 0 || name == keep || name == keep_too) continue;
    fs::remove_all(entry.path(), error);
  }
}

}  // namespace

IndexLock::IndexLock(const std::string& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  const std::string path = (fs::path(directory) / "lupe.lock").string();
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw Error(ErrorCode::kInternal,
                "cannot open index " + directory + ": " + path + ": " + std::strerror(errno));
  }
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  if (::fcntl(fd_, F_SETLK, &lock) != 0) {
    ::close(fd_);
    throw Error(ErrorCode::kUnavailable,
                "index " + directory + " is locked: another indexer is writing to it");
  }
}

IndexLock::~IndexLock() { ::close(fd_); }

void IndexLayout::RemoveLeftovers() const {
  const fs::path directory(directory_);
  std::error_code error;
  fs::remove_all(directory / "shards", error);
  const std::string current = CurrentGeneration(directory);
  // A stub beside DIR's own glass files is from a run killed while publishing: unused.
  if (current.empty()) fs::remove(directory / kStubFile, error);
  RemoveGenerations(directory, current, current);
}

std::string IndexLayout::FreshShardsDirectory() const {
  const fs::path shards = fs::path(directory_) / "shards";
  std::error_code error;
  fs::remove_all(shards, error);
  fs::create_directories(shards);
  return shards.string();
}

void IndexLayout::RemoveShardsDirectory() const {
  std::error_code error;
  fs::remove_all(fs::path(directory_) / "shards", error);
}

std::string IndexLayout::NextGeneration() const {
  long highest = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory_, error)) {
    highest = std::max(highest, GenerationNumber(entry.path().filename().string()));
  }
  return (fs::path(directory_) / (kGenerationPrefix + std::to_string(highest + 1))).string();
}

void IndexLayout::Publish(const std::string& generation) const {
  const fs::path directory(directory_);
  const std::string replaced = CurrentGeneration(directory);
  const std::string name = fs::path(generation).filename().string();
  const fs::path temporary = directory / (std::string(kStubFile) + ".new");
  {
    std::ofstream stub(temporary, std::ios::trunc);
    stub << "glass " << name << '\n';
    if (!stub.flush()) {
      throw Error(ErrorCode::kInternal, "cannot write " + temporary.string());
    }
  }
  SyncPath(temporary);
  if (::rename(temporary.c_str(), (directory / kStubFile).c_str()) != 0) {
    throw Error(ErrorCode::kInternal,
                "cannot replace " + (directory / kStubFile).string() + ": " + std::strerror(errno));
  }
  SyncPath(directory);
  // An index of the single writer in DIR itself: once its version file is gone, Xapian
  // opens DIR through the stub; then its tables are garbage.
  std::error_code error;
  if (fs::remove(directory / kLegacyVersionFile, error)) {
    SyncPath(directory);
    for (const auto& entry : fs::directory_iterator(directory, error)) {
      const fs::path& path = entry.path();
      if (path.extension() == ".glass" || path.filename() == "flintlock") fs::remove(path, error);
    }
  }
  RemoveGenerations(directory, name, replaced);
}

}  // namespace lupe::ingest
