// Subcommands of `georeserve` register themselves here (one file each under commands/), so main.cpp
// stays a few lines and adding a command touches no shared file.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace georeserve::cli {

// What a subcommand's setup returns: the function to run after parsing. Its result is the exit code
// (0 success, 1 bad input). Engine errors thrown from it are reported by main (exit 1).
using CommandRun = std::function<int()>;

struct CommandSpec {
  std::string name;
  std::string summary;  // one line for `georeserve --help`
  // Declares options on the subcommand and returns what to run.
  std::function<CommandRun(CLI::App& sub)> setup;
  int order = 100;  // position in --help
};

std::vector<CommandSpec>& command_registry();

struct RegisterCommand {
  explicit RegisterCommand(CommandSpec spec) { command_registry().push_back(std::move(spec)); }
};

// Shared by every command: --threads N (0 = all cores). Applies the limit for the command's lifetime.
void add_threads_option(CLI::App& sub, int& threads);
class ThreadLimit {
 public:
  explicit ThreadLimit(int threads);
  ~ThreadLimit();

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace georeserve::cli
