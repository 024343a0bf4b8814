#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "lupe/search/index_reader.h"

namespace lupe::search {

// Maps requests to handlers. Paths:
//   GET /health   status, document count, index revision, analyzer fingerprint
// Other paths: 404; other methods than GET and HEAD: 405 (JSON bodies, json_handler.h).
// Thread-safety: shareable; it only reads the IndexReader it is given.
class Routes : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Routes(const IndexReader& index) : index_(index) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  const IndexReader& index_;
};

}  // namespace lupe::search
