#include "lupe/search/routes.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include "lupe/search/json_handler.h"

namespace lupe::search {
namespace {

class HealthHandler : public JsonHandler {
 public:
  explicit HealthHandler(const IndexReader& index) : index_(index) {}

 protected:
  Poco::JSON::Object::Ptr Handle(Poco::Net::HTTPServerRequest&) override {
    const IndexReader::Health health = index_.CurrentHealth();
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("status", "ok");
    body->set("documents", health.documents);
    body->set("revision", health.revision);
    body->set("analyzer", health.analyzer);
    body->set("last_commit", health.last_commit);
    return body;
  }

 private:
  const IndexReader& index_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* Routes::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  const std::string& method = request.getMethod();
  if (method != Poco::Net::HTTPRequest::HTTP_GET && method != Poco::Net::HTTPRequest::HTTP_HEAD) {
    return new ErrorHandler(ErrorCode::kNotAllowed, "method " + method + " is not allowed");
  }
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
    return new ErrorHandler(ErrorCode::kInvalidInput, "malformed request URI");
  }
  if (path == "/health") return new HealthHandler(index_);
  return new ErrorHandler(ErrorCode::kNotFound, "no such path: " + path.substr(0, 200));
}

}  // namespace lupe::search
