#pragma once

#include <string>

#include "lupe/search/json_handler.h"
#include "lupe/search/routes.h"

namespace lupe::search {

// GET /api/v1/search (docs/api.md): parameters -> SearchRequest -> Searcher -> JSON.
class SearchHandler : public JsonHandler {
 public:
  explicit SearchHandler(const Service& service)
      : JsonHandler(service.config.cors_origins), service_(service) {}

 protected:
  Poco::JSON::Object::Ptr Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const Service& service_;
};

// GET /api/v1/documents/{id}: stored fields and text; 404 if unknown.
class DocumentHandler : public JsonHandler {
 public:
  DocumentHandler(const Service& service, std::string id)
      : JsonHandler(service.config.cors_origins), service_(service), id_(std::move(id)) {}

 protected:
  Poco::JSON::Object::Ptr Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const Service& service_;
  std::string id_;
};

// GET /api/v1/documents/{id}/similar: the documents most like it, in the search hit format.
class SimilarHandler : public JsonHandler {
 public:
  SimilarHandler(const Service& service, std::string id)
      : JsonHandler(service.config.cors_origins), service_(service), id_(std::move(id)) {}

 protected:
  Poco::JSON::Object::Ptr Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const Service& service_;
  std::string id_;
};

// GET /api/v1/facets/{facet}: every value of the facet with its document count.
class FacetHandler : public JsonHandler {
 public:
  FacetHandler(const Service& service, std::string facet)
      : JsonHandler(service.config.cors_origins), service_(service), facet_(std::move(facet)) {}

 protected:
  Poco::JSON::Object::Ptr Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const Service& service_;
  std::string facet_;
};

// GET /health: status, document count, index revision, analyzer fingerprint.
class HealthHandler : public JsonHandler {
 public:
  explicit HealthHandler(const Service& service)
      : JsonHandler(service.config.cors_origins), service_(service) {}

 protected:
  Poco::JSON::Object::Ptr Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const Service& service_;
};

}  // namespace lupe::search
