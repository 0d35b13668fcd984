/* alloc-bench.c: the runtime's two allocators on the same request trace
 * (seed article 5.2 and 5.3.3): the buddy system behind malloc (mmap'd
 * 1 MiB arenas) and the first-fit free list mldc_ff_* (the sbrk heap).
 *
 * The trace is made once from a fixed seed: OPS requests over SLOTS slots;
 * an empty slot gets a malloc, a full one is freed. Sizes are mostly
 * small (half up to 64 bytes) with a tail up to 32 KiB. Each allocator
 * replays it ROUNDS times (time: the best round); the memory figures are
 * taken in the first round, when the trace is at its most fragmented
 * point (the middle) and at its peak:
 *   requested   bytes the live blocks asked for
 *   held        bytes of the live blocks (header and rounding included)
 *   internal    held - requested: waste inside blocks (rounding, headers)
 *   footprint   bytes taken from the kernel (peak over the round)
 *   free        free bytes inside the footprint, in how many blocks
 *   external    1 - largest free block / free bytes: how scattered the
 *               free space is (0 = one block)
 * Usage: alloc-bench [OPS] (default 200000). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <malloc.h>

#include "mldc-alloc.h"

#define SLOTS 2000
#define ROUNDS 3
#define MAX_OPS 1000000

typedef struct {
  const char *name;
  void *(*alloc)(size_t);
  void (*release)(void *);
  size_t (*usable)(void *);
  void (*stats)(struct mldc_heap_stats *);
} Allocator;

static uint32_t slotOf[MAX_OPS];
static uint32_t sizeOf[MAX_OPS]; /* 0: free the slot */
static int ops;

static uint64_t rng = 0x2545f4914f6cdd1dull;
static uint32_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)rng;
}

static uint32_t pickSize(void) {
  uint32_t r = next() % 100;
  if (r < 50) return 8 + next() % 57;       /* 8..64 */
  if (r < 80) return 65 + next() % 448;     /* 65..512 */
  if (r < 95) return 513 + next() % 3584;   /* 513..4096 */
  return 4097 + next() % 28672;             /* 4097..32768 */
}

static void makeTrace(void) {
  static char live[SLOTS];
  for (int i = 0; i < ops; ++i) {
    uint32_t s = next() % SLOTS;
    slotOf[i] = s;
    sizeOf[i] = live[s] ? 0 : pickSize();
    live[s] = !live[s];
  }
}

typedef struct {
  double bestMs;
  size_t requested, held, peakFootprint;
  struct mldc_heap_stats middle;
} Result;

static double nowMs(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void replay(const Allocator *al, Result *out, int measure) {
  static void *ptr[SLOTS];
  static uint32_t want[SLOTS];
  for (int i = 0; i < ops; ++i) {
    uint32_t s = slotOf[i];
    if (sizeOf[i] == 0) {
      al->release(ptr[s]);
      ptr[s] = NULL;
    } else {
      ptr[s] = al->alloc(sizeOf[i]);
      want[s] = sizeOf[i];
    }
    if (measure && i == ops / 2) {
      for (int k = 0; k < SLOTS; ++k)
        if (ptr[k] != NULL) {
          out->requested += want[k];
          out->held += al->usable(ptr[k]) + 16; /* both headers are 16 bytes */
        }
      al->stats(&out->middle);
    }
  }
  for (int k = 0; k < SLOTS; ++k) {
    al->release(ptr[k]);
    ptr[k] = NULL;
  }
}

static void bench(const Allocator *al, Result *r) {
  replay(al, r, 1);
  struct mldc_heap_stats s;
  al->stats(&s);
  r->peakFootprint = s.peak_footprint;
  r->bestMs = 1e30;
  for (int round = 0; round < ROUNDS; ++round) {
    double t0 = nowMs();
    replay(al, r, 0);
    double ms = nowMs() - t0;
    if (ms < r->bestMs) r->bestMs = ms;
  }
}

static void report(const Allocator *al, const Result *r) {
  const struct mldc_heap_stats *m = &r->middle;
  double external = m->free_bytes ? 1.0 - (double)m->largest_free / m->free_bytes : 0;
  printf("%-10s %8.1f %6.0f %9zu %13zu %5.1f %9zu %9zu %7zu %11.1f\n", al->name, r->bestMs,
         r->bestMs * 1e6 / ops, r->held >> 10, (r->held - r->requested) >> 10,
         100.0 * (r->held - r->requested) / r->held, r->peakFootprint >> 10,
         m->free_bytes >> 10, m->free_blocks, 100.0 * external);
}

int main(int argc, char **argv) {
  ops = argc > 1 ? atoi(argv[1]) : 200000;
  if (ops < 2 || ops > MAX_OPS) ops = 200000;
  makeTrace();
  Allocator buddy = {"buddy", malloc, free, malloc_usable_size, mldc_buddy_stats};
  Allocator firstFit = {"first-fit", mldc_ff_malloc, mldc_ff_free, mldc_ff_usable_size,
                        mldc_ff_stats};
  Result rb = {0}, rf = {0};
  bench(&buddy, &rb);
  bench(&firstFit, &rf);
  printf("%d requests over %d slots, %zu KiB requested by the live blocks at mid-trace\n",
         ops, SLOTS, rb.requested >> 10);
  printf("allocator  ms/round  ns/op  held KiB  internal KiB     %%  peak KiB  free KiB"
         "  blocks  external %%\n");
  report(&buddy, &rb);
  report(&firstFit, &rf);
  return 0;
}
