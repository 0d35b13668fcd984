/* firstfit.c: the seed article's first allocator (5.2.1 free list, 5.2.2
 * "naive algorithm"), kept beside the buddy system of malloc.c so the two
 * can be compared on the same requests (docs/walkthrough.md, 5.3.3).
 *
 * The heap is one range grown with sbrk (article 5.1). Every block starts
 * with a 16-byte header holding its size (header included, a multiple of
 * 16) and a tag. Free blocks are kept on one singly linked list sorted by
 * address:
 * - allocation walks the list and takes the first block that is large
 *   enough; when the rest is still a usable block, the block is split and
 *   the free node moves up by the size taken (the article's "move the start
 *   by m, shrink the length by m");
 * - free walks the list to the block's place by address and merges it with
 *   the free neighbour before and after when they touch it.
 * Both walks are O(number of free blocks), the cost the article names.
 * When nothing fits the break is raised; when the top free block grows past
 * FF_TRIM bytes the break is lowered again, so the heap shrinks like
 * glibc's. The public names are mldc_ff_*: malloc stays the buddy system.
 * Not thread-safe, like the rest of the runtime. */
#include "mldc.h"
#include "mldc-alloc.h"

#define FF_HEADER 16
#define FF_MIN_BLOCK 32          /* header + the free-list link, rounded */
#define FF_GROW ((size_t)64 << 10)
#define FF_TRIM ((size_t)256 << 10)

#define TagFfFree 0xff00f4eeu
#define TagFfUsed 0xff00a110u

typedef struct FfBlock {
  size_t size;            /* whole block, header included */
  uint32_t tag;
  uint32_t pad;
  struct FfBlock *next;   /* free blocks only: the next one by address */
} FfBlock;

static struct {
  FfBlock *freeList;
  char *end;              /* where the heap's last sbrk range ends */
  size_t footprint, peakFootprint;
} ff;

static char *blockEnd(FfBlock *b) { return (char *)b + b->size; }

/* Insert b (already tagged free) by address and merge it with touching
   neighbours; returns the block that now contains b. */
static FfBlock *insertFree(FfBlock *b) {
  FfBlock *prev = NULL, *next = ff.freeList;
  while (next != NULL && next < b) {
    prev = next;
    next = next->next;
  }
  b->next = next;
  if (next != NULL && blockEnd(b) == (char *)next) {
    b->size += next->size;
    b->next = next->next;
  }
  if (prev != NULL && blockEnd(prev) == (char *)b) {
    prev->size += b->size;
    prev->next = b->next;
    return prev;
  }
  if (prev != NULL)
    prev->next = b;
  else
    ff.freeList = b;
  return b;
}

/* Raise the break by at least `need` bytes and free the new range. A range
   that does not follow the heap (someone else moved the break) becomes a
   separate free block; the list is by address, so that still works. */
static int growHeap(size_t need) {
  size_t grow = need > FF_GROW ? need : FF_GROW;
  grow = (grow + 4095) & ~(size_t)4095;
  char *old = sbrk(0);
  size_t pad = (size_t)(-(uintptr_t)old & 15);
  char *got = sbrk((intptr_t)(grow + pad));
  if (got == (char *)-1) return 0;
  got += pad;
  ff.end = got + grow;
  ff.footprint += grow + pad;
  if (ff.footprint > ff.peakFootprint) ff.peakFootprint = ff.footprint;
  FfBlock *b = (FfBlock *)got;
  b->size = grow;
  b->tag = TagFfFree;
  insertFree(b);
  return 1;
}

/* Give the top of the heap back when a large free block ends at the break
   (and the break is still ours). */
static void trimHeap(FfBlock *top) {
  if (blockEnd(top) != ff.end || top->size < FF_TRIM || sbrk(0) != ff.end) return;
  size_t give = (top->size - FF_GROW) & ~(size_t)4095;
  if (give == 0 || sbrk(-(intptr_t)give) == (void *)-1) return;
  top->size -= give;
  ff.end -= give;
  ff.footprint -= give;
}

static size_t blockSizeFor(size_t n) {
  if (n > ((size_t)1 << 62)) return 0;
  size_t size = (n + FF_HEADER + 15) & ~(size_t)15;
  return size < FF_MIN_BLOCK ? FF_MIN_BLOCK : size;
}

void *mldc_ff_malloc(size_t n) {
  size_t need = blockSizeFor(n);
  if (need == 0) {
    errno = ENOMEM;
    return NULL;
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    FfBlock *prev = NULL;
    for (FfBlock *b = ff.freeList; b != NULL; prev = b, b = b->next) {
      if (b->size < need) continue;
      FfBlock *rest = b->next;
      if (b->size - need >= FF_MIN_BLOCK) {
        rest = (FfBlock *)((char *)b + need);
        rest->size = b->size - need;
        rest->tag = TagFfFree;
        rest->next = b->next;
        b->size = need;
      }
      if (prev != NULL)
        prev->next = rest;
      else
        ff.freeList = rest;
      b->tag = TagFfUsed;
      return (char *)b + FF_HEADER;
    }
    if (attempt == 0 && !growHeap(need)) break;
  }
  errno = ENOMEM;
  return NULL;
}

void mldc_ff_free(void *p) {
  if (p == NULL) return;
  FfBlock *b = (FfBlock *)((char *)p - FF_HEADER);
  if (b->tag != TagFfUsed) abort(); /* double free or foreign pointer */
  b->tag = TagFfFree;
  FfBlock *merged = insertFree(b);
  if (merged->next == NULL) trimHeap(merged);
}

size_t mldc_ff_usable_size(void *p) {
  return p ? ((FfBlock *)((char *)p - FF_HEADER))->size - FF_HEADER : 0;
}

void *mldc_ff_realloc(void *p, size_t n) {
  if (p == NULL) return mldc_ff_malloc(n);
  if (n == 0) {
    mldc_ff_free(p);
    return NULL;
  }
  size_t have = mldc_ff_usable_size(p);
  if (n <= have) return p;
  void *q = mldc_ff_malloc(n);
  if (q == NULL) return NULL;
  memcpy(q, p, have);
  mldc_ff_free(p);
  return q;
}

void mldc_ff_stats(struct mldc_heap_stats *out) {
  memset(out, 0, sizeof *out);
  out->footprint = ff.footprint;
  out->peak_footprint = ff.peakFootprint;
  for (FfBlock *b = ff.freeList; b != NULL; b = b->next) {
    out->free_bytes += b->size;
    out->free_blocks += 1;
    if (b->size > out->largest_free) out->largest_free = b->size;
  }
}
