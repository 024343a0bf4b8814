#include "lupe/search/json_handler.h"

#include <sstream>

namespace lupe::search {
namespace {

using Poco::Net::HTTPResponse;

void Send(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status,
          const Poco::JSON::Object& body) {
  std::ostringstream json;
  body.stringify(json);
  const std::string text = json.str();
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

void JsonHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                Poco::Net::HTTPServerResponse& response) {
  try {
    const Poco::JSON::Object::Ptr body = Handle(request);
    Send(response, HTTPResponse::HTTP_OK, *body);
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kNotAllowed) response.set("Allow", "GET, HEAD");
    Send(response, StatusOf(error.code()), ErrorBody(error.code(), error.what()));
  } catch (...) {
    Send(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR,
         ErrorBody(ErrorCode::kInternal, "internal error"));
  }
}

Poco::JSON::Object::Ptr ErrorHandler::Handle(Poco::Net::HTTPServerRequest&) {
  throw Error(code_, message_);
}

}  // namespace lupe::search
