// The analysis chain end to end through Xapian: documents written with TermWriter are
// found by queries built with QueryBuilder, as the numbered behaviours promise.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <set>

#include "lupe/analyzers/query_builder.h"
#include "lupe/analyzers/term_writer.h"

using lupe::analyzers::Analyzer;
using lupe::analyzers::QueryBuilder;
using lupe::analyzers::TermWriter;
namespace schema = lupe::analyzers::schema;
using Names = std::set<std::string>;

namespace {

class TestIndex {
 public:
  explicit TestIndex(const std::vector<std::string>& texts,
                     lupe::analyzers::QueryBuilder::Options options = {true, true, true})
      : database_(std::string(), Xapian::DB_BACKEND_INMEMORY),
        writer_(analyzer_),
        builder_(analyzer_, options) {
    for (const std::string& text : texts) {
      Xapian::Document document;
      document.set_data(text);
      writer_.Write(text, schema::kBody, {}, document);
      database_.add_document(document);
    }
  }

  Names Words(const std::string& query) const {
    return Run(builder_.ForWords(query, schema::kBody));
  }
  Names Phrase(const std::string& query) const {
    return Run(builder_.ForPhrase(query, schema::kBody));
  }

  // The weight of each text matching any word of query.
  std::map<std::string, double> AnyWordWeights(const std::string& query) const {
    Xapian::Enquire enquire(database_);
    enquire.set_query(builder_.ForAnyWord(query, schema::kBody));
    std::map<std::string, double> weights;
    const Xapian::MSet matches = enquire.get_mset(0, 100);
    for (auto match = matches.begin(); match != matches.end(); ++match) {
      weights[match.get_document().get_data()] = match.get_weight();
    }
    return weights;
  }

  // The texts matching any word of query; with the index as vocabulary (as searchd
  // passes it) or without.
  enum class Vocabulary { kNone, kIndex };
  Names AnyWord(const std::string& query, Vocabulary vocabulary) const {
    return Run(builder_.ForAnyWord(query, schema::kBody,
                                   vocabulary == Vocabulary::kIndex ? &database_ : nullptr));
  }

  // The texts matching query, best first.
  std::vector<std::string> Ranked(const std::string& query) const {
    Xapian::Enquire enquire(database_);
    enquire.set_query(builder_.ForWords(query, schema::kBody));
    std::vector<std::string> texts;
    const Xapian::MSet matches = enquire.get_mset(0, 100);
    for (auto match = matches.begin(); match != matches.end(); ++match) {
      texts.push_back(match.get_document().get_data());
    }
    return texts;
  }

 private:
  Names Run(const Xapian::Query& query) const {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    Names names;
    const Xapian::MSet matches = enquire.get_mset(0, 100);
    for (auto match = matches.begin(); match != matches.end(); ++match) {
      names.insert(match.get_document().get_data());
    }
    return names;
  }

  Analyzer analyzer_;
  Xapian::WritableDatabase database_;
  TermWriter writer_;
  QueryBuilder builder_;
};

}  // namespace

TEST_CASE("case, Unicode forms and umlaut spellings find each other, Burger stays apart") {
  const TestIndex index({"Bürger", "Buerger", "BÜRGER", "Bu\xCC\x88rger", "Burger"});
  const Names family{"Bürger", "Buerger", "BÜRGER", "Bu\xCC\x88rger"};
  for (const char* query : {"Bürger", "buerger", "BUERGER", "Bu\xCC\x88rger"}) {
    INFO(query);
    CHECK(index.Words(query) == family);
  }
  CHECK(index.Words("Burger") == Names{"Burger"});
}

TEST_CASE("Straße, Strasse and STRASSE are one word - Wärmeplanung and Waermeplanung too") {
  const TestIndex index({"Straße", "Strasse", "STRASSE", "Wärmeplanung", "Waermeplanung"});
  CHECK(index.Words("strasse") == Names{"Straße", "Strasse", "STRASSE"});
  CHECK(index.Words("Wärmeplanung") == Names{"Wärmeplanung", "Waermeplanung"});
}

TEST_CASE("inflected forms match, and exact forms rank first") {
  const TestIndex index({"Strategien der Städte", "Strategie der Stadt"});
  CHECK(index.Words("Strategie").size() == 2);
  CHECK(index.Words("Städte") == Names{"Strategien der Städte", "Strategie der Stadt"});
  CHECK(index.Ranked("Strategien").front() == "Strategien der Städte");
  CHECK(index.Ranked("Strategie").front() == "Strategie der Stadt");
}

TEST_CASE("hyphenated compounds: all spellings find each other, and as a phrase") {
  const std::vector<std::string> spellings = {"Die Smart-City-Strategie", "Die SmartCity-Strategie",
                                              "Die Smartcitystrategie"};
  const TestIndex index(spellings);
  const Names all(spellings.begin(), spellings.end());
  for (const char* query : {"Smart-City-Strategie", "SmartCity-Strategie", "Smartcitystrategie"}) {
    INFO(query);
    CHECK(index.Words(query) == all);
  }
  CHECK(index.Phrase("Smart City Strategie") == all);
  // "SmartCity" is "Smart City" written as one word.
  CHECK(index.Phrase("Smart City") == Names{"Die Smart-City-Strategie", "Die SmartCity-Strategie"});
}

TEST_CASE("short prefixes behave like other compounds") {
  const TestIndex index(
      {"E-Mobilität", "Emobilität", "IT-Sicherheit", "5G-Netz", "ÖPNV-Angebot", "Mobilität"});
  CHECK(index.Words("E-Mobilität") == Names{"E-Mobilität", "Emobilität"});
  CHECK(index.Words("Mobilität") == Names{"E-Mobilität", "Mobilität"});
  CHECK(index.Words("IT-Sicherheit") == Names{"IT-Sicherheit"});
  CHECK(index.Phrase("IT Sicherheit") == Names{"IT-Sicherheit"});
  CHECK(index.Words("5G-Netz") == Names{"5G-Netz"});
  CHECK(index.Words("5G") == Names{"5G-Netz"});
  CHECK(index.Words("OEPNV-Angebot") == Names{"ÖPNV-Angebot"});
}

TEST_CASE("gender-inclusive spellings are one family, found by Bürgerinnen and by Bürger") {
  const std::vector<std::string> spellings = {"Bürger*innen",  "Bürger:innen", "Bürger_innen",
                                              "Bürger/-innen", "Bürger/innen", "Bürger·innen",
                                              "BürgerInnen"};
  const TestIndex index(spellings);
  const Names all(spellings.begin(), spellings.end());
  CHECK(index.Words("Bürgerinnen") == all);
  CHECK(index.Words("Bürger") == all);
  for (const std::string& spelling : spellings) {
    INFO(spelling);
    CHECK(index.Words(spelling) == all);
  }
}

TEST_CASE("codes and numbers are found as written") {
  const TestIndex index({"Förderprogramm KfW-432", "nach § 35 BauGB", "Landkreis MYK10",
                         "im Jahr 2022", "Programm 432"});
  CHECK(index.Words("KfW-432") == Names{"Förderprogramm KfW-432"});
  CHECK(index.Words("KfW 432") == Names{"Förderprogramm KfW-432"});
  CHECK(index.Words("§ 35") == Names{"nach § 35 BauGB"});
  CHECK(index.Words("MYK10") == Names{"Landkreis MYK10"});
  CHECK(index.Words("2022") == Names{"im Jahr 2022"});
}

TEST_CASE("stop words need not match in free text, but phrases keep them") {
  const TestIndex index({"die Stadt der Zukunft", "Zukunft einer Stadt", "Stadt und Zukunft"});
  CHECK(index.Words("die Stadt der Zukunft").size() == 3);
  CHECK(index.Phrase("Stadt der Zukunft") == Names{"die Stadt der Zukunft"});
  CHECK(index.Phrase("Stadt und Zukunft") == Names{"Stadt und Zukunft"});
  // A query of stop words only still searches for them.
  CHECK(index.Words("und") == Names{"Stadt und Zukunft"});
}

TEST_CASE("TermWriter anchors words after white space, and analysis restarts there in step") {
  const Analyzer analyzer;
  std::string text = "Ein Anfang.";
  for (int i = 0; i < 300; ++i) text += " Smart-City-Strategie der Bürger*innen, Straße 5G;\n";
  Xapian::Document document;
  std::vector<schema::Anchor> anchors;
  TermWriter(analyzer).Write(text, schema::kBody, {50, 1}, document, {&anchors});
  REQUIRE(anchors.size() > text.size() / (2 * schema::kAnchorSpacing));
  CHECK(anchors.front() == schema::Anchor{50, 0});
  const std::vector<lupe::analyzers::Token> all = analyzer.Analyze(text);
  for (std::size_t i = 1; i < anchors.size(); ++i) {
    const schema::Anchor& anchor = anchors[i];
    INFO(i);
    CHECK(anchor.offset >= anchors[i - 1].offset + schema::kAnchorSpacing);
    CHECK(anchor.offset < anchors[i - 1].offset + 2 * schema::kAnchorSpacing);
    CHECK(std::isspace(static_cast<unsigned char>(text[anchor.offset - 1])));
    const std::vector<lupe::analyzers::Token> tail =
        analyzer.Analyze(std::string_view(text).substr(anchor.offset, 400));
    auto first = std::find_if(all.begin(), all.end(),
                              [&](const auto& token) { return token.start == anchor.offset; });
    REQUIRE(first != all.end());
    CHECK(first->position + 50 == anchor.position);
    // Compare the words well inside the cut-out piece (its last word may be cut).
    for (std::size_t k = 0; k < tail.size() && tail[k].end + 100 < 400; ++k) {
      CHECK(tail[k].text == first[static_cast<std::ptrdiff_t>(k)].text);
      CHECK(tail[k].position + anchor.position ==
            first[static_cast<std::ptrdiff_t>(k)].position + 50);
    }
  }
}

TEST_CASE("TermWriter records the bytes of every position's word, and which are compounds") {
  const Analyzer analyzer;
  const std::string text = "Die Bürger*innen der Smart-City-Strategie planen Mobilitätsstrategien.";
  Xapian::Document document;
  std::vector<schema::WordSpan> spans;
  TermWriter(analyzer).Write(text, schema::kBody, {50, 1}, document, {nullptr, nullptr, &spans});
  auto word = [&](const schema::WordSpan& span) {
    return text.substr(span.start, span.end - span.start);
  };
  std::vector<std::string> words;
  for (const schema::WordSpan& span : spans) {
    words.push_back(word(span) + (span.compound ? "+" : ""));
    // Every position with a span holds an exact term, and every exact term's position has
    // one.
    INFO(word(span));
    CHECK(span.position >= 50);
  }
  CHECK(words == std::vector<std::string>{"Die", "Bürger*innen", "der", "Smart-City-Strategie+",
                                          "City", "Strategie", "planen", "Mobilitätsstrategien+"});
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    if (std::isupper(static_cast<unsigned char>((*term)[0]))) continue;  // stems, parts
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      INFO(*term << " at " << *pos);
      CHECK(std::any_of(spans.begin(), spans.end(),
                        [&](const schema::WordSpan& span) { return span.position == *pos; }));
    }
  }
}

TEST_CASE("TermWriter records how the text spells words whose terms differ from them") {
  const Analyzer analyzer;
  Xapian::Document document;
  TermWriter::Spellings spellings;
  TermWriter(analyzer).Write(
      "Die Mobilität der Smart-City-Strategie für Bürger*innen in Straßen, MOBILITÄT und Plan 5G",
      schema::kBody, {1, 1}, document, {nullptr, &spellings});
  CHECK(spellings == TermWriter::Spellings{{"mobilitaet", "mobilität"},
                                           {"smartcitystrategie", "smart-city-strategie"},
                                           {"buergerinnen", "bürger*innen"},
                                           {"strassen", "straßen"}});
}

TEST_CASE("query options leave out stems, variants or parts, to measure what they contribute") {
  const std::vector<std::string> texts = {"Strategien", "Strategie",  "Bürger*innen",
                                          "Bürger",     "Smart-City", "Smartcity"};
  CHECK(TestIndex(texts).Words("Strategie") == Names{"Strategien", "Strategie"});
  CHECK(TestIndex(texts).Words("Bürger*innen") == Names{"Bürger*innen", "Bürger"});
  CHECK(TestIndex(texts).Words("Smart-City") == Names{"Smart-City", "Smartcity"});
  const TestIndex exact(texts, {false, true, true});
  CHECK(exact.Words("Strategie") == Names{"Strategie"});
  const TestIndex plain(texts, {true, false, true});
  CHECK(plain.Words("Strategie") == Names{"Strategien", "Strategie"});
  CHECK(plain.Words("Bürger*innen") == Names{"Bürger*innen"});
  CHECK(plain.Words("Smart-City") == Names{"Smart-City"});
  const TestIndex whole({"Das Stadtentwicklungskonzept der Stadt", "Die Entwicklung"},
                        {true, true, false});
  CHECK(whole.Words("Entwicklung") == Names{"Die Entwicklung"});
}

TEST_CASE("a word finds the compounds it is part of, and whole words rank first") {
  const TestIndex index({"Das Stadtentwicklungskonzept der Stadt", "Die Entwicklung der Stadt",
                         "Ein Konzept", "Klimaanpassungsstrategie", "Bürgerbeteiligung"});
  CHECK(index.Words("Entwicklung") ==
        Names{"Das Stadtentwicklungskonzept der Stadt", "Die Entwicklung der Stadt"});
  CHECK(index.Ranked("Entwicklung").front() == "Die Entwicklung der Stadt");
  CHECK(index.Ranked("Konzept").front() == "Ein Konzept");
  CHECK(index.Words("Klimaanpassung") == Names{"Klimaanpassungsstrategie"});
  CHECK(index.Words("Beteiligung") == Names{"Bürgerbeteiligung"});
  // A compound query matches the whole word first, and documents with all its parts.
  CHECK(index.Words("Stadtentwicklung") == Names{"Das Stadtentwicklungskonzept der Stadt"});
  CHECK(index.Words("stadtentwicklung") == Names{"Das Stadtentwicklungskonzept der Stadt"});
  CHECK(index.Words("klimaanpassung") == Names{"Klimaanpassungsstrategie"});
  CHECK(index.Ranked("Stadtentwicklungskonzept").front() ==
        "Das Stadtentwicklungskonzept der Stadt");
  // Parts are not phrases of their own.
  CHECK(index.Phrase("Stadt Entwicklung").empty());
}

TEST_CASE("completed suspended hyphens are found like the words written out") {
  const TestIndex index({"Koordinierungs- und Transferstelle", "Rad- und Fußverkehr",
                         "Stadtentwicklung und -planung",
                         "Bau-, Wohnungs- und Verkehrsministerium"});
  CHECK(index.Words("Koordinierungsstelle") == Names{"Koordinierungs- und Transferstelle"});
  CHECK(index.Words("Radverkehr") == Names{"Rad- und Fußverkehr"});
  CHECK(index.Words("Stadtplanung") == Names{"Stadtentwicklung und -planung"});
  CHECK(index.Words("Wohnungsministerium") == Names{"Bau-, Wohnungs- und Verkehrsministerium"});
}

TEST_CASE("a number weighs as much as a word found in its exact form") {
  // Equal texts but for one word, each word in one text only: same frequency, same rarity.
  // The word matches its exact and its stem term; the number has no stem term, so its
  // exact term counts for both (within 10 %: without a stem term its text is a little
  // shorter for BM25; counted once, it would weigh about half).
  const TestIndex index({"Haushalt 2021 beschlossen", "Haushalt Strategie beschlossen"});
  const auto weights = index.AnyWordWeights("Strategie 2021");
  REQUIRE(weights.size() == 2);
  CHECK(weights.at("Haushalt 2021 beschlossen") ==
        Approx(weights.at("Haushalt Strategie beschlossen")).epsilon(0.1));
}

TEST_CASE(
    "a word ending in a vowel and s finds its form without s where the index knows it better") {
  using Vocabulary = TestIndex::Vocabulary;
  // Snowball leaves the s after a vowel: Odingas (a name in the genitive) and Kitas (a
  // plural) keep stems of their own.
  const TestIndex index({"Raila Odinga wurde Premierminister", "Odinga führte die Opposition",
                         "Odingas Rolle", "Neue Kita eröffnet", "Die Kita am Park",
                         "Das Haus am Markt", "Wir hauen Holz", "Wagen und Autos"});
  CHECK(index.AnyWord("Odingas", Vocabulary::kNone) == Names{"Odingas Rolle"});
  CHECK(index.AnyWord("Odingas", Vocabulary::kIndex) == Names{"Raila Odinga wurde Premierminister",
                                                              "Odinga führte die Opposition",
                                                              "Odingas Rolle"});
  CHECK(index.AnyWord("Kitas", Vocabulary::kIndex) ==
        Names{"Neue Kita eröffnet", "Die Kita am Park"});
  // The index knows hau- (hauen) no better than Haus, nor Auto better than Autos.
  CHECK(index.AnyWord("Haus", Vocabulary::kIndex) == Names{"Das Haus am Markt"});
  CHECK(index.AnyWord("Autos", Vocabulary::kIndex) == Names{"Wagen und Autos"});
  // Keyword search (every word) is not widened.
  CHECK(index.Words("Odingas") == Names{"Odingas Rolle"});
}
