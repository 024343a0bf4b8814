// lupe-indexer add: documents, sidecars, facets, incremental re-runs, bad files, the lock.
#include "lupe/ingest/batch_indexer.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <map>

#include "lupe/analyzers/error.h"
#include "lupe/ingest/index_store.h"
#include "support/add_recorder.h"
#include "support/temp_dir.h"

using lupe::ingest::AddOptions;
using lupe::ingest::AddReport;
using lupe::ingest::AddToIndex;
using lupe::testing::TempDir;
namespace fs = std::filesystem;

namespace {

using Recorder = lupe::testing::AddRecorder;

struct Fixture : lupe::testing::AddSetup {
  fs::path index = dir / "index";

  Fixture() {
    options.workers = 2;
    options.commit_every = 2;
  }

  AddReport Add(Recorder& recorder, const std::atomic<bool>& stop = no_stop) {
    return AddToIndex(index.string(), {docs}, analyzer, schema, gazetteer, options, recorder, stop);
  }

  Xapian::Database Open() const { return Xapian::Database(index.string()); }

  static inline std::atomic<bool> no_stop{false};
};

bool HasDocument(const Xapian::Database& db, const std::string& id) {
  return db.term_exists("Q" + id);
}

const char* kSidecar = R"(<meta>
  <id>mk-strategie</id>
  <title>Smart-City-Strategie Mayen-Koblenz</title>
  <type>Strategiepapier</type>
  <date>2021-06-15</date>
  <municipality>Landkreis Mayen-Koblenz</municipality>
  <topic>Mobilität</topic><topic>Beteiligung</topic>
</meta>)";

}  // namespace

TEST_CASE("add indexes documents with their sidecars, facets and derived state") {
  Fixture f;
  TempDir& dir = f.dir;
  dir.Write("docs/strategie.txt",
            "Unsere Strategie\n\nDie Bürger*innen gestalten die E-Mobilität.\n");
  dir.Write("docs/strategie.txt.meta.xml", kSidecar);
  dir.Write("docs/sub/bericht.md",
            "# Projektbericht Wärmeplanung\n\nStand: 15. März 2023\n\nText.\n");
  dir.Write("docs/bild.jpg", "\xFF\xD8\xFF\xE0 not indexed");
  Recorder recorder;
  const AddReport report = f.Add(recorder);
  CHECK(report.indexed == 2);
  CHECK(report.rejected == 0);
  CHECK(report.skipped == 1);
  CHECK(recorder.skipped.count("bild.jpg") == 1);
  CHECK(recorder.last.files_done == 2);

  const Xapian::Database db = f.Open();
  CHECK(db.get_doccount() == 2);
  CHECK(HasDocument(db, "mk-strategie"));  // id from the sidecar
  CHECK(HasDocument(db, "sub/bericht"));   // default id: relative path without extension
  CHECK(db.get_termfreq("XFstate:Rheinland-Pfalz") == 1);  // from the municipality
  CHECK(db.get_termfreq("XFtopic:Mobilität") == 1);
  CHECK(db.get_termfreq("XFtopic:Beteiligung") == 1);
  CHECK(db.get_termfreq("XFyear:2021") == 1);
  CHECK(db.get_termfreq("XFyear:2023") == 1);      // date found on the first page
  CHECK(db.get_termfreq("Sprojektbericht") == 1);  // title field from the first heading
  CHECK(db.get_termfreq("buergerinnen") == 1);
  CHECK(db.get_metadata("lupe.analyzer") == f.analyzer.Fingerprint());
  CHECK_FALSE(db.get_metadata("lupe.last_commit").empty());
}

TEST_CASE("a re-run skips unchanged files and re-indexes changed ones") {
  Fixture f;
  f.dir.Write("docs/a.txt", "Erste Fassung der Strategie.");
  f.dir.Write("docs/b.txt", "Ein anderer Bericht.");
  Recorder first;
  CHECK(f.Add(first).indexed == 2);

  Recorder second;
  AddReport report = f.Add(second);
  CHECK(report.indexed == 0);
  CHECK(report.unchanged == 2);

  f.dir.Write("docs/a.txt", "Zweite Fassung der Strategie.");
  Recorder third;
  report = f.Add(third);
  CHECK(report.indexed == 1);
  CHECK(report.unchanged == 1);
  const Xapian::Database db = f.Open();
  CHECK(db.get_doccount() == 2);
  CHECK(db.get_termfreq("zweite") == 1);
  CHECK(db.get_termfreq("erste") == 0);

  // Rewritten with the same content: a new stamp, the same hash: not re-indexed.
  f.dir.Write("docs/b.txt", "Ein anderer Bericht.");
  Recorder fourth;
  report = f.Add(fourth);
  CHECK(report.indexed == 0);
  CHECK(report.unchanged == 2);
}

TEST_CASE("bad files are rejected one by one and every good file is committed") {
  Fixture f;
  f.dir.Write("docs/gut.txt", "Ein guter Text über Wärmeplanung.");
  f.dir.Write("docs/leer.txt", "");
  f.dir.Write("docs/kaputt.pdf", "%PDF-1.7\n garbage garbage");
  f.dir.Write("docs/falsch.txt", "Text mit kaputtem Sidecar.");
  f.dir.Write("docs/falsch.txt.meta.xml", "<meta><date>2021-13-45</date></meta>");
  f.dir.Write("docs/doppelt.txt", "Gleiche Id.");
  f.dir.Write("docs/doppelt.txt.meta.xml", "<meta><id>gut</id></meta>");
  Recorder recorder;
  const AddReport report = f.Add(recorder);
  CHECK(report.indexed == 1);
  CHECK(report.rejected == 4);
  CHECK(recorder.rejected.at("leer.txt").find("empty") != std::string::npos);
  CHECK(recorder.rejected.count("kaputt.pdf") == 1);
  CHECK(recorder.rejected.at("falsch.txt").find("date") != std::string::npos);
  CHECK(recorder.rejected.at("gut.txt").find("already used") != std::string::npos);
  CHECK(f.Open().get_doccount() == 1);
}

TEST_CASE("files over the size limit are rejected with the limit named") {
  Fixture f;
  f.options.max_file_bytes = 1 << 20;
  f.dir.Write("docs/gross.txt", std::string((1 << 20) + 1, 'a'));
  Recorder recorder;
  CHECK(f.Add(recorder).rejected == 1);
  CHECK(recorder.rejected.at("gross.txt").find("over the limit of 1 MiB") != std::string::npos);
}

TEST_CASE("a second writer finds the index locked and changes nothing") {
  Fixture f;
  f.dir.Write("docs/a.txt", "Text.");
  Xapian::WritableDatabase holder(f.index.string(), Xapian::DB_CREATE_OR_OPEN);
  Recorder recorder;
  try {
    f.Add(recorder);
    FAIL("expected the lock error");
  } catch (const lupe::Error& error) {
    CHECK(error.code() == lupe::ErrorCode::kUnavailable);
    CHECK(std::string(error.what()).find("locked") != std::string::npos);
  }
  CHECK(holder.get_doccount() == 0);
}

TEST_CASE("an index built with other facets is refused") {
  Fixture f;
  f.dir.Write("docs/a.txt", "Text.");
  Recorder recorder;
  f.Add(recorder);
  f.schema = lupe::analyzers::Schema(
      {{"type", "type", lupe::analyzers::FacetSpec::Kind::kString, false, 10}});
  CHECK_THROWS_AS(f.Add(recorder), lupe::Error);
}

TEST_CASE("stop finishes the documents under way and commits them") {
  Fixture f;
  for (int i = 0; i < 20; ++i)
    f.dir.Write("docs/d" + std::to_string(i) + ".txt", "Text Nummer " + std::to_string(i));
  std::atomic<bool> stop{true};  // stopped before the start: nothing new begins
  Recorder recorder;
  const AddReport report = f.Add(recorder, stop);
  CHECK(report.interrupted);
  CHECK(report.indexed == 0);
  // The next run completes the job.
  Recorder again;
  CHECK(f.Add(again).indexed == 20);
  CHECK(f.Open().get_doccount() == 20);
}

TEST_CASE("stats report documents, facet values with counts and the analyzer") {
  Fixture f;
  f.dir.Write("docs/a.txt", "Text A.");
  f.dir.Write("docs/a.txt.meta.xml", "<meta><type>Leitfaden</type><state>Bayern</state></meta>");
  f.dir.Write("docs/b.txt", "Text B.");
  f.dir.Write("docs/b.txt.meta.xml", "<meta><type>Leitfaden</type><state>Hessen</state></meta>");
  Recorder recorder;
  f.Add(recorder);
  const std::string json = lupe::ingest::IndexStatsJson(f.index.string(), f.schema);
  CHECK(json.find("\"documents\": 2") != std::string::npos);
  CHECK(json.find("\"value\": \"Leitfaden\"") != std::string::npos);
  CHECK(json.find("\"count\": 2") != std::string::npos);
  CHECK(json.find(f.analyzer.Fingerprint()) != std::string::npos);
}

TEST_CASE("a facet added in config takes its values from the sidecar element of its name") {
  Fixture f;
  using Kind = lupe::analyzers::FacetSpec::Kind;
  f.schema = lupe::analyzers::Schema({{"type", "type", Kind::kString, false, 10},
                                      {"programme", "programme", Kind::kString, true, 20}});
  f.dir.Write("docs/a.txt", "Text.");
  f.dir.Write("docs/a.txt.meta.xml",
              "<meta><programme>MPSC</programme><programme>KTS</programme></meta>");
  Recorder recorder;
  CHECK(f.Add(recorder).indexed == 1);
  const Xapian::Database db = f.Open();
  CHECK(db.get_termfreq("XFprogramme:MPSC") == 1);
  CHECK(db.get_termfreq("XFprogramme:KTS") == 1);
  const std::string slot = db.get_document(1).get_value(20);
  CHECK(lupe::analyzers::Schema::DecodeValues(slot) == std::vector<std::string>{"MPSC", "KTS"});
}

TEST_CASE("the index stores what searchd displays: title, date, facets, text and pages") {
  Fixture f;
  f.dir.Write("docs/bericht.md", "# Projektbericht Wärmeplanung\n\nDer Bericht vom 3. Mai 2022.\n");
  Recorder recorder;
  f.Add(recorder);
  const Xapian::Database db = f.Open();
  const Xapian::Document document = db.get_document(1);
  const auto data = lupe::analyzers::schema::UnpackData(document.get_data());
  const std::string text = lupe::analyzers::schema::DocumentText(document);
  // The fields live in their value slot, so hit lists need not read the text.
  const std::string fields = lupe::analyzers::schema::StoredFields(document);
  CHECK(fields == document.get_value(lupe::analyzers::schema::kFieldsSlot));
  CHECK(fields.find("\"title\":\"Projektbericht Wärmeplanung\"") != std::string::npos);
  CHECK(fields.find("\"date\":\"2022-05-03\"") != std::string::npos);
  CHECK(fields.find("\"format\":\"markdown\"") != std::string::npos);
  CHECK(data.fields_json.empty());
  CHECK(data.text.empty());  // the text lives in word chunks (from kFirstWordChunkSlot)
  CHECK(text.find("Der Bericht vom 3. Mai 2022.") != std::string::npos);
  CHECK(!document.get_value(lupe::analyzers::schema::kFirstWordChunkSlot).empty());
  CHECK(document.get_value(lupe::analyzers::schema::kFirstTextSlot).empty());
  CHECK(Xapian::sortable_unserialise(document.get_value(0)) == 20220503.0);
  // What a hit list shows, in its own slot without JSON to parse.
  const auto hit = lupe::analyzers::schema::DecodeHitFields(
      document.get_value(lupe::analyzers::schema::kHitSlot));
  CHECK(hit.values[1] == "Projektbericht Wärmeplanung");
  CHECK(hit.values[4] == "2022-05-03");
  CHECK(hit.values[0] == "bericht");
  CHECK_FALSE(hit.values[2].has_value());  // no url
  CHECK(hit.topics.empty());
}

TEST_CASE("hit fields hold the sidecar's values and topics") {
  Fixture f;
  f.dir.Write("docs/a.txt", "Text.");
  f.dir.Write("docs/a.txt.meta.xml",
              "<meta><id>mz-1</id><url>https://example.org/a</url><type>Strategie</type>"
              "<state>Hessen</state><municipality>Darmstadt</municipality>"
              "<publisher>Stadt Darmstadt</publisher><topic>Mobilität</topic>"
              "<topic>Energie</topic></meta>");
  Recorder recorder;
  CHECK(f.Add(recorder).indexed == 1);
  const Xapian::Database db = f.Open();
  const auto hit = lupe::analyzers::schema::DecodeHitFields(
      db.get_document(1).get_value(lupe::analyzers::schema::kHitSlot));
  CHECK(hit.values[0] == "mz-1");
  CHECK(hit.values[2] == "https://example.org/a");
  CHECK(hit.values[3] == "Strategie");
  CHECK(hit.values[5] == "Hessen");
  CHECK(hit.values[6] == "Darmstadt");
  CHECK(hit.values[7] == "Stadt Darmstadt");
  CHECK(hit.topics == std::vector<std::string>{"Mobilität", "Energie"});
}

TEST_CASE("a document that cannot be read is rejected by name, the others are indexed") {
  Fixture f;
  f.dir.Write("docs/gut.txt", "Ein guter Text.");
  fs::create_symlink(f.dir / "docs/nicht-da.txt", f.dir / "docs/weg.txt");
  Recorder recorder;
  const AddReport report = f.Add(recorder);
  CHECK(report.indexed == 1);
  CHECK(report.rejected == 1);
  CHECK(recorder.rejected.at("weg.txt") == "broken symbolic link");
}
