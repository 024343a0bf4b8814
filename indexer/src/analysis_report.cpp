#include "lupe/ingest/analysis_report.h"

#include <iomanip>
#include <string>

#include "lupe/analyzers/schema.h"

namespace lupe::ingest {
namespace {

using analyzers::Token;

std::string FlagNames(const Token& token) {
  static constexpr std::pair<analyzers::TokenFlag, const char*> kNames[] = {
      {analyzers::kVariant, "variant"},
      {analyzers::kCompoundPart, "part"},
      {analyzers::kCompoundHead, "head"},
      {analyzers::kJoined, "joined"},
      {analyzers::kGender, "gender"},
      {analyzers::kGenderBase, "gender-base"},
      {analyzers::kStopWord, "stopword"},
      {analyzers::kNumeric, "numeric"},
      {analyzers::kDecompoundPart, "decompound"},
      {analyzers::kCompleted, "completed"}};
  std::string names;
  for (const auto& [flag, name] : kNames) {
    if (!token.Has(flag)) continue;
    if (!names.empty()) names += ',';
    names += name;
  }
  return names.empty() ? "-" : names;
}

// text padded with spaces to width code points (std::setw counts bytes).
std::string Padded(const std::string& text, std::size_t width) {
  std::size_t code_points = 0;
  for (char c : text) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  std::string padded = text;
  padded.append(code_points < width ? width - code_points : 1, ' ');
  return padded;
}

}  // namespace

void WriteAnalysisReport(const analyzers::Analyzer& analyzer, std::string_view text,
                         std::ostream& out) {
  out << "analyzer: " << analyzer.Fingerprint() << '\n';
  out << std::left << std::setw(5) << "pos" << std::setw(14) << "bytes" << std::setw(28) << "source"
      << std::setw(24) << "flags"
      << "terms\n";
  for (const Token& token : analyzer.Analyze(text)) {
    const std::string bytes = std::to_string(token.start) + "-" + std::to_string(token.end);
    std::string source(text.substr(token.start, token.end - token.start));
    out << std::setw(5) << token.position << std::setw(14) << bytes
        << Padded('"' + source + '"', 28) << std::setw(24) << FlagNames(token);
    if (token.Has(analyzers::kDecompoundPart)) {  // TermWriter writes only its part term
      out << analyzers::schema::PartTerm(analyzers::schema::kBody, token.stem) << '\n';
      continue;
    }
    out << analyzers::schema::ExactTerm(analyzers::schema::kBody, token.text);
    if (!token.stem.empty()) {
      out << ' ' << analyzers::schema::StemTerm(analyzers::schema::kBody, token.stem);
    }
    out << '\n';
  }
}

}  // namespace lupe::ingest
