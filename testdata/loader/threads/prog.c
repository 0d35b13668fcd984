/* Four threads (raw clone: the runtime has no thread library) make the
   first calls to the same 200 lazily bound functions at the same time.
   Fixup takes no lock and binds each slot with one 8-byte store, so every
   thread must get every right answer. The threads never touch the libc or
   TLS: they share the main thread's %fs. */
#include <stdio.h>
#define NFUNC 200
#define NTHREAD 4
long call_all(long seed); /* generated: calls f0..f199 through the PLT */
static long results[NTHREAD];
static volatile int started, done;
static char stacks[NTHREAD][65536] __attribute__((aligned(16)));

static void yield(void) { /* sched_yield: only 2 cores, 5 spinning threads */
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(24L) : "rcx", "r11", "memory");
}

static void worker(void) {
  int me = __atomic_fetch_add(&started, 1, __ATOMIC_SEQ_CST);
  while (started < NTHREAD) /* start together */
    yield();
  results[me] = call_all(1);
  __atomic_fetch_add(&done, 1, __ATOMIC_SEQ_CST);
}

/* clone(CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM) onto `top`; the child
   calls fn and leaves with exit (not exit_group). */
static long spawn(void *top, void (*fn)(void)) {
  long ret;
  register long r10 asm("r10") = 0;
  register long r8 asm("r8") = 0;
  __asm__ volatile("syscall\n\t"
                   "test %%rax, %%rax\n\t"
                   "jnz 1f\n\t"
                   "call *%%rbx\n\t"
                   "movl $60, %%eax\n\t"
                   "xorl %%edi, %%edi\n\t"
                   "syscall\n"
                   "1:"
                   : "=a"(ret)
                   : "a"(56L), "D"(0x50f00L), "S"(top), "d"(0L), "r"(r10), "r"(r8), "b"(fn)
                   : "rcx", "r11", "memory");
  return ret;
}

int main(void) {
  for (int i = 0; i < NTHREAD; ++i)
    if (spawn(stacks[i] + sizeof stacks[i], worker) < 0) return 1;
  while (done < NTHREAD)
    yield();
  for (int i = 0; i < NTHREAD; ++i) printf("thread result %ld\n", results[i]);
  printf("main result %ld\n", call_all(1));
  return 0;
}
