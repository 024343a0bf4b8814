#pragma once

#include <memory>
#include <string>

#include "decompounder.h"
#include "word_lists.h"

namespace lupe::analyzers {

// A Decompounder built from a word list file and the compiled lexicon files, with the
// hash of the word list's content (part of the analyzer fingerprint).
struct SharedDecompounder {
  std::shared_ptr<const Decompounder> decompounder;
  std::string word_list_hash;
};

// Reads the word list at path and builds its Decompounder, once per process for each
// (path, size, modification time): every Analyzer of a process shares it (building one
// takes a few hundred milliseconds). Throws lupe::Error(kConfig) if the file cannot be
// read. Thread-safe.
SharedDecompounder LoadDecompounder(const std::string& path, const StringSet& stop_words,
                                    const Decompounder::Normalise& normalise);

}  // namespace lupe::analyzers
