#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <string_view>

namespace lupe::search {

// One file of searchd/web/, compiled into the binary (cmake/LupeEmbed.cmake).
struct StaticFile {
  std::string_view path;          // request path, e.g. "/app.js"
  std::string_view content_type;  // e.g. "text/javascript; charset=utf-8"
  std::string_view body;
  std::string_view csp;  // Content-Security-Policy for HTML documents; empty for others
  std::string etag;      // quoted hash of body
};

// The embedded file served at path ("/" is "/index.html"), or nullptr: only these known
// paths are static files, everything else stays with the JSON API (404 as JSON).
// Thread-safe: the table is built once, on first use, and never changes.
const StaticFile* FindStaticFile(const std::string& path);

// Serves one embedded file: GET with body, HEAD without, 304 for a matching If-None-Match,
// OPTIONS with 204 (no CORS: scripts load cross-origin without it). Sends
// X-Content-Type-Options: nosniff, the file's CSP, and Cache-Control: no-cache so browsers
// revalidate by ETag and a new build is seen at once.
// Thread-safety: one instance per request; the file is owned by the static table.
class StaticHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit StaticHandler(const StaticFile& file) : file_(file) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  const StaticFile& file_;
};

}  // namespace lupe::search
