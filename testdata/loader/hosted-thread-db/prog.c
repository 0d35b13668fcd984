/* libthread_db, glibc's library for debuggers, is an ordinary library that
   needs the debugger to define the proc_service callbacks (ps_pdread,
   ps_pglobal_lookup, ...). Loaded with RTLD_NOW, every one of them must be
   found in the program, exported with -rdynamic, as gdb exports them. */
#include <dlfcn.h>
#include <stdio.h>

typedef int ps_err;
struct ps_prochandle;
ps_err ps_pdread(struct ps_prochandle *h, unsigned long a, void *b, unsigned long n) { return 1; }
ps_err ps_pdwrite(struct ps_prochandle *h, unsigned long a, const void *b, unsigned long n) { return 1; }
ps_err ps_ptread(struct ps_prochandle *h, unsigned long a, void *b, unsigned long n) { return 1; }
ps_err ps_ptwrite(struct ps_prochandle *h, unsigned long a, const void *b, unsigned long n) { return 1; }
ps_err ps_pglobal_lookup(struct ps_prochandle *h, const char *o, const char *n, unsigned long *a) {
  return 1;
}
ps_err ps_lgetregs(struct ps_prochandle *h, int l, void *r) { return 1; }
ps_err ps_lsetregs(struct ps_prochandle *h, int l, const void *r) { return 1; }
ps_err ps_lgetfpregs(struct ps_prochandle *h, int l, void *r) { return 1; }
ps_err ps_lsetfpregs(struct ps_prochandle *h, int l, const void *r) { return 1; }
int ps_getpid(struct ps_prochandle *h) { return 0; }

int main(void) {
  void *db = dlopen("libthread_db.so.1", RTLD_NOW);
  if (!db) {
    printf("dlopen: %s\n", dlerror());
    return 1;
  }
  int (*td_init)(void) = (int (*)(void))dlsym(db, "td_init");
  printf("td_init: %s, returns %d\n", td_init ? "found" : "missing", td_init ? td_init() : -1);
  return 0;
}
