#include "lupe/analyzers/error.h"

namespace lupe {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kNotAllowed:
      return "not_allowed";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kConfig:
      return "config";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace lupe
