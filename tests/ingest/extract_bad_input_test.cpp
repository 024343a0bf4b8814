// Files the extractor cannot index are rejected with kInvalidInput and a reason that
// names the problem.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lupe/analyzers/error.h"
#include "extract_fixture.h"
#include "lupe/ingest/extractor.h"

namespace {

using lupe::ingest::ExtractLimits;
using lupe::ingest::Format;

using lupe::ingest::testing::Fixture;

// The reason of the kInvalidInput error Extract throws; fails the test if it does not.
std::string Rejection(Format format, const std::string& bytes, const ExtractLimits& limits = {}) {
  try {
    lupe::ingest::Extract(format, bytes, limits);
  } catch (const lupe::Error& e) {
    CHECK(e.code() == lupe::ErrorCode::kInvalidInput);
    return e.what();
  }
  FAIL("no error");
  return {};
}

using Catch::Matchers::Contains;

ExtractLimits SmallUnpackLimit() {
  ExtractLimits limits;
  limits.max_unpacked_bytes = 1u << 20;
  return limits;
}

}  // namespace

TEST_CASE("an empty file is rejected") {
  CHECK_THAT(Rejection(Format::kText, Fixture("empty.txt")), Contains("empty file"));
  CHECK_THAT(Rejection(Format::kPdf, ""), Contains("empty file"));
}

TEST_CASE("binary junk named .txt is rejected") {
  CHECK_THAT(Rejection(Format::kText, Fixture("binary-junk.txt")),
             Contains("binary content in a text file"));
}

TEST_CASE("random bytes named .pdf are not a PDF") {
  CHECK_THAT(Rejection(Format::kPdf, Fixture("random-bytes.pdf")), Contains("not a PDF file"));
}

TEST_CASE("a JPEG named .pdf is described by libmagic") {
  const std::string jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00";
  CHECK_THAT(Rejection(Format::kPdf, jpeg), Contains("not a PDF file (content looks like: JPEG"));
}

TEST_CASE("a truncated PDF is rejected") {
  CHECK_THAT(Rejection(Format::kPdf, Fixture("truncated.pdf")), Contains("corrupt PDF"));
}

TEST_CASE("a corrupt PDF is rejected") {
  CHECK_THAT(Rejection(Format::kPdf, Fixture("corrupt.pdf")), Contains("corrupt PDF"));
}

TEST_CASE("an encrypted PDF is rejected") {
  CHECK_THAT(Rejection(Format::kPdf, Fixture("encrypted.pdf")), Contains("PDF is encrypted"));
}

TEST_CASE("a PDF of images without a text layer has no extractable text") {
  CHECK_THAT(Rejection(Format::kPdf, Fixture("scanned.pdf")), Contains("no extractable text"));
}

TEST_CASE("a corrupt zip named .docx is rejected") {
  CHECK_THAT(Rejection(Format::kDocx, Fixture("corrupt.docx")), Contains("corrupt zip container"));
}

TEST_CASE("a text file named .docx has no zip container") {
  CHECK_THAT(Rejection(Format::kDocx, "Nur Text"), Contains("not a DOCX file"));
}

TEST_CASE("a zip bomb is refused from the sizes its directory declares") {
  const std::string reason = Rejection(Format::kDocx, Fixture("bomb.docx"), SmallUnpackLimit());
  CHECK_THAT(reason, Contains("unpacked size exceeds 1 MiB"));
  CHECK_THAT(reason, Contains("zip bomb"));
  CHECK_THAT(reason, !Contains("while inflating"));
}

TEST_CASE("a zip bomb that lies about its sizes is stopped while inflating") {
  const std::string reason =
      Rejection(Format::kDocx, Fixture("lying-bomb.docx"), SmallUnpackLimit());
  CHECK_THAT(reason, Contains("unpacked size exceeds 1 MiB while inflating word/document.xml"));
}

TEST_CASE("a .docx without word/document.xml is rejected") {
  CHECK_THAT(Rejection(Format::kDocx, Fixture("no-document.docx")),
             Contains("without word/document.xml"));
}

TEST_CASE("malformed XML is rejected with offset and parser message") {
  CHECK_THAT(Rejection(Format::kXml, Fixture("malformed.xml")),
             Contains("malformed XML at offset 47: Start-end tags mismatch"));
}

TEST_CASE("text beyond max_text_bytes is rejected") {
  ExtractLimits limits;
  limits.max_text_bytes = 100;
  CHECK_THAT(Rejection(Format::kText, std::string(300, 'a'), limits),
             Contains("extracted text exceeds 100 bytes"));
}

TEST_CASE("whitespace-only text has no extractable text") {
  CHECK_THAT(Rejection(Format::kText, " \n\n \t\n"), Contains("no extractable text"));
}
