#include "lupe/search/json_handler.h"

#include <Poco/Net/HTTPRequest.h>

#include <optional>
#include <utility>

namespace lupe::search {
namespace {

using Poco::Net::HTTPResponse;

void Send(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status,
          const std::string& text) {
  response.setStatusAndReason(status);
  response.setContentType("application/json; charset=utf-8");
  response.set("Cache-Control", "no-store");
  // Header and body in one write (one packet if they fit), no body for HEAD requests.
  response.sendBuffer(text.data(), text.size());
}

std::string ErrorBody(ErrorCode code, const std::string& message) {
  JsonWriter out;
  out.BeginObject();
  out.Key("error");
  out.BeginObject();
  out.Field("code", ErrorCodeName(code));
  out.Field("message", message);
  out.EndObject();
  out.EndObject();
  return std::move(out).Text();
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
    JsonWriter out;
    Handle(request, out);
    return {HTTPResponse::HTTP_OK, std::move(out).Text()};
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kNotAllowed) response.set("Allow", "GET, HEAD, OPTIONS");
    return {StatusOf(error.code()), ErrorBody(error.code(), error.what())};
  } catch (...) {
    return {HTTPResponse::HTTP_INTERNAL_SERVER_ERROR,
            ErrorBody(ErrorCode::kInternal, "internal error")};
  }
}

void ErrorHandler::Handle(Poco::Net::HTTPServerRequest&, JsonWriter&) {
  throw Error(code_, message_);
}

}  // namespace lupe::search
