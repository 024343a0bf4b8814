#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lupe/analyzers/analyzer.h"
#include "lupe/analyzers/schema.h"
#include "lupe/ingest/extractor.h"
#include "lupe/ingest/gazetteer.h"
#include "lupe/ingest/source_scanner.h"

namespace lupe::ingest {

// A document ready for the index.
struct BuiltDocument {
  std::string id;
  std::string hash;  // content hash of the file and its sidecar (hex)
  Xapian::Document document;
  // Pairs of exact body term and the word as written, where they differ (TermWriter::
  // Spellings): term, written, term, written, ... The index records them as metadata.
  std::vector<std::string> spellings;
};

// Turns a file (and its sidecar) into a Xapian document: extracts text, merges metadata,
// derives missing facts, analyses title and text, sets facet terms and values and the
// stored fields (docs/schema.md). Metadata precedence:
//   id:    sidecar <id>, else the source's default id
//   title: sidecar, else the document's own title, else its first line, else the file name
//   date:  sidecar, else the document properties, else an unambiguous date on page one
//   state: sidecar (canonical spelling if it is a Land), else from the municipality
// Thread-safety: const; shareable. Used in the indexer's worker processes.
class DocumentBuilder {
 public:
  DocumentBuilder(const analyzers::Analyzer& analyzer, const analyzers::Schema& schema,
                  const Gazetteer& gazetteer, ExtractLimits limits);

  // Throws lupe::Error(kInvalidInput) with the reason if the file cannot be indexed.
  BuiltDocument Build(const SourceFile& source, std::string_view bytes,
                      std::optional<std::string_view> sidecar_bytes) const;

 private:
  const analyzers::Analyzer& analyzer_;
  const analyzers::Schema& schema_;
  const Gazetteer& gazetteer_;
  ExtractLimits limits_;
};

// Hex MD5 of the document bytes and sidecar bytes: what decides whether a changed file
// must be re-indexed.
std::string ContentHash(std::string_view bytes, std::optional<std::string_view> sidecar_bytes);

}  // namespace lupe::ingest
