#include "lupe/analyzers/term_writer.h"

#include <algorithm>
#include <string>

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
    if (!token.stem.empty()) {
      stem_.resize(stem_prefix_);
      stem_ += token.stem;
      document_.add_term(stem_, placement_.wdf_inc);
    }
    if (position >= next_position_) next_position_ = position + 1;
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
};

}  // namespace

Xapian::termpos TermWriter::Write(std::string_view text, const TextField& field,
                                  Placement placement, Xapian::Document& document) const {
  DocumentSink sink(field, placement, document);
  analyzer_.Analyze(text, sink);
  return std::max(sink.next_position(), placement.first_position);
}

}  // namespace lupe::analyzers
