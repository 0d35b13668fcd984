/* mldc-context.h: the runtime's stack switch (seed article 4.2), a small
 * swapcontext: a context is only a saved stack pointer; the callee-saved
 * registers and the return address live on the stack it points to.
 *
 *   mldc_makecontext(&c, stack, size, fn, arg, &link)
 *       prepares c so that switching to it runs fn(arg) on [stack,
 *       stack + size); when fn returns, control switches to `link`.
 *   mldc_swapcontext(&save, &to)
 *       saves the running context in save and resumes `to` (libc/context.S).
 */
#ifndef MLDC_CONTEXT_H
#define MLDC_CONTEXT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mldc_context {
  void *sp; /* the stack pointer at the last switch away */
} mldc_context;

void mldc_makecontext(mldc_context *c, void *stack, size_t size,
                      void (*fn)(void *), void *arg, mldc_context *link);
void mldc_swapcontext(mldc_context *save, const mldc_context *to);

#ifdef __cplusplus
}
#endif
#endif
