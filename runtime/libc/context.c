/* context.c: preparing a context for mldc_swapcontext (context.S). */
#include "mldc.h"
#include "mldc-context.h"

MLDC_HIDDEN void mldcContextStart(void);
MLDC_HIDDEN MLDC_NORETURN void mldcContextExit(mldc_context *link);

/* The new stack, from its (16-byte aligned) top down: 16 bytes of padding,
   then what mldc_swapcontext pops (return address = mldcContextStart,
   %rbp, %rbx, %r12..%r15). After its `ret` %rsp is top - 16: aligned. */
void mldc_makecontext(mldc_context *c, void *stack, size_t size,
                      void (*fn)(void *), void *arg, mldc_context *link) {
  uintptr_t top = ((uintptr_t)stack + size) & ~(uintptr_t)15;
  uint64_t *sp = (uint64_t *)(top - 16 - 7 * 8);
  sp[0] = 0;                          /* %r15 */
  sp[1] = (uint64_t)link;             /* %r14 */
  sp[2] = (uint64_t)arg;              /* %r13 */
  sp[3] = (uint64_t)fn;               /* %r12 */
  sp[4] = 0;                          /* %rbx */
  sp[5] = 0;                          /* %rbp: ends the frame-pointer chain */
  sp[6] = (uint64_t)mldcContextStart; /* where the first switch "returns" */
  sp[7] = sp[8] = 0;                  /* padding up to the aligned top */
  c->sp = sp;
}

/* fn returned: continue in the link context; the finished one is never
   resumed, so where its stack pointer is saved does not matter. */
void mldcContextExit(mldc_context *link) {
  mldc_context finished;
  if (link != NULL) mldc_swapcontext(&finished, link);
  abort();
}
