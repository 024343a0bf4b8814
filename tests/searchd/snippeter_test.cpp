// Snippets of hits: the best passage, matched words (and their variants) marked, the rest
// HTML-escaped. Documents go through the real DocumentBuilder (so the word spans are the
// indexer's), or through TermWriter laid out as the indexer does (for inputs it refuses)
// or as it did for older indexes.
#include "lupe/search/snippeter.h"

#include <unicode/utf8.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "lupe/analyzers/term_writer.h"
#include "lupe/ingest/document_builder.h"
#include "lupe/search/query_parser.h"

using lupe::search::QueryParser;
using lupe::search::Snippeter;
namespace schema = lupe::analyzers::schema;

namespace {

class Fixture {
 public:
  Fixture()
      : database_(std::string(), Xapian::DB_BACKEND_INMEMORY),
        schema_(lupe::analyzers::Schema::Default()),
        builder_(analyzer_, schema_, gazetteer_, {}),
        parser_(analyzer_, {}) {}

  // Indexes text as a .txt file with a sidecar title, through the indexer's builder.
  Xapian::docid Add(const std::string& title, const std::string& text) {
    const lupe::ingest::SourceFile source{"doc.txt", std::nullopt, "doc", {}};
    const std::string sidecar = "<meta><title>" + title + "</title></meta>";
    return database_.add_document(builder_.Build(source, text, sidecar).document);
  }

  // Any bytes, laid out like the indexer does (text chunks and word spans), or like older
  // indexes did: text chunks with anchors; the text in the data with restart points; before
  // that also without anchors.
  enum class Anchors { kWrite, kOmit };
  enum class Layout { kSpans, kChunks, kData };
  Xapian::docid AddRaw(const std::string& title, const std::string& text,
                       Anchors anchors = Anchors::kWrite, Layout layout = Layout::kSpans) {
    const lupe::analyzers::TermWriter writer(analyzer_);
    Xapian::Document document;
    writer.Write(title, schema::kTitle, {1, 1}, document);
    const Xapian::termpos next =
        writer.Write(title, schema::kBody, {1, schema::kTitleWeight}, document);
    std::vector<schema::Anchor> written;
    std::vector<schema::WordSpan> spans;
    writer.Write(text, schema::kBody, {next + 100, 1}, document, {&written, nullptr, &spans});
    if (layout == Layout::kSpans) {
      const schema::WordChunks packed = schema::PackWordChunks(text, spans, next + 100);
      if (!packed.chunks.empty()) document.add_value(schema::kChunkStartsSlot, packed.starts);
      Xapian::valueno slot = schema::kFirstWordChunkSlot;
      for (const std::string& chunk : packed.chunks) document.add_value(slot++, chunk);
      document.set_data(schema::PackData("", ""));
      return database_.add_document(document);
    } else if (anchors == Anchors::kWrite && !written.empty()) {
      document.add_value(schema::kAnchorSlot, schema::EncodeAnchors(written));
    }
    if (layout != Layout::kData && anchors == Anchors::kWrite) {
      document.set_data(schema::PackData("", ""));
      Xapian::valueno slot = schema::kFirstTextSlot;
      for (std::string& chunk : schema::PackTextChunks(text)) document.add_value(slot++, chunk);
      return database_.add_document(document);
    }
    std::vector<schema::Restart> restarts;
    document.set_data(schema::PackData("{}", text, &restarts));
    if (anchors == Anchors::kWrite && !restarts.empty())
      document.add_value(schema::kRestartSlot, schema::EncodeRestarts(restarts));
    return database_.add_document(document);
  }

  std::string Snippet(Xapian::docid docid, const std::string& q,
                      std::size_t max_bytes = 300) const {
    const Xapian::Query query = parser_.Parse(q, QueryParser::Mode::kAllWords);
    return Snippeter(analyzer_, query, {max_bytes}).Make(database_, docid);
  }
  // The same, with the caches searchd gives its snippets (kept across calls), prepared as
  // searchd prepares a page: with the terms' document lists.
  std::string CachedSnippet(Xapian::docid docid, const std::string& q,
                            std::size_t max_bytes = 300) const {
    const Xapian::Query query = parser_.Parse(q, QueryParser::Mode::kAllWords);
    Snippeter snippeter(analyzer_, query, {max_bytes, &expansions_, &analyses_, &documents_});
    snippeter.Prepare(database_, {docid});
    return snippeter.Make(database_, docid);
  }

  const lupe::analyzers::Analyzer& analyzer() const { return analyzer_; }
  const Xapian::Database& database() const { return database_; }

 private:
  lupe::analyzers::Analyzer analyzer_;
  Xapian::WritableDatabase database_;
  lupe::analyzers::Schema schema_;
  lupe::ingest::Gazetteer gazetteer_;
  lupe::ingest::DocumentBuilder builder_;
  QueryParser parser_;
  lupe::search::StemExpansions expansions_{analyzer_};
  lupe::search::WordAnalyses analyses_{analyzer_};
  lupe::search::MatchSets documents_;
};

bool IsValidUtf8(const std::string& s) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::size_t Count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// The passage text the snippet shows: marks, escapes and ellipses taken out.
std::string Visible(std::string s) {
  auto replace = [&s](const std::string& from, const std::string& to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  };
  replace("<mark>", "");
  replace("</mark>", "");
  replace("… ", "");
  replace(" …", "");
  for (const char* entity : {"&lt;", "&gt;", "&quot;", "&#39;"}) replace(entity, "x");
  replace("&amp;", "&");
  return s;
}

// Filler sentences without the words the tests search for.
std::string Filler(std::size_t bytes) {
  std::string text;
  const char* sentences[] = {"Die Verwaltung prüft den Antrag fristgerecht. ",
                             "Das Verfahren richtet sich nach der Satzung. ",
                             "Einzelheiten regelt eine Verordnung des Landes. "};
  for (std::size_t i = 0; text.size() < bytes; ++i) text += sentences[i % 3];
  return text;
}

}  // namespace

TEST_CASE("snippets mark an exact match") {
  Fixture f;
  const auto doc = f.Add("Ulm", "Die Stadt Ulm setzt auf Mobilität und Beteiligung.");
  CHECK(f.Snippet(doc, "Mobilität") ==
        "Die Stadt Ulm setzt auf <mark>Mobilität</mark> und Beteiligung.");
}

TEST_CASE("snippets mark words matched through variants and stems") {
  Fixture f;
  const auto doc = f.Add("Beteiligung",
                         "Alle Bürger*innen, jeder Buerger und den Bürgern "
                         "dient die Mobilitaetsstrategie der Stadt.");
  const std::string bürger = f.Snippet(doc, "Bürger");
  CHECK(bürger.find("<mark>Bürger*innen</mark>") != std::string::npos);
  CHECK(bürger.find("<mark>Buerger</mark>") != std::string::npos);
  CHECK(bürger.find("<mark>Bürgern</mark>") != std::string::npos);
  CHECK(Count(bürger, "<mark>") == 3);
  CHECK(f.Snippet(doc, "Mobilitätsstrategie").find("<mark>Mobilitaetsstrategie</mark>") !=
        std::string::npos);
}

TEST_CASE("snippets escape the text's HTML while marks stay tags") {
  Fixture f;
  const auto doc = f.Add("Test", "Vor <script>alert(\"x\")</script> & 'Bürger' kommen.");
  CHECK(f.Snippet(doc, "Bürger") ==
        "Vor &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;<mark>Bürger</mark>"
        "&#39; kommen.");
}

TEST_CASE("snippets come from deep inside a long text, cut with ellipses") {
  Fixture f;
  const std::string text =
      Filler(150 << 10) + "Die Wärmeplanung der Stadt Kiel beginnt 2025. " + Filler(60 << 10);
  const auto doc = f.Add("Verwaltung", text);
  const std::string snippet = f.Snippet(doc, "Wärmeplanung");
  INFO(snippet);
  CHECK(snippet.find("<mark>Wärmeplanung</mark> der Stadt Kiel beginnt 2025.") !=
        std::string::npos);
  CHECK(snippet.rfind("… ", 0) == 0);
  CHECK(snippet.size() > 6);
  CHECK(snippet.substr(snippet.size() - 4) == " …");
  CHECK(Visible(snippet).size() <= 300);
}

TEST_CASE("a passage followed by a long run of white space and more text ends in an ellipsis") {
  Fixture f;
  const std::string tail = "Die Wärmeplanung der Stadt Kiel beginnt 2025.";
  const auto cut = f.AddRaw("Plan", tail + std::string(3000, ' ') + "Danach folgt mehr.");
  const auto end = f.AddRaw("Plan", tail + std::string(3000, ' '));
  const std::string cut_snippet = f.Snippet(cut, "Wärmeplanung");
  const std::string end_snippet = f.Snippet(end, "Wärmeplanung");
  INFO(cut_snippet << " | " << end_snippet);
  CHECK(cut_snippet.substr(cut_snippet.size() - 4) == " …");
  CHECK(end_snippet.find("…") == std::string::npos);
  CHECK(end_snippet.find("<mark>Wärmeplanung</mark>") != std::string::npos);
}

TEST_CASE("snippets span text chunks, and come from deep in an older index's data") {
  Fixture f;
  // The first chunk ends inside the "ä" of Wärmeplanung; the second match sits far into
  // the text.
  std::string text = Filler(schema::kTextChunkBytes);
  text.resize(text.rfind(' ', schema::kTextChunkBytes - 60) + 1);
  text.resize(schema::kTextChunkBytes - 6, ' ');
  text += "Die Wärmeplanung der Stadt Kiel beginnt 2025. " + Filler(150 << 10);
  text += " Der Quokkabestand im Stadtpark wächst. " + Filler(20 << 10);
  for (const auto layout :
       {Fixture::Layout::kSpans, Fixture::Layout::kChunks, Fixture::Layout::kData}) {
    const auto doc = f.AddRaw("Verwaltung", text, Fixture::Anchors::kWrite, layout);
    const std::string near = f.Snippet(doc, "Wärmeplanung Kiel");
    INFO(near);
    CHECK(near.find("<mark>Wärmeplanung</mark> der Stadt <mark>Kiel</mark> beginnt 2025.") !=
          std::string::npos);
    const std::string deep = f.Snippet(doc, "Quokkabestand");
    INFO(deep);
    CHECK(deep.find("Der <mark>Quokkabestand</mark> im Stadtpark wächst.") != std::string::npos);
    CHECK(Visible(deep).size() <= 300);
  }
}

TEST_CASE("snippets prefer the passage with more distinct query words") {
  Fixture f;
  const std::string text = "Der Radverkehr wächst. " + Filler(20 << 10) +
                           "Radverkehr und Fußverkehr teilen sich den Raum. " + Filler(5 << 10) +
                           "Fußverkehr allein. ";
  const auto doc = f.Add("Verkehr", text);
  const std::string snippet = f.Snippet(doc, "Radverkehr Fußverkehr");
  INFO(snippet);
  CHECK(snippet.find("<mark>Radverkehr</mark> und <mark>Fußverkehr</mark> teilen") !=
        std::string::npos);
}

TEST_CASE("after the first window with every query word, the passage's later hits are marked") {
  Fixture f;
  // Both words at the start, then one of them again and again: the window is found early,
  // and the positions read after it still cover the whole passage.
  std::string text = "Lärm und Schutz. ";
  for (int i = 0; i < 3000; ++i) text += "Lärm ";
  const auto doc = f.Add("Akustik", text);
  const std::string snippet = f.Snippet(doc, "Lärm Schutz");
  INFO(snippet);
  CHECK(snippet.rfind("<mark>Lärm</mark> und <mark>Schutz</mark>.", 0) == 0);
  // Every Lärm shown is marked.
  std::size_t shown = 0, marked = 0;
  for (std::size_t at = Visible(snippet).find("Lärm"); at != std::string::npos;
       at = Visible(snippet).find("Lärm", at + 1)) {
    ++shown;
  }
  for (std::size_t at = snippet.find("<mark>Lärm</mark>"); at != std::string::npos;
       at = snippet.find("<mark>Lärm</mark>", at + 1)) {
    ++marked;
  }
  CHECK(shown > 40);
  CHECK(marked == shown);
}

TEST_CASE("snippets are valid UTF-8 and no longer than max_bytes of text") {
  Fixture f;
  std::string text;
  for (int i = 0; i < 400; ++i) text += "Größenänderung über Straßenübergänge für Bürger. ";
  const auto doc = f.Add("Test", text);
  for (std::size_t max_bytes : {1, 7, 40, 100, 300, 1000}) {
    const std::string snippet = f.Snippet(doc, "Bürger Straße", max_bytes);
    INFO(max_bytes << ": " << snippet);
    CHECK(IsValidUtf8(snippet));
    CHECK(Visible(snippet).size() <= max_bytes);
  }
}

TEST_CASE("an empty query gives the start of the text without marks") {
  Fixture f;
  const auto doc = f.Add("Titel", "\n\n  Erste Zeile des Textes.\nZweite   Zeile. " + Filler(2000));
  const std::string snippet = f.Snippet(doc, "");
  CHECK(snippet.rfind("Erste Zeile des Textes. Zweite Zeile. Die Verwaltung", 0) == 0);
  CHECK(snippet.find("<mark>") == std::string::npos);
  CHECK(snippet.substr(snippet.size() - 4) == " …");
  // What a handler may pass for "match everything".
  CHECK(Snippeter(f.analyzer(), Xapian::Query::MatchAll, {}).Make(f.database(), doc) == snippet);
}

TEST_CASE("a match in the title only gives the start of the text") {
  Fixture f;
  const auto doc = f.Add("Wärmeplanung Kiel", "Erste Zeile des Textes. " + Filler(20000));
  for (const char* q : {"title:Kiel", "Wärmeplanung", "title:Wärmeplanungen"}) {
    const std::string snippet = f.Snippet(doc, q);
    INFO(q << ": " << snippet);
    CHECK(snippet.rfind("Erste Zeile des Textes.", 0) == 0);
    CHECK(snippet.find("<mark>") == std::string::npos);
  }
}

TEST_CASE("a title word is marked in the text too") {
  Fixture f;
  const auto doc =
      f.Add("Wärmeplanung Kiel", Filler(3000) + "Kiel plant die Wärme. " + Filler(3000));
  CHECK(f.Snippet(doc, "title:Kiel").find("<mark>Kiel</mark> plant") != std::string::npos);
}

TEST_CASE("phrase queries mark the words of the phrase") {
  Fixture f;
  const auto doc =
      f.Add("Zukunft", Filler(3000) + "Wir bauen die Stadt der Zukunft gemeinsam. " + Filler(3000));
  const std::string snippet = f.Snippet(doc, "\"Stadt der Zukunft\"");
  INFO(snippet);
  CHECK(snippet.find("<mark>Stadt</mark> <mark>der</mark> <mark>Zukunft</mark> gemeinsam") !=
        std::string::npos);
}

TEST_CASE("a document without text gives no snippet") {
  Fixture f;
  CHECK(f.Snippet(f.AddRaw("Nur ein Titel", ""), "Titel").empty());
  CHECK(f.Snippet(f.AddRaw("Nur ein Titel", ""), "").empty());
}

TEST_CASE("documents of an index without anchors still get their match") {
  Fixture f;
  const auto doc = f.AddRaw("Alt", Filler(20000) + "Die Wärmeplanung beginnt. " + Filler(2000),
                            Fixture::Anchors::kOmit, Fixture::Layout::kChunks);
  CHECK(f.Snippet(doc, "Wärmeplanung").find("<mark>Wärmeplanung</mark> beginnt") !=
        std::string::npos);
}

TEST_CASE("inflected forms in the index count for the window through their stem") {
  Fixture f;
  // Only "Bürgern" and "Antrag" (no exact "Bürger") sit together, deep in the text.
  const auto doc = f.Add("Titel", "Der Antrag. " + Filler(30000) +
                                      "Den Bürgern hilft der Antrag sehr. " + Filler(30000));
  const std::string snippet = f.Snippet(doc, "Bürger Antrag");
  INFO(snippet);
  CHECK(snippet.find("<mark>Bürgern</mark> hilft der <mark>Antrag</mark>") != std::string::npos);
}

TEST_CASE("a passage found through the words as typed marks their inflected forms too") {
  Fixture f;
  // Plans is an index term starting with the stem plan (a stem expansion); Pläne (plaene)
  // is not, and is found by analysing the passage's words.
  const auto doc =
      f.Add("Titel",
            Filler(3000) + "Des Plans Inhalt: der Plan und die Pläne liegen vor. " + Filler(3000));
  for (const std::string& snippet : {f.Snippet(doc, "Plan"), f.CachedSnippet(doc, "Plan")}) {
    INFO(snippet);
    CHECK(snippet.find("Des <mark>Plans</mark> Inhalt: der <mark>Plan</mark> und die "
                       "<mark>Pläne</mark> liegen vor.") != std::string::npos);
    CHECK(Count(snippet, "<mark>") == 3);
  }
}

TEST_CASE("a window of inflected forms wins over exact forms far apart") {
  Fixture f;
  // The exact Förderung is far from the Quartier; the inflected Förderungen sits beside it.
  const auto doc = f.Add("Titel", "Die Förderung. " + Filler(30000) +
                                      "Den Förderungen dient das Quartier sehr. " + Filler(30000));
  for (const std::string& snippet :
       {f.Snippet(doc, "Förderung Quartier"), f.CachedSnippet(doc, "Förderung Quartier")}) {
    INFO(snippet);
    CHECK(snippet.find("<mark>Förderungen</mark> dient das <mark>Quartier</mark>") !=
          std::string::npos);
  }
}

TEST_CASE("words found only through their stem are found without positions") {
  Fixture f;
  // Städte has the stem stadt but does not start with it: no expansion finds it.
  const auto doc = f.Add("Titel", Filler(5000) + "Viele Städte planen. " + Filler(500));
  CHECK(f.Snippet(doc, "Stadt").find("<mark>Städte</mark> planen") != std::string::npos);
}

TEST_CASE("snippets of random texts and queries are valid, balanced HTML") {
  Fixture f;
  std::mt19937 random(20261126);
  const std::vector<std::string> pieces = {
      "Bürger", "*innen", "Straße", " ",       "  ",   "\n", "-", "Smart", "City", "<",    ">",
      "&",      "\"",     "'",      "ä",       "ß",    ".",  "é", "€",     "\xC3", "\xA4", "\xFF",
      "\t",     "Stadt",  "der",    "Zukunft", "2025", "§",  "x", "ﬁ",     "\x01"};
  const std::vector<std::string> queries = {"",
                                            "Bürger",
                                            "Straße Stadt",
                                            "\"Stadt der Zukunft\"",
                                            "Smart-City",
                                            "title:Bürger",
                                            "Stadt -Zukunft",
                                            "Bürger OR Straße",
                                            "x",
                                            "2025",
                                            "ä é"};
  for (int round = 0; round < 150; ++round) {
    std::string text;
    // Now and then longer than the restart spacing, so passages lie past restart points.
    const std::size_t length = random() % (round % 10 == 0 ? 60000 : 4000);
    while (text.size() < length) text += pieces[random() % pieces.size()];
    // Word spans (the indexer now) and anchors (older indexes) alternately.
    const auto doc = f.AddRaw("Titel", text, Fixture::Anchors::kWrite,
                              round % 2 == 0 ? Fixture::Layout::kSpans : Fixture::Layout::kChunks);
    for (const std::string& q : queries) {
      const std::size_t max_bytes = 1 + random() % 400;
      const std::string snippet = f.Snippet(doc, q, max_bytes);
      INFO(round << " " << q << ": " << snippet);
      REQUIRE(IsValidUtf8(snippet));
      REQUIRE(Count(snippet, "<mark>") == Count(snippet, "</mark>"));
      REQUIRE(Count(snippet, "<") == 2 * Count(snippet, "<mark>"));
      REQUIRE(snippet.find("<mark></mark>") == std::string::npos);
      // searchd's caches of stem expansions, word analyses and document lists change
      // nothing.
      REQUIRE(f.CachedSnippet(doc, q, max_bytes) == snippet);
    }
  }
}

TEST_CASE("compounds are marked for the part a query matches, and only for it") {
  Fixture f;
  const std::string text = Filler(3000) +
                           "Die Strategie der Stadt und die Mobilitätsstrategie des Kreises. "
                           "Die Buerger-Werkstatt tagt. " +
                           Filler(3000);
  // The indexer's layout (word spans: a compound is analysed alone) and the older one
  // (anchors: the passage is analysed) mark alike.
  for (const auto layout : {Fixture::Layout::kSpans, Fixture::Layout::kChunks}) {
    const auto doc = f.AddRaw("Titel", text, Fixture::Anchors::kWrite, layout);
    const std::string strategie = f.Snippet(doc, "Strategie");
    INFO(strategie);
    CHECK(strategie.find("Die <mark>Strategie</mark> der Stadt und die "
                         "<mark>Mobilitätsstrategie</mark> des Kreises.") != std::string::npos);
    const std::string buerger = f.Snippet(doc, "Bürger Kreises");
    INFO(buerger);
    CHECK(buerger.find("Die <mark>Buerger</mark>-Werkstatt tagt.") != std::string::npos);
    CHECK(f.CachedSnippet(doc, "Strategie") == strategie);
    CHECK(f.CachedSnippet(doc, "Bürger Kreises") == buerger);
  }
}

TEST_CASE("words that spell a query word otherwise are marked in compounds and inflected forms") {
  // Umlauts and ß spelled out, linking elements, gender forms, hyphens and soft hyphens:
  // the part or form that matches is marked however the word is written, and a word
  // without a query word is not.
  Fixture f;
  const std::string text = Filler(3000) +
                           "Zur Buergerbeteiligung laden die Bürger:innen ein. Der Strassenbau "
                           "an der Straße beginnt. Die Quartiersentwicklung folgt. Die "
                           "Smart-City-Strategie gilt, die Klima\u00ADanpassungs\u00ADstrategie "
                           "auch. Die Radwege bleiben. " +
                           Filler(3000);
  const auto doc = f.AddRaw("Titel", text, Fixture::Anchors::kWrite, Fixture::Layout::kSpans);
  const auto marked = [&](const char* q) {
    const std::string snippet = f.Snippet(doc, q);
    INFO(q << ": " << snippet);
    CHECK(Count(snippet, "<mark>") == Count(snippet, "</mark>"));
    return snippet;
  };
  const std::string buerger = marked("Bürger");
  CHECK(buerger.find("Zur <mark>Buergerbeteiligung</mark> laden die <mark>Bürger:innen</mark> "
                     "ein. Der Strassenbau an der Straße beginnt.") != std::string::npos);
  const std::string strasse = marked("Straße");
  CHECK(strasse.find("Der <mark>Strassenbau</mark> an der <mark>Straße</mark> beginnt.") !=
        std::string::npos);
  CHECK(Count(strasse, "<mark>") == 2);
  const std::string city = marked("City");
  CHECK(city.find("Die Smart-<mark>City</mark>-Strategie gilt, die "
                  "Klima\u00ADanpassungs\u00ADstrategie auch.") != std::string::npos);
  const std::string strategie = marked("Strategie");
  CHECK(strategie.find("Die Smart-City-<mark>Strategie</mark> gilt, die "
                       "<mark>Klima\u00ADanpassungs\u00ADstrategie</mark> auch.") !=
        std::string::npos);
  const std::string radwege = marked("Radwege");
  CHECK(radwege.find("Die <mark>Radwege</mark> bleiben.") != std::string::npos);
  CHECK(Count(radwege, "<mark>") == 1);
}
