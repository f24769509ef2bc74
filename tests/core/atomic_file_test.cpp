// Output files appear whole or not at all.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/atomic_file.h"

using namespace georeserve;
namespace fs = std::filesystem;

TEST(AtomicFile, NothingLeftWhenWriterThrows) {
  const fs::path dir = fs::temp_directory_path() / "georeserve_atomic_test";
  fs::remove_all(dir);
  const fs::path target = dir / "out.csv";
  EXPECT_THROW(write_file_atomically(target, [](std::ostream& o) {
                 o << "half";
                 throw std::runtime_error("boom");
               }),
               std::runtime_error);
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(fs::is_empty(dir));  // no temporary left either
  write_file_atomically(target, [](std::ostream& o) { o << "whole\n"; });
  std::ifstream in(target);
  std::string s;
  std::getline(in, s);
  EXPECT_EQ(s, "whole");
  fs::remove_all(dir);
}

TEST(AtomicFile, OldFileSurvivesAFailedRewrite) {
  const fs::path target = fs::temp_directory_path() / "georeserve_atomic_keep.csv";
  write_file_atomically(target, [](std::ostream& o) { o << "old\n"; });
  EXPECT_THROW(write_file_atomically(target, [](std::ostream&) { throw std::runtime_error("x"); }),
               std::runtime_error);
  std::ifstream in(target);
  std::string s;
  std::getline(in, s);
  EXPECT_EQ(s, "old");
  fs::remove(target);
}
