#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <utility>
#include <vector>

#include "lupe/analyzers/error.h"
#include "lupe/search/json_writer.h"
#include "lupe/search/work_gate.h"

namespace lupe::search {

// Base of searchd's request handlers: a handler writes one JSON object or throws
// lupe::Error; this class is the one place that turns both into an HTTP response —
// status 200, or the error's status with {"error":{"code":"…","message":"…"}} — and
// catches everything else as 500 without showing internals. Given a WorkGate, the handling
// and the JSON text are made inside it (sending is not). It also answers CORS: an
// Origin among the allowed origins ("*": any) gets Access-Control-Allow-Origin, and an
// OPTIONS preflight gets 204 with the allowed methods.
// Thread-safety: one instance per request (Poco's handler factory creates them).
class JsonHandler : public Poco::Net::HTTPRequestHandler {
 public:
  // gate: nullptr for handlers that must answer at once (errors, /health).
  explicit JsonHandler(const std::vector<std::string>& cors_origins, WorkGate* gate = nullptr)
      : cors_origins_(cors_origins), gate_(gate) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) final;

  // The HTTP status of a domain error code: 400, 404, 405, 413, 503 or 500.
  static Poco::Net::HTTPResponse::HTTPStatus StatusOf(ErrorCode code);

 protected:
  // Writes the answer's JSON object to out; what it wrote is dropped if it throws.
  virtual void Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) = 0;

 private:
  void AllowOrigin(const Poco::Net::HTTPServerRequest& request,
                   Poco::Net::HTTPServerResponse& response) const;

  // The status and JSON text of the request's answer (errors included).
  std::pair<Poco::Net::HTTPResponse::HTTPStatus, std::string> Answer(
      Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

  const std::vector<std::string>& cors_origins_;
  WorkGate* gate_;
};

// Answers every request with the given error (unknown paths, wrong methods).
class ErrorHandler : public JsonHandler {
 public:
  ErrorHandler(const std::vector<std::string>& cors_origins, ErrorCode code, std::string message)
      : JsonHandler(cors_origins), code_(code), message_(std::move(message)) {}

 protected:
  void Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) override;

 private:
  ErrorCode code_;
  std::string message_;
};

}  // namespace lupe::search
