#pragma once

#include <ostream>
#include <string_view>

#include "lupe/analyzers/analyzer.h"

namespace lupe::ingest {

// Writes a human-readable table of how analyzer analyses text, one line per token:
// position, byte offsets, the source text, flags and the Xapian terms it yields
// (schema.h, body field). The debugging aid behind `lupe-indexer analyze`.
void WriteAnalysisReport(const analyzers::Analyzer& analyzer, std::string_view text,
                         std::ostream& out);

}  // namespace lupe::ingest
