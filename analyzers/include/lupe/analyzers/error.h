#pragma once

#include <stdexcept>
#include <string>

namespace lupe {

// The domain error of all Lupe libraries. Libraries throw it with a code; the
// boundaries (searchd's request handler, the CLIs) translate the code once into an
// HTTP status or an exit status.
enum class ErrorCode {
  kInvalidInput,  // the caller's input is wrong (bad query, bad file)
  kNotFound,      // a named thing does not exist
  kNotAllowed,    // the operation is not offered on this thing (an HTTP method on a path)
  kTooLarge,      // the input exceeds a configured size limit
  kConfig,        // configuration or environment is wrong (missing index, bad config file)
  kUnavailable,   // temporarily impossible (index locked, overloaded)
  kInternal,      // a bug or an unexpected failure of a dependency
};

// Stable lower-case name of a code, used in JSON error bodies and messages.
const char* ErrorCodeName(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace lupe
