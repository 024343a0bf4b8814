// The raw Xapian ceiling for one thread: reads every file under a directory and indexes it
// with TermGenerator (german2, STEM_SOME) into a WritableDatabase, committing at the end.
// Usage: bench-raw-indexer DIR INDEX_DIR
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bench-raw-indexer DIR INDEX_DIR\n";
    return 64;
  }
  Xapian::WritableDatabase database(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("german2"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  std::size_t documents = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(text.str());
    document.set_data(entry.path().string());
    document.add_boolean_term("Q" + entry.path().filename().string());
    database.replace_document("Q" + entry.path().filename().string(), document);
    ++documents;
  }
  database.commit();
  std::cout << documents << " documents\n";
  return 0;
}
