// Link-time optimization through the linker plugin interface (the one GNU ld,
// gold and mold offer): gcc's liblto_plugin.so and LLVM's LLVMgold.so claim
// the inputs that hold compiler IR, report their symbols, and once every
// symbol is resolved compile the IR into ordinary objects, which the link
// then reads like any other. See lto-plugin.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input-files.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"

namespace mld {

struct Context;
struct PluginHost;

// Where the plugin reads an input from: the file (an archive, for a member)
// and the offset of the input's bytes in it.
struct IrSource {
  std::string path;
  uint64_t offset = 0;
};

// An input a plugin claimed. It has no sections; its symbols, as the plugin
// reported them (add_symbols), take part in resolution until the plugin's
// compiled objects replace them.
class IrFile : public InputFile {
public:
  IrFile(llvm::MemoryBufferRef mb, std::string archiveName, IrSource source)
      : InputFile(Kind::Ir, mb, std::move(archiveName)), source(std::move(source)) {}

  struct IrSymbol {
    std::string_view name;
    std::string_view comdatKey; // empty: not in a COMDAT
    uint8_t def;                // LDPK_*
    uint8_t visibility;         // LDPV_*
    uint64_t size;              // of a common symbol
  };
  IrSource source;
  std::vector<IrSymbol> irSymbols; // in the plugin's order; symbols[i] is its Symbol
  bool symbolsAdded = false;
  PluginHost *plugin = nullptr;                    // the plugin that claimed it
  int fd = -1;                                     // open between get_input_file and release
  llvm::DenseSet<llvm::StringRef> comdatKeysOwned; // COMDAT keys it brought first
};

// What the plugins handed back after all_symbols_read.
struct LtoOutputs {
  std::vector<std::string> files;        // add_input_file: compiled objects
  std::vector<std::string> libraries;    // add_input_library: -l names
  std::vector<std::string> libraryPaths; // set_extra_library_path
};

// The plugins of one link. Created when the first input that holds IR
// arrives: plugins are loaded only when a link needs them (gcc passes its
// plugin on every link, LTO or not).
class LtoSession {
public:
  explicit LtoSession(Context &ctx);
  ~LtoSession();
  LtoSession(const LtoSession &) = delete;

  // Offers an input to the plugins, in -plugin order. Returns the claimed
  // file, its symbols resolved, or null if no plugin claimed it.
  IrFile *claim(llvm::MemoryBufferRef mb, const std::string &archiveName, const IrSource &source);
  bool anyClaimed() const { return !claimed.empty(); }
  // Runs every plugin's all_symbols_read handler (the compilation).
  LtoOutputs allSymbolsRead();
  // After the compiled objects are in: the IR definitions they did not
  // replace (inlined or internalized) become plain undefined names.
  void dropUncompiledIr();
  // The plugins' cleanup handlers (they remove their temporary files); run
  // once, on every exit path (exitLink).
  void cleanup();

  std::vector<IrFile *> claimed; // in claim order

private:
  Context &ctx;
  std::vector<std::unique_ptr<PluginHost>> plugins;
  llvm::DenseSet<llvm::StringRef> comdatKeys; // of every IR file so far
  bool cleanedUp = false;
};

// GNU ld loads every -plugin at start-up, so a plugin that cannot be loaded
// fails every link, IR or not. mld loads plugins only when IR arrives (a
// static mld would otherwise re-execute itself for every gcc link) but
// checks at start-up that each names a readable ELF shared object, so such
// links fail as GNU ld's do.
void checkPluginFiles(Context &ctx);

} // namespace mld
