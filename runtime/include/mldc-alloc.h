/* mldc-alloc.h: the runtime's allocators beside malloc, for programs that
 * compare them (testdata/article/alloc-bench.c). malloc/free are the buddy
 * system (libc/malloc.c, over mmap'd arenas); mldc_ff_* is a first-fit
 * address-ordered free list over the sbrk heap (libc/firstfit.c). Both
 * report the same statistics, so their fragmentation can be compared. */
#ifndef MLDC_ALLOC_H
#define MLDC_ALLOC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct mldc_heap_stats {
  size_t footprint;      /* bytes the allocator holds from the kernel now */
  size_t peak_footprint; /* the most it ever held */
  size_t free_bytes;     /* of the footprint, bytes in free blocks */
  size_t free_blocks;    /* how many free blocks */
  size_t largest_free;   /* the largest free block (whole block, header included) */
};

void *mldc_ff_malloc(size_t size);
void mldc_ff_free(void *p);
void *mldc_ff_realloc(void *p, size_t size);
size_t mldc_ff_usable_size(void *p);
void mldc_ff_stats(struct mldc_heap_stats *out);

/* malloc's buddy arenas (blocks above 1 MiB have their own mappings and
   are not counted). */
void mldc_buddy_stats(struct mldc_heap_stats *out);

#ifdef __cplusplus
}
#endif
#endif
