#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lupe::ingest {

// The metadata sidecar NAME.EXT.meta.xml next to a document (every element optional):
//   <meta><id/><title/><type/><date/><state/><municipality/><publisher/>
//         <topic/>...<url/></meta>
// Unknown elements are kept in `extra` (name -> values) so a deployment can add a facet
// in config without code changes: any element name may be a facet.
struct Sidecar {
  std::optional<std::string> id;
  std::optional<std::string> title;
  std::optional<std::string> type;
  std::optional<std::string> date;  // validated ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  std::optional<std::string> state;
  std::optional<std::string> municipality;
  std::optional<std::string> publisher;
  std::vector<std::string> topics;
  std::optional<std::string> url;
  std::vector<std::pair<std::string, std::string>> extra;  // other elements, in order
};

// Parses a sidecar. Whitespace inside values is collapsed and trimmed; empty elements
// count as absent. Throws lupe::Error(kInvalidInput, reason) if the XML does not parse,
// the root is not <meta>, a date is not a valid ISO date, or an id contains characters
// other than letters, digits, '-', '_', '.', '/' (reason names the element and value).
Sidecar ParseSidecar(std::string_view xml);

// The ISO form "YYYY", "YYYY-MM" or "YYYY-MM-DD" of date if it is one (with a valid month
// and day, years 1000-2999), else std::nullopt. Leading/trailing whitespace is ignored.
std::optional<std::string> ParseIsoDate(std::string_view date);

// An unambiguous date on the first page of a document: a German or ISO full date
// ("15. Juni 2021", "15.06.2021", "2021-06-15") or a month and year ("Juni 2021"), when
// the first page_bytes of text hold exactly one distinct such date. Returns its ISO form.
std::optional<std::string> FindDateOnFirstPage(std::string_view text,
                                               std::size_t page_bytes = 3000);

}  // namespace lupe::ingest
