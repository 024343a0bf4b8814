#include "lupe/analyzers/term_writer.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "word_lists.h"

namespace lupe::analyzers {
namespace {

class DocumentSink : public TokenSink {
 public:
  DocumentSink(const TextField& field, TermWriter::Placement placement,
               Xapian::Document& document)
      : placement_(placement), document_(document), exact_(schema::ExactTerm(field, "")),
        stem_(schema::StemTerm(field, "")),
        exact_prefix_(exact_.size()), stem_prefix_(stem_.size()) {}

  void OnToken(const Token& token) override {
    const Xapian::termpos position = placement_.first_position + token.position;
    exact_.resize(exact_prefix_);
    exact_ += token.text;
    document_.add_posting(exact_, position, placement_.wdf_inc);
    if (!token.stem.empty()) ++stem_counts_[token.stem];
    if (position >= next_position_) next_position_ = position + 1;
  }

  // Adds the stem terms, each once with its total within-document frequency: far fewer
  // calls into Xapian::Document's term map than one per occurrence.
  void Flush() {
    for (const auto& [stem, count] : stem_counts_) {
      stem_.resize(stem_prefix_);
      stem_ += stem;
      document_.add_term(stem_, count * placement_.wdf_inc);
    }
    stem_counts_.clear();
  }

  Xapian::termpos next_position() const { return next_position_; }

 private:
  TermWriter::Placement placement_;
  Xapian::Document& document_;
  std::string exact_;
  std::string stem_;
  std::size_t exact_prefix_;
  std::size_t stem_prefix_;
  Xapian::termpos next_position_ = 0;
  std::unordered_map<std::string, Xapian::termcount, StringHash, std::equal_to<>> stem_counts_;
};

}  // namespace

Xapian::termpos TermWriter::Write(std::string_view text, const TextField& field,
                                  Placement placement, Xapian::Document& document) const {
  DocumentSink sink(field, placement, document);
  analyzer_.Analyze(text, sink);
  sink.Flush();
  return std::max(sink.next_position(), placement.first_position);
}

}  // namespace lupe::analyzers
