// Formatting of relocation-log records, text and JSON Lines.
#include "reloc-log.h"

#include "arch-x86-64.h"
#include "diag.h"
#include "input-files.h"
#include "symbol.h"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace mld {

static std::string jsonString(std::string_view s) {
  std::string r = "\"";
  for (char c : s) {
    switch (c) {
    case '"':
      r += "\\\"";
      break;
    case '\\':
      r += "\\\\";
      break;
    case '\n':
      r += "\\n";
      break;
    case '\t':
      r += "\\t";
      break;
    default:
      if ((unsigned char)c < 0x20) {
        char buf[8];
        snprintf(buf, sizeof buf, "\\u%04x", c);
        r += buf;
      } else {
        r += c;
      }
    }
  }
  return r + "\"";
}

std::string pltLabel(uint64_t relaPltIndex) { return "PLT" + std::to_string(relaPltIndex + 1); }

std::string gotPltLabel(uint64_t word) { return "GOT.PLT[" + std::to_string(word) + "]"; }

std::string gotLabel(uint64_t slot) { return "GOT[" + std::to_string(slot) + "]"; }

// The value as it sits in the field: a 4-byte field shows 8 hex digits.
static uint64_t fieldValue(uint64_t v, unsigned size) {
  return size >= 8 ? v : v & ((uint64_t(1) << (size * 8)) - 1);
}

void RelocLog::add(Context &ctx, const InputSection &isec, const ElfRela &rel, const Symbol &sym,
                   const RelocValues &v, const std::string &formula, uint64_t value,
                   const std::string &note) {
  uint32_t type = rel.getType(false);
  unsigned size = classifyReloc(type).size;
  std::string symName(sym.name);
  if (symName.empty() && sym.section)
    symName = std::string(sym.section->name);
  std::string file = isec.file ? isec.file->displayName() : "<internal>";
  uint64_t written = fieldValue(value, size);

  if (json) {
    out += "{\"kind\":\"reloc\",\"file\":" + jsonString(file) +
           ",\"section\":" + jsonString(isec.name) + ",\"offset\":" + std::to_string(rel.r_offset) +
           ",\"address\":\"" + toHex(v.P) + "\",\"type\":" + jsonString(relocTypeName(type)) +
           ",\"symbol\":" + jsonString(symName) + ",\"S\":\"" + toHex(v.S) +
           "\",\"A\":" + std::to_string(v.A) + ",\"P\":\"" + toHex(v.P) + "\"";
    auto opt = [&](const char *key, const std::optional<uint64_t> &x) {
      if (x)
        out += std::string(",\"") + key + "\":\"" + toHex(*x) + "\"";
    };
    opt("G", v.G);
    opt("GOT", v.GOT);
    opt("L", v.L);
    opt("Z", v.Z);
    opt("TP", v.TP);
    out += ",\"formula\":" + jsonString(formula) + ",\"value\":\"" + toHex(written) +
           "\",\"size\":" + std::to_string(size);
    if (!v.plt.empty())
      out += ",\"plt\":" + jsonString(v.plt);
    if (v.got)
      out += ",\"got\":" + std::to_string(*v.got);
    if (!note.empty())
      out += ",\"note\":" + jsonString(note);
    out += "}\n";
    return;
  }

  char addend[32];
  snprintf(addend, sizeof addend, "%lld", (long long)v.A);
  out += isec.describe(rel.r_offset) + " " + relocTypeName(type) + " " +
         (symName.empty() ? "-" : symName) + " S=" + toHex(v.S) + " A=" + addend +
         " P=" + toHex(v.P);
  auto opt = [&](const char *key, const std::optional<uint64_t> &x) {
    if (x)
      out += std::string(" ") + key + "=" + toHex(*x);
  };
  opt("G", v.G);
  opt("GOT", v.GOT);
  opt("L", v.L);
  opt("Z", v.Z);
  opt("TP", v.TP);
  out += " : " + formula + " -> " + toHex(written);
  if (!note.empty())
    out += " [" + note + "]";
  out += "\n";
}

void RelocLog::addSynthetic(const std::string &what, const std::string &section, uint64_t offset,
                            uint64_t address, const std::string &type, std::string_view symbol,
                            uint64_t value, const std::string &why, const SlotLabels &labels) {
  if (json) {
    out += "{\"kind\":" + jsonString(what) + ",\"section\":" + jsonString(section) +
           ",\"offset\":" + std::to_string(offset) + ",\"address\":\"" + toHex(address) +
           "\",\"type\":" + jsonString(type) + ",\"symbol\":" + jsonString(symbol) +
           ",\"value\":\"" + toHex(value) + "\"";
    if (!labels.plt.empty())
      out += ",\"plt\":" + jsonString(labels.plt);
    if (labels.gotPlt)
      out += ",\"got_plt\":" + std::to_string(*labels.gotPlt);
    if (labels.got)
      out += ",\"got\":" + std::to_string(*labels.got);
    out += ",\"why\":" + jsonString(why) + "}\n";
    return;
  }
  out += what + " " + section + "+" + toHex(offset) + " " + toHex(address) + " " + type + " " +
         (symbol.empty() ? "-" : std::string(symbol)) + " = " + toHex(value) + " : " + why + "\n";
}

void RelocLog::addRewritten(const InputSection &isec, const ElfRela &rel, const Symbol &sym,
                            const std::string &relaSection, uint64_t offset, uint32_t type,
                            const std::string &symbol, int64_t addend, const std::string &note) {
  std::string symName(sym.name);
  if (symName.empty() && sym.section)
    symName = std::string(sym.section->name);
  std::string file = isec.file ? isec.file->displayName() : "<internal>";
  if (json) {
    out += "{\"kind\":\"reloc-out\",\"file\":" + jsonString(file) +
           ",\"section\":" + jsonString(isec.name) + ",\"offset\":" + std::to_string(rel.r_offset) +
           ",\"type\":" + jsonString(relocTypeName(rel.getType(false))) +
           ",\"symbol\":" + jsonString(symName) + ",\"A\":" + std::to_string(rel.r_addend) +
           ",\"out_section\":" + jsonString(relaSection);
    if (note.starts_with("dropped")) {
      out += ",\"note\":" + jsonString(note) + "}\n";
      return;
    }
    out += ",\"out_offset\":\"" + toHex(offset) +
           "\",\"out_type\":" + jsonString(relocTypeName(type)) +
           ",\"out_symbol\":" + jsonString(symbol) + ",\"out_A\":" + std::to_string(addend);
    if (!note.empty())
      out += ",\"note\":" + jsonString(note);
    out += "}\n";
    return;
  }
  out += isec.describe(rel.r_offset) + " " + relocTypeName(rel.getType(false)) + " " +
         (symName.empty() ? "-" : symName) + " A=" + std::to_string(rel.r_addend) + " => " +
         relaSection;
  if (note.starts_with("dropped")) {
    out += " [" + note + "]\n";
    return;
  }
  out += " " + toHex(offset) + " " + relocTypeName(type) + " " + (symbol.empty() ? "-" : symbol) +
         " A=" + std::to_string(addend);
  if (!note.empty())
    out += " [" + note + "]";
  out += "\n";
}

bool RelocLog::writeTo(const std::string &path, std::string &error) const {
  if (path == "-") {
    std::cout << out;
    std::cout.flush();
    return true;
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) {
    error = "cannot open " + path;
    return false;
  }
  f << out;
  f.close();
  if (!f) {
    error = "cannot write " + path;
    return false;
  }
  return true;
}

} // namespace mld
