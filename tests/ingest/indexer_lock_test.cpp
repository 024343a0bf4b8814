// The lupe-indexer binary on a locked index: exit 75, a clear message, nothing changed.
#include <sys/wait.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

TEST_CASE("a second indexer on a locked index exits 75 and says the index is locked") {
  lupe::testing::TempDir dir;
  dir.Write("docs/a.txt", "Ein Text.");
  const std::string index = (dir / "index").string();
  Xapian::WritableDatabase holder(index, Xapian::DB_CREATE_OR_OPEN);
  const std::string command = std::string(LUPE_INDEXER_BINARY) + " --index " + index + " add " +
                              (dir / "docs").string() + " 2>" + (dir / "err").string();
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 75);
  std::ifstream err(dir / "err");
  std::stringstream message;
  message << err.rdbuf();
  CHECK(message.str().find("is locked: another indexer is writing to it") != std::string::npos);
  CHECK(holder.get_doccount() == 0);
}
