// lupe-indexer add into an empty index through the workers' shards (docs/schema.md,
// "Layout"): the same index as the single writer, ids, re-runs, the lock, lost workers.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <map>

#include "index_layout.h"
#include "lupe/analyzers/error.h"
#include "lupe/ingest/batch_indexer.h"
#include "lupe/ingest/index_store.h"
#include "shard_writer.h"
#include "support/add_recorder.h"
#include "support/temp_dir.h"

using lupe::ingest::AddOptions;
using lupe::ingest::AddReport;
using lupe::testing::TempDir;
namespace fs = std::filesystem;

namespace {

using Recorder = lupe::testing::AddRecorder;

struct Fixture : lupe::testing::AddSetup {

  Fixture() {
    options.workers = 2;
    options.shard_min_bytes = 0;  // every run into an empty index goes through shards
  }

  AddReport Add(const fs::path& index, Recorder& recorder) const {
    static const std::atomic<bool> no_stop{false};
    return lupe::ingest::AddToIndex(index.string(), {docs}, analyzer, schema, gazetteer, options,
                                    recorder, no_stop);
  }

  void WriteDocuments(int count) const {
    for (int i = 0; i < count; ++i) {
      const std::string n = std::to_string(100 + i);
      dir.Write("docs/d" + n + ".txt", "Bericht " + n +
                                           " über die Wärmeplanung der Stadt.\n\nDie Bürger*innen "
                                           "beraten die Mobilitätsstrategie Nummer " +
                                           n + ".");
    }
  }
};

// Every term with its document frequency, and the document count.
std::map<std::string, Xapian::doccount> Terms(const Xapian::Database& db) {
  std::map<std::string, Xapian::doccount> terms;
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    terms[*it] = it.get_termfreq();
  }
  terms["#documents"] = db.get_doccount();
  return terms;
}

}  // namespace

TEST_CASE("a batch written through shards gives the index the single writer gives") {
  Fixture f;
  f.WriteDocuments(12);
  Recorder sharded_recorder;
  const AddReport sharded = f.Add(f.dir / "sharded", sharded_recorder);
  CHECK(sharded.indexed == 12);
  CHECK(sharded_recorder.last.files_done == 12);
  Fixture& single_fixture = f;
  single_fixture.options.shard_min_bytes = ~std::uint64_t{0};
  Recorder single_recorder;
  CHECK(single_fixture.Add(f.dir / "single", single_recorder).indexed == 12);

  // The sharded index is a generation named by a stub; nothing of the run is left.
  CHECK(fs::exists(f.dir / "sharded" / "XAPIANDB"));
  CHECK(fs::exists(f.dir / "sharded" / "gen-1"));
  CHECK_FALSE(fs::exists(f.dir / "sharded" / "shards"));
  CHECK_FALSE(fs::exists(f.dir / "sharded" / "iamglass"));
  CHECK_FALSE(fs::exists(f.dir / "single" / "XAPIANDB"));
  const Xapian::Database sharded_db((f.dir / "sharded").string());
  const Xapian::Database single_db((f.dir / "single").string());
  CHECK(Terms(sharded_db) == Terms(single_db));
  CHECK(sharded_db.get_metadata("lupe.analyzer") == f.analyzer.Fingerprint());
  CHECK(sharded_db.get_metadata("lupe.facets") == f.schema.Describe());
  CHECK_FALSE(sharded_db.get_metadata("lupe.last_commit").empty());
  CHECK(sharded_db.get_metadata("lupe.spelling:mobilitaetsstrategie") == "mobilitätsstrategie");
  const Xapian::docid docid = *sharded_db.postlist_begin("Qd105");
  CHECK(lupe::analyzers::schema::DocumentText(sharded_db.get_document(docid)).find("Bericht 105") ==
        0);
}

TEST_CASE("after a build through shards, re-runs skip unchanged files and replace changed ones") {
  Fixture f;
  f.WriteDocuments(4);
  const fs::path index = f.dir / "index";
  Recorder first;
  CHECK(f.Add(index, first).indexed == 4);
  Recorder second;
  AddReport report = f.Add(index, second);
  CHECK(report.indexed == 0);
  CHECK(report.unchanged == 4);

  // The index is not empty now: the single writer writes into the generation.
  f.dir.Write("docs/d101.txt", "Zweite Fassung des Berichts.");
  f.dir.Write("docs/neu.txt", "Ein neuer Bericht.");
  Recorder third;
  report = f.Add(index, third);
  CHECK(report.indexed == 2);
  CHECK(report.unchanged == 3);
  const Xapian::Database db(index.string());
  CHECK(db.get_doccount() == 5);
  CHECK(db.get_termfreq("zweite") == 1);
  CHECK(db.get_termfreq("Qd101") == 1);
  CHECK(fs::exists(index / "gen-1"));
}

TEST_CASE("in a run through shards a repeated id goes to the first file in path order") {
  Fixture f;
  const bool one_batch = GENERATE(true, false);
  // One batch, or a batch per file: then every document is in a shard of its own, sealed
  // before the next file starts, and the merge has a dozen shards.
  if (!one_batch) f.options.shard_commit_bytes = 1;
  f.dir.Write("docs/a.txt", "Der erste Text.");
  f.dir.Write("docs/a.txt.meta.xml", "<meta><id>gleich</id></meta>");
  for (int i = 0; i < 8; ++i) f.dir.Write("docs/m" + std::to_string(i) + ".txt", "Füllung.");
  f.dir.Write("docs/z.txt", "Der letzte Text.");
  f.dir.Write("docs/z.txt.meta.xml", "<meta><id>gleich</id></meta>");
  Recorder recorder;
  const AddReport report = f.Add(f.dir / "index", recorder);
  CHECK(report.indexed == 9);
  CHECK(report.rejected == 1);
  CHECK(recorder.rejected.at("z.txt").find("already used by") != std::string::npos);
  const Xapian::Database db((f.dir / "index").string());
  CHECK(db.get_doccount() == 9);
  CHECK(db.get_termfreq("Qgleich") == 1);
  CHECK(db.get_termfreq("erste") == 1);
  CHECK(db.get_termfreq("letzte") == 0);
}

TEST_CASE("a worker killed in a run through shards loses its file only: its shard is redone") {
  Fixture f;
  f.WriteDocuments(20);
  // A file far too large to analyse within the deadline; its worker is killed, and with
  // it the documents of its shard, which the run indexes again.
  std::string huge;
  for (int i = 0; huge.size() < (std::size_t{24} << 20); ++i) {
    huge += "Abschnitt " + std::to_string(i) + " der Verkehrsentwicklungsplanung. ";
  }
  f.dir.Write("docs/zz.txt", huge);
  f.options.document_timeout = std::chrono::milliseconds(1000);
  Recorder recorder;
  const AddReport report = f.Add(f.dir / "index", recorder);
  CHECK(report.indexed == 20);
  CHECK(report.rejected == 1);
  CHECK(recorder.rejected.at("zz.txt").find("longer than") != std::string::npos);
  CHECK(recorder.last.files_done == 21);
  CHECK(Xapian::Database((f.dir / "index").string()).get_doccount() == 20);
}

TEST_CASE("a second writer finds an index built through shards locked") {
  Fixture f;
  f.WriteDocuments(2);
  const fs::path index = f.dir / "index";
  Recorder recorder;
  f.Add(index, recorder);
  Xapian::WritableDatabase holder(index.string(), Xapian::DB_OPEN);  // through the stub
  try {
    f.Add(index, recorder);
    FAIL("expected the lock error");
  } catch (const lupe::Error& error) {
    CHECK(error.code() == lupe::ErrorCode::kUnavailable);
  }
}

TEST_CASE("what a killed run leaves in the index directory is removed by the next writer") {
  TempDir dir;
  const fs::path index = dir / "index";
  {
    Xapian::WritableDatabase legacy(index.string(), Xapian::DB_CREATE);
    legacy.commit();
  }
  fs::create_directories(index / "shards" / "123-1");
  fs::create_directories(index / "gen-7");
  dir.Write("index/XAPIANDB", "glass gen-7\n");  // written, but DIR's own glass files win
  const lupe::analyzers::Analyzer analyzer;
  lupe::ingest::IndexStore store(index.string(), analyzer.Fingerprint(),
                                 lupe::analyzers::Schema::Default());
  CHECK_FALSE(fs::exists(index / "shards"));
  CHECK_FALSE(fs::exists(index / "gen-7"));
  CHECK_FALSE(fs::exists(index / "XAPIANDB"));
  CHECK(fs::exists(index / "iamglass"));
  CHECK(lupe::ingest::IndexLayout(index.string()).NextGeneration() == (index / "gen-1").string());
}

TEST_CASE("a shard that cannot be written is an error naming the shard, not a stray exception") {
  lupe::ingest::ShardWriter shard;
  Xapian::Document document;
  document.add_term("wort");
  try {
    shard.Add("/proc/no-such-directory", document, {});
    FAIL("a shard was opened under /proc");
  } catch (const lupe::Error& error) {
    CHECK(error.code() == lupe::ErrorCode::kUnavailable);
    CHECK(std::string(error.what()).find("cannot write the index shard /proc/no-such-directory/") !=
          std::string::npos);
  }
}
