#include "lupe/search/json_handler.h"

#include <Poco/Net/HTTPRequest.h>

#include <optional>
#include <sstream>

namespace lupe::search {
namespace {

using Poco::Net::HTTPResponse;

std::string Stringify(const Poco::JSON::Object& body) {
  std::ostringstream json;
  body.stringify(json);
  return json.str();
}

void Send(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status,
          const std::string& text) {
  response.setStatusAndReason(status);
  response.setContentType("application/json; charset=utf-8");
  response.setContentLength(static_cast<std::streamsize>(text.size()));
  response.set("Cache-Control", "no-store");
  response.send() << text;
}

Poco::JSON::Object ErrorBody(ErrorCode code, const std::string& message) {
  Poco::JSON::Object error;
  error.set("code", ErrorCodeName(code));
  error.set("message", message);
  Poco::JSON::Object body;
  body.set("error", error);
  return body;
}

}  // namespace

HTTPResponse::HTTPStatus JsonHandler::StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return HTTPResponse::HTTP_BAD_REQUEST;
    case ErrorCode::kNotFound:
      return HTTPResponse::HTTP_NOT_FOUND;
    case ErrorCode::kNotAllowed:
      return HTTPResponse::HTTP_METHOD_NOT_ALLOWED;
    case ErrorCode::kTooLarge:
      return HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE;
    case ErrorCode::kUnavailable:
      return HTTPResponse::HTTP_SERVICE_UNAVAILABLE;
    case ErrorCode::kConfig:
    case ErrorCode::kInternal:
      return HTTPResponse::HTTP_INTERNAL_SERVER_ERROR;
  }
  return HTTPResponse::HTTP_INTERNAL_SERVER_ERROR;
}

void JsonHandler::AllowOrigin(const Poco::Net::HTTPServerRequest& request,
                              Poco::Net::HTTPServerResponse& response) const {
  const std::string& origin = request.get("Origin", "");
  if (origin.empty()) return;
  for (const std::string& allowed : cors_origins_) {
    if (allowed == "*" || allowed == origin) {
      response.set("Access-Control-Allow-Origin", allowed == "*" ? "*" : origin);
      response.set("Vary", "Origin");
      return;
    }
  }
}

void JsonHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                Poco::Net::HTTPServerResponse& response) {
  AllowOrigin(request, response);
  if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_OPTIONS) {
    response.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    response.set("Access-Control-Max-Age", "86400");
    response.setStatusAndReason(HTTPResponse::HTTP_NO_CONTENT);
    response.setContentLength(0);
    response.send();
    return;
  }
  const auto [status, text] = Answer(request, response);
  Send(response, status, text);
}

std::pair<HTTPResponse::HTTPStatus, std::string> JsonHandler::Answer(
    Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  try {
    std::optional<WorkGate::Pass> pass;
    if (gate_ != nullptr) pass.emplace(*gate_);
    return {HTTPResponse::HTTP_OK, Stringify(*Handle(request))};
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kNotAllowed) response.set("Allow", "GET, HEAD, OPTIONS");
    return {StatusOf(error.code()), Stringify(ErrorBody(error.code(), error.what()))};
  } catch (...) {
    return {HTTPResponse::HTTP_INTERNAL_SERVER_ERROR,
            Stringify(ErrorBody(ErrorCode::kInternal, "internal error"))};
  }
}

Poco::JSON::Object::Ptr ErrorHandler::Handle(Poco::Net::HTTPServerRequest&) {
  throw Error(code_, message_);
}

}  // namespace lupe::search
