// Pass timing and link statistics.
#include "stats.h"

#include "context.h"
#include "diag.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sys/resource.h>

namespace mld {

static double msSince(std::chrono::steady_clock::time_point a,
                      std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// User plus system time of the whole process so far, in milliseconds.
static double processCpuMs() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  auto ms = [](const timeval &tv) { return tv.tv_sec * 1000.0 + tv.tv_usec / 1000.0; };
  return ms(ru.ru_utime) + ms(ru.ru_stime);
}

ScopedTimer::ScopedTimer(Context &ctx, const char *name)
    : ctx(ctx), enabled(ctx.config.stats || !ctx.config.timeTracePath.empty()) {
  if (!enabled)
    return;
  start = std::chrono::steady_clock::now();
  cpuStart = processCpuMs();
  index = ctx.passTimes.size();
  ctx.passTimes.push_back({name, ctx.timerDepth++, msSince(ctx.linkStart, start), 0});
}

ScopedTimer::~ScopedTimer() {
  if (!enabled)
    return;
  ctx.passTimes[index].durationMs = msSince(start, std::chrono::steady_clock::now());
  ctx.passTimes[index].cpuMs = processCpuMs() - cpuStart;
  ctx.timerDepth--;
}

void reportStats(Context &ctx) {
  const Config &cfg = ctx.config;
  if (cfg.stats) {
    uint64_t sections = 0, relocs = 0, locals = 0;
    for (ObjectFile *f : ctx.objs) {
      for (InputSection *isec : f->sections)
        if (isec) {
          sections++;
          relocs += isec->relas.size();
        }
      locals += f->localSymbols.size();
    }
    uint64_t bytes = 0;
    for (auto &b : ctx.buffers)
      bytes += b->getBufferSize();
    fprintf(stderr, "mld: stats\n");
    fprintf(stderr, "  %-28s %10zu\n", "input files (mapped)", ctx.buffers.size());
    fprintf(stderr, "  %-28s %10llu\n", "input bytes", (unsigned long long)bytes);
    fprintf(stderr, "  %-28s %10zu\n", "object files linked", ctx.objs.size());
    fprintf(stderr, "  %-28s %10zu\n", "shared libraries", ctx.dsos.size());
    fprintf(stderr, "  %-28s %10llu\n", "input sections", (unsigned long long)sections);
    fprintf(stderr, "  %-28s %10llu\n", "relocations", (unsigned long long)relocs);
    fprintf(stderr, "  %-28s %10zu\n", "global symbols", ctx.symtab.symbols.size());
    fprintf(stderr, "  %-28s %10llu\n", "local symbols", (unsigned long long)locals);
    fprintf(stderr, "  %-28s %10zu\n", "output chunks", ctx.chunks.size());
    fprintf(stderr, "  %-28s %10llu\n", "output bytes", (unsigned long long)ctx.fileSize);
    // Where the memory is, at the end of the link: the mapped inputs and
    // output (file and shmem pages) against the heap (anonymous pages).
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
      for (auto [key, label] : {std::pair{"VmHWM:", "peak RSS (KiB)"},
                                {"RssAnon:", "RssAnon: (KiB)"},
                                {"RssFile:", "RssFile: (KiB)"},
                                {"RssShmem:", "RssShmem: (KiB)"}})
        if (line.rfind(key, 0) == 0)
          fprintf(stderr, "  %-28s %10llu\n", label,
                  std::strtoull(line.c_str() + strlen(key), nullptr, 10));
    fprintf(stderr, "  pass times (ms):                  wall        cpu\n");
    for (const PassTime &p : ctx.passTimes)
      fprintf(stderr, "  %*s%-*s %10.2f %10.2f\n", p.depth * 2, "", 28 - p.depth * 2,
              p.name.c_str(), p.durationMs, p.cpuMs);
  }
  if (!cfg.timeTracePath.empty()) {
    // Chrome's trace-event format: one complete ("X") event per pass.
    std::ofstream out(cfg.timeTracePath);
    out << "{\"traceEvents\":[";
    for (size_t i = 0; i < ctx.passTimes.size(); i++) {
      const PassTime &p = ctx.passTimes[i];
      char buf[256];
      snprintf(buf, sizeof buf,
               "%s{\"name\":\"%s\",\"ph\":\"X\",\"pid\":1,\"tid\":1,"
               "\"ts\":%.0f,\"dur\":%.0f}",
               i ? "," : "", p.name.c_str(), p.startMs * 1000, p.durationMs * 1000);
      out << buf;
    }
    out << "]}\n";
    if (!out)
      Warn(ctx) << "cannot write " << cfg.timeTracePath;
  }
}

} // namespace mld
