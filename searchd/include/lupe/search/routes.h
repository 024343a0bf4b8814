#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "lupe/search/index_reader.h"
#include "lupe/search/searchd_config.h"
#include "lupe/search/searcher.h"
#include "lupe/search/suggester.h"
#include "lupe/search/work_gate.h"

namespace lupe::search {

// What the request handlers share, owned by the application: all const but the gate.
struct Service {
  const IndexReader& index;
  const SearchdConfig& config;
  const Searcher& searcher;
  const Suggester& suggester;
  WorkGate& gate;
};

// Maps requests to handlers. Paths (docs/api.md):
//   GET /api/v1/search            search with filters, facets, sorting, paging, snippets
//   GET /api/v1/documents/{id}    a document's stored fields and text
//   GET /api/v1/documents/{id}/similar   the documents most like it
//   GET /api/v1/facets/{facet}    all values of a facet with document counts
//   GET /api/v1/suggest           autocompletion of the query's last word
//   GET /health                   status, document count, index revision, analyzer
//   GET /, /app.js, /widget.js, … the search page and the portal widget (static_handler.h)
// Other paths: 404; methods other than GET, HEAD (and OPTIONS, for CORS preflight): 405;
// request URIs over the configured size: 413 (JSON bodies, json_handler.h).
// Thread-safety: shareable; it only reads the Service it is given.
class Routes : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Routes(const Service& service) : service_(service) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  const Service& service_;
};

}  // namespace lupe::search
