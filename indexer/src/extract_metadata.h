#pragma once

#include <string>
#include <string_view>
#include <vector>

// Normalisation of the metadata values extractors find in documents, so every format fills
// ExtractedDocument the same way. Stateless functions; thread-safe.
namespace lupe::ingest::extract {

// Titles longer than this are cut (at a word boundary when there is one).
inline constexpr std::size_t kMaxTitleBytes = 200;

// text with whitespace runs collapsed to single spaces and trimmed.
std::string CollapseWhitespace(std::string_view text);

// A title candidate: whitespace collapsed, cut to kMaxTitleBytes on a UTF-8 boundary.
std::string CleanTitle(std::string_view text);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" from the start of an ISO date or timestamp
// ("2021-05-03T10:00:00Z") or a German date ("03.05.2021"); "" when text is no date.
std::string IsoDate(std::string_view text);

// Keywords from a property that lists them separated by commas or semicolons.
std::vector<std::string> SplitKeywords(std::string_view text);

}  // namespace lupe::ingest::extract
