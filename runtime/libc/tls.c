/* tls.c: static-only start-up work that a dynamic loader would otherwise
 * do: applying a static PIE's RELATIVE relocations (DT_RELA and DT_RELR)
 * and any IRELATIVE (ifunc) ones, and building the executable's TLS block +
 * TCB (x86-64 TLS variant II) and pointing %fs at it. Not compiled into
 * libmldc.so. */
#include "mldc.h"

typedef struct {
  uint32_t p_type, p_flags;
  uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
} Phdr;

typedef struct {
  int64_t d_tag;
  uint64_t d_val;
} Dyn;

#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_PHDR 6
#define PT_TLS 7
#define DT_NULL 0
#define DT_RELA 7
#define DT_RELASZ 8
#define DT_PLTRELSZ 2
#define DT_JMPREL 23
#define DT_RELRSZ 35
#define DT_RELR 36
#define R_X86_64_RELATIVE 8
#define R_X86_64_IRELATIVE 37

/* The TCB: %fs:0 must hold its own address (psABI TLS, variant II), and
   gcc's stack protector reads the canary at %fs:0x28. */
#define TCB_SIZE 256
#define TCB_CANARY_OFFSET 0x28

static unsigned long auxValue(unsigned long *auxv, unsigned long tag) {
  for (; auxv[0] != AT_NULL; auxv += 2)
    if (auxv[0] == tag) return auxv[1];
  return 0;
}

/* Load bias of the executable: where its headers ended up minus where
   the linker put them (0 for ET_EXEC). PT_PHDR gives it directly; static
   PIEs often lack PT_PHDR, and then the ELF header is found at the start
   of AT_PHDR's page (e_phoff is small) and checked before use. */
static const Phdr *programHeaders(unsigned long *auxv, size_t *count,
                                  uint64_t *bias) {
  const Phdr *ph = (const Phdr *)auxValue(auxv, AT_PHDR);
  *count = auxValue(auxv, AT_PHNUM);
  *bias = 0;
  for (size_t i = 0; i < *count; ++i)
    if (ph[i].p_type == PT_PHDR) {
      *bias = (uint64_t)ph - ph[i].p_vaddr;
      return ph;
    }
  const unsigned char *ehdr = (const unsigned char *)((uint64_t)ph & ~(uint64_t)4095);
  uint64_t phoff;
  memcpy(&phoff, ehdr + 32, sizeof phoff); /* e_phoff */
  if (memcmp(ehdr, "\177ELF", 4) != 0 || (uint64_t)ehdr + phoff != (uint64_t)ph)
    return ph;
  for (size_t i = 0; i < *count; ++i)
    if (ph[i].p_type == PT_LOAD && ph[i].p_offset == 0) {
      *bias = (uint64_t)ehdr - ph[i].p_vaddr;
      break;
    }
  return ph;
}

/* ld.bfd (and mld) bracket a non-PIE static executable's IRELATIVE
   relocations with these; weak, as a program without ifuncs may lack them. */
extern const uint64_t __rela_iplt_start[] __attribute__((weak, visibility("hidden")));
extern const uint64_t __rela_iplt_end[] __attribute__((weak, visibility("hidden")));

typedef uint64_t (*IfuncResolver)(void);

static void applyRelocs(const uint64_t *r, const uint64_t *end, uint64_t bias,
                        uint32_t type) {
  for (; r < end; r += 3) {
    if ((r[1] & 0xffffffff) != type) continue;
    uint64_t *where = (uint64_t *)(bias + r[0]);
    *where = type == R_X86_64_RELATIVE ? bias + r[2]
                                       : ((IfuncResolver)(bias + r[2]))();
  }
}

/* DT_RELR (-z pack-relative-relocs), gABI SHT_RELR: an even word is a
   place, an odd one a bitmap of the 63 words after the run's start (bit
   k + 1: word k); the addend is the word in place. */
static void applyRelr(const uint64_t *w, uint64_t count, uint64_t bias) {
  uint64_t *where = NULL;
  for (uint64_t i = 0; i < count; ++i) {
    if ((w[i] & 1) == 0) {
      where = (uint64_t *)(bias + w[i]);
      *where++ += bias;
      continue;
    }
    for (uint64_t bits = w[i] >> 1, k = 0; bits != 0; bits >>= 1, ++k)
      if (bits & 1) where[k] += bias;
    where += 63;
  }
}

/* Called before anything reads pointers from data. Only hidden symbols and
   locals are touched here, so the code itself needs no relocation. A
   static PIE (bias != 0) carries RELATIVE and IRELATIVE in its dynamic
   tables; a non-PIE one only has IRELATIVE, in the __rela_iplt range.
   IRELATIVE goes second: a resolver may read relocated data. */
void mldcRelocateStatic(unsigned long *auxv) {
  size_t n;
  uint64_t bias;
  const Phdr *ph = programHeaders(auxv, &n, &bias);
  if (bias == 0) {
    applyRelocs(__rela_iplt_start, __rela_iplt_end, 0, R_X86_64_IRELATIVE);
    return;
  }
  const Dyn *dyn = NULL;
  for (size_t i = 0; i < n; ++i)
    if (ph[i].p_type == PT_DYNAMIC) dyn = (const Dyn *)(bias + ph[i].p_vaddr);
  if (dyn == NULL) return;
  /* Two tables: DT_RELA, and DT_JMPREL where ld.bfd puts IRELATIVE. */
  uint64_t table[2] = {0, 0}, size[2] = {0, 0}, relr = 0, relrsz = 0;
  for (; dyn->d_tag != DT_NULL; ++dyn) {
    if (dyn->d_tag == DT_RELR) relr = dyn->d_val;
    if (dyn->d_tag == DT_RELRSZ) relrsz = dyn->d_val;
    if (dyn->d_tag == DT_RELA) table[0] = dyn->d_val;
    if (dyn->d_tag == DT_RELASZ) size[0] = dyn->d_val;
    if (dyn->d_tag == DT_JMPREL) table[1] = dyn->d_val;
    if (dyn->d_tag == DT_PLTRELSZ) size[1] = dyn->d_val;
  }
  /* RELR first: it holds RELATIVE relocations only, and IRELATIVE comes
     last. */
  applyRelr((const uint64_t *)(bias + relr), relrsz / 8, bias);
  const uint32_t passes[2] = {R_X86_64_RELATIVE, R_X86_64_IRELATIVE};
  for (int p = 0; p < 2; ++p)
    for (int t = 0; t < 2; ++t) {
      const uint64_t *begin = (const uint64_t *)(bias + table[t]);
      applyRelocs(begin, begin + size[t] / 8, bias, passes[p]);
    }
}

void mldcSetupStaticTls(unsigned long *auxv) {
  size_t n;
  uint64_t bias;
  const Phdr *ph = programHeaders(auxv, &n, &bias);
  const Phdr *tls = NULL;
  for (size_t i = 0; i < n; ++i)
    if (ph[i].p_type == PT_TLS) tls = &ph[i];

  uint64_t memsz = tls ? tls->p_memsz : 0;
  uint64_t tlsAlign = tls && tls->p_align > 1 ? tls->p_align : 1;
  uint64_t vaddr = tls ? tls->p_vaddr : 0;
  /* Variant II: the block ends at the thread pointer, and the offset is
     chosen so that tp - offset is congruent to p_vaddr mod p_align; this
     is the same TPOFF the linker computed (lld's formula; equal to bfd's
     alignUp(memsz, p_align) when p_vaddr is aligned). */
  uint64_t offset = memsz + ((-vaddr - memsz) & (tlsAlign - 1));
  uint64_t align = tlsAlign > 64 ? tlsAlign : 64; /* for tp itself */

  size_t size = (offset + align + TCB_SIZE + 4095) & ~(size_t)4095;
  char *block = mmap(NULL, size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED) _exit(127);
  uint64_t tp = ((uint64_t)block + offset + align - 1) & ~(align - 1);
  char *image = (char *)(tp - offset);
  if (tls) memcpy(image, (const char *)(bias + vaddr), tls->p_filesz);
  /* mmap memory is already zero, so .tbss needs no clearing. */

  *(uint64_t *)tp = tp;
  const unsigned char *rnd = (const unsigned char *)auxValue(auxv, AT_RANDOM);
  uint64_t canary = 0;
  if (rnd) memcpy(&canary, rnd, sizeof canary);
  canary &= ~(uint64_t)0xff; /* glibc: low byte 0 stops string overreads */
  *(uint64_t *)(tp + TCB_CANARY_OFFSET) = canary;
  if (arch_prctl(ARCH_SET_FS, tp) != 0) _exit(127);
}
