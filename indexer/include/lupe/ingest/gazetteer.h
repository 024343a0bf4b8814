#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lupe::ingest {

// The 16 Länder and all Kreise and kreisfreie Städte with their Land, compiled into the
// library from indexer/data/gazetteer.tsv (derived from the Destatis Gemeindeverzeichnis,
// see indexer/data/SOURCE.md), plus the Gemeinden named in it where unambiguous.
// Thread-safety: immutable after construction; shareable.
class Gazetteer {
 public:
  Gazetteer();  // loads the compiled data; throws lupe::Error(kInternal) if it is corrupt

  // The Land of a municipality as editors write it, or std::nullopt if unknown or
  // ambiguous. Accepts common spellings: "Landkreis Mayen-Koblenz", "Kreis Höxter",
  // "LK Görlitz", "Mayen-Koblenz", "Freiburg im Breisgau", "Stadt Ulm", "Görlitz",
  // "Hansestadt Rostock", "Muenchen" (ASCII umlauts), case-insensitive.
  std::optional<std::string> StateOf(std::string_view municipality) const;

  // The canonical name of a Land if name is one ("Bayern", "Freistaat Bayern", "BY",
  // "Baden-Wuerttemberg" -> "Baden-Württemberg"), else std::nullopt.
  std::optional<std::string> CanonicalState(std::string_view name) const;

  struct Impl;
  ~Gazetteer();

 private:
  std::unique_ptr<const Impl> impl_;
};

}  // namespace lupe::ingest
