#include "lupe/search/routes.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include "api_handlers.h"
#include "lupe/search/json_handler.h"
#include "lupe/search/search_request.h"
#include "static_handler.h"

namespace lupe::search {
namespace {

// The rest of path after prefix, or "" if path does not start with it.
std::string After(const std::string& path, const std::string& prefix) {
  return path.rfind(prefix, 0) == 0 ? path.substr(prefix.size()) : std::string();
}

}  // namespace

Poco::Net::HTTPRequestHandler* Routes::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  const std::vector<std::string>& cors = service_.config.cors_origins;
  const std::string& method = request.getMethod();
  if (method != Poco::Net::HTTPRequest::HTTP_GET && method != Poco::Net::HTTPRequest::HTTP_HEAD &&
      method != Poco::Net::HTTPRequest::HTTP_OPTIONS) {
    return new ErrorHandler(cors, ErrorCode::kNotAllowed,
                            "method " + Excerpt(method, 20) + " is not allowed");
  }
  if (request.getURI().size() > service_.config.max_uri_bytes) {
    return new ErrorHandler(cors, ErrorCode::kTooLarge,
                            "the request URI is longer than " +
                                std::to_string(service_.config.max_uri_bytes) + " bytes");
  }
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
    return new ErrorHandler(cors, ErrorCode::kInvalidInput, "malformed request URI");
  }
  try {
    RequireUtf8("the path", path);
  } catch (const Error& error) {
    return new ErrorHandler(cors, error.code(), error.what());
  }
  if (path == "/api/v1/search") return new SearchHandler(service_);
  if (path == "/api/v1/suggest") return new SuggestHandler(service_);
  if (const std::string id = After(path, "/api/v1/documents/"); !id.empty()) {
    static const std::string kSimilar = "/similar";
    if (id.size() > kSimilar.size() && id.ends_with(kSimilar)) {
      return new SimilarHandler(service_, id.substr(0, id.size() - kSimilar.size()));
    }
    return new DocumentHandler(service_, id);
  }
  if (const std::string facet = After(path, "/api/v1/facets/"); !facet.empty()) {
    return new FacetHandler(service_, facet);
  }
  if (path == "/health") return new HealthHandler(service_);
  if (const StaticFile* file = FindStaticFile(path)) return new StaticHandler(*file);
  return new ErrorHandler(cors, ErrorCode::kNotFound, "no such path: " + Excerpt(path, 200));
}

}  // namespace lupe::search
