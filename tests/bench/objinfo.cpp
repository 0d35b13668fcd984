// objinfo: the C++ program of the llvm-static workload. Prints an object
// file's sections and disassembles the first instructions of each code
// section with whatever target LLVM registers for the file's triple. It
// registers every target (codegen included) so that the static link pulls
// in tens of MB of LLVM, as a real LLVM tool does.
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCDisassembler/MCDisassembler.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstPrinter.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCObjectFileInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

using namespace llvm;

static void disassemble(const object::ObjectFile &obj, const object::SectionRef &sec,
                        const Target &target, const std::string &triple) {
  std::unique_ptr<MCRegisterInfo> regs(target.createMCRegInfo(triple));
  MCTargetOptions options;
  std::unique_ptr<MCAsmInfo> asmInfo(target.createMCAsmInfo(*regs, triple, options));
  std::unique_ptr<MCSubtargetInfo> sti(target.createMCSubtargetInfo(triple, "", ""));
  std::unique_ptr<MCInstrInfo> instrs(target.createMCInstrInfo());
  if (!regs || !asmInfo || !sti || !instrs)
    return;
  MCContext ctx(Triple(triple), asmInfo.get(), regs.get(), sti.get());
  std::unique_ptr<MCDisassembler> dis(target.createMCDisassembler(*sti, ctx));
  std::unique_ptr<MCInstPrinter> printer(
      target.createMCInstPrinter(Triple(triple), 0, *asmInfo, *instrs, *regs));
  Expected<StringRef> bytes = sec.getContents();
  if (!dis || !printer || !bytes) {
    if (!bytes)
      consumeError(bytes.takeError());
    return;
  }
  ArrayRef<uint8_t> data(reinterpret_cast<const uint8_t *>(bytes->data()), bytes->size());
  uint64_t at = 0;
  for (int n = 0; n < 8 && at < data.size(); ++n) {
    MCInst inst;
    uint64_t size = 0;
    if (dis->getInstruction(inst, size, data.slice(at), at, nulls()) != MCDisassembler::Success)
      break;
    outs() << "    " << format_hex(at, 6) << ":";
    printer->printInst(&inst, at, "", *sti, outs());
    outs() << "\n";
    at += size ? size : 1;
  }
}

int main(int argc, char **argv) {
  InitializeAllTargetInfos();
  InitializeAllTargets();
  InitializeAllTargetMCs();
  InitializeAllDisassemblers();
  if (argc != 2) {
    errs() << "usage: objinfo OBJECT\n";
    return 2;
  }
  Expected<object::OwningBinary<object::ObjectFile>> file =
      object::ObjectFile::createObjectFile(argv[1]);
  if (!file) {
    errs() << "objinfo: " << argv[1] << ": " << toString(file.takeError()) << "\n";
    return 1;
  }
  const object::ObjectFile &obj = *file->getBinary();
  std::string triple = obj.makeTriple().getTriple();
  std::string err;
  const Target *target = TargetRegistry::lookupTarget(triple, err);
  outs() << "file format " << obj.getFileFormatName() << ", triple " << triple << "\n";
  for (const object::SectionRef &sec : obj.sections()) {
    Expected<StringRef> name = sec.getName();
    outs() << format("%-28s", name ? name->str().c_str() : "?") << " size " << sec.getSize()
           << (sec.isText() ? " code" : "") << "\n";
    if (!name)
      consumeError(name.takeError());
    if (target && sec.isText() && sec.getSize())
      disassemble(obj, sec, *target, triple);
  }
  return 0;
}
