/* malloc.c: the allocator, a binary buddy system (seed article 5.2.4).
 *
 * Memory comes from mmap in arenas of 2^ARENA_ORDER bytes, each aligned to
 * its own size. Every block has order k (2^k bytes, MIN_ORDER..ARENA_ORDER)
 * and starts at an arena offset that is a multiple of 2^k, so its buddy is
 * at offset ^ 2^k. Free blocks sit on one doubly linked list per order (the
 * size classes). malloc takes the smallest non-empty order >= the need and
 * splits it in halves, pushing each upper half on its list; free merges a
 * block with its buddy while the buddy is free and of the same order.
 * Requests above the largest class get their own mapping. Every block
 * begins with a 16-byte header, so payloads are 16-byte aligned.
 *
 * Not thread-safe: all state is in `heap`, so one lock around the public
 * entry points would make it so. */
#include "mldc.h"
#include "mldc-alloc.h"

#define MIN_ORDER 5                /* 32 bytes: header + two list links */
#define ARENA_ORDER 20             /* 1 MiB */
#define ARENA_SIZE ((size_t)1 << ARENA_ORDER)
#define HEADER_SIZE 16

#define TagFree 0xf4eeb10cu
#define TagUsed 0xa110c8edu
#define TagLarge 0x1a46eb1cu   /* own mapping; `extra` = mapping length */
#define TagAligned 0xa1196ed0u /* memalign shim; `extra` = distance back */

typedef struct Header {
  uint32_t tag;
  uint32_t order;
  uint64_t extra;
} Header;

typedef struct FreeBlock {
  Header header;
  struct FreeBlock *next, *prev;
} FreeBlock;

static struct {
  FreeBlock *freeLists[ARENA_ORDER + 1];
  size_t arenas; /* arenas are never returned, so this is also the peak */
} heap;

static char *arenaBase(void *block) {
  return (char *)((uintptr_t)block & ~(uintptr_t)(ARENA_SIZE - 1));
}

static void pushFree(FreeBlock *b, uint32_t order) {
  b->header.tag = TagFree;
  b->header.order = order;
  b->prev = NULL;
  b->next = heap.freeLists[order];
  if (b->next) b->next->prev = b;
  heap.freeLists[order] = b;
}

static void unlinkFree(FreeBlock *b) {
  if (b->prev)
    b->prev->next = b->next;
  else
    heap.freeLists[b->header.order] = b->next;
  if (b->next) b->next->prev = b->prev;
  b->header.tag = TagUsed;
}

static FreeBlock *buddyOf(Header *h, uint32_t order) {
  char *base = arenaBase(h);
  return (FreeBlock *)(base + (((char *)h - base) ^ ((size_t)1 << order)));
}

/* Map a fresh arena aligned to ARENA_SIZE (over-map, then trim both ends)
   and put it on the top-order list. */
static int addArena(void) {
  char *raw = mmap(NULL, 2 * ARENA_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return 0;
  char *arena = (char *)(((uintptr_t)raw + ARENA_SIZE - 1) & ~(ARENA_SIZE - 1));
  if (arena > raw) munmap(raw, (size_t)(arena - raw));
  char *tail = arena + ARENA_SIZE;
  if (tail < raw + 2 * ARENA_SIZE) munmap(tail, (size_t)(raw + 2 * ARENA_SIZE - tail));
  pushFree((FreeBlock *)arena, ARENA_ORDER);
  ++heap.arenas;
  return 1;
}

static uint32_t orderFor(size_t size) {
  uint32_t order = MIN_ORDER;
  while (((size_t)1 << order) < size + HEADER_SIZE) ++order;
  return order;
}

static void *allocLarge(size_t size) {
  size_t len = (size + HEADER_SIZE + 4095) & ~(size_t)4095;
  Header *h = mmap(NULL, len, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (h == MAP_FAILED) return NULL;
  h->tag = TagLarge;
  h->extra = len;
  return h + 1;
}

void *malloc(size_t size) {
  if (size > ARENA_SIZE - HEADER_SIZE) {
    if (size > ((size_t)1 << 62)) {
      errno = ENOMEM;
      return NULL;
    }
    return allocLarge(size);
  }
  uint32_t want = orderFor(size);
  uint32_t order = want;
  while (order <= ARENA_ORDER && heap.freeLists[order] == NULL) ++order;
  if (order > ARENA_ORDER) {
    if (!addArena()) {
      errno = ENOMEM;
      return NULL;
    }
    order = ARENA_ORDER;
  }
  FreeBlock *b = heap.freeLists[order];
  unlinkFree(b);
  /* Split down: keep the lower half, free the upper half. */
  while (order > want) {
    --order;
    pushFree((FreeBlock *)((char *)b + ((size_t)1 << order)), order);
  }
  b->header.tag = TagUsed;
  b->header.order = order;
  return &b->header + 1;
}

static Header *headerOf(void *p) {
  Header *h = (Header *)p - 1;
  if (h->tag == TagAligned) h = (Header *)((char *)h - h->extra);
  return h;
}

static void releaseBlock(Header *h) {
  uint32_t order = h->order;
  /* Coalesce upward while the buddy is a free block of the same order. */
  while (order < ARENA_ORDER) {
    FreeBlock *buddy = buddyOf(h, order);
    if (buddy->header.tag != TagFree || buddy->header.order != order) break;
    unlinkFree(buddy);
    if ((char *)buddy < (char *)h) h = &buddy->header;
    ++order;
  }
  pushFree((FreeBlock *)h, order);
}

void free(void *p) {
  if (p == NULL) return;
  Header *h = headerOf(p);
  if (h->tag == TagLarge) {
    munmap(h, h->extra);
    return;
  }
  if (h->tag != TagUsed) abort(); /* double free or foreign pointer */
  releaseBlock(h);
}

void *calloc(size_t n, size_t size) {
  if (size != 0 && n > (size_t)-1 / size) {
    errno = ENOMEM;
    return NULL;
  }
  void *p = malloc(n * size);
  if (p) memset(p, 0, n * size);
  return p;
}

static size_t usableSize(void *p) {
  Header *h = headerOf(p);
  size_t total = h->tag == TagLarge ? h->extra : (size_t)1 << h->order;
  return total - (size_t)((char *)p - (char *)h);
}

size_t malloc_usable_size(void *p) { return p ? usableSize(p) : 0; }

/* Grow a buddy block in place: possible while it is the lower half of its
   pair and the upper half is free and whole, up to the needed order. */
static int growInPlace(Header *h, uint32_t want) {
  if (want > ARENA_ORDER) return 0;
  for (uint32_t o = h->order; o < want; ++o) {
    if ((((char *)h - arenaBase(h)) >> o) & 1) return 0;
    FreeBlock *buddy = buddyOf(h, o);
    if (buddy->header.tag != TagFree || buddy->header.order != o) return 0;
  }
  for (uint32_t o = h->order; o < want; ++o) unlinkFree(buddyOf(h, o));
  h->order = want;
  return 1;
}

void *realloc(void *p, size_t size) {
  if (p == NULL) return malloc(size);
  if (size == 0) {
    free(p);
    return NULL;
  }
  size_t have = usableSize(p);
  if (size <= have) return p;
  Header *h = headerOf(p);
  if (h->tag == TagUsed && (void *)(h + 1) == p &&
      size <= ARENA_SIZE - HEADER_SIZE && growInPlace(h, orderFor(size)))
    return p;
  void *q = malloc(size);
  if (q == NULL) return NULL;
  memcpy(q, p, have);
  free(p);
  return q;
}

/* Over-allocate, then place a TagAligned header just before the aligned
   payload that points back at the real block, so free() finds it. */
static void *allocAligned(size_t align, size_t size) {
  if (align <= HEADER_SIZE) return malloc(size);
  if (size > (size_t)-1 - align - HEADER_SIZE) return NULL;
  char *raw = malloc(size + align + HEADER_SIZE);
  if (raw == NULL) return NULL;
  char *aligned = (char *)(((uintptr_t)raw + HEADER_SIZE + align - 1) & ~(uintptr_t)(align - 1));
  Header *shim = (Header *)aligned - 1;
  Header *real = (Header *)raw - 1;
  shim->tag = TagAligned;
  shim->order = 0;
  shim->extra = (uint64_t)((char *)shim - (char *)real);
  return aligned;
}

static int isPowerOfTwo(size_t v) { return v != 0 && (v & (v - 1)) == 0; }

int posix_memalign(void **out, size_t align, size_t size) {
  if (!isPowerOfTwo(align) || align % sizeof(void *) != 0) return EINVAL;
  void *p = allocAligned(align, size);
  if (p == NULL) return ENOMEM;
  *out = p;
  return 0;
}

void *aligned_alloc(size_t align, size_t size) {
  if (!isPowerOfTwo(align)) {
    errno = EINVAL;
    return NULL;
  }
  return allocAligned(align, size);
}

void *memalign(size_t align, size_t size) { return aligned_alloc(align, size); }

/* For the allocator comparison (mldc-alloc.h): what the free lists hold. */
void mldc_buddy_stats(struct mldc_heap_stats *out) {
  memset(out, 0, sizeof *out);
  out->footprint = out->peak_footprint = heap.arenas * ARENA_SIZE;
  for (uint32_t order = MIN_ORDER; order <= ARENA_ORDER; ++order)
    for (FreeBlock *b = heap.freeLists[order]; b != NULL; b = b->next) {
      out->free_bytes += (size_t)1 << order;
      out->free_blocks += 1;
      out->largest_free = (size_t)1 << order;
    }
}
