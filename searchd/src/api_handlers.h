#pragma once

#include <string>

#include "lupe/search/json_handler.h"
#include "lupe/search/routes.h"

namespace lupe::search {

// Base of the API's handlers: the shared Service, the CORS origins from its config, and
// its WorkGate (all but /health wait their turn there).
class ServiceHandler : public JsonHandler {
 public:
  explicit ServiceHandler(const Service& service)
      : JsonHandler(service.config.cors_origins, &service.gate), service_(service) {}

 protected:
  const Service& service_;
};

// Base of the handlers of a named thing in the path: a document id, a facet name.
class NamedHandler : public ServiceHandler {
 public:
  NamedHandler(const Service& service, std::string name)
      : ServiceHandler(service), name_(std::move(name)) {}

 protected:
  const std::string name_;
};

// GET /api/v1/search (docs/api.md): parameters -> SearchRequest -> Searcher -> JSON.
class SearchHandler : public ServiceHandler {
 public:
  using ServiceHandler::ServiceHandler;

 protected:
  void Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) override;
};

// GET /api/v1/suggest?q=Stadtentw: completions of the last word, and matching titles.
class SuggestHandler : public ServiceHandler {
 public:
  using ServiceHandler::ServiceHandler;

 protected:
  void Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) override;
};

// GET /health: status, document count, index revision, analyzer fingerprint. Answers at
// once, also while the work gate has a queue (a busy server is not an unhealthy one).
class HealthHandler : public JsonHandler {
 public:
  explicit HealthHandler(const Service& service)
      : JsonHandler(service.config.cors_origins), service_(service) {}

 protected:
  void Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) override;

 private:
  const Service& service_;
};

// GET /api/v1/documents/{id}: stored fields and text; 404 if unknown.
class DocumentHandler : public NamedHandler {
 public:
  using NamedHandler::NamedHandler;

 protected:
  void Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) override;
};

// GET /api/v1/documents/{id}/similar: the documents most like it, in the search hit format.
class SimilarHandler : public NamedHandler {
 public:
  using NamedHandler::NamedHandler;

 protected:
  void Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) override;
};

// GET /api/v1/facets/{facet}: every value of the facet with its document count.
class FacetHandler : public NamedHandler {
 public:
  using NamedHandler::NamedHandler;

 protected:
  void Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) override;
};

}  // namespace lupe::search
